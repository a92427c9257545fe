package org.credence.insights.stats;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;

/**
 * Percentile bootstrap intervals (Efron 1979; Efron &amp; Tibshirani 1993, ch. 13) for comparing
 * two samples of money by their medians: the ratio of medians m₁/m₂ and the difference m₁ − m₂.
 * Money is skewed — a few large deals dominate a mean — so medians are compared, and their
 * sampling distribution, which has no simple formula, is read from resamples.
 *
 * <p>Each of B resamples draws n₁ values from the first sample and n₂ from the second, with
 * replacement, and records both statistics; the interval is the α/2 and 1 − α/2 empirical
 * quantiles of the B values (the ⌈qB⌉-th smallest). The generator is seeded
 * (XO_RO_SHI_RO_128_PP from Commons RNG), so the same data, seed and B give the same interval
 * on every run and every machine.
 *
 * <p>A resample's median is drawn directly rather than by drawing n values: the k-th smallest of
 * n draws from the sorted sample x₍₁₎ ≤ … ≤ x₍ₙ₎ is x₍⌈n·U⌉₎ with U the k-th smallest of n
 * uniforms, which is Beta(k, n − k + 1); for an even n the next order statistic is
 * U + (1 − U)·V with V ~ Beta(1, n − k). This gives exactly the bootstrap distribution of the
 * median in O(1) per resample (after one sort), so 2,000 resamples of a million amounts take
 * as long as the sort.
 */
public final class Bootstrap {

    /** Resamples used unless told otherwise. */
    public static final int DEFAULT_RESAMPLES = 2_000;
    /** The seed used unless told otherwise; any fixed number gives reproducible results. */
    public static final long DEFAULT_SEED = 20_261_205L;

    private Bootstrap() {
    }

    /**
     * The result of a ratio-of-medians bootstrap.
     *
     * @param median1            the first sample's median
     * @param median1Interval    percentile interval of the first median
     * @param median2            the second sample's median
     * @param median2Interval    percentile interval of the second median
     * @param ratio              median1 / median2; null when median2 is 0
     * @param ratioInterval      percentile interval of the ratio; null when more than α/2 of
     *                           the resamples had a second median of 0 (the upper bound is infinite)
     * @param difference         median1 − median2
     * @param differenceInterval percentile interval of the difference
     * @param differenceStandardError the standard error the percentile interval implies,
     *                           width ÷ (2 z): robust to the jumps a median makes between resamples,
     *                           where the plain standard deviation of the resamples is inflated by a few extremes
     * @param resamples          B
     * @param seed               the generator's seed
     */
    public record MedianComparison(double median1, Interval median1Interval, double median2,
            Interval median2Interval, Double ratio, Interval ratioInterval,
            double difference, Interval differenceInterval, double differenceStandardError, int resamples,
            long seed) {
    }

    /** With {@link #DEFAULT_RESAMPLES} resamples and the {@link #DEFAULT_SEED}. */
    public static MedianComparison medians(double[] first, double[] second, ConfidenceLevel level) {
        return medians(first, second, DEFAULT_RESAMPLES, DEFAULT_SEED, level);
    }

    /**
     * Compares the medians of two samples.
     *
     * @param first     the first sample, at least one finite value
     * @param second    the second (reference) sample, at least one finite value
     * @param resamples B, at least 100
     * @param seed      the generator's seed
     */
    public static MedianComparison medians(double[] first, double[] second, int resamples, long seed,
            ConfidenceLevel level) {
        if (resamples < 100) {
            throw new IllegalArgumentException("resamples (" + resamples + ") must be at least 100");
        }
        double[] sorted1 = sortedCopy("first", first);
        double[] sorted2 = sortedCopy("second", second);
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] ratios = new double[resamples];
        double[] differences = new double[resamples];
        double[] medians1 = new double[resamples];
        double[] medians2 = new double[resamples];
        MedianSampler sampler1 = new MedianSampler(sorted1, random);
        MedianSampler sampler2 = new MedianSampler(sorted2, random);
        for (int b = 0; b < resamples; b++) {
            double m1 = sampler1.next();
            double m2 = sampler2.next();
            medians1[b] = m1;
            medians2[b] = m2;
            differences[b] = m1 - m2;
            ratios[b] = m2 == 0 ? Double.POSITIVE_INFINITY : m1 / m2;
        }
        double median1 = median(sorted1);
        double median2 = median(sorted2);
        Arrays.sort(ratios);
        Arrays.sort(differences);
        double alpha = level.alpha();
        double ratioLow = quantile(ratios, alpha / 2);
        double ratioHigh = quantile(ratios, 1 - alpha / 2);
        Interval ratioInterval = Double.isFinite(ratioHigh)
                ? new Interval(ratioLow, ratioHigh, level.value(), IntervalMethod.BOOTSTRAP_PERCENTILE) : null;
        Interval differenceInterval = new Interval(quantile(differences, alpha / 2),
                quantile(differences, 1 - alpha / 2), level.value(), IntervalMethod.BOOTSTRAP_PERCENTILE);
        return new MedianComparison(median1, percentile(medians1, level), median2, percentile(medians2, level),
                median2 == 0 ? null : median1 / median2, ratioInterval,
                median1 - median2, differenceInterval, differenceInterval.width() / (2 * level.z()), resamples, seed);
    }

    /** The median: the middle value, or the mean of the two middle values. */
    public static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Draws the median of n values resampled with replacement from a sorted sample. */
    static final class MedianSampler {
        private final double[] sorted;
        private final UniformRandomProvider random;
        private final ContinuousDistribution.Sampler lowerRank;
        private final int remaining;

        MedianSampler(double[] sorted, UniformRandomProvider random) {
            int n = sorted.length;
            // k: the median's rank (1-based); for even n the median also needs rank k + 1
            int k = (n + 1) / 2;
            this.sorted = sorted;
            this.random = random;
            this.lowerRank = BetaDistribution.of(k, n - k + 1.0).createSampler(random);
            this.remaining = n % 2 == 0 ? n - k : 0;
        }

        double next() {
            double u = lowerRank.sample();
            double lower = at(u);
            if (remaining == 0) {
                return lower;
            }
            // the smallest of the n − k uniforms above u: u + (1 − u)·Beta(1, n − k)
            double v = 1 - Math.pow(random.nextDouble(), 1.0 / remaining);
            return (lower + at(u + (1 - u) * v)) / 2;
        }

        /** The empirical quantile function: x₍⌈n·u⌉₎. */
        private double at(double u) {
            int index = (int) Math.ceil(u * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    private static Interval percentile(double[] values, ConfidenceLevel level) {
        Arrays.sort(values);
        return new Interval(quantile(values, level.alpha() / 2), quantile(values, 1 - level.alpha() / 2), level.value(),
                IntervalMethod.BOOTSTRAP_PERCENTILE);
    }

    private static double quantile(double[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double[] sortedCopy(String which, double[] sample) {
        if (sample == null || sample.length == 0) {
            throw new IllegalArgumentException("the " + which + " sample is empty");
        }
        double[] copy = sample.clone();
        for (double value : copy) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("the " + which + " sample holds a non-finite value (" + value + ")");
            }
        }
        Arrays.sort(copy);
        return copy;
    }
}
