package org.credence.insights.marketing;

import java.math.BigDecimal;
import org.credence.insights.Provenance;

/**
 * Multipliers applied to an assumption (every channel alike) for the three scenarios.
 *
 * @param conservative the conservative multiplier, at least 0
 * @param base         the base multiplier, at least {@code conservative}
 * @param optimistic   the optimistic multiplier, at least {@code base}
 * @param provenance   who chose these factors and why
 */
public record ScenarioFactors(BigDecimal conservative, BigDecimal base, BigDecimal optimistic, Provenance provenance) {

    /**
     * ×0.5, ×1, ×2. A convention, not a source: the seeds give one point for impressions per share
     * (200) and one for CPM (5, "conservative"), and no range for either.
     */
    public static final ScenarioFactors DEFAULT = new ScenarioFactors(new BigDecimal("0.5"), BigDecimal.ONE,
            BigDecimal.valueOf(2), Provenance.builtIn("Convention: half and double the assumption. The sources give "
                    + "single values, not ranges, for impressions per share and CPM."));

    public ScenarioFactors {
        if (conservative == null || base == null || optimistic == null || provenance == null) {
            throw new IllegalArgumentException("scenario factors need three values and their provenance");
        }
        if (conservative.signum() < 0 || conservative.compareTo(base) > 0 || base.compareTo(optimistic) > 0) {
            throw new IllegalArgumentException("scenario factors must satisfy 0 ≤ conservative (" + conservative
                    + ") ≤ base (" + base + ") ≤ optimistic (" + optimistic + ")");
        }
    }

    /** The multiplier for {@code scenario}. */
    public BigDecimal of(Scenario scenario) {
        return switch (scenario) {
            case CONSERVATIVE -> conservative;
            case BASE -> base;
            case OPTIMISTIC -> optimistic;
        };
    }
}
