package org.credence.standards.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credence.standards.verification.VerifierFixtures.ISSUER_KEY;
import static org.credence.standards.verification.VerifierFixtures.JSON;
import static org.credence.standards.verification.VerifierFixtures.NOW;
import static org.credence.standards.verification.VerifierFixtures.unsignedCredential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.credence.standards.dataintegrity.EddsaRdfc2022;
import org.credence.standards.dataintegrity.ProofException;
import org.credence.standards.jsonld.BundledContexts;
import org.credence.standards.jsonld.JsonLdException;
import org.credence.standards.jsonld.RdfCanonicalizer;
import org.credence.standards.jsonld.ShapeTemplateCanonicalizer;
import org.credence.standards.jsonld.TitaniumCanonicalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSON-LD safe mode: every term and type must be defined by the credential's contexts, or signing
 * refuses it and verification fails naming it; on the fast path and the titanium path alike.
 */
class SafeModeTest {
    static List<RdfCanonicalizer> paths() {
        return List.of(new ShapeTemplateCanonicalizer(), new TitaniumCanonicalizer());
    }

    @ParameterizedTest
    @MethodSource("paths")
    void a_type_added_after_signing_fails_verification_naming_it(RdfCanonicalizer path) {
        ObjectNode credential = sign(path, unsignedCredential());
        ((ArrayNode) credential.get("type")).add("InvalidType");
        assertRefused(path, credential, VerificationError.UNDEFINED_TERM, "InvalidType");
    }

    @ParameterizedTest
    @MethodSource("paths")
    void an_undefined_property_added_after_signing_fails_verification_naming_it(RdfCanonicalizer path) {
        ObjectNode credential = sign(path, unsignedCredential());
        credential.put("honorificPrefix", "Dr");
        assertRefused(path, credential, VerificationError.UNDEFINED_TERM, "honorificPrefix");
    }

    @ParameterizedTest
    @MethodSource("paths")
    void an_undefined_term_inside_the_credential_subject_fails_verification(RdfCanonicalizer path) {
        ObjectNode credential = sign(path, unsignedCredential());
        ((ObjectNode) credential.get("credentialSubject")).put("grade", "A+");
        assertRefused(path, credential, VerificationError.UNDEFINED_TERM, "grade");
    }

    @ParameterizedTest
    @MethodSource("paths")
    void an_undefined_type_in_a_nested_object_fails_verification(RdfCanonicalizer path) {
        ObjectNode credential = sign(path, unsignedCredential());
        ObjectNode criteria = (ObjectNode) credential.at("/credentialSubject/achievement/criteria");
        criteria.putArray("type").add("Exam");
        assertRefused(path, credential, VerificationError.UNDEFINED_TERM, "Exam");
    }

    @ParameterizedTest
    @MethodSource("paths")
    void a_relative_id_is_refused_not_dropped(RdfCanonicalizer path) {
        ObjectNode credential = sign(path, unsignedCredential());
        ((ObjectNode) credential.at("/credentialSubject/achievement")).put("id", "achievements/42");
        assertRefused(path, credential, VerificationError.DROPPED_VALUE, "achievements/42");
    }

    @ParameterizedTest
    @MethodSource("paths")
    void signing_refuses_an_undefined_type_naming_it(RdfCanonicalizer path) {
        ObjectNode credential = unsignedCredential();
        ((ArrayNode) credential.get("type")).add("InvalidType");
        assertThatThrownBy(() -> sign(path, credential)).isInstanceOf(ProofException.class)
                .hasMessageContaining("InvalidType")
                .satisfies(e -> assertThat(((JsonLdException) e.getCause()).term()).contains("InvalidType"));
    }

    @ParameterizedTest
    @MethodSource("paths")
    void a_credential_with_an_embedded_context_is_signed_and_verified(RdfCanonicalizer path) {
        ObjectNode credential = unsignedCredential();
        ((ArrayNode) credential.get("@context")).addObject().put("grade", "https://example.org/vocab#grade")
                .put("Exam", "https://example.org/vocab#Exam");
        ((ObjectNode) credential.get("credentialSubject")).put("grade", "A+");
        ((ObjectNode) credential.at("/credentialSubject/achievement/criteria")).put("type", "Exam");
        ObjectNode signed = sign(path, credential);
        assertThat(verifier(path).verify(signed).verdict()).isEqualTo(Verdict.VALID);

        ((ObjectNode) signed.get("credentialSubject")).put("grade", "F");
        assertThat(verifier(path).verify(signed).firstFailure()).get().extracting(Check::error).isEqualTo(VerificationError.INVALID_SIGNATURE);
    }

