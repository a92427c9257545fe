package org.credence.insights.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The two-sided p-value for "the two proportions are equal": the pooled score z test, which is
 * Pearson's χ² test of the 2 × 2 table without continuity correction (z² = χ²):
 * <pre>
 *   p̄ = (x₁ + x₂)/(n₁ + n₂),   z = (p₁ − p₂) / √(p̄ q̄ (1/n₁ + 1/n₂)),   p = 2 × (1 − Φ(|z|))
 * </pre>
 * It feeds {@link Holm} when several segments are compared at once. Near p = 0.05 it can
 * disagree with the Newcombe interval (the interval's rule of exclusion of 0 is a different
 * test); the interval is what pages lead with.
 */
public final class TwoProportionTest {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private TwoProportionTest() {
    }

    /** The two-sided p-value; 1 when both groups are all events or all non-events. */
    public static double pValue(long x1, long n1, long x2, long n2) {
        WilsonScore.requireProportion(x1, n1);
        WilsonScore.requireProportion(x2, n2);
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
        if (variance == 0) {
            return 1;
        }
        double z = ((double) x1 / n1 - (double) x2 / n2) / Math.sqrt(variance);
        return Math.min(1, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
    }
}
