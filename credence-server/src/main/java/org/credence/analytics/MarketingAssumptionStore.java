package org.credence.analytics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.credence.insights.Channel;
import org.credence.insights.Provenance;
import org.credence.insights.Scope;
import org.credence.insights.marketing.AssumptionOverride;
import org.credence.insights.marketing.MarketingAssumptions;
import org.credence.insights.marketing.Parameter;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The marketing-value assumptions a tenant edited, kept as an append-only history of overrides on
 * top of Credence's documented defaults. The effective value is the latest edit of the narrowest
 * scope (an achievement's edit beats its tenant's).
 */
public final class MarketingAssumptionStore {
    private final Jdbi jdbi;
    private final Clock clock;

    public MarketingAssumptionStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The assumptions in force for a tenant, or for one of its achievements when {@code achievementId} is given. */
    public MarketingAssumptions effective(long tenantId, OptionalLong achievementId) {
        return MarketingAssumptions.defaults().applying(history(tenantId, achievementId));
    }

    /** Every edit that applies, oldest first: the tenant's, and the achievement's when given. */
    public List<AssumptionOverride> history(long tenantId, OptionalLong achievementId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT achievement_id, parameter, channel, value, set_by, set_at, reason FROM marketing_assumption
                        WHERE tenant_id = :tenant AND (achievement_id IS NULL OR achievement_id = :achievement)
                          AND parameter IN ('impressions_per_share', 'cpm')
                        ORDER BY set_at, id""")
                .bind("tenant", tenantId).bind("achievement", achievementId.isPresent() ? achievementId.getAsLong() : null)
                .map((rs, ctx) -> {
                    long achievement = rs.getLong("achievement_id");
                    Scope scope = rs.wasNull() ? Scope.tenant(Long.toString(tenantId)) : Scope.achievement(Long.toString(achievement));
                    String channel = rs.getString("channel");
                    return new AssumptionOverride(Parameter.valueOf(rs.getString("parameter").toUpperCase(Locale.ROOT)),
                            channel == null ? null : Channel.of(channel), rs.getBigDecimal("value").stripTrailingZeros(),
                            new Provenance(rs.getString("set_by"), rs.getTimestamp("set_at").toInstant(), rs.getString("reason"), scope));
                })
                .list());
    }

    /** Appends one edit, in the caller's transaction (so the audit entry lands with it). */
    public void append(Handle h, long tenantId, OptionalLong achievementId, Parameter parameter, Channel channel, BigDecimal value,
                       String setBy, String reason) {
        h.createUpdate("""
                        INSERT INTO marketing_assumption (tenant_id, achievement_id, parameter, channel, value, set_by, set_at, reason)
                        VALUES (:tenant, :achievement, :parameter, :channel, :value, :setBy, :setAt, :reason)""")
                .bind("tenant", tenantId).bind("achievement", achievementId.isPresent() ? achievementId.getAsLong() : null)
                .bind("parameter", parameter.name().toLowerCase(Locale.ROOT)).bind("channel", channel == null ? null : channel.id())
                .bind("value", value).bind("setBy", setBy).bind("setAt", Timestamp.from(clock.instant())).bind("reason", reason)
                .execute();
    }
}
