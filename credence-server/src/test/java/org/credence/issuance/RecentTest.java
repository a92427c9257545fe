package org.credence.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A value read recently is answered again until it is older than the time to live, or an edit moved the generation. */
class RecentTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final Recent<Long, String> recent = new Recent<>(1_000, now::get, generation::get);

    private String read(long key) {
        return key + "@" + reads.incrementAndGet();
    }

    @Test
    void a_value_is_read_once_within_its_time_to_live_and_again_after_it() {
        assertThat(recent.get(7L, this::read)).isEqualTo("7@1");
        now.addAndGet(999);
        assertThat(recent.get(7L, this::read)).isEqualTo("7@1");
        now.addAndGet(1);
        assertThat(recent.get(7L, this::read)).as("a second old: read again").isEqualTo("7@2");
    }

    @Test
    void an_edit_in_this_process_is_seen_by_the_next_read_at_once() {
        assertThat(recent.get(7L, this::read)).isEqualTo("7@1");
        generation.incrementAndGet();
        assertThat(recent.get(7L, this::read)).isEqualTo("7@2");
        assertThat(recent.get(7L, this::read)).isEqualTo("7@2");
    }

    @Test
    void keys_are_kept_apart_and_a_failed_read_is_not_kept() {
        assertThat(recent.get(7L, this::read)).isEqualTo("7@1");
        assertThat(recent.get(8L, this::read)).isEqualTo("8@2");
        assertThatThrownBy(() -> recent.get(9L, k -> {
            throw new IllegalStateException("no such achievement");
        })).hasMessage("no such achievement");
        assertThat(recent.get(9L, this::read)).isEqualTo("9@3");
    }
}
