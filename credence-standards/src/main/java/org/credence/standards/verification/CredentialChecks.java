package org.credence.standards.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.credence.standards.dataintegrity.EddsaRdfc2022;
import org.credence.standards.dataintegrity.ProofException;
import org.credence.standards.jsonld.BundledContexts;
import org.credence.standards.jsonld.CredentialContexts;
import org.credence.standards.jsonld.JsonLdException;

/** The checks of a JSON-LD credential with a Data Integrity proof, in report order. */
final class CredentialChecks {

    private final EddsaRdfc2022 suite;
    private final KeyResolver keys;
    private final StatusChecks status;
    private final Clock clock;

    CredentialChecks(EddsaRdfc2022 suite, KeyResolver keys, StatusResolver statuses, Clock clock) {
        this.suite = suite;
        this.keys = keys;
        this.clock = clock;
        this.status = new StatusChecks(statuses, keys, suite);
    }

    VerificationReport verify(JsonNode input, InputFormat format) {
        Optional<String> notCredential = whyNotACredential(input);
        if (notCredential.isPresent()) {
            return Verifier.unusable(format, VerificationError.NOT_A_CREDENTIAL, notCredential.get());
        }
        ObjectNode credential = WrappedContexts.unwrapped((ObjectNode) input);
        Map<CheckName, Check> results = new EnumMap<>(CheckName.class);
        results.put(CheckName.PARSE, Check.passed(CheckName.PARSE, "a JSON verifiable credential"));
        results.put(CheckName.CONTEXT, contexts(credential));
        results.put(CheckName.SCHEMA, Schemas.check(credential));
        proofChecks(credential, results);
        results.put(CheckName.VALIDITY_DATES, dates(credential));
        results.put(CheckName.STATUS, status.check(credential, issuerId(credential)));
        return report(format, results, credential);
    }

    /** Report with checks a JWT already settled (key, proof, issuer) and the JSON-level ones run here. */
    VerificationReport verifyDecoded(ObjectNode credential, InputFormat format, List<Check> settled) {
        Map<CheckName, Check> results = new EnumMap<>(CheckName.class);
        results.put(CheckName.PARSE, Check.passed(CheckName.PARSE, "a VC-JWT carrying a verifiable credential"));
        results.put(CheckName.CONTEXT, contexts(credential));
        results.put(CheckName.SCHEMA, Schemas.check(credential));
        settled.forEach(check -> results.put(check.name(), check));
        results.put(CheckName.VALIDITY_DATES, dates(credential));
        results.put(CheckName.STATUS, status.check(credential, issuerId(credential)));
        return report(format, results, credential);
    }

