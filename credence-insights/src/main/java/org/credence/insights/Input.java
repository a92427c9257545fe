package org.credence.insights;

import java.math.BigDecimal;

/**
 * One named input of a {@link Figure}: its value and whether it was measured or assumed.
 *
 * @param value      the value; exact decimal so counts and money survive JSON unchanged
 * @param unit       what the value counts ("credentials", "impressions per share", "USD per 1000 impressions")
 * @param source     measured or assumed
 * @param provenance for an assumption, who set it, when and why; null for measured inputs, and for
 *                   an assumption typed into a what-if calculator and never stored
 */
public record Input(BigDecimal value, String unit, InputSource source, Provenance provenance) {

    public Input {
        if (value == null) {
            throw new IllegalArgumentException("an input needs a value");
        }
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("an input needs a unit (value " + value + ")");
        }
        if (source == null) {
            throw new IllegalArgumentException("an input needs a source (value " + value + " " + unit + ")");
        }
        if (source == InputSource.MEASURED && provenance != null) {
            throw new IllegalArgumentException("a measured input has no provenance; only assumptions do");
        }
    }

    /** A count taken from stored data. */
    public static Input measured(long count, String unit) {
        return new Input(BigDecimal.valueOf(count), unit, InputSource.MEASURED, null);
    }

    /** An assumption, with its provenance (null if it was typed into a what-if and not stored). */
    public static Input assumed(BigDecimal value, String unit, Provenance provenance) {
        return new Input(value, unit, InputSource.ASSUMED, provenance);
    }
}
