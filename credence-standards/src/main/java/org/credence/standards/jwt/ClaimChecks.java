package org.credence.standards.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Open Badges 3.0 §8.2.4 checks that the JWT claims agree with the credential in {@code vc}. */
final class ClaimChecks {
    private ClaimChecks() {}

    /** What the claims say; {@code vc} is empty when the {@code vc} claim is not an object. */
    record Report(Optional<JsonNode> vc, Optional<Instant> notBefore, Optional<Instant> expires, List<VcJwtCheck> checks) {}

    static Report check(JsonNode claims) {
        List<VcJwtCheck> checks = new ArrayList<>();
        Optional<Instant> notBefore = reportedDate(claims, "nbf");
        Optional<Instant> expires = reportedDate(claims, "exp");
        JsonNode vc = claims.get("vc");
        if (vc == null || !vc.isObject()) {
            checks.add(VcJwtCheck.failed("vc", VcJwtProblem.INVALID_CREDENTIAL,
                    vc == null ? "there is no vc claim holding the credential" : "the vc claim is not a JSON object"));
            return new Report(Optional.empty(), notBefore, expires, checks);
        }
        checks.add(VcJwtCheck.passed("vc", "the vc claim holds a credential object"));
        checks.add(sameText(claims, "iss", CredentialFields.issuerId(vc), "issuer.id", true));
        checks.add(sameText(claims, "jti", CredentialFields.id(vc), "id", true));
        checks.add(sameText(claims, "sub", CredentialFields.subjectId(vc), "credentialSubject.id", false));
        checks.add(sameDate(claims, "nbf", vc, "validFrom", true));
        checks.add(sameDate(claims, "exp", vc, "validUntil", false));
        return new Report(Optional.of(vc), notBefore, expires, checks);
    }

    /**
     * {@code claim} must equal the credential's {@code member}. When the credential lacks the
     * member, a required claim's check fails; an optional claim must then be absent too.
     */
    private static VcJwtCheck sameText(JsonNode claims, String claim, Optional<String> expected, String member, boolean required) {
        JsonNode value = claims.get(claim);
        if (expected.isEmpty()) {
            if (required) {
                return VcJwtCheck.failed(claim, VcJwtProblem.INVALID_CREDENTIAL, "the credential has no " + member + " to compare " + claim + " with");
            }
            return value == null
                    ? VcJwtCheck.passed(claim, "no " + claim + " claim, and the credential has no " + member)
                    : VcJwtCheck.failed(claim, VcJwtProblem.CLAIM_MISMATCH, claim + " is given but the credential has no " + member);
        }
        if (value == null) {
            return VcJwtCheck.failed(claim, VcJwtProblem.MISSING_CLAIM, "there is no " + claim + " claim; it must be the credential's " + member);
        }
        if (!value.isTextual()) {
            return VcJwtCheck.failed(claim, VcJwtProblem.CLAIM_MISMATCH, claim + " is not a string");
        }
        if (!value.asText().equals(expected.get())) {
            return VcJwtCheck.failed(claim, VcJwtProblem.CLAIM_MISMATCH,
                    claim + " '" + value.asText() + "' differs from the credential's " + member + " '" + expected.get() + "'");
        }
        return VcJwtCheck.passed(claim, claim + " matches the credential's " + member);
    }

    /** Like {@link #sameText} for NumericDate claims, compared in whole seconds; never judged against the clock. */
    private static VcJwtCheck sameDate(JsonNode claims, String claim, JsonNode vc, String member, boolean required) {
        Optional<Instant> expected;
        try {
            expected = CredentialFields.dateTime(vc, member);
        } catch (IllegalArgumentException e) {
            return VcJwtCheck.failed(claim, VcJwtProblem.INVALID_CREDENTIAL, "the credential's " + e.getMessage());
        }
        Optional<Instant> actual;
        try {
            actual = CredentialFields.numericDate(claims, claim);
        } catch (IllegalArgumentException e) {
            return VcJwtCheck.failed(claim, VcJwtProblem.CLAIM_MISMATCH, e.getMessage());
        }
        if (expected.isEmpty()) {
            if (actual.isPresent()) {
                return VcJwtCheck.failed(claim, VcJwtProblem.CLAIM_MISMATCH, claim + " is given but the credential has no " + member);
            }
            return required
                    ? VcJwtCheck.failed(claim, VcJwtProblem.MISSING_CLAIM, "there is no " + claim + " claim, and the credential has no " + member)
                    : VcJwtCheck.passed(claim, "no " + claim + " claim, and the credential has no " + member);
        }
        if (actual.isEmpty()) {
            return VcJwtCheck.failed(claim, VcJwtProblem.MISSING_CLAIM, "there is no " + claim + " claim; it must be the credential's " + member);
        }
        if (actual.get().getEpochSecond() != CredentialFields.numericDate(expected.get())) {
            return VcJwtCheck.failed(claim, VcJwtProblem.CLAIM_MISMATCH,
                    claim + " " + actual.get() + " differs from the credential's " + member + " " + expected.get());
        }
        return VcJwtCheck.passed(claim, claim + " " + actual.get() + " matches the credential's " + member
                + " (reported only; the caller judges it against the current time)");
    }

    private static Optional<Instant> reportedDate(JsonNode claims, String claim) {
        try {
            return CredentialFields.numericDate(claims, claim);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
