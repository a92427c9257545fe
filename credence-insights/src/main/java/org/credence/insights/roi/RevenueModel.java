package org.credence.insights.roi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The program's own revenue, from imported revenue lines: exam fees (fee × candidates), renewal fees
 * (fee × renewals), bundles and other lines, per currency. Currencies are never converted into one
 * another: a total per currency is what the imported data supports.
 *
 * <p>Formula per kind and currency: revenue = Σ line amounts = average price × units, where the
 * average price = Σ amounts ÷ Σ quantities. Refunds are negative lines and count against both.
 */
public final class RevenueModel {

    private final List<RevenueStream> streams;
    private final Map<String, BigDecimal> totals;

    private RevenueModel(List<RevenueStream> streams, Map<String, BigDecimal> totals) {
        this.streams = streams;
        this.totals = totals;
    }

    /** The model from lines in any order (one per imported line, or pre-summed per kind and currency). */
    public static RevenueModel of(List<RevenueLine> lines) {
        // currency → kind → {quantity, amount}
        Map<String, Map<RevenueKind, Object[]>> grouped = new TreeMap<>();
        for (RevenueLine line : lines) {
            Object[] sums = grouped.computeIfAbsent(line.currency(), c -> new TreeMap<>())
                    .computeIfAbsent(line.kind(), k -> new Object[] {0L, BigDecimal.ZERO});
            sums[0] = (Long) sums[0] + line.quantity();
            sums[1] = ((BigDecimal) sums[1]).add(line.amount());
        }
        List<RevenueStream> streams = new ArrayList<>();
        Map<String, BigDecimal> totals = new TreeMap<>();
        grouped.forEach((currency, byKind) -> byKind.forEach((kind, sums) -> {
            long quantity = (Long) sums[0];
            BigDecimal amount = Money.cents((BigDecimal) sums[1]);
            BigDecimal average = quantity == 0 ? null
                    : amount.divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_UP);
            streams.add(new RevenueStream(kind, currency, quantity, amount, average));
            totals.merge(currency, amount, BigDecimal::add);
        }));
        return new RevenueModel(Collections.unmodifiableList(streams), Collections.unmodifiableMap(totals));
    }

    /** A projection: fee × units (exam fee × candidates, renewal fee × renewals), to the cent. */
    public static BigDecimal project(BigDecimal fee, long units) {
        Money.requireNonNegative("fee", fee);
        if (units < 0) {
            throw new IllegalArgumentException("units (" + units + ") must not be negative");
        }
        return Money.cents(fee.multiply(BigDecimal.valueOf(units)));
    }

    /** One row per currency and kind, currencies alphabetically, kinds in {@link RevenueKind} order. */
    public List<RevenueStream> streams() {
        return streams;
    }

    /** Total revenue per currency. */
    public Map<String, BigDecimal> totals() {
        return totals;
    }
}