    static Optional<String> whyNotACredential(JsonNode input) {
        if (!input.isObject()) {
            return Optional.of("a credential is a JSON object; this is a JSON " + input.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!input.has("@context")) {
            return Optional.of("this JSON has no @context, so it is not a verifiable credential");
        }
        JsonNode type = input.get("type");
        boolean typed = type != null && (type.isArray() ? containsText(type, "VerifiableCredential") : "VerifiableCredential".equals(type.asText()));
        if (!typed) {
            return Optional.of("this JSON's type does not include VerifiableCredential, so it is not a verifiable credential");
        }
        return Optional.empty();
    }

    private static Check contexts(ObjectNode credential) {
        try {
            CredentialContexts.check(credential);
        } catch (JsonLdException e) {
            return Check.failed(CheckName.CONTEXT, VerificationError.UNKNOWN_CONTEXT, e.getMessage());
        }
        return Check.passed(CheckName.CONTEXT, "all contexts are known W3C / 1EdTech contexts or embedded in the credential");
    }

    private void proofChecks(ObjectNode credential, Map<CheckName, Check> results) {
        JsonNode proofs = credential.get("proof");
        List<JsonNode> list = new ArrayList<>();
        if (proofs != null && proofs.isArray()) {
            proofs.forEach(list::add);
        } else if (proofs != null) {
            list.add(proofs);
        }
        if (list.isEmpty()) {
            results.put(CheckName.KEY_RESOLUTION, Check.skipped(CheckName.KEY_RESOLUTION, "no proof names a key"));
            results.put(CheckName.PROOF, Check.failed(CheckName.PROOF, VerificationError.PROOF_MISSING,
                    "the credential has no proof: it is not signed"));
            results.put(CheckName.ISSUER, Check.skipped(CheckName.ISSUER, "not checked: no proof"));
            return;
        }
        Optional<String> brokenChain = brokenProofChain(list);
        if (brokenChain.isPresent()) {
            results.put(CheckName.KEY_RESOLUTION, Check.skipped(CheckName.KEY_RESOLUTION, "not checked: the proof chain is broken"));
            results.put(CheckName.PROOF, Check.failed(CheckName.PROOF, VerificationError.PROOF_MALFORMED, brokenChain.get()));
            results.put(CheckName.ISSUER, Check.skipped(CheckName.ISSUER, "not checked: no verified proof"));
            return;
        }
        String issuer = issuerId(credential);
        Check keyCheck = null;
        Check proofCheck = null;
        Check issuerCheck = null;
        for (JsonNode proof : list) {
            String method = proof.path("verificationMethod").asText("");
            Optional<ResolvedKey> key;
            try {
                key = method.isEmpty() ? Optional.empty() : keys.resolve(method);
            } catch (KeyResolutionException e) {
                keyCheck = Check.failed(CheckName.KEY_RESOLUTION, VerificationError.KEY_RESOLUTION_FAILED, e.getMessage());
                break;
            }
            if (key.isEmpty()) {
                keyCheck = Check.failed(CheckName.KEY_RESOLUTION, VerificationError.KEY_NOT_FOUND, method.isEmpty()
                        ? "the proof does not name its verificationMethod"
                        : "no key could be found for " + method + " (offline verification resolves did:key; use --online or --key for others)");
                break;
            }
            keyCheck = Check.passed(CheckName.KEY_RESOLUTION, "key " + method + " resolved");
            try {
                suite.verify(credential, proof, previousProofs(list, proof), key.get().key());
                proofCheck = Check.passed(CheckName.PROOF, "the eddsa-rdfc-2022 signature matches the credential's content");
            } catch (ProofException e) {
                Check failure = proofFailure(e);
                if (failure.name() == CheckName.CONTEXT) {
                    results.put(CheckName.CONTEXT, failure);
                    proofCheck = Check.skipped(CheckName.PROOF, "not checked: the credential's terms could not be read");
                } else {
                    proofCheck = failure;
                }
                break;
            }
            if (issuer.equals(key.get().controller())) {
                issuerCheck = Check.passed(CheckName.ISSUER, "signed with a key of the issuer " + issuer);
            } else if (issuerCheck == null || issuerCheck.hasFailed()) {
                // in a proof set every proof must verify and one must be the issuer's; others may co-sign
                issuerCheck = Check.failed(CheckName.ISSUER, VerificationError.ISSUER_MISMATCH,
                        "signed with a key of " + key.get().controller() + ", but the credential names " + issuer + " as issuer");
            }
        }
        results.put(CheckName.KEY_RESOLUTION, keyCheck);
        results.put(CheckName.PROOF, proofCheck != null ? proofCheck : Check.skipped(CheckName.PROOF, "not checked: the key is unknown"));
        results.put(CheckName.ISSUER, issuerCheck != null ? issuerCheck : Check.skipped(CheckName.ISSUER, "not checked: no verified proof"));
    }

    /**
     * A proof's {@code previousProof} must name proofs of the same set (by id): every proof is
     * verified, so naming them is enough to verify them first.
     *
     * @see <a href="https://www.w3.org/TR/vc-data-integrity/#proof-chains">Data Integrity §2.1.2 Proof Chains</a>
     */
    private static Optional<String> brokenProofChain(List<JsonNode> proofs) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        proofs.forEach(p -> {
            if (p.path("id").isTextual()) {
                ids.add(p.get("id").asText());
            }
        });
        for (JsonNode proof : proofs) {
            JsonNode previous = proof.get("previousProof");
            if (previous == null) {
                continue;
            }
            List<JsonNode> named = new ArrayList<>();
            if (previous.isArray()) {
                previous.forEach(named::add);
            } else {
                named.add(previous);
            }
            for (JsonNode id : named) {
                if (!id.isTextual() || !ids.contains(id.asText())) {
                    return Optional.of("previousProof " + id + " names no proof of this credential (PROOF_VERIFICATION_ERROR)");
                }
            }
        }
        return Optional.empty();
    }

