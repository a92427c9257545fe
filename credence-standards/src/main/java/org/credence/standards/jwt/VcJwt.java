package org.credence.standards.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * VC-JWT as Open Badges 3.0 §8.2 defines it: a JWS compact serialization whose payload carries
 * the credential in the {@code vc} claim, with {@code iss}, {@code jti}, {@code sub}, {@code nbf}
 * and {@code exp} mirroring its issuer id, id, subject id, validFrom and validUntil.
 *
 * <p>Only {@code RS256} (which OB 3.0 requires) and {@code EdDSA} are signed or accepted.
 */
public final class VcJwt {
    /** Tokens longer than this many characters (1 MiB) are refused unread. */
    public static final int MAX_LENGTH = CompactJws.MAX_LENGTH;

    private VcJwt() {}

    /**
     * Signs {@code credential} as a VC-JWT whose header names the verification key by {@code kid}.
     *
     * @param credential the credential; any {@code proof} member is left out of {@code vc}
     * @param kid a URL or DID URL from which verifiers can fetch the public key
     * @return the compact serialization {@code header.payload.signature}
     * @throws IllegalArgumentException if the credential is not an object, lacks an issuer id,
     *     id or validFrom, has a date without time zone, or would make a token over 1 MB
     */
    public static String sign(JsonNode credential, JwtSigningKey key, String kid) {
        Objects.requireNonNull(key, "key");
        if (kid == null || kid.isBlank()) {
            throw new IllegalArgumentException("kid must name the verification key (a URL or DID URL)");
        }
        return VcJwtSigning.sign(credential, key, Optional.of(kid));
    }

    /**
     * Signs {@code credential} with the public key embedded in the header ({@code jwk}) instead of
     * a {@code kid}. Verifiers must opt in to such tokens, see {@link KeyLookup#allowingEmbeddedJwk()}.
     *
     * @throws IllegalArgumentException as for {@link #sign(JsonNode, JwtSigningKey, String)}
     */
    public static String signWithEmbeddedKey(JsonNode credential, JwtSigningKey key) {
        return VcJwtSigning.sign(credential, Objects.requireNonNull(key, "key"), Optional.empty());
    }

    /**
     * Verifies a VC-JWT per Open Badges 3.0 §8.2.4: format, algorithm, header, key, signature,
     * then that the claims agree with the credential in {@code vc}.
     *
     * <p>Never throws for bad input: every problem is a failed check in the result. Surrounding
     * whitespace is ignored. {@code nbf} and {@code exp} are checked against the credential's
     * validFrom and validUntil but <em>not</em> against the clock; they are reported in the
     * result so the caller can decide whether the credential is yet or still valid.
     */
    public static VcJwtResult verify(String compact, KeyLookup lookup) {
        return VcJwtVerification.verify(compact, Objects.requireNonNull(lookup, "lookup"));
    }

    /**
     * True when {@code text} has the shape of a JWS compact serialization: three base64url parts
     * whose first decodes to a JSON object. Cheap, for telling a VC-JWT from a JSON credential;
     * says nothing about validity, and ignores the size limit so oversized tokens are still
     * recognised (and then refused by {@link #verify}).
     */
    public static boolean looksLikeJwt(String text) {
        if (text == null) {
            return false;
        }
        try {
            JsonNode header = StrictJson.read(CompactJws.split(text.strip()).headerBytes());
            return header.isObject();
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
