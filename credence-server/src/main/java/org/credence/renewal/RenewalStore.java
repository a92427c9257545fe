package org.credence.renewal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** SQL of the renewal module: policies, notice settings, renewal links and revenue lines. Every statement names its tenant. */
final class RenewalStore {
    /** The source revenue lines written by Credence itself carry: imported sources never use it. */
    static final String REVENUE_SOURCE = "credence";

    /** A renewal link as found; whether it still works is the caller's judgement at its clock. */
    record Link(long tenantId, UUID credentialId, Instant expiresAt, Instant usedAt, UUID renewalId) {
        boolean usable(Instant now) {
            return usedAt == null && now.isBefore(expiresAt);
        }
    }

    private RenewalStore() {}

    static RenewalPolicy policy(Handle h, long tenantId, long achievementId) {
        return h.createQuery("""
                        SELECT reminder_days, fee_amount, fee_currency
                          FROM achievement_renewal
                         WHERE tenant_id = :tenant AND achievement_id = :achievement
                        """)
                .bind("tenant", tenantId).bind("achievement", achievementId)
                .map((rs, ctx) -> new RenewalPolicy(achievementId, Arrays.asList((Integer[]) rs.getArray("reminder_days").getArray()),
                        rs.getBigDecimal("fee_amount"), rs.getString("fee_currency")))
                .findOne().orElseGet(() -> RenewalPolicy.defaults(achievementId));
    }

    static void savePolicy(Handle h, long tenantId, RenewalPolicy policy, Instant now) {
        h.createUpdate("""
                        INSERT INTO achievement_renewal (tenant_id, achievement_id, reminder_days, fee_amount, fee_currency, updated_at)
                        VALUES (:tenant, :achievement, :days, :amount, :currency, :now)
                        ON CONFLICT (tenant_id, achievement_id) DO UPDATE
                           SET reminder_days = EXCLUDED.reminder_days, fee_amount = EXCLUDED.fee_amount,
                               fee_currency = EXCLUDED.fee_currency, updated_at = EXCLUDED.updated_at
                        """)
                .bind("tenant", tenantId).bind("achievement", policy.achievementId())
                .bindArray("days", Integer.class, policy.reminderDays()).bind("amount", policy.feeAmount()).bind("currency", policy.feeCurrency())
                .bind("now", Timestamp.from(now)).execute();
    }

    /** Whether the tenant tells recipients of a revocation ({@code revoked}) or suspension: on unless turned off. */
    static StateNoticeSettings notices(Handle h, long tenantId) {
        return h.createQuery("SELECT revoked, suspended FROM tenant_state_notice WHERE tenant_id = :tenant")
                .bind("tenant", tenantId).map((rs, ctx) -> new StateNoticeSettings(rs.getBoolean("revoked"), rs.getBoolean("suspended")))
                .findOne().orElse(StateNoticeSettings.DEFAULTS);
    }

    static void saveNotices(Handle h, long tenantId, StateNoticeSettings settings, Instant now) {
        h.createUpdate("""
                        INSERT INTO tenant_state_notice (tenant_id, revoked, suspended, updated_at)
                        VALUES (:tenant, :revoked, :suspended, :now)
                        ON CONFLICT (tenant_id) DO UPDATE SET revoked = EXCLUDED.revoked, suspended = EXCLUDED.suspended, updated_at = EXCLUDED.updated_at
                        """)
                .bind("tenant", tenantId).bind("revoked", settings.revoked()).bind("suspended", settings.suspended())
                .bind("now", Timestamp.from(now)).execute();
    }

    static void mintLink(Handle h, byte[] tokenHash, long tenantId, UUID credentialId, Instant now, Instant expires) {
        h.createUpdate("""
                        INSERT INTO renewal_token (token_hash, tenant_id, credential_id, created_at, expires_at)
                        VALUES (:hash, :tenant, :credential, :now, :expires)
                        """)
                .bind("hash", tokenHash).bind("tenant", tenantId).bind("credential", credentialId)
                .bind("now", Timestamp.from(now)).bind("expires", Timestamp.from(expires)).execute();
    }

    /** The link's row; {@code lock}: FOR UPDATE, so two concurrent renewals through it cannot both succeed. */
    static Optional<Link> link(Handle h, byte[] tokenHash, boolean lock) {
        return h.createQuery("""
                        SELECT tenant_id, credential_id, expires_at, used_at, renewal_id
                          FROM renewal_token
                         WHERE token_hash = :hash
                        """ + (lock ? " FOR UPDATE" : ""))
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Link(rs.getLong("tenant_id"), rs.getObject("credential_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant(),
                        rs.getObject("renewal_id", UUID.class)))
                .findOne();
    }

    static void useLink(Handle h, byte[] tokenHash, long tenantId, UUID renewalId, Instant now) {
        h.createUpdate("UPDATE renewal_token SET used_at = :now, renewal_id = :renewal WHERE token_hash = :hash AND tenant_id = :tenant")
                .bind("now", Timestamp.from(now)).bind("renewal", renewalId).bind("hash", tokenHash).bind("tenant", tenantId).execute();
    }

    /**
     * The renewal fee as a program revenue line (kind {@code renewal}, source {@code credence}, keyed by the new credential),
     * its person the recipient's e-mail hash as outcome data keeps people.
     */
    static void revenueLine(Handle h, long tenantId, long achievementId, String emailHash, UUID renewalId, BigDecimal amount,
                            String currency, java.time.LocalDate booked) {
        long person = h.createQuery("""
                        INSERT INTO outcome_person (tenant_id, email_hash) VALUES (:tenant, :hash)
                        ON CONFLICT (tenant_id, email_hash) DO UPDATE SET email_hash = EXCLUDED.email_hash
                        RETURNING id
                        """)
                .bind("tenant", tenantId).bind("hash", emailHash).mapTo(Long.class).one();
        h.createUpdate("""
                        INSERT INTO revenue_line (tenant_id, source, source_id, achievement_id, person_id, kind, quantity, amount, currency, booked_on)
                        VALUES (:tenant, :source, :sourceId, :achievement, :person, 'renewal', 1, :amount, :currency, :booked)
                        ON CONFLICT (tenant_id, source, source_id) DO NOTHING
                        """)
                .bind("tenant", tenantId).bind("source", REVENUE_SOURCE).bind("sourceId", "renewal:" + renewalId).bind("achievement", achievementId)
                .bind("person", person).bind("amount", amount).bind("currency", currency).bind("booked", booked).execute();
    }

    /** The credential's lineage in renewal order: its first credential, then each renewal of the one before. */
    static List<UUID> lineage(Handle h, long tenantId, UUID credentialId) {
        return h.createQuery("""
                        WITH RECURSIVE chain AS (
                            SELECT c.id, 0 AS depth
                              FROM credential c
                             WHERE c.tenant_id = :tenant
                               AND c.id = (SELECT coalesce(lineage_id, id) FROM credential WHERE tenant_id = :tenant AND id = :id)
                            UNION ALL
                            SELECT c.id, chain.depth + 1
                              FROM credential c JOIN chain ON c.renews = chain.id
                             WHERE c.tenant_id = :tenant)
                        SELECT id FROM chain ORDER BY depth
                        """)
                .bind("tenant", tenantId).bind("id", credentialId).mapTo(UUID.class).list();
    }
}
