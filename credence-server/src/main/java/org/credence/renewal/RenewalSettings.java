package org.credence.renewal;

import java.time.Clock;
import org.credence.achievement.Achievements;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.json.JsonFields;
import org.credence.tenant.Caller;
import org.jdbi.v3.core.Jdbi;

/** Each achievement's renewal policy and each tenant's notice settings: read and saved (audited) within the caller's tenant. */
public final class RenewalSettings {
    private final Jdbi jdbi;
    private final Achievements achievements;
    private final AuditTrail audit;
    private final Clock clock;

    public RenewalSettings(Jdbi jdbi, Achievements achievements, AuditTrail audit, Clock clock) {
        this.jdbi = jdbi;
        this.achievements = achievements;
        this.audit = audit;
        this.clock = clock;
    }

    /** The achievement's policy, or the defaults (90, 30 and 7 days, no fee) when it has none of its own. */
    public RenewalPolicy policy(long tenantId, long achievementId) {
        achievements.get(tenantId, achievementId); // a NotFound for another tenant's achievement
        return jdbi.withHandle(h -> RenewalStore.policy(h, tenantId, achievementId));
    }

    /**
     * Saves the achievement's policy.
     *
     * @throws DomainException.InvalidInput when a reminder is not 1–365 days before expiry, or the fee is not positive with a currency
     */
    public RenewalPolicy save(Caller caller, RenewalPolicy policy) {
        achievements.get(caller.tenantId(), policy.achievementId());
        if (policy.reminderDays().size() > 10 || policy.reminderDays().stream().anyMatch(d -> d < 1 || d > RenewalPolicy.MAX_DAYS)) {
            throw new DomainException.InvalidInput("reminderDays", ErrorText.of("renewal.reminder_days_invalid", "max", RenewalPolicy.MAX_DAYS));
        }
        if ((policy.feeAmount() == null) != (policy.feeCurrency() == null)
                || policy.feeAmount() != null && (policy.feeAmount().signum() <= 0 || !policy.feeCurrency().matches("[A-Z]{3}"))) {
            throw new DomainException.InvalidInput("fee", ErrorText.of("renewal.fee_invalid"));
        }
        return jdbi.inTransaction(h -> {
            RenewalPolicy before = RenewalStore.policy(h, caller.tenantId(), policy.achievementId());
            RenewalStore.savePolicy(h, caller.tenantId(), policy, clock.instant());
            audit.record(h, caller.tenantId(), caller.actor(), "achievement.renewal", "achievement:" + policy.achievementId(),
                    JsonFields.MAPPER.valueToTree(before), JsonFields.MAPPER.valueToTree(policy));
            return policy;
        });
    }

    public StateNoticeSettings notices(long tenantId) {
        return jdbi.withHandle(h -> RenewalStore.notices(h, tenantId));
    }

    public StateNoticeSettings saveNotices(Caller caller, StateNoticeSettings settings) {
        return jdbi.inTransaction(h -> {
            StateNoticeSettings before = RenewalStore.notices(h, caller.tenantId());
            RenewalStore.saveNotices(h, caller.tenantId(), settings, clock.instant());
            audit.record(h, caller.tenantId(), caller.actor(), "tenant.state_notices", "tenant:" + caller.tenantId(),
                    JsonFields.MAPPER.valueToTree(before), JsonFields.MAPPER.valueToTree(settings));
            return settings;
        });
    }
}
