package org.credence.insights.roi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Rounding shared by the ROI figures: money to cents, ratios to hundredths, fractions checked. */
final class Money {

    /** Enough digits for intermediate quotients that are rounded for display afterwards. */
    static final MathContext PRECISION = MathContext.DECIMAL64;

    private Money() {
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal requireFraction(String name, BigDecimal value) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(name + " (" + value + ") must be a fraction between 0 and 1");
        }
        return value;
    }

    static BigDecimal requireNonNegative(String name, BigDecimal value) {
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException(name + " (" + value + ") must not be negative");
        }
        return value;
    }
}
