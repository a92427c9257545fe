package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.credence.standards.dataintegrity.EddsaRdfc2022;
import org.credence.standards.jsonld.ShapeTemplateCanonicalizer;
import org.credence.standards.jwt.JwtSigningKey;
import org.credence.standards.jwt.PublicKeyMaterial;
import org.credence.standards.jwt.VcJwt;
import org.credence.standards.keys.DidDocuments;
import org.credence.standards.keys.Ed25519KeyPair;
import org.credence.standards.status.BitstringStatusList;
import org.credence.standards.status.StatusListCredentials;
import org.credence.standards.status.StatusListEntry;
import org.credence.standards.status.StatusPurpose;
import org.credence.verification.StaticFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another issuer's VC-JWTs: a fake issuer on loopback publishes a did:web document with an
 * Ed25519 Multikey and an RSA JsonWebKey and a signed revocation list; the server resolves the
 * token's kid there, and checks the status of the credential inside as for the JSON form.
 */
@Tag("integration")
class OtherIssuerJwtTest {
    static final Instant SIGNED = Instant.parse("2025-03-01T10:00:00Z");
    static final int REVOKED = 2;

    @TempDir
    static Path data;
    static ServerHarness server;
    static StaticFiles issuer;
    static final Ed25519KeyPair ed25519 = Ed25519KeyPair.generate(new SecureRandom());
    static KeyPair rsa;
    static String did;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        rsa = generator.generateKeyPair();
        issuer = new StaticFiles();
        base = "http://localhost:" + issuer.port();
        did = "did:web:localhost%3A" + issuer.port() + ":issuers:jwt";
        issuer.put("/issuers/jwt/did.json", bytes(DidDocuments.didWeb(did, List.of(new DidDocuments.PublishedKey("key-1", ed25519.publicKey(), true)),
                List.of(new DidDocuments.PublishedJwk("rsa-1", PublicKeyMaterial.rsa((RSAPublicKey) rsa.getPublic()).jwk())))));
        BitstringStatusList bits = BitstringStatusList.create(BitstringStatusList.MINIMUM_SIZE);
        bits.set(REVOKED);
        ObjectNode list = StatusListCredentials.unsigned(base + "/status/1", did, StatusPurpose.REVOCATION, bits, SIGNED);
        issuer.put("/status/1", bytes(new EddsaRdfc2022(new ShapeTemplateCanonicalizer()).sign(list, ed25519, did + "#key-1", SIGNED)));
        server = new ServerHarness(data, org.credence.delivery.MailSettings.OUTBOX, Clock.systemUTC(), true);
    }

    @AfterAll
    static void stop() {
        server.close();
        issuer.close();
    }

    static byte[] bytes(JsonNode json) {
        return OtherIssuerBadges.bytes(json);
    }

    /** An unsigned Open Badges credential of the fake issuer, its status at {@code index} of the revocation list. */
    static ObjectNode badge(int index) {
        return OtherIssuerBadges.unsigned(did, "urn:uuid:5f0c6a1e-0000-4000-8000-0000000000" + (10 + index), "Token Academy", "token.example",
                "Soldering Level 1", "soldering-1", "Solders to level 1.",
                StatusListEntry.of(base + "/status/1", StatusPurpose.REVOCATION, index).toJson());
    }

    static JsonNode verify(String token) {
        var answer = server.sendBytes("POST", "/api/v1/verify", null, token.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/jwt");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void another_issuers_rs256_and_eddsa_tokens_verify_through_its_did_document() {
        for (String token : List.of(VcJwt.sign(badge(1), JwtSigningKey.rsa(rsa), did + "#rsa-1"),
                VcJwt.sign(badge(1), JwtSigningKey.ed25519(ed25519), did + "#key-1"))) {
            JsonNode report = verify(token);
            assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("valid");
            assertThat(report.get("issuer").asText()).isEqualTo(did);
        }
    }

    @Test
    void another_issuers_revoked_credential_is_revoked_in_its_jwt_form_too() {
        JsonNode report = verify(VcJwt.sign(badge(REVOKED), JwtSigningKey.rsa(rsa), did + "#rsa-1"));
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("revoked");
    }

    @Test
    void a_token_signed_by_an_rsa_key_the_issuer_does_not_publish_is_not_valid() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        JsonNode report = verify(VcJwt.sign(badge(1), JwtSigningKey.rsa(generator.generateKeyPair()), did + "#rsa-1"));
        assertThat(report.get("status").asText()).isEqualTo("invalid");
        JsonNode unknownKid = verify(VcJwt.sign(badge(1), JwtSigningKey.rsa(rsa), did + "#rsa-9"));
        assertThat(unknownKid.get("status").asText()).isEqualTo("invalid");
        assertThat(unknownKid.get("reason").asText()).contains("rsa-9");
    }
}
