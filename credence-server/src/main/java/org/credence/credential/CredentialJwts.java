package org.credence.credential;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.credence.issuance.IssuedCredential;
import org.credence.standards.jwt.JwtSigningKey;
import org.credence.standards.jwt.VcJwt;
import org.credence.tenant.Tenant;
import org.credence.tenant.TenantKeys;

/**
 * A credential as a VC-JWT (Open Badges 3.0 §8.2): the signed credential, without its Data
 * Integrity proof, in the {@code vc} claim, signed by its issuer's key named in {@code kid}.
 *
 * <p>Signed on request rather than at issuance, so every credential ever issued has one. Both
 * algorithms are deterministic (Ed25519; RSA PKCS#1 v1.5), so the same credential and key always
 * give the same token.
 */
public final class CredentialJwts {
    /** The two algorithms offered. */
    public enum Algorithm {
        /** The tenant's Ed25519 key, the one that signs its Data Integrity proofs. The default. */
        EDDSA("EdDSA"),
        /** The tenant's RSA key: the algorithm every Open Badges 3.0 JWT verifier must support. */
        RS256("RS256");

        private final String jose;

        Algorithm(String jose) {
            this.jose = jose;
        }

        /** The JOSE {@code alg} name. */
        public String jose() {
            return jose;
        }

        /** The algorithm a JOSE name ({@code EdDSA}, {@code RS256}, any case) stands for. */
        public static Optional<Algorithm> parse(String name) {
            for (Algorithm algorithm : values()) {
                if (algorithm.jose.toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(algorithm);
                }
            }
            return Optional.empty();
        }
    }

    private record Signed(java.util.UUID credential, Algorithm algorithm) {}

    private final TenantKeys keys;
    // an RSA signature costs milliseconds on a public, unauthenticated URL: a repeated download is served
    // from here (tokens are deterministic, and one signed before a key rotation still verifies)
    private final Cache<Signed, String> tokens = Caffeine.newBuilder()
            .maximumSize(2_000).expireAfterWrite(Duration.ofMinutes(10)).build();

    public CredentialJwts(TenantKeys keys) {
        this.keys = keys;
    }

    /** The compact VC-JWT of {@code credential}, signed with {@code issuer}'s current key for {@code algorithm}. */
    public String sign(IssuedCredential credential, Tenant issuer, Algorithm algorithm) {
        return tokens.get(new Signed(credential.id(), algorithm), signed -> signNow(credential, issuer, algorithm));
    }

    private String signNow(IssuedCredential credential, Tenant issuer, Algorithm algorithm) {
        return switch (algorithm) {
            case EDDSA -> {
                TenantKeys.SigningKey key = keys.signingKey(issuer);
                yield VcJwt.sign(credential.document(), JwtSigningKey.ed25519(key.keys()), key.verificationMethod());
            }
            case RS256 -> {
                TenantKeys.RsaKey key = keys.rsaKey(issuer);
                yield VcJwt.sign(credential.document(), key.key(), key.verificationMethod());
            }
        };
    }
}
