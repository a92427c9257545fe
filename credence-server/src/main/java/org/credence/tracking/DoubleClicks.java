package org.credence.tracking;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * COUNTER's double-click rule: the same visitor on the same item (credential, event type and
 * channel) within 30 seconds of their previous request counts once. The window slides: a burst
 * of clicks two seconds apart counts once however long it lasts. Kept in memory on this node
 * (a second node behind a load balancer without sticky sessions would count a burst split
 * between nodes once per node).
 */
final class DoubleClicks {
    static final Duration WINDOW = Duration.ofSeconds(30);
    private static final int PURGE_EVERY = 10_000;
    private final Clock clock;
    private final Map<ByteBuffer, Long> lastSeen = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    DoubleClicks(Clock clock) {
        this.clock = clock;
    }

    /** Whether this request repeats one within the window; records it either way. */
    boolean isRepeat(byte[] visitorKey, UUID credential, EventType type, String channel) {
        long now = clock.millis();
        if (calls.incrementAndGet() % PURGE_EVERY == 0) {
            lastSeen.values().removeIf(seen -> now - seen >= WINDOW.toMillis());
        }
        ByteBuffer key = ByteBuffer.allocate(visitorKey.length + 16 + 4 + channel.length() * 2);
        key.put(visitorKey).putLong(credential.getMostSignificantBits()).putLong(credential.getLeastSignificantBits())
                .putInt(type.ordinal());
        channel.chars().forEach(c -> key.putChar((char) c));
        Long previous = lastSeen.put(key.flip(), now);
        return previous != null && now - previous < WINDOW.toMillis() && now >= previous;
    }
}
