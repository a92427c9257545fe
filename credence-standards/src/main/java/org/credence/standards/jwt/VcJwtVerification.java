package org.credence.standards.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import java.io.IOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run of Open Badges 3.0 §8.2.4 verification. Structural and signature checks stop at the
 * first failure (nothing after them can be trusted); claim checks all run so a report shows every
 * disagreement at once.
 */
final class VcJwtVerification {
    private final List<VcJwtCheck> checks = new ArrayList<>();
    private Optional<String> algorithm = Optional.empty();
    private Optional<String> keyId = Optional.empty();

    private VcJwtVerification() {}

    static VcJwtResult verify(String token, KeyLookup lookup) {
        return new VcJwtVerification().run(token, lookup);
    }

    private VcJwtResult run(String token, KeyLookup lookup) {
        String compact = token == null ? "" : token.strip();
        if (compact.length() > CompactJws.MAX_LENGTH) {
            return fail("format", VcJwtProblem.TOO_LARGE, CompactJws.tooLarge(compact.length()));
        }
        CompactJws parts;
        JsonNode header;
        try {
            parts = CompactJws.split(compact);
            header = StrictJson.read(parts.headerBytes());
        } catch (IllegalArgumentException e) {
            return fail("format", VcJwtProblem.MALFORMED_JWT, e.getMessage());
        } catch (IOException e) {
            return fail("format", VcJwtProblem.MALFORMED_JWT, "the header is not JSON: " + e.getMessage());
        }
        if (!header.isObject()) {
            return fail("format", VcJwtProblem.MALFORMED_JWT, "the header is not a JSON object");
        }
        checks.add(VcJwtCheck.passed("format", "a JWS compact serialization with a JSON header"));

        JsonNode alg = header.get("alg");
        algorithm = alg != null && alg.isTextual() ? Optional.of(alg.asText()) : Optional.empty();
        Optional<VcJwtCheck> algorithmProblem = JwtHeaderRules.algorithmProblem(alg);
        if (algorithmProblem.isPresent()) {
            return fail(algorithmProblem.get());
        }
        checks.add(VcJwtCheck.passed("algorithm", algorithm.get() + " is supported"));

        Optional<VcJwtCheck> headerProblem = JwtHeaderRules.headerProblem(header);
        if (headerProblem.isPresent()) {
            return fail(headerProblem.get());
        }
        keyId = Optional.ofNullable(header.get("kid")).map(JsonNode::asText);
        checks.add(VcJwtCheck.passed("header", "the header follows Open Badges 3.0 §8.2"));

        if (parts.signature().isEmpty()) {
            return fail("signature", VcJwtProblem.INVALID_SIGNATURE, "the token has no signature");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException | RuntimeException e) {
            // nimbus is stricter than our pre-checks in places; any refusal is a malformed token
            return fail("format", VcJwtProblem.MALFORMED_JWT, "the JWS could not be parsed: " + e.getMessage());
        }
        KeyLookup.Found found = lookup.find(keyId, Optional.ofNullable(header.get("jwk")));
        checks.add(found.check());
        if (found.key().isEmpty()) {
            return result(Optional.empty());
        }
        Optional<JWSVerifier> verifier = verifierFor(algorithm.get(), found.key().get());
        if (verifier.isEmpty()) {
            return fail("signature", VcJwtProblem.KEY_MISMATCH, "the key found cannot verify " + algorithm.get() + " signatures");
        }
        boolean verified;
        try {
            verified = jws.verify(verifier.get());
        } catch (JOSEException | RuntimeException e) {
            return fail("signature", VcJwtProblem.INVALID_SIGNATURE, "the signature could not be checked: " + e.getMessage());
        }
        if (!verified) {
            return fail("signature", VcJwtProblem.INVALID_SIGNATURE, "the signature does not match the header and payload under this key");
        }
        checks.add(VcJwtCheck.passed("signature", "the " + algorithm.get() + " signature verifies"));

        JsonNode claims;
        try {
            claims = StrictJson.read(parts.payloadBytes());
        } catch (IOException e) {
            return fail("payload", VcJwtProblem.MALFORMED_JWT, "the payload is not JSON: " + e.getMessage());
        }
        if (!claims.isObject()) {
            return fail("payload", VcJwtProblem.MALFORMED_JWT, "the payload is not a JSON object of claims");
        }
        ClaimChecks.Report report = ClaimChecks.check(claims);
        checks.addAll(report.checks());
        return new VcJwtResult(report.vc(), algorithm, keyId, report.notBefore(), report.expires(), checks);
    }

    private static Optional<JWSVerifier> verifierFor(String alg, PublicKeyMaterial key) {
        if (alg.equals("EdDSA") && key instanceof Ed25519VerificationKey ed) {
            return Optional.of(ed.verifier());
        }
        if (alg.equals("RS256") && key instanceof RsaVerificationKey rsa) {
            return Optional.of(rsa.verifier());
        }
        return Optional.empty();
    }

    private VcJwtResult fail(String name, VcJwtProblem problem, String reason) {
        return fail(VcJwtCheck.failed(name, problem, reason));
    }

    private VcJwtResult fail(VcJwtCheck check) {
        checks.add(check);
        return result(Optional.empty());
    }

    private VcJwtResult result(Optional<JsonNode> credential) {
        return new VcJwtResult(credential, algorithm, keyId, Optional.empty(), Optional.empty(), checks);
    }
}
