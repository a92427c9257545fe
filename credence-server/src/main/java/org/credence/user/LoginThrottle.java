package org.credence.user;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the login throttle: one row per (tenant, e-mail) with recent failures. */
final class LoginThrottle {
    private record Row(int failures, Instant windowStart, Instant lockedUntil, int refused) {}

    /** An e-mail locked out until {@code until}; {@code refused} attempts (this one included) were turned away during this lock. */
    record Locked(Instant until, int refused) {}

    /** A lock that is over, with the attempts it turned away: the audit trail gets their count once. */
    record Ended(long tenantId, String email, int refused) {}

    /** What counting an attempt found: a lock in force, or none (and perhaps an ended lock to report). */
    record Counted(Optional<Locked> locked, Optional<Ended> ended) {}

    private LoginThrottle() {}

    /**
     * Counts an attempt as a failure (a success clears it) and returns when the lock ends if the
     * e-mail is locked out already; the attempt that reaches the limit still gets its answer.
     * The row is locked while deciding, so concurrent attempts are counted one after another.
     */
    static Counted count(Handle h, long tenantId, String email, Instant now) {
        h.createUpdate("""
                        INSERT INTO login_throttle (tenant_id, email, failures, window_start)
                        VALUES (:tenant, :email, 0, :now)
                        ON CONFLICT (tenant_id, email) DO NOTHING
                        """)
                .bind("tenant", tenantId).bind("email", email).bind("now", Timestamp.from(now)).execute();
        Row row = h.createQuery("""
                        SELECT failures
                             , window_start
                             , locked_until
                             , refused
                          FROM login_throttle
                         WHERE tenant_id = :tenant
                           AND email = :email
                           FOR UPDATE
                        """)
                .bind("tenant", tenantId).bind("email", email)
                .map((rs, ctx) -> new Row(rs.getInt("failures"), rs.getTimestamp("window_start").toInstant(),
                        rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant(), rs.getInt("refused")))
                .one();
        if (row.lockedUntil() != null && now.isBefore(row.lockedUntil())) {
            // counted, not audited: the audit trail hears of a lock once, not once per refused attempt
            h.createUpdate("UPDATE login_throttle SET refused = refused + 1 WHERE tenant_id = :tenant AND email = :email")
                    .bind("tenant", tenantId).bind("email", email).execute();
            return new Counted(Optional.of(new Locked(row.lockedUntil(), row.refused() + 1)), Optional.empty());
        }
        // a window older than 15 minutes, or a lock that has ended, starts counting again from this attempt
        boolean fresh = row.lockedUntil() != null || !now.isBefore(row.windowStart().plus(Logins.WINDOW));
        int failures = fresh ? 1 : row.failures() + 1;
        h.createUpdate("""
                        UPDATE login_throttle
                           SET failures = :failures
                             , window_start = :windowStart
                             , locked_until = :lockedUntil
                             , refused = 0
                         WHERE tenant_id = :tenant
                           AND email = :email
                        """)
                .bind("failures", failures).bind("windowStart", Timestamp.from(fresh ? now : row.windowStart()))
                .bind("lockedUntil", failures >= Logins.MAX_FAILURES ? Timestamp.from(now.plus(Logins.LOCKOUT)) : null)
                .bind("tenant", tenantId).bind("email", email).execute();
        return new Counted(Optional.empty(), row.refused() > 0 ? Optional.of(new Ended(tenantId, email, row.refused())) : Optional.empty());
    }

    /** Forgets the e-mail's failures after a success; returns the ended lock's count if it turned attempts away. */
    static Optional<Ended> clear(Handle h, long tenantId, String email) {
        return h.createQuery("DELETE FROM login_throttle WHERE tenant_id = :tenant AND email = :email RETURNING refused")
                .bind("tenant", tenantId).bind("email", email).mapTo(Integer.class).findOne()
                .filter(refused -> refused > 0).map(refused -> new Ended(tenantId, email, refused));
    }

    /**
     * Deletes the rows whose window and lock are both over (they count for nothing any more, and
     * guesses at many e-mails would otherwise leave a row each forever); returns the ended locks.
     */
    static List<Ended> purge(Handle h, Instant now) {
        return h.createQuery("""
                        DELETE FROM login_throttle
                         WHERE window_start <= :windowEnded
                           AND (locked_until IS NULL OR locked_until <= :now)
                        RETURNING tenant_id, email, refused
                        """)
                .bind("windowEnded", Timestamp.from(now.minus(Logins.WINDOW))).bind("now", Timestamp.from(now))
                .map((rs, ctx) -> new Ended(rs.getLong("tenant_id"), rs.getString("email"), rs.getInt("refused")))
                .list().stream().filter(e -> e.refused() > 0).toList();
    }
}
