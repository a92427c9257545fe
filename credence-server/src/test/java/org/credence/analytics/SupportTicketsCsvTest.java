package org.credence.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.AlphaChars;
import org.credence.domain.DomainException;
import org.junit.jupiter.api.Test;

/** The support-ticket CSV reader: date,count,channel lines, an optional header, errors naming the line. */
class SupportTicketsCsvTest {

    @Test
    void aHeaderIsSkippedAndChannelsAreLowerCased() {
        assertThat(SupportTickets.parseCsv("date,count,channel\r\n2026-03-02, 4 ,Email\n\n2026-03-03,0,phone\n"))
                .containsExactly(new SupportTickets.Count(LocalDate.of(2026, 3, 2), "email", 4), new SupportTickets.Count(LocalDate.of(2026, 3, 3), "phone", 0));
    }

    @Test
    void aBadLineIsAnErrorNamingItsNumber() {
        assertThatThrownBy(() -> SupportTickets.parseCsv("date,count,channel\n2026-03-02,4,email\n2026-03-32,1,email\n"))
                .isInstanceOf(DomainException.InvalidInput.class).hasMessageContaining("line 3");
        assertThatThrownBy(() -> SupportTickets.parseCsv("2026-03-02;4;email")).hasMessageContaining("line 1");
    }

    @Property
    void whatIsWrittenIsReadBack(@ForAll @Size(max = 50) List<@IntRange(min = 0, max = 100_000) Integer> counts,
                                 @ForAll @AlphaChars @StringLength(min = 1, max = 20) String channel) {
        StringBuilder csv = new StringBuilder("date,count,channel\n");
        for (int i = 0; i < counts.size(); i++) {
            csv.append(LocalDate.of(2026, 1, 1).plusDays(i)).append(',').append(counts.get(i)).append(',').append(channel).append('\n');
        }
        List<SupportTickets.Count> read = SupportTickets.parseCsv(csv.toString());
        assertThat(read).extracting(SupportTickets.Count::tickets).containsExactlyElementsOf(counts);
        assertThat(read).allSatisfy(c -> assertThat(c.channel()).isEqualTo(channel.toLowerCase(java.util.Locale.ROOT)));
    }

    @Property
    void anyTextIsReadOrRefusedWithAnInvalidInputNeverAnotherException(@ForAll @StringLength(max = 200) String text) {
        try {
            SupportTickets.parseCsv(text);
        } catch (DomainException.InvalidInput expected) {
            assertThat(expected.getMessage()).contains("line");
        }
    }
}