    /** The proofs {@code proof}'s previousProof names (the chain was checked to name only proofs of the set). */
    private static List<JsonNode> previousProofs(List<JsonNode> proofs, JsonNode proof) {
        JsonNode previous = proof.get("previousProof");
        if (previous == null) {
            return List.of();
        }
        java.util.Set<String> named = new java.util.HashSet<>();
        if (previous.isArray()) {
            previous.forEach(id -> named.add(id.asText()));
        } else {
            named.add(previous.asText());
        }
        return proofs.stream().filter(p -> named.contains(p.path("id").asText(null))).toList();
    }

    private static Check proofFailure(ProofException e) {
        if (e.code() == ProofException.Code.DOCUMENT_NOT_CANONICALIZABLE && e.getCause() instanceof JsonLdException jsonLd) {
            VerificationError error = switch (jsonLd.reason()) {
                case UNKNOWN_CONTEXT -> VerificationError.UNKNOWN_CONTEXT;
                case UNDEFINED_TERM -> VerificationError.UNDEFINED_TERM;
                case DROPPED_VALUE -> VerificationError.DROPPED_VALUE;
                case INVALID_JSON_LD -> VerificationError.INVALID_JSON_LD;
            };
            return Check.failed(CheckName.CONTEXT, error, jsonLd.getMessage());
        }
        VerificationError error = switch (e.code()) {
            case PROOF_MISSING -> VerificationError.PROOF_MISSING;
            case PROOF_MALFORMED, INVALID_CREATED -> VerificationError.PROOF_MALFORMED;
            case UNSUPPORTED_PROOF_TYPE -> VerificationError.UNSUPPORTED_PROOF_TYPE;
            case UNSUPPORTED_CRYPTOSUITE -> VerificationError.UNSUPPORTED_CRYPTOSUITE;
            case PROOF_CONTEXT_MISMATCH -> VerificationError.PROOF_CONTEXT_MISMATCH;
            case INVALID_PROOF_VALUE -> VerificationError.INVALID_PROOF_VALUE;
            case INVALID_SIGNATURE -> VerificationError.INVALID_SIGNATURE;
            case DOCUMENT_NOT_CANONICALIZABLE -> VerificationError.INVALID_JSON_LD;
        };
        return Check.failed(CheckName.PROOF, error, e.getMessage());
    }

    private Check dates(ObjectNode credential) {
        Instant now = clock.instant();
        Instant from;
        Instant until;
        // VC 1.1 names its dates issuanceDate / expirationDate
        boolean v1 = CredentialContexts.isV1(credential);
        String fromField = v1 ? "issuanceDate" : "validFrom";
        String untilField = v1 ? "expirationDate" : "validUntil";
        try {
            from = instant(credential, fromField);
            until = instant(credential, untilField);
        } catch (DateTimeParseException e) {
            return Check.failed(CheckName.VALIDITY_DATES, VerificationError.INVALID_DATE, e.getMessage());
        }
        if (from != null && until != null && until.isBefore(from)) {
            return Check.failed(CheckName.VALIDITY_DATES, VerificationError.INVALID_DATE,
                    untilField + " (" + until + ") is before " + fromField + " (" + from + ")");
        }
        if (from != null && now.isBefore(from)) {
            return Check.failed(CheckName.VALIDITY_DATES, VerificationError.NOT_YET_VALID, "not valid until " + from);
        }
        if (until != null && !now.isBefore(until)) {
            return Check.failed(CheckName.VALIDITY_DATES, VerificationError.EXPIRED, "expired on " + until);
        }
        return Check.passed(CheckName.VALIDITY_DATES, until == null
                ? "valid since " + (from == null ? "issuance" : from.toString()) + ", with no expiry"
                : "valid until " + until);
    }

    private static Instant instant(ObjectNode credential, String field) {
        JsonNode value = credential.get(field);
        if (value == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new DateTimeParseException(field + " '" + value.asText() + "' is not a date-time such as 2025-01-31T12:00:00Z",
                    value.asText(), 0);
        }
    }

    static String issuerId(JsonNode credential) {
        JsonNode issuer = credential.path("issuer");
        return issuer.isTextual() ? issuer.asText() : issuer.path("id").asText("");
    }

    private static VerificationReport report(InputFormat format, Map<CheckName, Check> results, ObjectNode credential) {
        List<Check> ordered = new ArrayList<>();
        for (CheckName name : CheckName.STANDALONE) {
            ordered.add(results.getOrDefault(name, Check.skipped(name, "not checked")));
        }
        return VerificationReport.of(format, ordered, credential);
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode element : array) {
            if (text.equals(element.asText())) {
                return true;
            }
        }
        return false;
    }
}
