package org.credence.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import org.credence.analytics.costs.CostTotals;
import org.credence.analytics.costs.ProgramCostLedger;

/**
 * The program's fully loaded costs over a period, from the tenant's cost ledger: platform, design,
 * delivery, exam administration and staff hours × rate. The program ROI asks only this of the ledger.
 */
@FunctionalInterface
public interface ProgramCosts {

    /** No ledger: every period costs nothing (the ROI then says so rather than inventing a cost). */
    ProgramCosts NONE = (tenantId, from, to, currency) -> BigDecimal.ZERO;

    /** The program-cost ledger's tenant-wide total in one currency; lines in other currencies are not converted. */
    static ProgramCosts of(ProgramCostLedger ledger) {
        return new ProgramCosts() {
            @Override
            public BigDecimal total(long tenantId, LocalDate from, LocalDate to, String currency) {
                // the ledger's periods are [from, to): the day after to closes ours
                return ledger.total(tenantId, from, to.plusDays(1), OptionalLong.empty()).byCurrency().stream()
                        .filter(total -> total.currency().equals(currency)).map(CostTotals.CurrencyTotal::total).findFirst()
                        .orElse(BigDecimal.ZERO);
            }

            @Override
            public Optional<String> mainCurrency(long tenantId) {
                return ledger.mainCurrency(tenantId);
            }
        };
    }

    /** The currency most of the ledger's lines are in; empty when there are none (the default has no ledger). */
    default Optional<String> mainCurrency(long tenantId) {
        return Optional.empty();
    }

    /**
     * The total of the ledger's entries dated {@code from} to {@code to} (both included) in
     * {@code currency}, for every achievement of the tenant.
     */
    BigDecimal total(long tenantId, LocalDate from, LocalDate to, String currency);
}
