package org.credence.analytics;

import java.math.BigDecimal;
import java.util.OptionalLong;
import org.credence.achievement.Achievements;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.insights.Channel;
import org.credence.insights.marketing.Parameter;
import org.credence.insights.operations.ManualProcessParameter;
import org.jdbi.v3.core.Jdbi;

/**
 * Sets marketing-value and cost-avoided assumptions: checks the value and the reason, appends the
 * edit to its history and records it in the audit trail in one transaction. The API routes and the
 * {@code /app/assumptions} page call these same methods.
 */
public final class AssumptionChanges {
    private static final BigDecimal MAX_MARKETING = BigDecimal.valueOf(1_000_000_000L);

    /**
     * A marketing-value edit.
     *
     * @param channel null: every channel
     * @param achievementId null: the whole organisation
     */
    public record MarketingChange(Parameter parameter, Channel channel, Long achievementId, BigDecimal value, String reason) {}

    /**
     * A cost-avoided edit.
     *
     * @param achievementId null: the whole organisation
     */
    public record CostAvoidedChange(ManualProcessParameter parameter, Long achievementId, BigDecimal value, String reason) {}

    private final Jdbi jdbi;
    private final MarketingAssumptionStore marketing;
    private final CostAvoidedAssumptionStore costAvoided;
    private final Achievements achievements;
    private final AuditTrail audit;

    public AssumptionChanges(Jdbi jdbi, MarketingAssumptionStore marketing, CostAvoidedAssumptionStore costAvoided, Achievements achievements,
                             AuditTrail audit) {
        this.jdbi = jdbi;
        this.marketing = marketing;
        this.costAvoided = costAvoided;
        this.achievements = achievements;
        this.audit = audit;
    }

    /** Appends a marketing-value edit by {@code actor}. */
    public void set(long tenantId, String actor, MarketingChange change) {
        if (change.parameter() == null) {
            throw new DomainException.InvalidInput("parameter", ErrorText.of("assumptions.marketing_parameter"));
        }
        OptionalLong achievement = achievement(tenantId, change.achievementId());
        BigDecimal value = value(change.value(), MAX_MARKETING);
        String reason = reason(change.reason());
        jdbi.useTransaction(h -> {
            marketing.append(h, tenantId, achievement, change.parameter(), change.channel(), value, actor, reason);
            audit.record(h, tenantId, actor, "analytics.assumption.set", subject(achievement), null, AssumptionJson.edit(
                    change.parameter().name().toLowerCase(java.util.Locale.ROOT), change.channel() == null ? null : change.channel().id(),
                    change.achievementId(), value, reason));
        });
    }

    /** Appends a cost-avoided edit by {@code actor}. */
    public void set(long tenantId, String actor, CostAvoidedChange change) {
        if (change.parameter() == null) {
            throw new DomainException.InvalidInput("parameter", ErrorText.of("assumptions.cost_parameter"));
        }
        OptionalLong achievement = achievement(tenantId, change.achievementId());
        BigDecimal max = change.parameter() == ManualProcessParameter.MINUTES_PER_CERTIFICATE ? BigDecimal.valueOf(10_000) : BigDecimal.valueOf(1_000_000);
        BigDecimal value = value(change.value(), max);
        String reason = reason(change.reason());
        jdbi.useTransaction(h -> {
            costAvoided.append(h, tenantId, achievement, change.parameter(), value, actor, reason);
            audit.record(h, tenantId, actor, "analytics.cost_avoided_assumption.set", subject(achievement), null,
                    AssumptionJson.edit(OperationsRoutes.apiName(change.parameter()), null, change.achievementId(), value, reason));
        });
    }

    private OptionalLong achievement(long tenantId, Long achievementId) {
        if (achievementId == null) {
            return OptionalLong.empty();
        }
        achievements.get(tenantId, achievementId); // another tenant's achievement is not found
        return OptionalLong.of(achievementId);
    }

    private static BigDecimal value(BigDecimal value, BigDecimal max) {
        if (value == null) {
            throw new DomainException.InvalidInput("value", ErrorText.of("assumptions.value_required"));
        }
        if (value.signum() < 0 || value.compareTo(max) > 0) {
            throw new DomainException.InvalidInput("value", ErrorText.of("assumptions.value_range", "max", max.toPlainString()));
        }
        return value;
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new DomainException.InvalidInput("reason", ErrorText.of("assumptions.reason_required"));
        }
        if (why.length() > 1000) {
            throw new DomainException.InvalidInput("reason", ErrorText.of("assumptions.reason_too_long"));
        }
        return why;
    }

    private static String subject(OptionalLong achievement) {
        return achievement.isPresent() ? "achievement:" + achievement.getAsLong() : "tenant";
    }
}
