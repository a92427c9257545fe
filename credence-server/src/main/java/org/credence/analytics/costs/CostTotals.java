package org.credence.analytics.costs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fully loaded program cost of a period [from, to), from the ledger's current, unvoided lines.
 * A line spread over a period counts with the share of its days that fall in [from, to). Lines in
 * different currencies are never added together: one {@link CurrencyTotal} per currency.
 *
 * @param achievementId null: every line of the tenant; otherwise only that achievement's lines
 *                      (program-wide lines are not allocated to achievements)
 */
public record CostTotals(LocalDate from, LocalDate to, Long achievementId, List<CurrencyTotal> byCurrency) {

    public CostTotals {
        byCurrency = List.copyOf(byCurrency);
    }

    /**
     * The total in one currency.
     *
     * @param total      the sum, rounded to cents
     * @param byCategory every category, in declaration order, 0 where none
     * @param lines      how many ledger lines contributed
     */
    public record CurrencyTotal(String currency, BigDecimal total, Map<CostCategory, BigDecimal> byCategory, int lines) {}

    /** The total when the ledger uses one currency (or is empty: no total); several currencies have no single total. */
    public Optional<CurrencyTotal> single() {
        return byCurrency.size() == 1 ? Optional.of(byCurrency.get(0)) : Optional.empty();
    }

    public boolean isEmpty() {
        return byCurrency.isEmpty();
    }
}
