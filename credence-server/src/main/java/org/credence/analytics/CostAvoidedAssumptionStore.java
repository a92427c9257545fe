package org.credence.analytics;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.credence.insights.operations.ManualProcessAssumptions;
import org.credence.insights.operations.ManualProcessParameter;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The cost-avoided assumptions (minutes per manual certificate, hourly rate) a tenant edited, kept
 * with who, when and why in the same history as the marketing assumptions; Credence's documented
 * defaults apply until someone sets their own.
 */
public final class CostAvoidedAssumptionStore {
    private static final List<String> PARAMETERS = Stream.of(ManualProcessParameter.values()).map(ManualProcessParameter::id).toList();
    private final AssumptionLog log;

    public CostAvoidedAssumptionStore(Jdbi jdbi, Clock clock) {
        this.log = new AssumptionLog(jdbi, clock);
    }

    /** The assumptions in force, the hourly rate in {@code currency}. */
    public ManualProcessAssumptions effective(long tenantId, OptionalLong achievementId, Currency currency) {
        return ManualProcessAssumptions.defaults(currency).applying(history(tenantId, achievementId));
    }

    /** Every edit that applies, oldest first. */
    public List<ManualProcessAssumptions.Override> history(long tenantId, OptionalLong achievementId) {
        return log.history(tenantId, achievementId, PARAMETERS).stream()
                .map(e -> new ManualProcessAssumptions.Override(ManualProcessParameter.parse(e.parameter()).orElseThrow(), e.value(),
                        e.provenance()))
                .toList();
    }

    /** Appends one edit, in the caller's transaction (so the audit entry lands with it). */
    public void append(Handle h, long tenantId, OptionalLong achievementId, ManualProcessParameter parameter, BigDecimal value, String setBy,
                       String reason) {
        log.append(h, tenantId, achievementId, parameter.id(), null, value, setBy, reason);
    }
}
