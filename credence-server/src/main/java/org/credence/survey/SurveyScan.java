package org.credence.survey;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credence.delivery.Delivery;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The periodic scan for due survey mail, with one entry point, {@link #run()}: invites earners whose wave
 * (months after issuance) has come, reminds once those who have not answered after the survey's reminder
 * days, and forgets sampled non-completers' addresses once their wave has closed. Safe to run from several
 * threads or nodes at once: an invitation is unique per (credential or address, wave), and a reminder is
 * claimed by the update that sets it.
 */
public final class SurveyScan {
    /** What one run did. */
    public record Ran(int invited, int reminded, int addressesErased) {}

    private record Due(long id, long tenantId, UUID credentialId, String language, String email) {}

    private final Jdbi jdbi;
    private final Delivery delivery;
    private final Clock clock;

    public SurveyScan(Jdbi jdbi, Delivery delivery, Clock clock) {
        this.jdbi = jdbi;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** Runs the scan at the clock's now. */
    public Ran run() {
        Instant now = clock.instant();
        int invited = jdbi.inTransaction(h -> mail(h, inviteEarners(h, now), false));
        int reminded = jdbi.inTransaction(h -> mail(h, remind(h, now), true));
        int erased = jdbi.inTransaction(h -> eraseClosed(h, now));
        return new Ran(invited, reminded, erased);
    }

    /**
     * Earners whose wave came within the survey's open days (a survey saved late does not invite people whose wave is long past).
     * ON CONFLICT DO NOTHING: a racing scan's insert waits for this one's commit and then inserts nothing.
     */
    private static List<Due> inviteEarners(Handle h, Instant now) {
        return h.createQuery("""
                        WITH inserted AS (
                            INSERT INTO survey_invitation (tenant_id, achievement_id, wave_month, cohort, credential_id, language, invited_at, closes_at)
                            SELECT s.tenant_id, s.achievement_id, w.month, 'earner', c.id
                                 , CASE WHEN t.locale = 'nb' THEN 'nb' ELSE 'en' END
                                 , :now, CAST(:now AS TIMESTAMPTZ) + make_interval(days => s.open_days)
                              FROM survey AS s
                             CROSS JOIN LATERAL unnest(s.wave_months) AS w(month)
                              JOIN tenant AS t ON t.id = s.tenant_id
                              JOIN credential AS c ON c.tenant_id = s.tenant_id AND c.achievement_id = s.achievement_id
                             WHERE s.enabled
                               AND c.state = 'active'
                               AND c.issued_at <= CAST(:now AS TIMESTAMPTZ) - make_interval(months => w.month)
                               AND c.issued_at > CAST(:now AS TIMESTAMPTZ) - make_interval(months => w.month) - make_interval(days => s.open_days)
                            ON CONFLICT DO NOTHING
                            RETURNING id, tenant_id, credential_id, language)
                        SELECT i.id, i.tenant_id, i.credential_id, i.language, c.recipient_email AS email
                          FROM inserted AS i
                          JOIN credential AS c ON c.tenant_id = i.tenant_id AND c.id = i.credential_id
                        """)
                .bind("now", Timestamp.from(now)).map((rs, ctx) -> due(rs)).list();
    }

    /** Claims each due reminder by setting reminded_at; a racing scan's update finds it set and skips the row. */
    private static List<Due> remind(Handle h, Instant now) {
        return h.createQuery("""
                        WITH reminded AS (
                            UPDATE survey_invitation AS i
                               SET reminded_at = :now
                              FROM survey AS s
                             WHERE s.tenant_id = i.tenant_id
                               AND s.achievement_id = i.achievement_id
                               AND s.enabled
                               AND i.answered_at IS NULL
                               AND i.reminded_at IS NULL
                               AND i.closes_at > :now
                               AND i.invited_at <= CAST(:now AS TIMESTAMPTZ) - make_interval(days => s.reminder_days)
                            RETURNING i.id, i.tenant_id, i.credential_id, i.language, i.email)
                        SELECT r.id, r.tenant_id, r.credential_id, r.language, COALESCE(c.recipient_email, r.email) AS email
                          FROM reminded AS r
                          LEFT JOIN credential AS c ON c.tenant_id = r.tenant_id AND c.id = r.credential_id
                        """)
                .bind("now", Timestamp.from(now)).map((rs, ctx) -> due(rs)).list();
    }

    private int mail(Handle h, List<Due> due, boolean reminder) {
        for (Due d : due) {
            long mail = delivery.queueSurvey(h, d.tenantId(), d.credentialId(), reminder, d.email(), d.language());
            h.createUpdate("UPDATE survey_invitation SET " + (reminder ? "reminder_mail_id" : "invitation_mail_id") + " = :mail"
                            + " WHERE tenant_id = :tenant AND id = :id")
                    .bind("mail", mail).bind("tenant", d.tenantId()).bind("id", d.id()).execute();
        }
        return due.size();
    }

    /** A closed wave keeps no non-completer's address: not on the invitation, not on the mail rows that went to it. */
    private static int eraseClosed(Handle h, Instant now) {
        List<long[]> closed = h.createQuery("""
                        UPDATE survey_invitation
                           SET email = NULL
                         WHERE email IS NOT NULL
                           AND closes_at <= :now
                        RETURNING tenant_id, COALESCE(invitation_mail_id, 0) AS invitation_mail, COALESCE(reminder_mail_id, 0) AS reminder_mail
                        """)
                .bind("now", Timestamp.from(now))
                .map((rs, ctx) -> new long[] {rs.getLong("tenant_id"), rs.getLong("invitation_mail"), rs.getLong("reminder_mail")}).list();
        for (long[] c : closed) {
            h.createUpdate("UPDATE mail SET recipient = 'erased@invalid' WHERE tenant_id = :tenant AND id IN (:invitation, :reminder)")
                    .bind("tenant", c[0]).bind("invitation", c[1]).bind("reminder", c[2]).execute();
        }
        return closed.size();
    }

    private static Due due(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Due(rs.getLong("id"), rs.getLong("tenant_id"), rs.getObject("credential_id", UUID.class), rs.getString("language"),
                rs.getString("email"));
    }
}
