package org.credence.insights.marketing;

import java.math.BigDecimal;
import org.credence.insights.Input;
import org.credence.insights.Provenance;

/**
 * An assumed value with who set it, when and why.
 *
 * @param value      the value, at least 0
 * @param unit       "impressions per share", "USD per 1000 impressions"
 * @param provenance who, when, why, for which scope
 */
public record Assumption(BigDecimal value, String unit, Provenance provenance) {

    public Assumption {
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException("an assumed " + unit + " must be 0 or more, got " + value);
        }
        if (provenance == null) {
            throw new IllegalArgumentException("an assumed " + unit + " (" + value + ") needs its provenance");
        }
    }

    /** This assumption as a figure's input. */
    public Input input() {
        return Input.assumed(value, unit, provenance);
    }
}
