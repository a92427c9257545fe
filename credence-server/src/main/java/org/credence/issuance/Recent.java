package org.credence.issuance;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Values read at most {@code ttl} ago, per key: what a batch of issuance needs about its tenant and achievement, read
 * once a second instead of once a batch. A value is read again when older than that (Caffeine's expiry), or when
 * {@code generation} (an edit counter of this process) has moved since it was read, so an edit made here reaches the
 * next credential at once and one made by another process on the same database within {@code ttl}.
 */
final class Recent<K, V> {
    /** Bounded, so a server with many tenants keeps only those issuing now. */
    private static final int MAX_KEYS = 10_000;

    private record Entry<V>(V value, long generation) {}

    private final Cache<K, Entry<V>> entries;
    private final LongSupplier generation;

    /**
     * @param ttlNanos how long a value is answered without reading it again
     * @param nanoTime a monotonic clock ({@code System::nanoTime})
     * @param generation a counter that moves on every edit of the values this process makes
     */
    Recent(long ttlNanos, LongSupplier nanoTime, LongSupplier generation) {
        this.entries = Caffeine.newBuilder().expireAfterWrite(Duration.ofNanos(ttlNanos)).maximumSize(MAX_KEYS)
                .ticker(nanoTime::getAsLong).build();
        this.generation = generation;
    }

    /** The value of {@code key}, read with {@code read} unless read recently; a read that throws is not kept. */
    V get(K key, Function<K, V> read) {
        // taken before the read: an edit committed during it moves the generation, and the next call reads again
        long current = generation.getAsLong();
        Entry<V> entry = entries.getIfPresent(key);
        if (entry != null && entry.generation() == current) {
            return entry.value();
        }
        V value = read.apply(key);
        entries.put(key, new Entry<>(value, current));
        return value;
    }
}
