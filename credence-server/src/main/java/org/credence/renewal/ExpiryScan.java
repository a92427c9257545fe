package org.credence.renewal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credence.delivery.Delivery;
import org.credence.events.CredentialEvent;
import org.credence.events.CredentialEventType;
import org.credence.events.CredentialEvents;
import org.credence.issuance.CredentialStore;
import org.credence.issuance.IssuedCredential;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The recurring expiry scan ({@code expiry-scan} on the jobs core): mails each reminder before expiry once, and
 * records {@code credential.expired} once per credential whose expiry has passed. Safe to run from several threads or
 * nodes at once: a reminder is claimed by the insert of its (credential, offset) row, an expiry by its credential's row.
 */
public final class ExpiryScan {
    /** What one run did: reminders queued, reminders skipped (a nearer one was due too), expiries recorded. */
    public record Ran(int reminded, int skipped, int expired) {}

    private static final int BATCH = 500;

    /** A credential the scan acts on; {@code offsets}: its due reminders, nearest first. */
    private record Due(UUID credentialId, long tenantId, List<Integer> offsets, Instant expiresAt) {}

    /** Where the last batch of reminders ended: the next batch starts after it, so a large backlog is read once, not once per batch. */
    private record Cursor(Instant expiresAt, UUID id) {
        static final Cursor START = new Cursor(Instant.EPOCH, new UUID(0, 0));
    }

    private final Jdbi jdbi;
    private final Delivery delivery;
    private final Clock clock;
    private final CredentialEvents events;

    /** @param events told of each expiry recorded ({@code credential.expired}), in the transaction that records it */
    public ExpiryScan(Jdbi jdbi, Delivery delivery, Clock clock, CredentialEvents events) {
        this.jdbi = jdbi;
        this.delivery = delivery;
        this.clock = clock;
        this.events = events;
    }

    /** Runs the scan at the clock's now, in batches until nothing is left to do. */
    public Ran run() {
        Instant now = clock.instant();
        int reminded = 0;
        int skipped = 0;
        int expired = 0;
        Cursor cursor = Cursor.START;
        while (true) {
            Cursor after = cursor;
            Reminded done = jdbi.inTransaction(h -> remind(h, now, after));
            reminded += done.mailed();
            skipped += done.skipped();
            if (done.looked() < BATCH) {
                break;
            }
            cursor = done.last();
        }
        while (true) {
            int recorded = jdbi.inTransaction(h -> expire(h, now));
            expired += recorded;
            if (recorded < BATCH) {
                break;
            }
        }
        return new Ran(reminded, skipped, expired);
    }

