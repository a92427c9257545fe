package org.credence.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MailTextTest {
    @Property
    void a_value_is_inserted_exactly_as_given_even_when_it_looks_like_a_placeholder(@ForAll String name, @ForAll String issuer) {
        String text = MailText.of("en", "hello", Map.of("name", name, "issuer", issuer));
        assertThat(text).isEqualTo("Hello " + name + ",");
    }

    @Test
    void a_value_that_names_another_placeholder_is_not_expanded() {
        assertThat(MailText.of("nb", "credential_issued.body", Map.of("issuer", "{achievement}", "achievement", "Kurs $1 \\", "number", "CRD-1")))
                .isEqualTo("{achievement} har tildelt deg Kurs $1 \\. Sertifikatnummeret ditt er CRD-1.");
    }

    @Test
    void retries_back_off_exponentially_with_jitter_up_to_a_cap() {
        MailWorker worker = new MailWorker(null, null, null, MailAttachments.NONE, "x@example.org", Clock.systemUTC(), new SecureRandom(), java.time.Duration.ZERO);
        for (int attempt = 1; attempt <= MailWorker.MAX_ATTEMPTS; attempt++) {
            Duration full = MailWorker.FIRST_RETRY.multipliedBy(1L << (attempt - 1));
            Duration cap = full.compareTo(MailWorker.LONGEST_RETRY) > 0 ? MailWorker.LONGEST_RETRY : full;
            Duration delay = worker.backoff(attempt);
            assertThat(delay).isBetween(cap.dividedBy(2), cap);
        }
    }
}
