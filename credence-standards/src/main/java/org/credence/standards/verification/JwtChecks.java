package org.credence.standards.verification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.credence.standards.jwt.KeyLookup;
import org.credence.standards.jwt.VcJwt;
import org.credence.standards.jwt.VcJwtCheck;
import org.credence.standards.jwt.VcJwtProblem;
import org.credence.standards.jwt.VcJwtResult;

/** A VC-JWT: the JWS decides key, proof and issuer; the decoded credential gets the JSON checks. */
final class JwtChecks {
    private final KeyResolver keys;
    private final CredentialChecks credentials;

    JwtChecks(KeyResolver keys, CredentialChecks credentials) {
        this.keys = keys;
        this.credentials = credentials;
    }

    static boolean looksLikeJwt(String text) {
        return VcJwt.looksLikeJwt(text);
    }

    private static VerificationReport unverified(InputFormat format, List<Check> settled) {
        List<Check> checks = new ArrayList<>();
        for (CheckName name : CheckName.STANDALONE) {
            Check check = name == CheckName.PARSE ? Check.passed(name, "a VC-JWT")
                    : settled.stream().filter(c -> c.name() == name).findFirst()
                            .orElse(Check.skipped(name, "not checked: the JWT's signature could not be verified"));
            checks.add(check);
        }
        return new VerificationReport(format, Verdict.INVALID, checks, null);
    }

    VerificationReport verify(String compact, InputFormat format) {
        String[] resolvedController = new String[1];
        String[] resolutionError = new String[1];
        KeyLookup lookup = KeyLookup.byKid(kid -> {
            try {
                Optional<ResolvedKey> key = keys.resolve(kid);
                key.ifPresent(k -> resolvedController[0] = k.controller());
                return key.map(ResolvedKey::material);
            } catch (KeyResolutionException e) {
                resolutionError[0] = e.getMessage();
                return Optional.empty();
            }
        });
        VcJwtResult result = VcJwt.verify(compact, lookup);
        if (result.credential().isEmpty()) {
            VcJwtCheck failure = result.failures().isEmpty() ? null : result.failures().get(0);
            if (failure != null && failure.problem().equals(Optional.of(VcJwtProblem.MALFORMED_JWT))) {
                return Verifier.unusable(format, VerificationError.MALFORMED_JWT, failure.reason());
            }
        }
        List<Check> settled = new ArrayList<>();
        if (result.credential().isEmpty()) {
            VcJwtCheck failure = result.failures().get(0);
            VcJwtProblem problem = failure.problem().orElse(VcJwtProblem.INVALID_SIGNATURE);
            if (problem == VcJwtProblem.KEY_NOT_FOUND) {
                settled.add(Check.failed(CheckName.KEY_RESOLUTION, resolutionError[0] != null ? VerificationError.KEY_RESOLUTION_FAILED : VerificationError.KEY_NOT_FOUND,
                        resolutionError[0] != null ? resolutionError[0] : failure.reason()));
            } else {
                settled.add(Check.failed(CheckName.PROOF, problem == VcJwtProblem.UNSUPPORTED_ALGORITHM
                        ? VerificationError.UNSUPPORTED_ALGORITHM : VerificationError.INVALID_SIGNATURE, failure.reason()));
            }
            return unverified(format, settled);
        }
        ObjectNode credential = (ObjectNode) result.credential().get();
        settled.add(Check.passed(CheckName.KEY_RESOLUTION, "key " + result.keyId().orElse("(given)") + " resolved"));
        settled.add(Check.passed(CheckName.PROOF, "the " + result.algorithm().orElse("JWS") + " signature of the VC-JWT is valid"));
        List<VcJwtCheck> claimFailures = result.failures();
        String issuer = CredentialChecks.issuerId(credential);
        if (!claimFailures.isEmpty()) {
            settled.add(Check.failed(CheckName.ISSUER, VerificationError.ISSUER_MISMATCH, claimFailures.get(0).reason()));
        } else if (resolvedController[0] != null && !resolvedController[0].equals(issuer)) {
            settled.add(Check.failed(CheckName.ISSUER, VerificationError.ISSUER_MISMATCH,
                    "signed with a key of " + resolvedController[0] + ", but the credential names " + issuer + " as issuer"));
        } else {
            settled.add(Check.passed(CheckName.ISSUER, "signed with a key of the issuer " + issuer));
        }
        return credentials.verifyDecoded(credential, format, settled);
    }
}
