package org.credence.insights.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/** The t interval of one group's mean: mean ± t(1 − α/2; n − 1) × sd / √n (Student 1908). */
public final class MeanInterval {

    private MeanInterval() {
    }

    /**
     * The interval of a mean from its summary statistics.
     *
     * @param n at least 2
     */
    public static Interval of(double mean, double sd, long n, ConfidenceLevel level) {
        if (n < 2) {
            throw new IllegalArgumentException("a mean's interval needs at least 2 values, got " + n);
        }
        if (!Double.isFinite(mean) || !(sd >= 0) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException("mean (" + mean + ") and standard deviation (" + sd + ") must be finite, "
                    + "the deviation not negative");
        }
        double half = TDistribution.of(n - 1.0).inverseCumulativeProbability(1 - level.alpha() / 2) * sd / Math.sqrt(n);
        return new Interval(mean - half, mean + half, level.value(), IntervalMethod.STUDENT_T_MEAN);
    }
}
