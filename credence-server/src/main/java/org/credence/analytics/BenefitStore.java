package org.credence.analytics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credence.insights.Provenance;
import org.credence.insights.Scope;
import org.credence.insights.roi.CaseFactors;
import org.credence.insights.roi.IsolationMethod;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A tenant's ROI benefits model: monetised benefit lines, kept as an append-only history of edits
 * (table {@code roi_benefit}, V31) like the marketing assumptions. The model in force is the latest
 * edit of each name that is not a retirement.
 */
public final class BenefitStore {
    private final Jdbi jdbi;
    private final Clock clock;

    public BenefitStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * One edit of a benefit line.
     *
     * @param name         the line's name; edits of the same name replace one another
     * @param fromSurvey   true: the amount is the participants' adjusted estimate from the surveys, not typed in
     * @param annualAmount the annual amount; null when {@code fromSurvey}
     * @param currency     ISO 4217 code
     * @param active       false: this edit retires the line
     * @param provenance   who set it, when and why
     */
    public record Benefit(String name, boolean fromSurvey, BigDecimal annualAmount, String currency, IsolationMethod isolation,
                          BigDecimal attribution, BigDecimal confidence, CaseFactors factors, boolean active, Provenance provenance) {}

    /** The lines in force, by name in the order first set. */
    public List<Benefit> effective(long tenantId) {
        Map<String, Benefit> latest = new LinkedHashMap<>();
        for (Benefit edit : history(tenantId)) {
            latest.put(edit.name(), edit);
        }
        List<Benefit> inForce = new ArrayList<>();
        latest.values().stream().filter(Benefit::active).forEach(inForce::add);
        return inForce;
    }

    /** Every edit, oldest first. */
    public List<Benefit> history(long tenantId) {
        Scope scope = Scope.tenant(Long.toString(tenantId));
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT name, source, annual_amount, currency, isolation, attribution, confidence, factor_conservative, factor_base,
                               factor_optimistic, active, set_by, set_at, reason
                        FROM roi_benefit WHERE tenant_id = :tenant ORDER BY set_at, id""")
                .bind("tenant", tenantId)
                .map((rs, ctx) -> {
                    BigDecimal amount = rs.getBigDecimal("annual_amount");
                    return new Benefit(rs.getString("name"), rs.getString("source").equals("survey"), amount == null ? null : amount.stripTrailingZeros(),
                            rs.getString("currency"), IsolationMethod.fromCode(rs.getString("isolation")),
                            rs.getBigDecimal("attribution").stripTrailingZeros(), rs.getBigDecimal("confidence").stripTrailingZeros(),
                            new CaseFactors(rs.getBigDecimal("factor_conservative").stripTrailingZeros(), rs.getBigDecimal("factor_base").stripTrailingZeros(),
                                    rs.getBigDecimal("factor_optimistic").stripTrailingZeros()),
                            rs.getBoolean("active"),
                            new Provenance(rs.getString("set_by"), rs.getTimestamp("set_at").toInstant(), rs.getString("reason"), scope));
                })
                .list());
    }

    /** Appends one edit, in the caller's transaction (so the audit entry lands with it); its provenance's time is now. */
    public void append(Handle h, long tenantId, Benefit edit) {
        h.createUpdate("""
                        INSERT INTO roi_benefit (tenant_id, name, source, annual_amount, currency, isolation, attribution, confidence,
                                                 factor_conservative, factor_base, factor_optimistic, active, set_by, set_at, reason)
                        VALUES (:tenant, :name, :source, :amount, :currency, :isolation, :attribution, :confidence,
                                :conservative, :base, :optimistic, :active, :setBy, :setAt, :reason)""")
                .bind("tenant", tenantId).bind("name", edit.name()).bind("source", edit.fromSurvey() ? "survey" : "amount")
                .bind("amount", edit.annualAmount()).bind("currency", edit.currency()).bind("isolation", edit.isolation().code())
                .bind("attribution", edit.attribution()).bind("confidence", edit.confidence())
                .bind("conservative", edit.factors().conservative()).bind("base", edit.factors().base())
                .bind("optimistic", edit.factors().optimistic()).bind("active", edit.active())
                .bind("setBy", edit.provenance().setBy()).bind("setAt", Timestamp.from(clock.instant()))
                .bind("reason", edit.provenance().reason())
                .execute();
    }
}
