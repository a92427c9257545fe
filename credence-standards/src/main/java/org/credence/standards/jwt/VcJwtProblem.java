package org.credence.standards.jwt;

/** Why a VC-JWT failed a check. */
public enum VcJwtProblem {
    /** Not a JWS compact serialization: wrong number of parts, bad base64url, header or payload not JSON. */
    MALFORMED_JWT,
    /** Over the 1 MB input limit; not parsed at all. */
    TOO_LARGE,
    /** {@code alg} is not {@code RS256} or {@code EdDSA} ({@code none} and HMAC are always refused). */
    UNSUPPORTED_ALGORITHM,
    /** The JOSE header breaks Open Badges 3.0 §8.2: bad {@code typ}, {@code crit}, no key reference, private {@code jwk}. */
    INVALID_HEADER,
    /** No key for the {@code kid}, or no key reference the lookup can use. */
    KEY_NOT_FOUND,
    /** The token carries its own key ({@code jwk}) but the caller does not trust embedded keys. */
    EMBEDDED_KEY_REFUSED,
    /** The key found is of a different type than {@code alg} needs (e.g. RSA key for EdDSA). */
    KEY_MISMATCH,
    /** The signature does not verify with the key found. */
    INVALID_SIGNATURE,
    /** The {@code vc} claim is missing, not an object, or lacks a member the claims are checked against. */
    INVALID_CREDENTIAL,
    /** A claim Open Badges 3.0 requires ({@code iss}, {@code jti}, {@code nbf}, {@code sub}) is absent. */
    MISSING_CLAIM,
    /** A claim disagrees with the credential inside {@code vc}, or has the wrong JSON type. */
    CLAIM_MISMATCH
}
