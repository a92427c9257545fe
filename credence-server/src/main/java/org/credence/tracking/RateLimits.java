package org.credence.tracking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * Token buckets per truncated address (Bucket4j): a smaller one for events that may count and a
 * larger one for events that are stored at all. Past the first, events are stored as
 * {@code rate-limited}; past the second, they are dropped, so a flood neither counts nor fills
 * the table. Buckets of addresses idle for ten minutes are forgotten.
 */
final class RateLimits {
    enum Verdict { COUNT, STORE_ONLY, DROP }

    private final long countedPerMinute;
    private final long storedPerMinute;
    private final Cache<TruncatedAddress, Bucket[]> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(200_000).build();

    RateLimits(long countedPerMinute, long storedPerMinute) {
        this.countedPerMinute = countedPerMinute;
        this.storedPerMinute = storedPerMinute;
    }

    Verdict take(TruncatedAddress address) {
        if (address == null) {
            return Verdict.STORE_ONLY; // an unreadable address cannot be limited, so it cannot count either
        }
        Bucket[] pair = buckets.get(address, a -> new Bucket[] {bucket(countedPerMinute), bucket(storedPerMinute)});
        if (!pair[1].tryConsume(1)) {
            return Verdict.DROP;
        }
        return pair[0].tryConsume(1) ? Verdict.COUNT : Verdict.STORE_ONLY;
    }

    private static Bucket bucket(long perMinute) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build();
    }
}
