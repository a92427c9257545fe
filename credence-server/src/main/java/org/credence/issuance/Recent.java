package org.credence.issuance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Values read at most {@code ttl} ago, per key: what a batch of issuance needs about its tenant and achievement, read
 * once a second instead of once a batch. A value is read again when older than that, or when {@code generation} (an
 * edit counter of this process) has moved since it was read, so an edit made here reaches the next credential at once
 * and one made by another process on the same database within {@code ttl}.
 */
final class Recent<K, V> {
    /** Past this many keys the map is emptied, so a server with many tenants keeps only those issuing now. */
    private static final int MAX_KEYS = 10_000;

    private record Entry<V>(V value, long readAt, long generation) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final LongSupplier generation;

    /**
     * @param ttlNanos how long a value is answered without reading it again
     * @param nanoTime a monotonic clock ({@code System::nanoTime})
     * @param generation a counter that moves on every edit of the values this process makes
     */
    Recent(long ttlNanos, LongSupplier nanoTime, LongSupplier generation) {
        this.ttlNanos = ttlNanos;
        this.nanoTime = nanoTime;
        this.generation = generation;
    }

    /** The value of {@code key}, read with {@code read} unless read recently; a read that throws is not kept. */
    V get(K key, Function<K, V> read) {
        // taken before the read: an edit committed during it moves the generation, and the next call reads again
        long now = nanoTime.getAsLong();
        long current = generation.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.readAt() < ttlNanos && entry.generation() == current) {
            return entry.value();
        }
        V value = read.apply(key);
        if (entries.size() >= MAX_KEYS) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now, current));
        return value;
    }
}
