package org.credence.user;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the login throttle: one row per (tenant, e-mail) with recent failures. */
final class LoginThrottle {
    private record Row(int failures, Instant windowStart, Instant lockedUntil) {}

    private LoginThrottle() {}

    /**
     * Counts an attempt as a failure (a success clears it) and returns when the lock ends if the
     * e-mail is locked out already; the attempt that reaches the limit still gets its answer.
     * The row is locked while deciding, so concurrent attempts are counted one after another.
     */
    static Optional<Instant> count(Handle h, long tenantId, String email, Instant now) {
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
                          FROM login_throttle
                         WHERE tenant_id = :tenant
                           AND email = :email
                           FOR UPDATE
                        """)
                .bind("tenant", tenantId).bind("email", email)
                .map((rs, ctx) -> new Row(rs.getInt("failures"), rs.getTimestamp("window_start").toInstant(),
                        rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant()))
                .one();
        if (row.lockedUntil() != null && now.isBefore(row.lockedUntil())) {
            return Optional.of(row.lockedUntil());
        }
        // a window older than 15 minutes, or a lock that has ended, starts counting again from this attempt
        boolean fresh = row.lockedUntil() != null || !now.isBefore(row.windowStart().plus(Logins.WINDOW));
        int failures = fresh ? 1 : row.failures() + 1;
        h.createUpdate("""
                        UPDATE login_throttle
                           SET failures = :failures
                             , window_start = :windowStart
                             , locked_until = :lockedUntil
                         WHERE tenant_id = :tenant
                           AND email = :email
                        """)
                .bind("failures", failures).bind("windowStart", Timestamp.from(fresh ? now : row.windowStart()))
                .bind("lockedUntil", failures >= Logins.MAX_FAILURES ? Timestamp.from(now.plus(Logins.LOCKOUT)) : null)
                .bind("tenant", tenantId).bind("email", email).execute();
        return Optional.empty();
    }

    static void clear(Handle h, long tenantId, String email) {
        h.createUpdate("DELETE FROM login_throttle WHERE tenant_id = :tenant AND email = :email")
                .bind("tenant", tenantId).bind("email", email).execute();
    }
}
