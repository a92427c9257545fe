package org.credence.insights.roi;

import java.math.BigDecimal;

/**
 * One row of the revenue model: a kind of revenue in one currency.
 *
 * @param kind         exam fee, renewal, bundle or other
 * @param currency     ISO 4217 code
 * @param quantity     units sold: candidates, renewals, bundles
 * @param amount       total, to the cent
 * @param averagePrice amount ÷ quantity, to the cent; null when the quantity is 0
 */
public record RevenueStream(RevenueKind kind, String currency, long quantity, BigDecimal amount,
        BigDecimal averagePrice) {
}
