package org.credence.analytics;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.credence.insights.Channel;
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
    private static final List<String> PARAMETERS = Stream.of(Parameter.values()).map(MarketingAssumptionStore::id).toList();
    private final AssumptionLog log;

    public MarketingAssumptionStore(Jdbi jdbi, Clock clock) {
        this.log = new AssumptionLog(jdbi, clock);
    }

    /** The assumptions in force for a tenant, or for one of its achievements when {@code achievementId} is given. */
    public MarketingAssumptions effective(long tenantId, OptionalLong achievementId) {
        return MarketingAssumptions.defaults().applying(history(tenantId, achievementId));
    }

    /** Every edit that applies, oldest first: the tenant's, and the achievement's when given. */
    public List<AssumptionOverride> history(long tenantId, OptionalLong achievementId) {
        return log.history(tenantId, achievementId, PARAMETERS).stream()
                .map(e -> new AssumptionOverride(Parameter.valueOf(e.parameter().toUpperCase(Locale.ROOT)),
                        e.channel() == null ? null : Channel.of(e.channel()), e.value(), e.provenance()))
                .toList();
    }

    /** Appends one edit, in the caller's transaction (so the audit entry lands with it). */
    public void append(Handle h, long tenantId, OptionalLong achievementId, Parameter parameter, Channel channel, BigDecimal value,
                       String setBy, String reason) {
        log.append(h, tenantId, achievementId, id(parameter), channel == null ? null : channel.id(), value, setBy, reason);
    }

    private static String id(Parameter parameter) {
        return parameter.name().toLowerCase(Locale.ROOT);
    }
}
