package org.credence.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** SQL for the mail queue and each mail's history. Every statement names its tenant but the worker's pick of due mail. */
final class MailQueue {
    /** A mail the worker has taken: a lease on it, its attempt counted. */
    record Due(long id, long tenantId, UUID credentialId, MailKind kind, String recipient, String language, int attempts, String reference) {}

    /** A mail and the steps it went through, for the delivery history. */
    record Delivered(long id, MailKind kind, String recipient, String status, int attempts, String lastError, Instant createdAt,
                     Instant sentAt, String messageId, List<Step> steps) {}

    record Step(String status, String detail, Instant at) {}

    private MailQueue() {}

    static long enqueue(Handle h, long tenantId, UUID credentialId, MailKind kind, String recipient, String language, Instant now) {
        return enqueue(h, tenantId, credentialId, kind, recipient, language, null, now);
    }

    /** @param reference what a mail that is about no credential carries (the week of a weekly report), or null */
    static long enqueue(Handle h, long tenantId, UUID credentialId, MailKind kind, String recipient, String language, String reference,
                        Instant now) {
        long id = h.createUpdate("""
                        INSERT INTO mail (tenant_id, credential_id, kind, recipient, language, reference, next_attempt_at, created_at)
                        VALUES (:tenant, CAST(:credential AS UUID), :kind, :recipient, :language, :reference, :now, :now)
                        """)
                .bind("tenant", tenantId).bind("credential", credentialId).bind("kind", kind.column()).bind("reference", reference)
                .bind("recipient", recipient).bind("language", language).bind("now", Timestamp.from(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return id;
    }

    /** Queues one mail of {@code kind} about each credential, to its recipient, in one insert. */
    static void enqueueAll(Handle h, long tenantId, List<UUID> credentialIds, MailKind kind, List<String> recipients, String language, Instant now) {
        if (credentialIds.isEmpty()) {
            return;
        }
        h.createUpdate("""
                        INSERT INTO mail (tenant_id, credential_id, kind, recipient, language, next_attempt_at, created_at)
                        SELECT :tenant, credential, :kind, recipient, :language, :now, :now
                          FROM unnest(:credentials, :recipients) WITH ORDINALITY AS m(credential, recipient, n)
                         ORDER BY n
                        """)
                .bind("tenant", tenantId).bind("kind", kind.column()).bind("language", language).bind("now", Timestamp.from(now))
                .bindArray("credentials", UUID.class, credentialIds).bindArray("recipients", String.class, recipients)
                .execute();
    }

    /**
     * Takes up to {@code limit} due mails: queued ones whose time has come, and 'sending' ones whose
     * sender's lease ran out (it crashed). SKIP LOCKED lets several workers share the queue.
     */
    static List<Due> take(Handle h, Instant now, Instant leaseUntil, int limit) {
        return h.createQuery("""
                        UPDATE mail
                           SET status = 'sending'
                             , attempts = attempts + 1
                             , next_attempt_at = :lease
                         WHERE id IN (SELECT id
                                        FROM mail
                                       WHERE status IN ('queued', 'sending')
                                         AND next_attempt_at <= :now
                                       ORDER BY next_attempt_at
                                       LIMIT :limit
                                         FOR UPDATE SKIP LOCKED)
                        RETURNING id, tenant_id, credential_id, kind, recipient, language, attempts, reference
                        """)
                .bind("now", Timestamp.from(now)).bind("lease", Timestamp.from(leaseUntil)).bind("limit", limit)
                .map((rs, ctx) -> new Due(rs.getLong("id"), rs.getLong("tenant_id"), rs.getObject("credential_id", UUID.class),
                        MailKind.of(rs.getString("kind")), rs.getString("recipient"), rs.getString("language"), rs.getInt("attempts"),
                        rs.getString("reference")))
                .list();
    }

    /** A mail sent: what {@link #sentAll} records of it. */
    record Sent(Due mail, String subject, String messageId) {}

    /**
     * Records the mails as sent: one statement for a batch of them (each row still its own tenant's). Their "sent" step is
     * read from {@code sent_at} and {@code message_id} (see {@link #steps}), so it writes no history row of its own.
     */
    static void sentAll(Handle h, List<Sent> sent, Instant now) {
        h.createUpdate("""
                        UPDATE mail m
                           SET status = 'sent', sent_at = :now, message_id = s.message_id, subject = s.subject, last_error = NULL
                          FROM unnest(:ids, :tenants, :messageIds, :subjects) AS s(id, tenant, message_id, subject)
                         WHERE m.tenant_id = s.tenant
                           AND m.id = s.id
                        """)
                .bind("now", Timestamp.from(now))
                .bindArray("ids", Long.class, sent.stream().map(s -> s.mail().id()).toList())
                .bindArray("tenants", Long.class, sent.stream().map(s -> s.mail().tenantId()).toList())
                .bindArray("messageIds", String.class, sent.stream().map(Sent::messageId).toList())
                .bindArray("subjects", String.class, sent.stream().map(Sent::subject).toList())
                .execute();
    }

    /** Back in the queue until {@code next}, with the reason this attempt failed. */
    static void retry(Handle h, Due mail, String error, Instant next, Instant now) {
        finish(h, mail, "queued", error, next);
        step(h, mail.tenantId(), mail.id(), "retry", error, now);
    }

    /** Given up: {@code status} is 'bounced' (the server refused it for good) or 'failed' (too many attempts). */
    static void end(Handle h, Due mail, String status, String error, Instant now) {
        finish(h, mail, status, error, now);
        step(h, mail.tenantId(), mail.id(), status, error, now);
    }

    private static void finish(Handle h, Due mail, String status, String error, Instant next) {
        h.createUpdate("""
                        UPDATE mail
                           SET status = :status, last_error = :error, next_attempt_at = :next
                         WHERE tenant_id = :tenant AND id = :id
                        """)
                .bind("status", status).bind("error", error).bind("next", Timestamp.from(next))
                .bind("tenant", mail.tenantId()).bind("id", mail.id()).execute();
    }

    /**
     * How many mails of this kind went to this address since {@code since}: the rate limit of links a stranger can ask for.
     * Only sign-in and claim links are limited, so only they are indexed (V57's mail_recent); the literal list in the query lets
     * every plan, generic ones too, use that partial index.
     */
    static int recent(Handle h, long tenantId, MailKind kind, String recipient, Instant since) {
        if (kind != MailKind.RECIPIENT_SIGN_IN && kind != MailKind.CLAIM_LINK) {
            throw new IllegalArgumentException("mail of kind " + kind + " is not rate limited (mail_recent does not index it)");
        }
        return h.createQuery("""
                        SELECT count(*)
                          FROM mail
                         WHERE tenant_id = :tenant
                           AND kind = :kind
                           AND kind IN ('recipient_sign_in', 'claim_link')
                           AND recipient = :recipient
                           AND created_at > :since
                        """)
                .bind("tenant", tenantId).bind("kind", kind.column()).bind("recipient", recipient).bind("since", Timestamp.from(since))
                .mapTo(Integer.class).one();
    }

    static List<Delivered> ofCredential(Handle h, long tenantId, UUID credentialId) {
        return ofCredential(h, tenantId, credentialId, Integer.MAX_VALUE);
    }

    /** The newest {@code limit} mails about the credential, in the order sent (a page shows a bounded history). */
    static List<Delivered> ofCredential(Handle h, long tenantId, UUID credentialId, int limit) {
        List<Delivered> newestFirst = h.createQuery("""
                        SELECT id
                             , kind
                             , recipient
                             , status
                             , attempts
                             , last_error
                             , created_at
                             , sent_at
                             , message_id
                          FROM mail
                         WHERE tenant_id = :tenant
                           AND credential_id = :credential
                         ORDER BY id DESC
                         LIMIT :limit
                        """)
                .bind("tenant", tenantId).bind("credential", credentialId).bind("limit", limit)
                .map((rs, ctx) -> {
                    Instant created = rs.getTimestamp("created_at").toInstant();
                    Instant sentAt = rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant();
                    String messageId = rs.getString("message_id");
                    return new Delivered(rs.getLong("id"), MailKind.of(rs.getString("kind")), rs.getString("recipient"), rs.getString("status"),
                            rs.getInt("attempts"), rs.getString("last_error"), created, sentAt, messageId,
                            steps(h, tenantId, rs.getLong("id"), created, sentAt, messageId));
                })
                .list();
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /**
     * The latest mail delivering each of {@code credentialIds} (the tenant's only; survey mail is not delivery) and when each was claimed, in one statement
     * for a page of credentials; a credential no mail was sent about has status {@code none}.
     */
    static java.util.Map<UUID, CredentialDelivery> latest(Handle h, long tenantId, List<UUID> credentialIds) {
        java.util.Map<UUID, CredentialDelivery> found = new java.util.HashMap<>();
        h.createQuery("""
                        SELECT c.id
                             , c.claimed_at
                             , m.status
                             , m.last_error
                             , m.attempts
                             , COALESCE(m.sent_at, e.at, m.created_at) AS at
                          FROM credential AS c
                          LEFT JOIN LATERAL (SELECT id, status, last_error, attempts, created_at, sent_at
                                               FROM mail
                                              WHERE tenant_id = c.tenant_id
                                                AND credential_id = c.id
                                                AND kind NOT IN ('survey_invitation', 'survey_reminder')
                                              ORDER BY id DESC
                                              LIMIT 1) AS m ON TRUE
                          LEFT JOIN LATERAL (SELECT at
                                               FROM mail_event
                                              WHERE tenant_id = c.tenant_id
                                                AND mail_id = m.id
                                                AND status NOT IN ('queued', 'sent')
                                              ORDER BY id DESC
                                              LIMIT 1) AS e ON TRUE
                         WHERE c.tenant_id = :tenant
                           AND c.id = ANY(CAST(:ids AS UUID[]))
                        """)
                .bind("tenant", tenantId).bindArray("ids", String.class, credentialIds.stream().map(UUID::toString).toList())
                .map((rs, ctx) -> {
                    String status = rs.getString("status");
                    java.sql.Timestamp at = rs.getTimestamp("at");
                    java.sql.Timestamp claimed = rs.getTimestamp("claimed_at");
                    // 'sending' is a lease of a moment: to the issuer it is still waiting in the queue
                    return java.util.Map.entry(rs.getObject("id", UUID.class), new CredentialDelivery(
                            status == null ? "none" : status.equals("sending") ? "queued" : status, rs.getString("last_error"),
                            rs.getInt("attempts"), at == null ? null : at.toInstant(), claimed == null ? null : claimed.toInstant()));
                })
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    /**
     * The mail's history: queued (its {@code created_at}), each retry, bounce or failure (rows of mail_event), and sent (its
     * {@code sent_at}, with the Message-ID). The first and last are read from the mail's own row rather than written as
     * history rows: two rows and their index entries less per mail sent (issue 14). Rows 'queued' and 'sent' written
     * before that are skipped, so no step shows twice.
     */
    private static List<Step> steps(Handle h, long tenantId, long mailId, Instant created, Instant sentAt, String messageId) {
        List<Step> steps = new java.util.ArrayList<>();
        steps.add(new Step("queued", null, created));
        steps.addAll(h.createQuery("""
                        SELECT status
                             , detail
                             , at
                          FROM mail_event
                         WHERE tenant_id = :tenant
                           AND mail_id = :mail
                           AND status NOT IN ('queued', 'sent')
                         ORDER BY id
                        """)
                .bind("tenant", tenantId).bind("mail", mailId)
                .map((rs, ctx) -> new Step(rs.getString("status"), rs.getString("detail"), rs.getTimestamp("at").toInstant()))
                .list());
        if (sentAt != null) {
            steps.add(new Step("sent", messageId, sentAt));
        }
        return steps;
    }

    private static void step(Handle h, long tenantId, long mailId, String status, String detail, Instant at) {
        h.createUpdate("""
                        INSERT INTO mail_event (tenant_id, mail_id, status, detail, at)
                        VALUES (:tenant, :mail, :status, :detail, :at)
                        """)
                .bind("tenant", tenantId).bind("mail", mailId).bind("status", status).bind("detail", detail).bind("at", Timestamp.from(at))
                .execute();
    }
}
