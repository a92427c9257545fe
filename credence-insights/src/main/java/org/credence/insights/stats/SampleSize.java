package org.credence.insights.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * People needed per group to detect a difference between two proportions, two-sided test, with
 * the pooled-variance normal formula (Fleiss, Levin &amp; Paik 2003, eq. 4.14, without the
 * continuity correction):
 * <pre>
 *   n = ( z(1−α/2) × √(2 p̄ q̄) + z(1−β) × √(p₁q₁ + p₂q₂) )² / (p₁ − p₂)²,   p̄ = (p₁ + p₂)/2
 * </pre>
 * rounded <em>up</em> to a whole person. With exact quantiles (1.959964…, 0.841621…) 35 % → 50 %
 * needs 170 and 15 % → 20 % needs 906 (905.37 rounded up); tables that use the rounded quantiles
 * 1.96 and 0.84 print 905 (904.34 rounded up), which {@link #perGroup(double, double, double, double)}
 * with explicit z values reproduces.
 */
public final class SampleSize {

    /** 5 %, two-sided. */
    public static final double ALPHA = 0.05;
    /** 80 %. */
    public static final double POWER = 0.80;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private SampleSize() {
    }

    /** n per group at 80 % power and α = 5 % two-sided. */
    public static long perGroup(double p1, double p2) {
        return perGroupAt(p1, p2, ALPHA, POWER);
    }

    /** n per group at the given two-sided α and power. */
    public static long perGroupAt(double p1, double p2, double alpha, double power) {
        return perGroup(p1, p2, zAlpha(alpha), zPower(power));
    }

    /** n per group with the two normal quantiles given directly (to reproduce printed tables). */
    public static long perGroup(double p1, double p2, double zAlpha, double zPower) {
        return (long) Math.ceil(unrounded(p1, p2, zAlpha, zPower) - 1e-9);
    }

    /** The formula's value before rounding up. */
    public static double unrounded(double p1, double p2, double zAlpha, double zPower) {
        requireRate("p1", p1);
        requireRate("p2", p2);
        if (p1 == p2) {
            throw new IllegalArgumentException("the two rates are equal (" + p1 + "): no difference to detect");
        }
        double pooled = (p1 + p2) / 2;
        double root = zAlpha * Math.sqrt(2 * pooled * (1 - pooled)) + zPower * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return root * root / ((p1 - p2) * (p1 - p2));
    }

    /** n per group for two means to detect a standardized difference d (normal approximation). */
    public static long perGroupForMeans(double standardizedDifference) {
        if (!(standardizedDifference != 0) || Double.isNaN(standardizedDifference)) {
            throw new IllegalArgumentException("a standardized difference of 0 cannot be detected");
        }
        double root = (zAlpha(ALPHA) + zPower(POWER)) / standardizedDifference;
        return (long) Math.ceil(2 * root * root - 1e-9);
    }

    /** z(1 − α/2). */
    static double zAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("α (" + alpha + ") must be between 0 and 1");
        }
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha / 2);
    }

    /** z(power). */
    static double zPower(double power) {
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power (" + power + ") must be between 0 and 1");
        }
        return STANDARD_NORMAL.inverseCumulativeProbability(power);
    }

    static void requireRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " (" + rate + ") must be a proportion between 0 and 1");
        }
    }
}
