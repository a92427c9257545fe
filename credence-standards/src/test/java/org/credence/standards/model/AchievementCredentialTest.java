package org.credence.standards.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.credence.standards.status.StatusListEntry;
import org.credence.standards.status.StatusPurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AchievementCredentialTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static AchievementCredential.Builder ours() {
        Achievement achievement = new Achievement("https://credence.example/tenants/acme/achievements/42", "Certification",
                "Certified Data Steward", "Awarded for passing the data stewardship exam.",
                new Criteria(null, "Pass the proctored exam with at least 70%."), null,
                List.of(Alignment.of("Data governance", "https://esco.example/skill/123")), List.of("role:steward", "level:advanced"),
                null, null, List.of(), java.util.Map.of());
        return AchievementCredential.builder()
                .id("https://credence.example/c/CRD-7K3M-Q9XP-2F")
                .issuer(Profile.of("did:web:credence.example:tenants:acme", "Acme Academy", "https://acme.example"))
                .validFrom(Instant.parse("2025-03-01T10:00:00.123Z"))
                .validUntil(Instant.parse("2028-03-01T10:00:00Z"))
                .name("Certified Data Steward")
                .subject(AchievementSubject.of(IdentityObject.hashedEmail("alice@example.org", "s@lt"), achievement));
    }

    static JsonNode resource(String path) throws IOException {
        try (InputStream in = AchievementCredentialTest.class.getResourceAsStream(path)) {
            return JSON.readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ob3-test-vector/credential.json", "/interop-fixtures/valid.json", "/interop-fixtures/revoked.json",
            "/interop-fixtures/suspended.json", "/interop-fixtures/expired.json"})
    void published_credentials_read_and_write_back_to_the_same_document(String path) throws IOException {
        JsonNode original = resource(path);
        assertThat(AchievementCredential.fromJson(original).toJson()).isEqualTo(original);
    }

    @Test
    void what_we_build_validates_against_the_1edtech_schema_with_proof_status_and_schema() {
        ObjectNode proof = JSON.createObjectNode().put("type", "DataIntegrityProof").put("cryptosuite", "eddsa-rdfc-2022")
                .put("created", "2025-03-01T10:00:00Z").put("verificationMethod", "did:web:credence.example:tenants:acme#key-1")
                .put("proofPurpose", "assertionMethod").put("proofValue", "z5x9a");
        AchievementCredential built = ours()
                .credentialStatus(StatusListEntry.of("https://credence.example/status/acme/1", StatusPurpose.REVOCATION, 4711).toJson())
                .credentialSchema(CredentialSchema.OB_ACHIEVEMENT_CREDENTIAL)
                .evidence(new Evidence("https://acme.example/work/1", "Capstone", null, null, null, null))
                .build();
        ObjectNode json = built.toJson();
        json.putArray("proof").add(proof);
        assertThat(OpenBadgeSchema.problems(json)).isEmpty();
        assertThat(json.get("@context")).hasSize(3);
        assertThat(json.get("proof").isArray()).isTrue();
        assertThat(json.get("validFrom").asText()).isEqualTo("2025-03-01T10:00:00Z");
    }

    @Test
    void the_schema_catches_a_missing_subject_and_a_proof_that_is_not_an_array() {
        ObjectNode json = ours().build().toJson();
        json.putObject("proof").put("type", "DataIntegrityProof");
        json.remove("credentialSubject");
        assertThat(OpenBadgeSchema.problems(json)).anySatisfy(p -> assertThat(p).contains("credentialSubject"))
                .anySatisfy(p -> assertThat(p).contains("proof"));
    }

    @Test
    void hashed_email_is_sha256_of_the_normalised_address_and_salt() throws Exception {
        String expected = "sha256$" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("alice@example.org".concat("s@lt").getBytes(StandardCharsets.UTF_8)));
        IdentityObject identity = IdentityObject.hashedEmail(" Alice@Example.org ", "s@lt");
        assertThat(identity.identityHash()).isEqualTo(expected);
        assertThat(identity.matches("alice@example.org")).isTrue();
        assertThat(identity.matches("bob@example.org")).isFalse();
        assertThat(identity.toJson().get("type").asText()).isEqualTo("IdentityObject");
    }

    @Test
    void invalid_parts_are_refused_naming_the_field() {
        assertThatThrownBy(() -> ours().validUntil(Instant.parse("2020-01-01T00:00:00Z")).build())
                .hasMessage("validUntil (2020-01-01T00:00:00Z) is before validFrom (2025-03-01T10:00:00Z)");
        assertThatThrownBy(() -> ours().name(" ").build()).hasMessage("name is required");
        assertThatThrownBy(() -> ours().issuer(Profile.of("acme", "Acme", null)).build()).hasMessageContaining("issuer.id must be an absolute URI");
        assertThatThrownBy(() -> Achievement.of("https://x.example/a", null, "", null, new Criteria(null, "n")))
                .hasMessage("credentialSubject.achievement.name is required");
        assertThatThrownBy(() -> new Criteria(null, null)).hasMessageContaining("criteria needs");
    }

    @Test
    void reading_reports_the_path_of_what_is_missing() {
        ObjectNode json = ours().build().toJson();
        ((ObjectNode) json.get("credentialSubject").get("achievement")).remove("name");
        assertThatThrownBy(() -> AchievementCredential.fromJson(json)).hasMessage("credentialSubject.achievement.name is required");
        ((ObjectNode) json.get("credentialSubject")).put("identifier", 5);
        assertThatThrownBy(() -> AchievementCredential.fromJson(json)).isInstanceOf(CredentialFormatException.class);
    }

    @Test
    void strict_reading_refuses_duplicates_depth_size_and_trailing_data() {
        assertThatThrownBy(() -> CredentialJson.readTree("{\"a\":1,\"a\":2}")).hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> CredentialJson.readTree("{} {}")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> CredentialJson.readTree("[".repeat(10_000) + "]".repeat(10_000))).hasMessageContaining("nested");
        assertThatThrownBy(() -> CredentialJson.readTree(new byte[CredentialJson.MAX_BYTES + 1])).hasMessageContaining("1 MB");
        assertThatThrownBy(() -> CredentialJson.readTree("{\"a\": tru}")).hasMessageContaining("line 1");
    }
}