    @ParameterizedTest
    @MethodSource("paths")
    void an_embedded_context_is_held_to_safe_mode_and_to_bundled_imports(RdfCanonicalizer path) {
        ObjectNode undefinedType = unsignedCredential();
        ((ArrayNode) undefinedType.get("@context")).addObject().put("grade", "https://example.org/vocab#grade");
        ((ArrayNode) undefinedType.get("type")).add("Exam");
        assertThatThrownBy(() -> sign(path, undefinedType)).isInstanceOf(ProofException.class).hasMessageContaining("Exam");

        ObjectNode importing = unsignedCredential();
        ((ArrayNode) importing.get("@context")).addObject().put("@import", "https://evil.example/context.json");
        assertThatThrownBy(() -> sign(path, importing)).isInstanceOf(ProofException.class)
                .satisfies(e -> assertThat(((JsonLdException) e.getCause()).reason()).isEqualTo(JsonLdException.Reason.UNKNOWN_CONTEXT));
    }

    @ParameterizedTest
    @MethodSource("paths")
    void an_unknown_context_url_is_refused_by_signer_and_verifier(RdfCanonicalizer path) {
        ObjectNode credential = unsignedCredential();
        ((ArrayNode) credential.get("@context")).add("https://evil.example/context.json");
        assertThatThrownBy(() -> sign(path, credential)).isInstanceOf(ProofException.class).hasMessageContaining("evil.example");
        ObjectNode signed = sign(path, unsignedCredential());
        ((ArrayNode) signed.get("@context")).add("https://evil.example/context.json");
        assertThat(verifier(path).verify(signed).firstFailure()).get().extracting(Check::error).isEqualTo(VerificationError.UNKNOWN_CONTEXT);
    }

    @ParameterizedTest
    @MethodSource("paths")
    void a_vc_1_1_credential_is_signed_with_the_data_integrity_context_and_verified(RdfCanonicalizer path) {
        ObjectNode credential = vc11Credential("2025-03-01T10:00:00Z", "2028-03-01T10:00:00Z");
        ObjectNode signed = sign(path, credential);
        assertThat(signed.get("@context")).extracting(JsonNode::toString).asString().contains(BundledContexts.DATA_INTEGRITY_V2);
        VerificationReport report = verifier(path).verify(signed);
        assertThat(report.verdict()).as(report.checks().toString()).isEqualTo(Verdict.VALID);

        ((ArrayNode) signed.get("type")).add("InvalidType");
        assertRefused(path, signed, VerificationError.UNDEFINED_TERM, "InvalidType");
    }

    @ParameterizedTest
    @MethodSource("paths")
    void a_vc_1_1_credential_is_judged_by_issuance_and_expiration_dates(RdfCanonicalizer path) {
        VerificationReport expired = verifier(path).verify(sign(path, vc11Credential("2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z")));
        assertThat(expired.verdict()).isEqualTo(Verdict.EXPIRED);
        VerificationReport future = verifier(path).verify(sign(path, vc11Credential("2030-01-01T00:00:00Z", null)));
        assertThat(future.firstFailure()).get().extracting(Check::error).isEqualTo(VerificationError.NOT_YET_VALID);
    }

    @ParameterizedTest
    @MethodSource("paths")
    void the_examples_context_defines_every_term_by_its_vocabulary(RdfCanonicalizer path) {
        ObjectNode credential = JSON.createObjectNode();
        credential.putArray("@context").add(BundledContexts.CREDENTIALS_V2).add(BundledContexts.CREDENTIALS_EXAMPLES_V2);
        credential.putArray("type").add("VerifiableCredential").add("ExampleDegreeCredential");
        credential.put("issuer", ISSUER_KEY.publicKey().didKey());
        credential.putObject("credentialSubject").put("id", "did:example:ebfeb1f712ebc6f1c276e12ec21")
                .putObject("degree").put("type", "ExampleBachelorDegree").put("name", "Bachelor of Science and Arts");
        VerificationReport report = verifier(path).verify(sign(path, credential));
        assertThat(report.verdict()).as(report.checks().toString()).isEqualTo(Verdict.VALID);
    }

