package org.credence.insights.roi;

import java.math.BigDecimal;

/**
 * Multipliers on a benefit for the three cases: the base case is the benefit as estimated, the
 * conservative and optimistic cases scale it down and up. Costs are not scaled: they come from the
 * ledger, measured.
 *
 * @param conservative multiplier of the conservative case, ≤ base
 * @param base         multiplier of the base case (normally 1)
 * @param optimistic   multiplier of the optimistic case, ≥ base
 */
public record CaseFactors(BigDecimal conservative, BigDecimal base, BigDecimal optimistic) {

    /** 0.75, 1 and 1.25: ±25 % around the estimate, the default until someone sets their own. */
    public static final CaseFactors DEFAULT = new CaseFactors(new BigDecimal("0.75"), BigDecimal.ONE,
            new BigDecimal("1.25"));

    public CaseFactors {
        Money.requireNonNegative("conservative factor", conservative);
        Money.requireNonNegative("base factor", base);
        Money.requireNonNegative("optimistic factor", optimistic);
        if (conservative.compareTo(base) > 0 || base.compareTo(optimistic) > 0) {
            throw new IllegalArgumentException("case factors must be conservative ≤ base ≤ optimistic, got "
                    + conservative + ", " + base + ", " + optimistic);
        }
    }

    /** The factor of one case. */
    public BigDecimal of(RoiCase roiCase) {
        return switch (roiCase) {
            case CONSERVATIVE -> conservative;
            case BASE -> base;
            case OPTIMISTIC -> optimistic;
        };
    }
}
