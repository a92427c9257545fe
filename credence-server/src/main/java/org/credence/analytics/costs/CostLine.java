package org.credence.analytics.costs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a cost line in the ledger. The line's current state is its highest version; a
 * voided line stays in the ledger and counts for nothing.
 *
 * @param id       the cost line (the same across its versions)
 * @param version  1 when created, one more per correction or void
 * @param owner    who entered this version
 * @param change   {@code created}, {@code corrected} or {@code voided}
 * @param reason   why it was corrected or voided; null for {@code created}
 */
public record CostLine(long id, int version, Long achievementId, CostCategory category, LocalDate incurredOn, LocalDate incurredUntil,
                       BigDecimal amount, String currency, BigDecimal hours, BigDecimal hourlyRate, String note, String owner,
                       Instant createdAt, String change, String reason) {

    public boolean voided() {
        return "voided".equals(change);
    }

    /** The last day the cost covers (inclusive). */
    public LocalDate lastDay() {
        return incurredUntil == null ? incurredOn : incurredUntil;
    }
}
