package org.credence.insights.stats;

/**
 * The risk ratio p₁ / p₂ of two independent proportions, with the Katz log interval:
 * <pre>
 *   RR = (x₁/n₁) / (x₂/n₂)
 *   SE(ln RR) = √(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂)
 *   interval = exp(ln RR ± z × SE)
 * </pre>
 * (Katz, Baptista, Azen &amp; Pike 1978, Biometrics 34:469.) The log scale keeps the interval
 * positive and asymmetric, as a ratio's uncertainty is. When a group has no events (or only
 * events) the log is undefined; then ½ is added to every cell (Haldane 1956) and the method says so.
 *
 * @param point    the risk ratio
 * @param interval its confidence interval
 */
public record RelativeRisk(double point, Interval interval) {

    public RelativeRisk {
        if (!(point > 0) || Double.isInfinite(point) || interval == null) {
            throw new IllegalArgumentException("a risk ratio must be a positive finite number with an interval, got "
                    + point);
        }
    }

    /**
     * The risk ratio of {@code x1/n1} to {@code x2/n2} with its Katz interval.
     *
     * @param x1 events in the first group, between 0 and {@code n1}
     * @param n1 size of the first group, at least 1
     * @param x2 events in the second (reference) group, between 0 and {@code n2}
     * @param n2 size of the second group, at least 1
     */
    public static RelativeRisk katz(long x1, long n1, long x2, long n2, ConfidenceLevel level) {
        WilsonScore.requireProportion(x1, n1);
        WilsonScore.requireProportion(x2, n2);
        boolean corrected = x1 == 0 || x2 == 0 || x1 == n1 || x2 == n2;
        // ½ per cell: successes + ½ and failures + ½, so the group size grows by 1.
        double a = corrected ? x1 + 0.5 : x1;
        double m1 = corrected ? n1 + 1.0 : n1;
        double c = corrected ? x2 + 0.5 : x2;
        double m2 = corrected ? n2 + 1.0 : n2;
        double logRatio = Math.log((a / m1) / (c / m2));
        double standardError = Math.sqrt(Math.max(0, 1 / a - 1 / m1 + 1 / c - 1 / m2));
        double half = level.z() * standardError;
        IntervalMethod method = corrected ? IntervalMethod.KATZ_LOG_RISK_RATIO_HALF_CORRECTED
                : IntervalMethod.KATZ_LOG_RISK_RATIO;
        return new RelativeRisk(Math.exp(logRatio),
                new Interval(Math.exp(logRatio - half), Math.exp(logRatio + half), level.value(), method));
    }
}
