package org.credence.insights.stats;

/**
 * An interval for the ratio of two Poisson rates, (x₂/t₂) ÷ (x₁/t₁), by conditioning on the
 * total: given x₁ + x₂, the later count x₂ is binomial with p = t₂λ₂ / (t₁λ₁ + t₂λ₂)
 * (Przyborowski &amp; Wilenski 1940). A Wilson interval for p, mapped through
 * R = p/(1 − p) · t₁/t₂, gives the interval for the ratio.
 *
 * <p>Used for "this period against the last" (verification volume). Reusing the Wilson interval
 * keeps one well-tested proportion method underneath rather than adding a second exact one.
 */
public final class PoissonRateRatio {

    private PoissonRateRatio() {
    }

    /**
     * The interval for the rate ratio {@code (count / exposure) / (baselineCount / baselineExposure)}.
     *
     * @param baselineCount the earlier count x₁, at least 1 (a ratio over zero is undefined)
     * @param count         the later count x₂, at least 0
     */
    public static Interval interval(long baselineCount, double baselineExposure, long count, double exposure,
            ConfidenceLevel level) {
        if (baselineCount < 1) {
            throw new IllegalArgumentException("baseline count (" + baselineCount + ") must be at least 1");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count (" + count + ") must not be negative");
        }
        requirePositive("baseline exposure", baselineExposure);
        requirePositive("exposure", exposure);
        double exposureRatio = baselineExposure / exposure;
        // baselineCount ≥ 1 keeps the upper Wilson bound of p below 1, so the ratio stays finite.
        return WilsonScore.interval(count, baselineCount + count, level)
                .map(p -> p / (1 - p) * exposureRatio, IntervalMethod.POISSON_RATIO_CONDITIONAL);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " (" + value + ") must be a positive number");
        }
    }
}