    /** Where an undefined term or type goes in a credential, and what it is called. */
    record Insertion(List<String> nodePath, boolean asType, String name) {
        void applyTo(ObjectNode credential) {
            JsonNode node = credential;
            for (String step : nodePath) {
                node = step.matches("\\d+") ? node.get(Integer.parseInt(step)) : node.get(step);
            }
            ObjectNode target = (ObjectNode) node;
            if (!asType) {
                target.put(name, "inserted");
            } else if (target.path("type").isArray()) {
                ((ArrayNode) target.get("type")).add(name);
            } else {
                ArrayNode types = JSON.createArrayNode();
                if (target.has("type")) {
                    types.add(target.get("type"));
                }
                target.set("type", types.add(name));
            }
        }
    }

    @Provide
    Arbitrary<Insertion> insertions() {
        Arbitrary<List<String>> where = Arbitraries.of(List.of(), List.of("issuer"), List.of("credentialSubject"),
                List.of("credentialSubject", "identifier", "0"), List.of("credentialSubject", "achievement"),
                List.of("credentialSubject", "achievement", "criteria"), List.of("credentialSubject", "achievement", "alignment", "0"));
        // "Zq" starts no term any bundled context defines, and a name without ':' cannot be an absolute IRI
        Arbitrary<String> name = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10).map(s -> "Zq" + s);
        return Combinators.combine(where, Arbitraries.of(true, false), name).as(Insertion::new);
    }

    @Property(tries = 60)
    void an_undefined_term_or_type_inserted_anywhere_is_refused_by_both_paths(@ForAll("insertions") Insertion insertion) {
        for (RdfCanonicalizer path : paths()) {
            ObjectNode unsigned = unsignedCredential();
            insertion.applyTo(unsigned);
            assertThatThrownBy(() -> sign(path, unsigned)).as("signing on " + path.getClass().getSimpleName())
                    .isInstanceOf(ProofException.class)
                    .satisfies(e -> assertThat(((JsonLdException) e.getCause()).term()).contains(insertion.name()));

            ObjectNode signed = sign(path, unsignedCredential());
            insertion.applyTo(signed);
            assertRefused(path, signed, VerificationError.UNDEFINED_TERM, insertion.name());
        }
    }

    private static ObjectNode vc11Credential(String issuanceDate, String expirationDate) {
        ObjectNode credential = JSON.createObjectNode();
        ArrayNode context = credential.putArray("@context").add(BundledContexts.CREDENTIALS_V1);
        context.addObject().put("alumniOf", "https://schema.org/alumniOf");
        credential.put("id", "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33");
        credential.putArray("type").add("VerifiableCredential");
        credential.put("issuer", ISSUER_KEY.publicKey().didKey());
        credential.put("issuanceDate", issuanceDate);
        if (expirationDate != null) {
            credential.put("expirationDate", expirationDate);
        }
        credential.putObject("credentialSubject").put("id", "did:example:abcdefgh").put("alumniOf", "The School of Examples");
        return credential;
    }

    private static ObjectNode sign(RdfCanonicalizer path, ObjectNode unsigned) {
        return new EddsaRdfc2022(path).sign(unsigned, ISSUER_KEY, ISSUER_KEY.publicKey().didKeyVerificationMethod(),
                Instant.parse("2025-03-01T10:00:00Z"));
    }

    private static Verifier verifier(RdfCanonicalizer path) {
        return new Verifier(path, KeyResolver.didKey(), StatusResolver.none(), NOW);
    }

    private static void assertRefused(RdfCanonicalizer path, ObjectNode credential, VerificationError error, String term) {
        VerificationReport report = verifier(path).verify(VerifierFixtures.bytes(credential));
        assertThat(report.isValid()).isFalse();
        assertThat(report.firstFailure()).as(report.checks().toString()).get()
                .satisfies(check -> assertThat(check.error()).isEqualTo(error))
                .satisfies(check -> assertThat(check.reason()).contains("'" + term + "'"));
    }
}
