package org.credence.insights.operations;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Durations counted in log-spaced buckets, so a percentile over a million durations is read from a
 * few hundred counts. Bucket {@code b} holds the durations {@code d} (milliseconds) with
 * {@code floor(8 · log2(d + 1)) = b}: each bucket spans a factor of 2^(1/8) ≈ 1.09, and a percentile
 * is reported as the geometric middle of its bucket, within about ±4.5 % of the exact value.
 * (The database computes the same bucket in migration V24's {@code operations_bucket}.)
 *
 * @param counts how many durations fell into each bucket; buckets with no durations may be absent
 */
public record DurationHistogram(NavigableMap<Integer, Long> counts) {
    /** Buckets per doubling of the duration. */
    public static final int BUCKETS_PER_DOUBLING = 8;

    public DurationHistogram {
        TreeMap<Integer, Long> copy = new TreeMap<>();
        counts.forEach((bucket, count) -> {
            if (bucket < 0 || count < 0) {
                throw new IllegalArgumentException("bucket " + bucket + " has count " + count + ": both must be 0 or more");
            }
            if (count > 0) {
                copy.put(bucket, count);
            }
        });
        counts = java.util.Collections.unmodifiableNavigableMap(copy);
    }

    /** A histogram of these counts by bucket. */
    public static DurationHistogram of(Map<Integer, Long> counts) {
        return new DurationHistogram(new TreeMap<>(counts));
    }

    /** The bucket of a duration in milliseconds (negative durations count as 0). */
    public static int bucket(long millis) {
        return (int) Math.floor(BUCKETS_PER_DOUBLING * Math.log(Math.max(0, millis) + 1.0) / Math.log(2));
    }

    /** The smallest duration (milliseconds) of a bucket. */
    public static double lowerBound(int bucket) {
        return Math.pow(2, (double) bucket / BUCKETS_PER_DOUBLING) - 1;
    }

    /** The duration (milliseconds) where the next bucket starts. */
    public static double upperBound(int bucket) {
        return lowerBound(bucket + 1);
    }

    /** How many durations the histogram holds. */
    public long n() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The {@code p}-quantile by the nearest-rank rule (the smallest duration with at least
     * p · n durations at or below it), as the bucket that holds it. Empty for an empty histogram.
     */
    public java.util.Optional<Quantile> quantile(double p) {
        if (p <= 0 || p > 1) {
            throw new IllegalArgumentException("a quantile is in (0, 1], not " + p);
        }
        long n = n();
        if (n == 0) {
            return java.util.Optional.empty();
        }
        long rank = (long) Math.ceil(p * n);
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return java.util.Optional.of(new Quantile(p, entry.getKey(), n));
            }
        }
        throw new IllegalStateException("unreachable: rank " + rank + " of " + n);
    }

    /** This histogram and {@code other} summed. */
    public DurationHistogram plus(DurationHistogram other) {
        TreeMap<Integer, Long> sum = new TreeMap<>(counts);
        other.counts.forEach((bucket, count) -> sum.merge(bucket, count, Long::sum));
        return new DurationHistogram(sum);
    }

    /**
     * A quantile read from a histogram.
     *
     * @param p      which quantile (0.5: the median)
     * @param bucket the bucket the quantile's duration lies in
     * @param n      how many durations it was read from
     */
    public record Quantile(double p, int bucket, long n) {
        /** The smallest duration the exact quantile can be, in milliseconds. */
        public double lowMillis() {
            return lowerBound(bucket);
        }

        /** The duration below which the exact quantile lies, in milliseconds. */
        public double highMillis() {
            return upperBound(bucket);
        }

        /** The reported value: the bucket's geometric middle, in milliseconds (within ±4.5 % of the exact quantile). */
        public double millis() {
            return Math.sqrt((lowMillis() + 1) * (highMillis() + 1)) - 1;
        }
    }
}
