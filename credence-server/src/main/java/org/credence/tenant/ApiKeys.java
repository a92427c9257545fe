package org.credence.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * API keys: {@code crd_<prefix>_<secret>}, 256 random bits, shown once and stored only as a
 * SHA-256 hash (a slow hash adds nothing for keys this long, and every request checks one).
 */
public final class ApiKeys {
    private final Jdbi jdbi;
    private final SecureRandom random;

    public ApiKeys(Jdbi jdbi, SecureRandom random) {
        this.jdbi = jdbi;
        this.random = random;
    }

    /** A new key for {@code tenantId} (null: administrator); the returned text is the only copy. */
    public String create(Handle handle, Long tenantId, Set<String> scopes, String label) {
        byte[] prefixBytes = new byte[6];
        byte[] secret = new byte[32];
        random.nextBytes(prefixBytes);
        random.nextBytes(secret);
        String prefix = HexFormat.of().formatHex(prefixBytes);
        String key = "crd_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        insert(handle, tenantId, prefix, key, scopes, label);
        return key;
    }

    /** Stores a key chosen by the operator ({@code CREDENCE_BOOTSTRAP_API_KEY}) unless it exists. */
    public void ensureAdministratorKey(String key) {
        String prefix = prefixOf(key).orElseThrow(() -> new IllegalArgumentException(
                "CREDENCE_BOOTSTRAP_API_KEY must look like crd_<12 hex>_<secret> (make one with a first start)"));
        jdbi.useHandle(h -> {
            if (h.createQuery("SELECT count(*) FROM api_key WHERE prefix = :prefix").bind("prefix", prefix).mapTo(Integer.class).one() == 0) {
                insert(h, null, prefix, key, Set.of("admin"), "bootstrap");
            }
        });
    }

    public boolean anyAdministratorKey() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM api_key WHERE tenant_id IS NULL AND revoked_at IS NULL")
                .mapTo(Integer.class).one() > 0);
    }

    public Optional<Caller> authenticate(String key) {
        Optional<String> prefix = prefixOf(key);
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT tenant_id
                             , secret_hash
                             , scopes
                          FROM api_key
                         WHERE prefix = :prefix
                           AND revoked_at IS NULL
                        """)
                .bind("prefix", prefix.get())
                .map((rs, ctx) -> {
                    byte[] stored = rs.getBytes("secret_hash");
                    if (!MessageDigest.isEqual(stored, hash(key))) {
                        return null;
                    }
                    long tenant = rs.getLong("tenant_id");
                    Long tenantId = rs.wasNull() ? null : tenant;
                    Set<String> scopes = Set.of((String[]) rs.getArray("scopes").getArray());
                    return new Caller(tenantId, scopes, "api-key:crd_" + prefix.get());
                })
                .findOne());
    }

    /** Revokes a key of {@code tenantId} by its prefix; false when there is no such key there. */
    public boolean revoke(long tenantId, String prefix) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE api_key
                           SET revoked_at = now()
                         WHERE tenant_id = :tenant
                           AND prefix = :prefix
                           AND revoked_at IS NULL
                        """).bind("tenant", tenantId).bind("prefix", prefix).execute() == 1);
    }

    private static void insert(Handle handle, Long tenantId, String prefix, String key, Set<String> scopes, String label) {
        handle.createUpdate("""
                        INSERT INTO api_key (tenant_id, prefix, secret_hash, scopes, label)
                        VALUES (:tenant, :prefix, :hash, :scopes, :label)
                        """)
                .bind("tenant", tenantId).bind("prefix", prefix).bind("hash", hash(key))
                .bindArray("scopes", String.class, List.copyOf(scopes)).bind("label", label)
                .execute();
    }

    private static Optional<String> prefixOf(String key) {
        if (key == null || !key.startsWith("crd_") || key.length() < 4 + 12 + 1 + 20 || key.charAt(16) != '_') {
            return Optional.empty();
        }
        return Optional.of(key.substring(4, 16));
    }

    private static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
