package org.credence.insights.roi;

import java.math.BigDecimal;

/**
 * One monetised benefit of the program, per year.
 *
 * @param name        what the benefit is ("fewer support tickets", "faster ramp-up")
 * @param annualAmount the annual amount before adjustment, not negative
 * @param isolation   how the program's effect was isolated; {@link IsolationMethod#NONE} makes the
 *                    whole result a correlational indicator
 * @param attribution the share attributed to the program, 0 to 1 (1 when the isolation method already
 *                    separates the effect, e.g. a comparison group)
 * @param confidence  confidence in the estimate, 0 to 1 (1 unless it is a participant estimate)
 * @param factors     multipliers for the three cases
 */
public record BenefitLine(String name, BigDecimal annualAmount, IsolationMethod isolation, BigDecimal attribution,
        BigDecimal confidence, CaseFactors factors) {

    public BenefitLine {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a benefit line needs a name");
        }
        Money.requireNonNegative("annual amount of " + name, annualAmount);
        if (isolation == null) {
            throw new IllegalArgumentException("benefit " + name + " needs an isolation method (NONE when not isolated)");
        }
        Money.requireFraction("attribution of " + name, attribution);
        Money.requireFraction("confidence of " + name, confidence);
        if (factors == null) {
            throw new IllegalArgumentException("benefit " + name + " needs case factors");
        }
    }

    /** annual amount × attribution × confidence, unrounded: the base-case monetised benefit. */
    public BigDecimal adjusted() {
        return annualAmount.multiply(attribution).multiply(confidence);
    }

    /** The adjusted benefit in one case, unrounded. */
    public BigDecimal in(RoiCase roiCase) {
        return adjusted().multiply(factors.of(roiCase));
    }
}
