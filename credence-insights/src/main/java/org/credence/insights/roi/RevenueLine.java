package org.credence.insights.roi;

import java.math.BigDecimal;

/**
 * Revenue of one kind in one currency: a single imported line, or the sum of many.
 *
 * @param kind     exam fee, renewal, bundle or other
 * @param quantity candidates, renewals or bundles sold (negative lines — refunds — may lower it)
 * @param amount   the total amount; negative for refunds
 * @param currency ISO 4217 code
 */
public record RevenueLine(RevenueKind kind, long quantity, BigDecimal amount, String currency) {

    public RevenueLine {
        if (kind == null || amount == null || currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("a revenue line needs a kind, an amount and an ISO 4217 currency, got "
                    + kind + " " + amount + " " + currency);
        }
    }
}