    /**
     * Active, current credentials with reminders due and not yet sent. Only the nearest due reminder is mailed; farther
     * ones due at the same time (a scan that starts late, a credential issued 20 days before expiry) are recorded as
     * skipped, and reminders farther than one already sent are never due (a policy changed afterwards).
     * Reads credentials in expiry order after {@code after}.
     */
    private Reminded remind(Handle h, Instant now, Cursor after) {
        List<Due> due = h.createQuery("""
                        SELECT c.id, c.tenant_id, c.expires_at, array_agg(d ORDER BY d) AS offsets
                          FROM credential c
                          LEFT JOIN achievement_renewal r ON r.tenant_id = c.tenant_id AND r.achievement_id = c.achievement_id
                         CROSS JOIN LATERAL unnest(coalesce(r.reminder_days, ARRAY[90, 30, 7])) AS d
                         WHERE c.expires_at > :now
                           AND c.expires_at <= CAST(:now AS TIMESTAMPTZ) + make_interval(days => :horizon)
                           AND c.superseded_by IS NULL
                           AND c.state = 'active'
                           AND c.expires_at - make_interval(days => d) <= :now
                           AND NOT EXISTS (SELECT 1 FROM achievement a WHERE a.tenant_id = c.tenant_id AND a.id = c.achievement_id
                                                                         AND a.archived_at IS NOT NULL)
                           AND NOT EXISTS (SELECT 1 FROM expiry_reminder e WHERE e.credential_id = c.id AND e.offset_days <= d)
                           AND (c.expires_at, c.id) > (:afterAt, :afterId)
                         GROUP BY c.id, c.tenant_id, c.expires_at
                         ORDER BY c.expires_at, c.id
                         LIMIT :batch
                        """)
                .bind("now", Timestamp.from(now)).bind("horizon", RenewalPolicy.MAX_DAYS).bind("batch", BATCH)
                .bind("afterAt", Timestamp.from(after.expiresAt())).bind("afterId", after.id())
                .map((rs, ctx) -> new Due(rs.getObject("id", UUID.class), rs.getLong("tenant_id"),
                        Arrays.asList((Integer[]) rs.getArray("offsets").getArray()), rs.getTimestamp("expires_at").toInstant()))
                .list();
        int mailed = 0;
        int skipped = 0;
        for (Due d : due) {
            int nearest = d.offsets().get(0);
            for (int offset : d.offsets()) {
                boolean claimed = h.createUpdate("""
                                INSERT INTO expiry_reminder (tenant_id, credential_id, offset_days, queued_at)
                                VALUES (:tenant, :credential, :offset, :now)
                                ON CONFLICT DO NOTHING
                                """)
                        .bind("tenant", d.tenantId()).bind("credential", d.credentialId()).bind("offset", offset)
                        .bind("now", Timestamp.from(now)).execute() == 1;
                if (!claimed) {
                    continue; // a racing scan has it
                }
                if (offset != nearest) {
                    skipped++;
                    continue;
                }
                IssuedCredential c = CredentialStore.byId(h, d.tenantId(), d.credentialId()).orElseThrow();
                long mail = delivery.queueExpiryReminder(h, c, offset, Delivery.recipientLanguage(h, c.tenantId(), c.recipientEmail()));
                h.createUpdate("UPDATE expiry_reminder SET mail_id = :mail WHERE credential_id = :credential AND offset_days = :offset")
                        .bind("mail", mail).bind("credential", d.credentialId()).bind("offset", offset).execute();
                mailed++;
            }
        }
        Cursor last = due.isEmpty() ? after : new Cursor(due.get(due.size() - 1).expiresAt(), due.get(due.size() - 1).credentialId());
        return new Reminded(mailed, skipped, due.size(), last);
    }

    /** One batch of reminders: how many were mailed, recorded as skipped, looked at, and where the batch ended. */
    private record Reminded(int mailed, int skipped, int looked, Cursor last) {}

    /**
     * Records the expiry of active, current credentials whose expiry has passed, once each (revoked, suspended and
     * superseded ones are not "expired" news). Returns how many it recorded.
     */
    private int expire(Handle h, Instant now) {
        List<Due> recorded = h.createQuery("""
                        INSERT INTO credential_expiry (tenant_id, credential_id, expired_at, recorded_at)
                        SELECT c.tenant_id, c.id, c.expires_at, :now
                          FROM credential c
                         WHERE c.expires_at <= :now
                           AND c.superseded_by IS NULL
                           AND c.state = 'active'
                           AND NOT EXISTS (SELECT 1 FROM credential_expiry x WHERE x.credential_id = c.id)
                         ORDER BY c.expires_at
                         LIMIT :batch
                        ON CONFLICT DO NOTHING
                        RETURNING tenant_id, credential_id
                        """)
                .bind("now", Timestamp.from(now)).bind("batch", BATCH)
                .map((rs, ctx) -> new Due(rs.getObject("credential_id", UUID.class), rs.getLong("tenant_id"), List.of(), null))
                .list();
        for (Due d : recorded) {
            IssuedCredential c = CredentialStore.byId(h, d.tenantId(), d.credentialId()).orElseThrow();
            events.record(h, new CredentialEvent(CredentialEventType.EXPIRED, c.tenantId(), c.id(), c.number(), Long.toString(c.achievementId()),
                    c.expiresAt(), Map.of("expiresAt", c.expiresAt().toString())));
        }
        return recorded.size();
    }
}
