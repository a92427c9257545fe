package org.credence.tenant;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Tenants' RSA keys for RS256 VC-JWTs: one per tenant, made by the JDK on first need and sealed by
 * the master key, so tenants created before RS256 existed get theirs without a data migration.
 */
final class RsaKeys {
    /** 2048 bits: the RS256 minimum (RFC 7518 §3.3) and what every JWT verifier accepts. */
    static final int BITS = 2048;
    static final String FIRST_FRAGMENT = "rsa-1";

    /** A tenant's RSA key pair and its did:web fragment. */
    record Stored(String fragment, KeyPair keys) {}

    private final Jdbi jdbi;
    private final MasterKey master;
    private final SecureRandom random;
    // unsealing and decoding cost more than signing; every JWT download asks for the key
    private final Map<Long, Stored> active = new ConcurrentHashMap<>();

    RsaKeys(Jdbi jdbi, MasterKey master, SecureRandom random) {
        this.jdbi = jdbi;
        this.master = master;
        this.random = random;
    }

    /** The tenant's active RSA key, made now when it has none yet. */
    Stored active(long tenantId) {
        Stored known = active.get(tenantId);
        if (known != null) {
            return known;
        }
        // not computeIfAbsent: making a key takes long enough that other tenants' lookups must not wait on it
        active.putIfAbsent(tenantId, find(tenantId).orElseGet(() -> create(tenantId)));
        return active.get(tenantId);
    }

    /** The public half of the tenant's key with this fragment; never makes one. */
    Optional<RSAPublicKey> published(long tenantId, String fragment) {
        Stored known = active.get(tenantId);
        if (known != null && known.fragment().equals(fragment)) {
            return Optional.of((RSAPublicKey) known.keys().getPublic());
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT public_spki FROM rsa_signing_key WHERE tenant_id = :tenant AND fragment = :fragment")
                .bind("tenant", tenantId).bind("fragment", fragment)
                .map((rs, ctx) -> publicKey(rs.getBytes("public_spki"))).findOne());
    }

    private Optional<Stored> find(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT fragment
                             , public_spki
                             , secret_sealed
                          FROM rsa_signing_key
                         WHERE tenant_id = :tenant
                           AND active
                        """).bind("tenant", tenantId)
                .map((rs, ctx) -> stored(rs.getString("fragment"), rs.getBytes("public_spki"), rs.getBytes("secret_sealed")))
                .findOne());
    }

    private Stored create(long tenantId) {
        KeyPair keys;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(BITS, RSAKeyGenParameterSpec.F4), random);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make RSA keys", e);
        }
        // two first requests may race: the one-active index keeps the first key stored, and both use it
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO rsa_signing_key (tenant_id, fragment, public_spki, secret_sealed, active)
                        VALUES (:tenant, :fragment, :public, :sealed, true)
                        ON CONFLICT (tenant_id) WHERE active DO NOTHING
                        """)
                .bind("tenant", tenantId).bind("fragment", FIRST_FRAGMENT).bind("public", keys.getPublic().getEncoded())
                .bind("sealed", master.seal(keys.getPrivate().getEncoded())).execute());
        return find(tenantId).orElseThrow();
    }

    private Stored stored(String fragment, byte[] spki, byte[] sealed) {
        try {
            var secret = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(master.open(sealed)));
            return new Stored(fragment, new KeyPair(publicKey(spki), secret));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored RSA key cannot be read", e);
        }
    }

    private static RSAPublicKey publicKey(byte[] spki) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored RSA public key cannot be read", e);
        }
    }
}
