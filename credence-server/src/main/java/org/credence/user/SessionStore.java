package org.credence.user;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for sessions. A session is found by its token's hash; everything else is scoped to a tenant. */
final class SessionStore {
    /** A session with its user and tenant, as one lookup finds them. */
    record Row(User user, String tenantSlug, String tenantName, String csrfToken, Instant lastSeenAt,
               Instant idleExpiresAt, Instant absoluteExpiresAt) {}

    private SessionStore() {}

    static void insert(Handle h, byte[] tokenHash, User user, String csrfToken, Instant now, Instant idleExpires, Instant absoluteExpires) {
        h.createUpdate("""
                        INSERT INTO user_session (token_hash, tenant_id, user_id, csrf_token, created_at, last_seen_at, idle_expires_at, absolute_expires_at)
                        VALUES (:hash, :tenant, :user, :csrf, :now, :now, :idle, :absolute)
                        """)
                .bind("hash", tokenHash).bind("tenant", user.tenantId()).bind("user", user.id()).bind("csrf", csrfToken)
                .bind("now", Timestamp.from(now)).bind("idle", Timestamp.from(idleExpires)).bind("absolute", Timestamp.from(absoluteExpires))
                .execute();
    }

    static Optional<Row> find(Handle h, byte[] tokenHash) {
        return h.createQuery("""
                        SELECT u.id
                             , u.tenant_id
                             , u.email
                             , u.name
                             , u.role
                             , u.disabled
                             , u.created_at
                             , u.last_login_at
                             , t.slug
                             , t.name AS tenant_name
                             , s.csrf_token
                             , s.last_seen_at
                             , s.idle_expires_at
                             , s.absolute_expires_at
                          FROM user_session s
                          JOIN app_user u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
                          JOIN tenant t ON t.id = s.tenant_id
                         WHERE s.token_hash = :hash
                        """)
                .bind("hash", tokenHash)
                .map((rs, ctx) -> {
                    Timestamp last = rs.getTimestamp("last_login_at");
                    User user = new User(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("email"), rs.getString("name"),
                            Role.parse(rs.getString("role")).orElseThrow(), rs.getBoolean("disabled"), rs.getTimestamp("created_at").toInstant(),
                            last == null ? null : last.toInstant());
                    return new Row(user, rs.getString("slug"), rs.getString("tenant_name"), rs.getString("csrf_token"),
                            rs.getTimestamp("last_seen_at").toInstant(), rs.getTimestamp("idle_expires_at").toInstant(),
                            rs.getTimestamp("absolute_expires_at").toInstant());
                })
                .findOne();
    }

    static void touch(Handle h, byte[] tokenHash, Instant now, Instant idleExpires) {
        h.createUpdate("UPDATE user_session SET last_seen_at = :now, idle_expires_at = :idle WHERE token_hash = :hash")
                .bind("now", Timestamp.from(now)).bind("idle", Timestamp.from(idleExpires)).bind("hash", tokenHash).execute();
    }

    static void end(Handle h, byte[] tokenHash) {
        h.createUpdate("DELETE FROM user_session WHERE token_hash = :hash").bind("hash", tokenHash).execute();
    }

    static void endAll(Handle h, long tenantId, long userId) {
        h.createUpdate("DELETE FROM user_session WHERE tenant_id = :tenant AND user_id = :user")
                .bind("tenant", tenantId).bind("user", userId).execute();
    }

    /** Ends every session of the user but one (the one that changed the password). */
    static void endAllBut(Handle h, long tenantId, long userId, byte[] keptTokenHash) {
        h.createUpdate("DELETE FROM user_session WHERE tenant_id = :tenant AND user_id = :user AND token_hash <> :kept")
                .bind("tenant", tenantId).bind("user", userId).bind("kept", keptTokenHash).execute();
    }

    /** Forgets a user's sessions that have expired, so the table holds only live ones (and a few stale). */
    static void endExpired(Handle h, long tenantId, long userId, Instant now) {
        h.createUpdate("""
                        DELETE FROM user_session
                         WHERE tenant_id = :tenant
                           AND user_id = :user
                           AND (idle_expires_at <= :now OR absolute_expires_at <= :now)
                        """)
                .bind("tenant", tenantId).bind("user", userId).bind("now", Timestamp.from(now)).execute();
    }
}
