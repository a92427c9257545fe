package org.credence.analytics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.credence.insights.Provenance;
import org.credence.insights.Scope;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The append-only history of assumption edits (table {@code marketing_assumption}): who set which
 * value, when, why, for a tenant or one achievement. Shared by the marketing-value and the
 * cost-avoided assumptions, which read only their own parameters.
 */
final class AssumptionLog {
    private final Jdbi jdbi;
    private final Clock clock;

    AssumptionLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** One stored edit; {@code channel} null: every channel (or a parameter without channels). */
    record Entry(String parameter, String channel, BigDecimal value, Provenance provenance) {}

    /** Every edit of {@code parameters} that applies, oldest first: the tenant's, and the achievement's when given. */
    List<Entry> history(long tenantId, OptionalLong achievementId, Collection<String> parameters) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT achievement_id, parameter, channel, value, set_by, set_at, reason FROM marketing_assumption
                        WHERE tenant_id = :tenant AND (achievement_id IS NULL OR achievement_id = :achievement)
                          AND parameter IN (<parameters>)
                        ORDER BY set_at, id""")
                .bind("tenant", tenantId).bind("achievement", achievementId.isPresent() ? achievementId.getAsLong() : null)
                .bindList("parameters", List.copyOf(parameters))
                .map((rs, ctx) -> {
                    long achievement = rs.getLong("achievement_id");
                    Scope scope = rs.wasNull() ? Scope.tenant(Long.toString(tenantId)) : Scope.achievement(Long.toString(achievement));
                    return new Entry(rs.getString("parameter"), rs.getString("channel"), rs.getBigDecimal("value").stripTrailingZeros(),
                            new Provenance(rs.getString("set_by"), rs.getTimestamp("set_at").toInstant(), rs.getString("reason"), scope));
                })
                .list());
    }

    /** Appends one edit, in the caller's transaction (so the audit entry lands with it). */
    void append(Handle h, long tenantId, OptionalLong achievementId, String parameter, String channel, BigDecimal value, String setBy,
                String reason) {
        h.createUpdate("""
                        INSERT INTO marketing_assumption (tenant_id, achievement_id, parameter, channel, value, set_by, set_at, reason)
                        VALUES (:tenant, :achievement, :parameter, :channel, :value, :setBy, :setAt, :reason)""")
                .bind("tenant", tenantId).bind("achievement", achievementId.isPresent() ? achievementId.getAsLong() : null)
                .bind("parameter", parameter).bind("channel", channel).bind("value", value).bind("setBy", setBy)
                .bind("setAt", Timestamp.from(clock.instant())).bind("reason", reason)
                .execute();
    }
}
