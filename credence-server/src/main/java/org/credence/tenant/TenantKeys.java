package org.credence.tenant;

import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.credence.standards.jwt.JwtSigningKey;
import org.credence.standards.jwt.PublicKeyMaterial;
import org.credence.standards.keys.DidDocuments;
import org.credence.standards.keys.Ed25519KeyPair;
import org.credence.standards.keys.Ed25519PublicKey;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Tenants' Ed25519 signing keys: one active key signs; rotated keys stay published in the
 * did:web document (verification only) so earlier credentials keep verifying. Each tenant also
 * has one RSA key, for RS256 VC-JWTs only (see {@link RsaKeys}).
 */
public final class TenantKeys {
    /** The key that signs for a tenant now, and its verification method id. */
    public record SigningKey(Ed25519KeyPair keys, String verificationMethod) {}

    /** The RSA key that signs a tenant's RS256 VC-JWTs, and its verification method id. */
    public record RsaKey(JwtSigningKey key, String verificationMethod) {}

    private final Jdbi jdbi;
    private final MasterKey master;
    private final SecureRandom random;
    // unsealing costs an AES-GCM decrypt; issuance asks for the key on every credential
    private final Map<Long, SigningKey> active = new ConcurrentHashMap<>();
    private final RsaKeys rsa;

    public TenantKeys(Jdbi jdbi, MasterKey master, SecureRandom random) {
        this.jdbi = jdbi;
        this.master = master;
        this.random = random;
        this.rsa = new RsaKeys(jdbi, master, random);
    }

    /** Adds a new active key (the first one, or a rotation); the previous key stays for verification. */
    public String rotate(Handle handle, long tenantId) {
        int count = handle.createQuery("SELECT count(*) FROM signing_key WHERE tenant_id = :tenant").bind("tenant", tenantId).mapTo(Integer.class).one();
        handle.createUpdate("UPDATE signing_key SET active = false WHERE tenant_id = :tenant AND active").bind("tenant", tenantId).execute();
        Ed25519KeyPair keys = Ed25519KeyPair.generate(random);
        String fragment = "key-" + (count + 1);
        handle.createUpdate("""
                        INSERT INTO signing_key (tenant_id, fragment, public_multibase, secret_sealed, active)
                        VALUES (:tenant, :fragment, :public, :sealed, true)
                        """)
                .bind("tenant", tenantId).bind("fragment", fragment).bind("public", keys.publicKey().multibase())
                .bind("sealed", master.seal(keys.seed())).execute();
        active.remove(tenantId);
        return fragment;
    }

    public SigningKey signingKey(Tenant tenant) {
        return active.computeIfAbsent(tenant.id(), id -> jdbi.withHandle(h -> h.createQuery("""
                        SELECT fragment
                             , secret_sealed
                          FROM signing_key
                         WHERE tenant_id = :tenant
                           AND active
                        """).bind("tenant", id)
                .map((rs, ctx) -> new SigningKey(Ed25519KeyPair.fromSeed(master.open(rs.getBytes("secret_sealed"))),
                        tenant.did() + "#" + rs.getString("fragment")))
                .one()));
    }

    /** Every key the tenant has had, for its did:web document. */
    public List<DidDocuments.PublishedKey> published(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT fragment
                             , public_multibase
                             , active
                          FROM signing_key
                         WHERE tenant_id = :tenant
                         ORDER BY id
                        """).bind("tenant", tenantId)
                .map((rs, ctx) -> new DidDocuments.PublishedKey(rs.getString("fragment"),
                        Ed25519PublicKey.fromMultibase(rs.getString("public_multibase")), rs.getBoolean("active")))
                .list());
    }

    /** The tenant's RSA key for RS256 VC-JWTs, made now when it has none yet. */
    public RsaKey rsaKey(Tenant tenant) {
        RsaKeys.Stored stored = rsa.active(tenant.id());
        return new RsaKey(JwtSigningKey.rsa(stored.keys()), tenant.did() + "#" + stored.fragment());
    }

    /** The tenant's RSA key as a public JWK for its did:web document (made now when it has none yet). */
    public List<DidDocuments.PublishedJwk> publishedJwks(long tenantId) {
        RsaKeys.Stored stored = rsa.active(tenantId);
        return List.of(new DidDocuments.PublishedJwk(stored.fragment(),
                PublicKeyMaterial.rsa((RSAPublicKey) stored.keys().getPublic()).jwk()));
    }

    /** The RSA public key the tenant publishes under {@code fragment}, if it has one by that name. */
    public Optional<PublicKeyMaterial> rsaPublished(long tenantId, String fragment) {
        return rsa.published(tenantId, fragment).map(PublicKeyMaterial::rsa);
    }
}
