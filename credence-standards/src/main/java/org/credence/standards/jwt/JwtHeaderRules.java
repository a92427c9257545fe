package org.credence.standards.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/** What Open Badges 3.0 §8.2 allows in a VC-JWT's JOSE header. */
final class JwtHeaderRules {
    /** RS256 is the one OB 3.0 requires; EdDSA is what our own keys are. */
    static final Set<String> ALGORITHMS = Set.of("RS256", "EdDSA");

    private JwtHeaderRules() {}

    static Optional<VcJwtCheck> algorithmProblem(JsonNode alg) {
        if (alg == null || !alg.isTextual()) {
            return fail("algorithm", VcJwtProblem.UNSUPPORTED_ALGORITHM, "the header names no algorithm (alg)");
        }
        String name = alg.asText();
        if (ALGORITHMS.contains(name)) {
            return Optional.empty();
        }
        String why = name.equalsIgnoreCase("none") ? "an unsigned token (alg none) proves nothing"
                : name.startsWith("HS") ? "HMAC (" + name + ") uses a shared secret, so it cannot prove who issued a credential"
                : name + " is not supported";
        return fail("algorithm", VcJwtProblem.UNSUPPORTED_ALGORITHM, why + "; only RS256 and EdDSA are accepted");
    }

    static Optional<VcJwtCheck> headerProblem(JsonNode header) {
        JsonNode typ = header.get("typ");
        if (typ != null && !(typ.isTextual() && typ.asText().equalsIgnoreCase("JWT"))) {
            return fail("header", VcJwtProblem.INVALID_HEADER, "typ must be \"JWT\" when present, it is " + typ);
        }
        if (header.has("crit")) {
            // RFC 7515 §4.1.11: extensions we do not understand must make the token invalid
            return fail("header", VcJwtProblem.INVALID_HEADER, "the header declares critical extensions (crit), which are not supported");
        }
        if (header.has("b64")) {
            return fail("header", VcJwtProblem.INVALID_HEADER, "unencoded payloads (b64) are not part of VC-JWT");
        }
        JsonNode kid = header.get("kid");
        JsonNode jwk = header.get("jwk");
        if (kid != null && !kid.isTextual()) {
            return fail("header", VcJwtProblem.INVALID_HEADER, "kid is not a string");
        }
        if (jwk != null && !jwk.isObject()) {
            return fail("header", VcJwtProblem.INVALID_HEADER, "jwk is not a JSON object");
        }
        if (jwk != null && jwk.has("d")) {
            return fail("header", VcJwtProblem.INVALID_HEADER, "the embedded jwk contains a private key (d); it must never be published");
        }
        if (kid == null && jwk == null) {
            return fail("header", VcJwtProblem.INVALID_HEADER, "the header must name its key with kid or carry it in jwk");
        }
        return Optional.empty();
    }

    private static Optional<VcJwtCheck> fail(String name, VcJwtProblem problem, String reason) {
        return Optional.of(VcJwtCheck.failed(name, problem, reason));
    }
}
