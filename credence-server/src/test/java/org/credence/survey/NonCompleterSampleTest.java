package org.credence.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The non-completer sample: only listed non-earners, the asked size, and the same sample for the same content and seed. */
class NonCompleterSampleTest {
    @Property
    void the_sample_is_drawn_from_listed_non_earners_only_and_depends_on_content_and_seed_not_order(
            @ForAll @Size(max = 60) List<@StringLength(min = 1, max = 8) String> names, @ForAll @IntRange(min = 1, max = 30) int size,
            @ForAll long seed, @ForAll long shuffle) {
        List<String> entries = new ArrayList<>();
        for (String name : names) {
            entries.add(" " + name.replaceAll("[\\s@]", "x") + "@Example.org ");
        }
        entries.add("not an address");
        NonCompleterSample drawn = NonCompleterSample.draw(entries, a -> a.startsWith("a"), size, seed);
        assertThat(drawn.listed()).allMatch(a -> a.equals(a.strip().toLowerCase(java.util.Locale.ROOT)));
        assertThat(drawn.sample()).doesNotHaveDuplicates().allMatch(drawn.listed()::contains).noneMatch(a -> a.startsWith("a"));
        long eligible = drawn.listed().stream().filter(a -> !a.startsWith("a")).count();
        assertThat(drawn.sample()).hasSize((int) Math.min(size, eligible));
        assertThat(drawn.excluded()).isEqualTo(drawn.listed().size() - eligible);
        assertThat(drawn.rejected()).isGreaterThanOrEqualTo(1);

        List<String> reordered = new ArrayList<>(entries);
        Collections.shuffle(reordered, new Random(shuffle));
        assertThat(NonCompleterSample.draw(reordered, a -> a.startsWith("a"), size, seed).sample()).isEqualTo(drawn.sample());
    }

    @Test
    void blank_lines_are_skipped_and_invalid_entries_counted() {
        NonCompleterSample drawn = NonCompleterSample.draw(List.of("", "  ", "x@y", "ok@example.org", "two@@example.org", "OK@example.org"),
                a -> false, 5, 1);
        assertThat(drawn.listed()).containsExactly("ok@example.org");
        assertThat(drawn.rejected()).isEqualTo(2);
        assertThat(drawn.sample()).containsExactly("ok@example.org");
    }
}
