package org.credence.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DoubleClicksTest {
    final org.credence.SettableClock clock = new org.credence.SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final DoubleClicks clicks = new DoubleClicks(clock);
    final byte[] visitor = {1, 2, 3};
    final UUID credential = UUID.randomUUID();

    @Test
    void the_same_item_within_30_seconds_is_a_repeat_and_at_30_seconds_it_is_not() {
        assertThat(clicks.isRepeat(visitor, credential, EventType.VIEW, "pdf")).isFalse();
        clock.advance(Duration.ofMillis(29_999));
        assertThat(clicks.isRepeat(visitor, credential, EventType.VIEW, "pdf")).isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(clicks.isRepeat(visitor, credential, EventType.VIEW, "pdf")).isFalse();
    }

    @Test
    void another_visitor_credential_type_or_channel_is_another_item() {
        clicks.isRepeat(visitor, credential, EventType.VIEW, "pdf");
        assertThat(clicks.isRepeat(new byte[] {1, 2, 4}, credential, EventType.VIEW, "pdf")).isFalse();
        assertThat(clicks.isRepeat(visitor, UUID.randomUUID(), EventType.VIEW, "pdf")).isFalse();
        assertThat(clicks.isRepeat(visitor, credential, EventType.DOWNLOAD, "pdf")).isFalse();
        assertThat(clicks.isRepeat(visitor, credential, EventType.VIEW, "badge")).isFalse();
    }
}
