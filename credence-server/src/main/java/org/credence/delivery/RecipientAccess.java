package org.credence.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for a recipient's magic sign-in links (15 minutes, single use) and the sessions they open. */
final class RecipientAccess {
    static final Duration LINK_LIFETIME = Duration.ofMinutes(15);
    static final Duration SESSION_LIFETIME = Duration.ofHours(12);

    /** A signed-in recipient: who, at which tenant, and the CSRF token their forms must carry. */
    record Session(long tenantId, String email, String csrf) {}

    private RecipientAccess() {}

    /** An address as sessions and sign-in links keep it (trimmed, lower case), so a claim and a sign-in name the same person. */
    static String address(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    static String mintLink(Handle h, Tokens tokens, long tenantId, String email, Instant now) {
        String token = tokens.next();
        h.createUpdate("""
                        INSERT INTO recipient_sign_in (token_hash, tenant_id, email, created_at, expires_at)
                        VALUES (:hash, :tenant, :email, :now, :expires)
                        """)
                .bind("hash", Tokens.hash(token)).bind("tenant", tenantId).bind("email", email)
                .bind("now", Timestamp.from(now)).bind("expires", Timestamp.from(now.plus(LINK_LIFETIME))).execute();
        return token;
    }

    /** Uses the link once: the UPDATE is the check, so a link raced twice opens one session. */
    static Optional<Session> useLink(Handle h, String token, Instant now) {
        return h.createQuery("""
                        UPDATE recipient_sign_in
                           SET used_at = :now
                         WHERE token_hash = :hash
                           AND used_at IS NULL
                           AND expires_at > :now
                        RETURNING tenant_id, email
                        """)
                .bind("now", Timestamp.from(now)).bind("hash", Tokens.hash(token))
                .map((rs, ctx) -> new Session(rs.getLong("tenant_id"), rs.getString("email"), null))
                .findOne();
    }

    /** Opens a session; returns the cookie value. */
    static String open(Handle h, Tokens tokens, Session who, Instant now) {
        String token = tokens.next();
        h.createUpdate("""
                        INSERT INTO recipient_session (token_hash, tenant_id, email, csrf, created_at, expires_at)
                        VALUES (:hash, :tenant, :email, :csrf, :now, :expires)
                        """)
                .bind("hash", Tokens.hash(token)).bind("tenant", who.tenantId()).bind("email", who.email()).bind("csrf", tokens.next())
                .bind("now", Timestamp.from(now)).bind("expires", Timestamp.from(now.plus(SESSION_LIFETIME))).execute();
        return token;
    }

    static Optional<Session> session(Handle h, String token, Instant now) {
        return h.createQuery("""
                        SELECT tenant_id
                             , email
                             , csrf
                          FROM recipient_session
                         WHERE token_hash = :hash
                           AND expires_at > :now
                        """)
                .bind("hash", Tokens.hash(token)).bind("now", Timestamp.from(now))
                .map((rs, ctx) -> new Session(rs.getLong("tenant_id"), rs.getString("email"), rs.getString("csrf")))
                .findOne();
    }

    static void close(Handle h, String token) {
        h.createUpdate("DELETE FROM recipient_session WHERE token_hash = :hash").bind("hash", Tokens.hash(token)).execute();
    }
}
