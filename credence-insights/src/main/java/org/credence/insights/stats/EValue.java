package org.credence.insights.stats;

/**
 * The E-value (VanderWeele &amp; Ding 2017, Ann Intern Med 167:268): the minimum strength of
 * association, as a risk ratio, that an unmeasured confounder would need with both the exposure
 * (earning the credential) and the outcome to explain an observed association away.
 * <pre>
 *   E = RR + √(RR × (RR − 1))        for RR ≥ 1;  for RR &lt; 1 use 1/RR first
 * </pre>
 * Reported for the point estimate and for the interval limit nearest 1; that second E-value is
 * 1 when the interval already includes 1 (no confounding is needed to reach "no association").
 * An E-value does not say confounding is absent; it says how strong it would have to be.
 *
 * @param point the E-value of the point estimate, at least 1
 * @param limit the E-value of the interval limit nearest 1, between 1 and {@code point}
 */
public record EValue(double point, double limit) {

    /** The factor that turns a standardized mean difference d into an approximate log risk ratio. */
    static final double STANDARDIZED_TO_LOG_RR = 0.91;

    public EValue {
        if (!(point >= 1) || !(limit >= 1) || Double.isInfinite(point) || limit > point + 1e-9) {
            throw new IllegalArgumentException("E-values must satisfy 1 ≤ limit ≤ point, got " + point + ", " + limit);
        }
    }

    /** The E-value of one risk ratio; ratios below 1 are inverted first. */
    public static double of(double riskRatio) {
        if (!(riskRatio > 0) || Double.isInfinite(riskRatio)) {
            throw new IllegalArgumentException("a risk ratio (" + riskRatio + ") must be a positive finite number");
        }
        double rr = riskRatio < 1 ? 1 / riskRatio : riskRatio;
        return rr + Math.sqrt(rr * (rr - 1));
    }

    /** The E-values of a risk ratio and of its interval limit nearest 1. */
    public static EValue forRiskRatio(double riskRatio, Interval interval) {
        return forRiskRatio(riskRatio, interval.low(), interval.high());
    }

    private static EValue forRiskRatio(double riskRatio, double low, double high) {
        boolean includesOne = low <= 1 && 1 <= high;
        double limit = includesOne ? 1 : of(riskRatio > 1 ? low : high);
        return new EValue(of(riskRatio), limit);
    }

    /** The E-values of a {@link RelativeRisk}. */
    public static EValue forRiskRatio(RelativeRisk relativeRisk) {
        return forRiskRatio(relativeRisk.point(), relativeRisk.interval());
    }

    /**
     * The E-values of a standardized mean difference d = (mean₁ − mean₂) / sd, through the
     * approximation RR ≈ exp(0.91 × d) and its interval exp(0.91 × d ± 0.91 × z × SE(d))
     * (VanderWeele &amp; Ding 2017, Table; Hasselblad &amp; Hedges 1995). Approximate by construction.
     */
    public static EValue forStandardizedDifference(double d, double standardError, ConfidenceLevel level) {
        double log = STANDARDIZED_TO_LOG_RR * d;
        double half = STANDARDIZED_TO_LOG_RR * level.z() * standardError;
        return forRiskRatio(Math.exp(log), Math.exp(log - half), Math.exp(log + half));
    }
}
