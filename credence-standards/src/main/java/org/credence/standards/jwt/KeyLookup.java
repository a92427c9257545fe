package org.credence.standards.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.credence.standards.keys.KeyFormatException;

/**
 * How {@link VcJwt#verify} finds the public key for a token.
 *
 * <p>Either a resolver for the header's {@code kid} (a URL or DID URL; fetching and caching are
 * the caller's business) or one fixed key. A key embedded in the header ({@code jwk}) is used only
 * after {@link #allowingEmbeddedJwk()}: such a token proves only that <em>someone</em> holding that
 * key signed it, so the caller must then tie the key to the issuer some other way.
 */
public final class KeyLookup {
    private final Function<String, Optional<PublicKeyMaterial>> resolver;
    private final Optional<PublicKeyMaterial> fixed;
    private final boolean embeddedJwkAllowed;

    private KeyLookup(Function<String, Optional<PublicKeyMaterial>> resolver, Optional<PublicKeyMaterial> fixed,
            boolean embeddedJwkAllowed) {
        this.resolver = resolver;
        this.fixed = fixed;
        this.embeddedJwkAllowed = embeddedJwkAllowed;
    }

    /**
     * Resolves the header's {@code kid} with {@code resolver}; an empty answer means "unknown key".
     * Exceptions thrown by the resolver are reported as {@link VcJwtProblem#KEY_NOT_FOUND}.
     */
    public static KeyLookup byKid(Function<String, Optional<PublicKeyMaterial>> resolver) {
        return new KeyLookup(Objects.requireNonNull(resolver, "resolver"), Optional.empty(), false);
    }

    /** Always uses {@code key}, whatever {@code kid} or {@code jwk} the header names. */
    public static KeyLookup fixed(PublicKeyMaterial key) {
        return new KeyLookup(kid -> Optional.empty(), Optional.of(Objects.requireNonNull(key, "key")), false);
    }

    /** This lookup, also accepting a public key embedded in the header when no {@code kid} resolves. */
    public KeyLookup allowingEmbeddedJwk() {
        return new KeyLookup(resolver, fixed, true);
    }

    /** The key for a header, or the failed {@code key} check saying why there is none. */
    Found find(Optional<String> kid, Optional<JsonNode> jwk) {
        if (fixed.isPresent()) {
            return Found.key(fixed.get(), "used the key given by the caller");
        }
        if (kid.isPresent()) {
            Optional<PublicKeyMaterial> resolved;
            try {
                resolved = Objects.requireNonNullElse(resolver.apply(kid.get()), Optional.empty());
            } catch (RuntimeException e) {
                return Found.none(VcJwtProblem.KEY_NOT_FOUND, "looking up kid '" + kid.get() + "' failed: " + e.getMessage());
            }
            if (resolved.isPresent()) {
                return Found.key(resolved.get(), "found the key for kid '" + kid.get() + "'");
            }
            if (jwk.isEmpty() || !embeddedJwkAllowed) {
                return Found.none(VcJwtProblem.KEY_NOT_FOUND, "no key is known for kid '" + kid.get() + "'");
            }
        }
        if (jwk.isEmpty()) {
            return Found.none(VcJwtProblem.KEY_NOT_FOUND, "the header names no key (no kid, no jwk)");
        }
        if (!embeddedJwkAllowed) {
            return Found.none(VcJwtProblem.EMBEDDED_KEY_REFUSED,
                    "the token carries its own key (jwk), and embedded keys are not trusted here");
        }
        try {
            return Found.key(PublicKeyMaterial.fromJwk(jwk.get()), "used the key embedded in the header (jwk)");
        } catch (KeyFormatException e) {
            return Found.none(VcJwtProblem.INVALID_HEADER, "the embedded jwk is not usable: " + e.getMessage());
        }
    }

    /** Outcome of {@link #find}: a key and a passed check, or no key and a failed check. */
    record Found(Optional<PublicKeyMaterial> key, VcJwtCheck check) {
        static Found key(PublicKeyMaterial key, String reason) {
            return new Found(Optional.of(key), VcJwtCheck.passed("key", reason));
        }

        static Found none(VcJwtProblem problem, String reason) {
            return new Found(Optional.empty(), VcJwtCheck.failed("key", problem, reason));
        }
    }
}
