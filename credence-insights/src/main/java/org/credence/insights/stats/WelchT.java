package org.credence.insights.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Welch's t for the difference of two means from summary statistics (Welch 1947, Biometrika
 * 34:28), which does not assume equal variances:
 * <pre>
 *   d = m₁ − m₂,   SE = √(s₁²/n₁ + s₂²/n₂)
 *   df = SE⁴ / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1))      (Welch–Satterthwaite)
 *   interval = d ± t(1 − α/2; df) × SE,   p = 2 × P(T_df &gt; |d / SE|)
 * </pre>
 *
 * @param difference        m₁ − m₂
 * @param standardError     SE of the difference
 * @param degreesOfFreedom  the Welch–Satterthwaite df (not a whole number)
 * @param t                 d / SE (0 when SE is 0 and the means are equal)
 * @param pValue            two-sided p-value
 * @param interval          the confidence interval for the difference
 */
public record WelchT(double difference, double standardError, double degreesOfFreedom, double t, double pValue,
        Interval interval) {

    /**
     * Compares two groups given as mean, standard deviation and size.
     *
     * @throws IllegalArgumentException if a group has fewer than 2 people, a negative or
     *                                  non-finite standard deviation, or both deviations are 0
     */
    public static WelchT of(double mean1, double sd1, long n1, double mean2, double sd2, long n2,
            ConfidenceLevel level) {
        requireGroup("first", mean1, sd1, n1);
        requireGroup("second", mean2, sd2, n2);
        double v1 = sd1 * sd1 / n1;
        double v2 = sd2 * sd2 / n2;
        double variance = v1 + v2;
        if (variance == 0) {
            throw new IllegalArgumentException("both standard deviations are 0: the difference has no standard error");
        }
        double standardError = Math.sqrt(variance);
        double df = variance * variance / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
        double difference = mean1 - mean2;
        double t = difference / standardError;
        TDistribution distribution = TDistribution.of(df);
        double half = distribution.inverseCumulativeProbability(1 - level.alpha() / 2) * standardError;
        double p = Math.min(1, 2 * distribution.survivalProbability(Math.abs(t)));
        return new WelchT(difference, standardError, df, t, p,
                new Interval(difference - half, difference + half, level.value(), IntervalMethod.WELCH_T));
    }

    private static void requireGroup(String which, double mean, double sd, long n) {
        if (n < 2) {
            throw new IllegalArgumentException("the " + which + " group needs at least 2 people for a standard "
                    + "deviation, got " + n);
        }
        if (!Double.isFinite(mean) || !(sd >= 0) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException("the " + which + " group's mean (" + mean + ") and standard deviation ("
                    + sd + ") must be finite, the deviation not negative");
        }
    }
}
