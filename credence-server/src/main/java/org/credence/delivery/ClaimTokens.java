package org.credence.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** SQL for claim links: single use, 30 days, and a new link supersedes every older one of the credential. */
final class ClaimTokens {
    static final Duration LIFETIME = Duration.ofDays(30);

    /** A claim token as found; whether it still works is the caller's judgement at its clock. */
    record Found(long tenantId, UUID credentialId, Instant expiresAt, Instant usedAt, Instant supersededAt) {
        boolean usable(Instant now) {
            return usedAt == null && supersededAt == null && now.isBefore(expiresAt);
        }
    }

    private ClaimTokens() {}

    /** A new token for the credential; older ones stop working. Returns the token itself, which only the mail carries. */
    static String mint(Handle h, Tokens tokens, long tenantId, UUID credentialId, Instant now) {
        supersede(h, tenantId, credentialId, now);
        String token = tokens.next();
        h.createUpdate("""
                        INSERT INTO claim_token (token_hash, tenant_id, credential_id, created_at, expires_at)
                        VALUES (:hash, :tenant, :credential, :now, :expires)
                        """)
                .bind("hash", Tokens.hash(token)).bind("tenant", tenantId).bind("credential", credentialId)
                .bind("now", Timestamp.from(now)).bind("expires", Timestamp.from(now.plus(LIFETIME))).execute();
        return token;
    }

    /**
     * {@link #mint} for several credentials at once (each its own tenant's, none twice): two statements. The tokens, in the
     * order of {@code credentialIds}.
     */
    static java.util.List<String> mintAll(Handle h, Tokens tokens, java.util.List<Long> tenantIds, java.util.List<UUID> credentialIds, Instant now) {
        h.createUpdate("""
                        UPDATE claim_token t
                           SET superseded_at = :now
                          FROM unnest(:tenants, :credentials) AS c(tenant, credential)
                         WHERE t.tenant_id = c.tenant
                           AND t.credential_id = c.credential
                           AND t.used_at IS NULL
                           AND t.superseded_at IS NULL
                        """)
                .bind("now", Timestamp.from(now)).bindArray("tenants", Long.class, tenantIds).bindArray("credentials", UUID.class, credentialIds)
                .execute();
        java.util.List<String> minted = new java.util.ArrayList<>(credentialIds.size());
        java.util.List<String> hashes = new java.util.ArrayList<>(credentialIds.size());
        for (int i = 0; i < credentialIds.size(); i++) {
            String token = tokens.next();
            minted.add(token);
            hashes.add(java.util.HexFormat.of().formatHex(Tokens.hash(token)));
        }
        h.createUpdate("""
                        INSERT INTO claim_token (token_hash, tenant_id, credential_id, created_at, expires_at)
                        SELECT decode(hash, 'hex'), tenant, credential, :now, :expires
                          FROM unnest(:hashes, :tenants, :credentials) AS c(hash, tenant, credential)
                        """)
                .bind("now", Timestamp.from(now)).bind("expires", Timestamp.from(now.plus(LIFETIME)))
                .bindArray("hashes", String.class, hashes).bindArray("tenants", Long.class, tenantIds)
                .bindArray("credentials", UUID.class, credentialIds)
                .execute();
        return minted;
    }

    static void supersede(Handle h, long tenantId, UUID credentialId, Instant now) {
        h.createUpdate("""
                        UPDATE claim_token
                           SET superseded_at = :now
                         WHERE tenant_id = :tenant
                           AND credential_id = :credential
                           AND used_at IS NULL
                           AND superseded_at IS NULL
                        """)
                .bind("now", Timestamp.from(now)).bind("tenant", tenantId).bind("credential", credentialId).execute();
    }

    /** The token's row, locked so that two concurrent claims with it cannot both succeed. */
    static Optional<Found> find(Handle h, String token) {
        return h.createQuery("""
                        SELECT tenant_id
                             , credential_id
                             , expires_at
                             , used_at
                             , superseded_at
                          FROM claim_token
                         WHERE token_hash = :hash
                           FOR UPDATE
                        """)
                .bind("hash", Tokens.hash(token))
                .map((rs, ctx) -> new Found(rs.getLong("tenant_id"), rs.getObject("credential_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("used_at")), instant(rs.getTimestamp("superseded_at"))))
                .findOne();
    }

    static void use(Handle h, String token, Instant now) {
        h.createUpdate("UPDATE claim_token SET used_at = :now WHERE token_hash = :hash")
                .bind("now", Timestamp.from(now)).bind("hash", Tokens.hash(token)).execute();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
