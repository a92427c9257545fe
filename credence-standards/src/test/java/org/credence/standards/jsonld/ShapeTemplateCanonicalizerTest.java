package org.credence.standards.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast canonicalizer must give exactly titanium's bytes, for every document. */
class ShapeTemplateCanonicalizerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final TitaniumCanonicalizer reference = new TitaniumCanonicalizer();
    final ShapeTemplateCanonicalizer fast = new ShapeTemplateCanonicalizer();

    @ParameterizedTest
    @ValueSource(strings = {"/ob3-test-vector/credential.json", "/interop-fixtures/valid.json", "/interop-fixtures/revoked.json",
            "/interop-fixtures/suspended.json", "/interop-fixtures/expired.json", "/interop-fixtures/valid.status-list.json"})
    void published_documents_canonicalize_exactly_as_titanium_does(String resource) throws IOException {
        ObjectNode document = read(resource);
        String expected = reference.canonicalize(document);
        assertThat(fast.canonicalize(document)).isEqualTo(expected);
        assertThat(fast.canonicalize(document)).as("from the cached template").isEqualTo(expected);
    }

    @Property(tries = 300)
    void generated_credentials_canonicalize_exactly_as_titanium_does(@ForAll("credentials") ObjectNode first,
                                                                       @ForAll("credentials") ObjectNode second) {
        assertSameAsReference(first);
        assertSameAsReference(second);
        assertSameAsReference(first);
    }

    /** Equal bytes; or, in safe mode, the same refusal from both. */
    private void assertSameAsReference(ObjectNode document) {
        String expected;
        try {
            expected = reference.canonicalize(document);
        } catch (JsonLdException refused) {
            assertThatThrownBy(() -> fast.canonicalize(document)).isInstanceOf(JsonLdException.class)
                    .extracting(e -> ((JsonLdException) e).reason()).isEqualTo(refused.reason());
            return;
        }
        assertThat(fast.canonicalize(document)).isEqualTo(expected);
    }

    @Test
    void a_value_json_ld_would_drop_is_refused_naming_its_path() {
        ObjectNode credential = credential("https://example.org/c/1", "did:web:example.org", "n", "https://example.org/a/1");
        ((ObjectNode) credential.get("credentialSubject").get("achievement").get("criteria")).put("image", "not-an-iri");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> fast.canonicalize(credential)).isInstanceOf(JsonLdException.class)
                    .hasMessageContaining("credentialSubject.achievement.criteria.image")
                    .extracting(e -> ((JsonLdException) e).reason()).isEqualTo(JsonLdException.Reason.DROPPED_VALUE);
        }
        ((ObjectNode) credential.get("credentialSubject").get("achievement").get("criteria")).put("image", "https://example.org/i.png");
        assertThat(fast.canonicalize(credential)).isEqualTo(reference.canonicalize(credential));
    }

    @Test
    void documents_of_one_shape_share_one_template() {
        for (int i = 0; i < 20; i++) {
            ObjectNode credential = credential("https://example.org/c/" + i, "did:web:example.org", "Name " + i, "https://example.org/a/" + i);
            credential.put("validFrom", java.time.Instant.parse("2025-01-01T00:00:00Z").plusSeconds(977L * i).toString());
            assertThat(fast.canonicalize(credential)).isEqualTo(reference.canonicalize(credential));
        }
        assertThat(fast.cachedTemplates()).isEqualTo(1);
    }

    @Test
    void signing_in_safe_mode_keeps_one_template_for_the_credential_and_one_for_the_proof_options() {
        // a vocabulary-typed proof value (proofPurpose) must not make the proof options untemplatable
        var suite = new org.credence.standards.dataintegrity.EddsaRdfc2022(fast);
        var key = org.credence.standards.keys.Ed25519KeyPair.generate(new java.security.SecureRandom());
        for (int i = 0; i < 5; i++) {
            ObjectNode credential = credential("https://example.org/c/" + i, "did:web:example.org", "Name " + i, "https://example.org/a/" + i);
            suite.sign(credential, key, "did:web:example.org#key-1", java.time.Instant.parse("2025-01-01T00:00:00Z").plusSeconds(61L * i));
        }
        assertThat(fast.cachedTemplates()).isEqualTo(2);
    }

    @Test
    void blank_nodes_alike_at_first_degree_are_labelled_as_titanium_does() {
        // two identical alignments are two blank nodes with the same first-degree hash: the full RDFC-1.0 path
        for (int i = 0; i < 3; i++) {
            ObjectNode credential = credential("https://example.org/c/" + i, "did:web:example.org", "Name " + i, "https://example.org/a/" + i);
            ArrayNode alignment = ((ObjectNode) credential.get("credentialSubject").get("achievement")).putArray("alignment");
            for (int j = 0; j < 2; j++) {
                alignment.addObject().put("type", "Alignment").put("targetName", "Same " + i).put("targetUrl", "https://example.org/s");
            }
            assertThat(fast.canonicalize(credential)).isEqualTo(reference.canonicalize(credential));
        }
    }

    @Test
    void an_undefined_term_fails_every_time_not_only_the_first() {
        ObjectNode credential = credential("https://example.org/c/1", "did:web:example.org", "n", "https://example.org/a/1");
        credential.put("favouriteColour", "blue");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> fast.canonicalize(credential)).isInstanceOf(JsonLdException.class)
                    .extracting(e -> ((JsonLdException) e).reason()).isEqualTo(JsonLdException.Reason.UNDEFINED_TERM);
        }
    }

    @Test
    void an_unknown_context_is_refused_without_a_network_fetch() {
        ObjectNode credential = credential("https://example.org/c/1", "did:web:example.org", "n", "https://example.org/a/1");
        ((ArrayNode) credential.get("@context")).add("https://evil.example/context.json");
        assertThatThrownBy(() -> fast.canonicalize(credential)).isInstanceOf(JsonLdException.class)
                .hasMessageContaining("never fetches")
                .extracting(e -> ((JsonLdException) e).reason()).isEqualTo(JsonLdException.Reason.UNKNOWN_CONTEXT);
    }

    @Provide
    Arbitrary<ObjectNode> credentials() {
        Arbitrary<String> iri = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8).map(s -> "https://example.org/" + s),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> "did:example:" + s),
                Arbitraries.strings().numeric().ofLength(6).map(s -> "urn:uuid:" + s),
                Arbitraries.of("did:web:example.org", "_:b0", "_:b1", "relative/path", "#frag", "", "@none", "http://a b", "mailto:x@example.org",
                        "a:#x", "https://example.org/a#b#c", "https://", "https:///x"));
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("", " ", "a\"b", "line\nbreak", "Åse Ødegård", "credence", "assertionMethod", "Profile", "https://example.org/x", "x:y", "@id", "_:b0", "🎓"));
        Arbitrary<String> dateTime = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 2_000_000_000).map(s -> java.time.Instant.ofEpochSecond(s).toString()),
                Arbitraries.of("2025-01-01T00:00:00.123Z", "2025-01-01T01:00:00+01:00", "2025-01-01T00:00Z", "2025-13-45T99:99:99Z", "not a date"));
        return Combinators.combine(iri, iri, text, iri, text, Arbitraries.integers().between(0, 3), Arbitraries.of(true, false),
                        Combinators.combine(text, dateTime).as((salt, validFrom) -> new String[] {salt, validFrom}))
                .as((id, issuer, name, achievementId, narrative, alignments, withStatus, saltAndDate) -> {
                    String salt = saltAndDate[0];
                    ObjectNode credential = credential(id, issuer, name, achievementId);
                    credential.put("validFrom", saltAndDate[1]);
                    ObjectNode achievement = (ObjectNode) credential.get("credentialSubject").get("achievement");
                    achievement.with("criteria").put("narrative", narrative);
                    ArrayNode alignment = achievement.putArray("alignment");
                    for (int i = 0; i < alignments; i++) {
                        alignment.addObject().put("type", "Alignment").put("targetName", name + i).put("targetUrl", achievementId);
                    }
                    ObjectNode identity = credential.with("credentialSubject").putArray("identifier").addObject();
                    identity.put("type", "IdentityObject").put("identityHash", "sha256$" + salt).put("identityType", "emailAddress")
                            .put("hashed", true).put("salt", salt);
                    // the recipient's name beside the hashed e-mail, as Credence issues: a second blank node whose
                    // canonical label depends on the values, not only on the shape
                    credential.with("credentialSubject").withArray("identifier").addObject().put("type", "IdentityObject")
                            .put("identityHash", narrative).put("identityType", "name").put("hashed", false);
                    if (withStatus) {
                        credential.putObject("credentialStatus").put("id", issuer + "#1").put("type", "BitstringStatusListEntry")
                                .put("statusPurpose", "revocation").put("statusListIndex", "7").put("statusListCredential", issuer);
                    }
                    return credential;
                });
    }

    static ObjectNode credential(String id, String issuer, String name, String achievementId) {
        ObjectNode credential = JSON.createObjectNode();
        credential.putArray("@context").add(BundledContexts.CREDENTIALS_V2).add(BundledContexts.OB_V3P0);
        credential.put("id", id);
        credential.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        credential.putObject("issuer").put("id", issuer).put("name", name).put("url", issuer).putArray("type").add("Profile");
        credential.put("validFrom", "2025-01-01T00:00:00Z");
        credential.put("name", name);
        ObjectNode subject = credential.putObject("credentialSubject");
        subject.putArray("type").add("AchievementSubject");
        ObjectNode achievement = subject.putObject("achievement");
        achievement.put("id", achievementId).put("name", name).putArray("type").add("Achievement");
        achievement.putObject("criteria").put("narrative", name);
        return credential;
    }

    static ObjectNode read(String resource) throws IOException {
        try (InputStream in = ShapeTemplateCanonicalizerTest.class.getResourceAsStream(resource)) {
            ObjectNode document = (ObjectNode) JSON.readTree(in);
            document.remove("proof");
            return document;
        }
    }

}
