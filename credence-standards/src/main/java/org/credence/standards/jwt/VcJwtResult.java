package org.credence.standards.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What verifying a VC-JWT found.
 *
 * <p>{@link #notBefore()} and {@link #expires()} are only <em>reported</em>: this check never
 * compares them with the current time. The caller (the credential verifier) decides whether a
 * credential is not yet valid or expired, from these times or from {@code validFrom} /
 * {@code validUntil}, which this check has confirmed agree with them.
 *
 * @param credential the {@code vc} claim, present only once the signature has verified — so it
 *     is what the key holder signed, even if a later claim check failed
 * @param algorithm the header's {@code alg}, when the header could be read
 * @param keyId the header's {@code kid}, when present
 * @param notBefore the {@code nbf} claim, when the signature verified and it is a NumericDate
 * @param expires the {@code exp} claim, when the signature verified and it is a NumericDate
 * @param checks every check made, in order; verification stops at the first failure up to and
 *     including the signature, and checks every claim after it
 */
public record VcJwtResult(
        Optional<JsonNode> credential,
        Optional<String> algorithm,
        Optional<String> keyId,
        Optional<Instant> notBefore,
        Optional<Instant> expires,
        List<VcJwtCheck> checks) {

    public VcJwtResult {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(expires, "expires");
        checks = List.copyOf(checks);
    }

    /** True when the signature verified and every claim agrees with the credential. Dates are not judged. */
    public boolean valid() {
        return credential.isPresent() && checks.stream().allMatch(VcJwtCheck::passed);
    }

    /** The checks that failed, in order. */
    public List<VcJwtCheck> failures() {
        return checks.stream().filter(check -> !check.passed()).toList();
    }

    /** True when some check failed with {@code problem}. */
    public boolean failedWith(VcJwtProblem problem) {
        return checks.stream().anyMatch(check -> check.problem().equals(Optional.of(problem)));
    }
}
