package org.credence.standards.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.standards.verification.VerifierFixtures.bytes;
import static org.credence.standards.verification.VerifierFixtures.offlineVerifier;
import static org.credence.standards.verification.VerifierFixtures.signed;
import static org.credence.standards.verification.VerifierFixtures.unsignedCredential;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input gets a clear reason: never valid, never an exception. */
class VerifierBadInputTest {
    final Verifier verifier = offlineVerifier();

    static Stream<Arguments> brokenCredentials() {
        return Stream.of(
                broken("an unknown context", VerificationError.UNKNOWN_CONTEXT, "evil.example",
                        c -> { ((ArrayNode) c.get("@context")).add("https://evil.example/ctx.json"); return c; }),
                broken("an undefined term", VerificationError.UNDEFINED_TERM, "favouriteColour",
                        c -> { c.put("favouriteColour", "blue"); return c; }),
                broken("a wrong proof type", VerificationError.UNSUPPORTED_PROOF_TYPE, "Ed25519Signature2020",
                        c -> { proof(c).put("type", "Ed25519Signature2020"); return c; }),
                broken("a wrong cryptosuite", VerificationError.UNSUPPORTED_CRYPTOSUITE, "ecdsa-rdfc-2019",
                        c -> { proof(c).put("cryptosuite", "ecdsa-rdfc-2019"); return c; }),
                broken("a truncated proofValue", VerificationError.INVALID_PROOF_VALUE, "truncated",
                        c -> { proof(c).put("proofValue", proof(c).get("proofValue").asText().substring(0, 40)); return c; }),
                broken("a missing proof", VerificationError.PROOF_MISSING, "not signed",
                        c -> { c.remove("proof"); return c; }),
                broken("a missing credentialSubject", VerificationError.SCHEMA_VIOLATION, "credentialSubject",
                        c -> { c.remove("credentialSubject"); return c; }),
                broken("a proof given as an object", VerificationError.SCHEMA_VIOLATION, "proof",
                        c -> { c.set("proof", c.get("proof").get(0)); return c; }),
                broken("a garbled validUntil", VerificationError.INVALID_DATE, "validUntil",
                        c -> { c.put("validUntil", "next year"); return c; }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCredentials")
    void a_broken_credential_is_never_valid_and_says_why(String what, VerificationError expected, String mentioned, UnaryOperator<ObjectNode> breakIt) {
        ObjectNode credential = breakIt.apply(signed(unsignedCredential()));
        VerificationReport report = verifier.verify(bytes(credential));
        assertThat(report.verdict()).as(report.toText()).isNotEqualTo(Verdict.VALID);
        assertThat(report.checks()).as(report.toText()).anySatisfy(check -> {
            assertThat(check.error()).isEqualTo(expected);
            assertThat(check.reason()).contains(mentioned);
        });
    }

    static Stream<Arguments> unusableInputs() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"@context\": [", VerificationError.MALFORMED_JSON, "not valid JSON"),
                Arguments.of("duplicate keys", "{\"a\":1,\"a\":2}", VerificationError.MALFORMED_JSON, "Duplicate"),
                Arguments.of("JSON that is not a credential", "{\"hello\":\"world\"}", VerificationError.NOT_A_CREDENTIAL, "@context"),
                Arguments.of("a JSON array", "[1,2]", VerificationError.UNSUPPORTED_FORMAT, "not a credential"),
                Arguments.of("plain text", "hello", VerificationError.UNSUPPORTED_FORMAT, "not a credential"),
                Arguments.of("empty input", "", VerificationError.UNSUPPORTED_FORMAT, "not a credential"),
                Arguments.of("JSON nested 10,000 deep", "[".repeat(10_000).replaceFirst("\\[", "{\"a\":[") + "]".repeat(10_000) + "}",
                        VerificationError.MALFORMED_JSON, "nested"),
                Arguments.of("input over 1 MB", "{\"x\":\"" + "a".repeat(1_100_000) + "\"}", VerificationError.INPUT_TOO_LARGE, "1 MB"),
                Arguments.of("a broken PNG", "\u0089PNG\r\n\u001a\nbroken", VerificationError.UNSUPPORTED_FORMAT, "PNG"),
                Arguments.of("three dots", "a.b.c", VerificationError.UNSUPPORTED_FORMAT, "not a credential"));
    }

    @org.junit.jupiter.api.Test
    void an_unsigned_alg_none_jwt_is_invalid() {
        VerificationReport report = verifier.verify("eyJhbGciOiJub25lIn0.eyJ9.".getBytes(StandardCharsets.US_ASCII));
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.firstFailure().get().error()).isEqualTo(VerificationError.UNSUPPORTED_ALGORITHM);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableInputs")
    void unusable_input_is_reported_as_unusable_with_a_clear_reason(String what, String input, VerificationError expected, String mentioned) {
        byte[] raw = what.contains("PNG") ? input.getBytes(StandardCharsets.ISO_8859_1) : input.getBytes(StandardCharsets.UTF_8);
        VerificationReport report = verifier.verify(raw);
        assertThat(report.verdict()).as(report.toText()).isEqualTo(Verdict.UNUSABLE);
        assertThat(report.firstFailure()).get().satisfies(check -> {
            assertThat(check.error()).as(check.reason()).isEqualTo(expected);
            assertThat(check.reason()).contains(mentioned);
        });
    }

    private static ObjectNode proof(ObjectNode credential) {
        return (ObjectNode) credential.get("proof").get(0);
    }

    private static Arguments broken(String what, VerificationError error, String mentioned, UnaryOperator<ObjectNode> breakIt) {
        return Arguments.of(what, error, mentioned, breakIt);
    }
}
