package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.credence.standards.dataintegrity.EddsaRdfc2022;
import org.credence.standards.jsonld.BundledContexts;
import org.credence.standards.jsonld.ShapeTemplateCanonicalizer;
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
 * Credentials of another issuer, checked for real: a fake issuer on loopback publishes its
 * did:web document and signed revocation and suspension lists, and the server (allowed to fetch
 * from loopback for the test) resolves its key and reads its lists.
 */
@Tag("integration")
class OtherIssuerVerificationTest {
    static final EddsaRdfc2022 SUITE = new EddsaRdfc2022(new ShapeTemplateCanonicalizer());
    static final Instant SIGNED = Instant.parse("2025-03-01T10:00:00Z");
    static final int VALID = 1;
    static final int REVOKED = 2;
    static final int SUSPENDED = 3;

    @TempDir
    static Path data;
    static ServerHarness server;
    static StaticFiles issuer;
    static final Ed25519KeyPair key = Ed25519KeyPair.generate(new SecureRandom());
    static String did;
    static String base;

    @BeforeAll
    static void start() {
        issuer = new StaticFiles();
        base = "http://localhost:" + issuer.port();
        did = "did:web:localhost%3A" + issuer.port() + ":issuers:acme";
        issuer.put("/issuers/acme/did.json", bytes(DidDocuments.didWeb(did, List.of(new DidDocuments.PublishedKey("key-1", key.publicKey(), true)))));
        publishList("/status/1", StatusPurpose.REVOCATION, REVOKED);
        publishList("/status/1/suspension", StatusPurpose.SUSPENSION, SUSPENDED);
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

    static void publishList(String path, StatusPurpose purpose, int setBit) {
        publishList(path, purpose, setBit, key);
    }

    static void publishList(String path, StatusPurpose purpose, int setBit, Ed25519KeyPair signer) {
        BitstringStatusList bits = BitstringStatusList.create(BitstringStatusList.MINIMUM_SIZE);
        bits.set(setBit);
        ObjectNode unsigned = StatusListCredentials.unsigned(base + path, did, purpose, bits, SIGNED);
        issuer.put(path, bytes(SUITE.sign(unsigned, signer, did + "#key-1", SIGNED)));
    }

    /** An Open Badges credential of the fake issuer with one status entry, signed by its did:web key. */
    static ObjectNode badge(JsonNode status) {
        ObjectNode credential = OtherIssuerBadges.unsigned(did, "urn:uuid:7d7c1a9e-0000-4000-8000-0000000000" + (10 + status.path("statusListIndex").asInt()),
                "Other Academy", "other.example", "Welding Level 2", "welding-2", "Welds to level 2.", status);
        return SUITE.sign(credential, key, did + "#key-1", SIGNED);
    }

    static ObjectNode entry(String path, StatusPurpose purpose, int index) {
        return StatusListEntry.of(base + path, purpose, index).toJson();
    }

    static JsonNode verify(JsonNode credential) {
        var answer = server.send("POST", "/api/v1/verify", null, credential.toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static JsonNode vcApi(JsonNode credential) {
        return server.send("POST", "/credentials/verify", null,
                ServerHarness.JSON.createObjectNode().set("verifiableCredential", credential).toString()).json();
    }

    static JsonNode check(JsonNode report, String name) {
        for (JsonNode check : report.path("checks")) {
            if (check.path("check").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + report);
    }

    @Test
    void a_valid_credential_of_another_issuer_verifies_through_its_did_web_key_and_status_list() {
        JsonNode report = verify(badge(entry("/status/1", StatusPurpose.REVOCATION, VALID)));
        assertThat(report.get("status").asText()).as(report.toPrettyString()).isEqualTo("valid");
        assertThat(check(report, "key_resolution").get("reason").asText()).contains(did + "#key-1");
        assertThat(check(report, "status").get("reason").asText()).contains("has not been revoked");
        assertThat(vcApi(badge(entry("/status/1", StatusPurpose.REVOCATION, VALID))).get("verified").asBoolean()).isTrue();
    }

    @Test
    void a_revoked_credential_of_another_issuer_is_reported_revoked() {
        ObjectNode revoked = badge(entry("/status/1", StatusPurpose.REVOCATION, REVOKED));
        assertThat(verify(revoked).get("status").asText()).isEqualTo("revoked");
        JsonNode answer = vcApi(revoked);
        assertThat(answer.get("verified").asBoolean()).isFalse();
        assertThat(answer.get("errors").findValuesAsText("code")).containsExactly("REVOKED");
    }

    @Test
    void a_suspended_credential_of_another_issuer_is_reported_suspended() {
        assertThat(verify(badge(entry("/status/1/suspension", StatusPurpose.SUSPENSION, SUSPENDED))).get("status").asText()).isEqualTo("suspended");
    }

    @Test
    void a_credential_carrying_revocation_and_suspension_entries_is_checked_against_both() {
        // a plain VC (not an Open Badge, which allows one entry) as the VC API may issue it
        ObjectNode credential = ServerHarness.JSON.createObjectNode();
        credential.putArray("@context").add(BundledContexts.CREDENTIALS_V2);
        credential.putArray("type").add("VerifiableCredential");
        credential.put("issuer", did);
        credential.put("validFrom", "2025-03-01T10:00:00Z");
        credential.putObject("credentialSubject").put("id", "did:example:holder");
        ArrayNode both = credential.putArray("credentialStatus");
        both.add(entry("/status/1", StatusPurpose.REVOCATION, SUSPENDED)).add(entry("/status/1/suspension", StatusPurpose.SUSPENSION, SUSPENDED));
        JsonNode report = verify(SUITE.sign(credential, key, did + "#key-1", SIGNED));
        assertThat(report.get("status").asText()).as(report.toPrettyString()).isEqualTo("suspended");
    }

    @Test
    void an_unreachable_status_list_is_named_and_the_credential_is_not_verified() {
        ObjectNode credential = badge(entry("/status/404", StatusPurpose.REVOCATION, VALID));
        JsonNode report = verify(credential);
        assertThat(report.get("status").asText()).isNotEqualTo("valid");
        assertThat(check(report, "status").get("error").asText()).isEqualTo("STATUS_UNAVAILABLE");
        assertThat(check(report, "status").get("reason").asText()).contains("could not check whether it was revoked", "HTTP 404");

        JsonNode answer = vcApi(credential);
        assertThat(answer.get("verified").asBoolean()).isFalse();
        assertThat(answer.get("errors").findValuesAsText("code")).containsExactly("STATUS_UNAVAILABLE");

        byte[] file = credential.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(VerifyUploadTest.upload(server, "/verify", "credential.json", file).body())
                .contains("could not check whether it was revoked").doesNotContain("Valid:");
        assertThat(VerifyUploadTest.upload(server, "/verify?lang=nb", "credential.json", file).body())
                .contains("kunne ikke kontrollere om beviset er trukket tilbake");
    }

    @Test
    void a_status_list_not_signed_by_the_issuer_is_refused() {
        // someone who can serve files on the issuer's host, but not sign as the issuer, clears a revoked credential's bit
        publishList("/status/forged", StatusPurpose.REVOCATION, VALID, Ed25519KeyPair.generate(new SecureRandom()));
        JsonNode report = verify(badge(entry("/status/forged", StatusPurpose.REVOCATION, REVOKED)));
        assertThat(report.get("status").asText()).isEqualTo("invalid");
        assertThat(check(report, "status").get("error").asText()).isEqualTo("STATUS_LIST_INVALID");
        assertThat(check(report, "status").get("reason").asText()).contains("signature is invalid");
    }

    @Test
    void a_key_the_issuer_does_not_publish_is_not_found_in_its_did_document() {
        ObjectNode credential = badge(entry("/status/1", StatusPurpose.REVOCATION, VALID));
        ((ObjectNode) credential.get("proof").get(0)).put("verificationMethod", did + "#key-9");
        JsonNode report = verify(credential);
        assertThat(report.get("status").asText()).isEqualTo("invalid");
        assertThat(check(report, "key_resolution").get("reason").asText()).contains("does not publish the key");
    }

    @Test
    void our_own_suspended_credential_is_reported_suspended_by_every_verifier() {
        String tenantKey = server.tenant("suspender");
        long achievement = server.achievement(tenantKey);
        JsonNode issued = CredentialPageTest.issue(server, tenantKey, achievement, "Kari Nordmann", "kari.suspended@example.org");
        String id = issued.get("id").asText();
        JsonNode credential = issued.get("credential");
        assertThat(verify(credential).get("status").asText()).isEqualTo("valid");

        assertThat(server.send("POST", "/api/v1/credentials/" + id + "/suspend", tenantKey, "{\"reason\": \"under review\"}").status()).isEqualTo(200);
        JsonNode report = verify(credential);
        assertThat(report.get("status").asText()).isEqualTo("suspended");
        assertThat(check(report, "status").get("reason").asText()).contains("/suspension");
        assertThat(vcApi(credential).get("errors").findValuesAsText("code")).containsExactly("SUSPENDED");
        assertThat(VerifyUploadTest.upload(server, "/verify", "credential.json", credential.toString().getBytes(StandardCharsets.UTF_8)).body())
                .contains("Suspended by the issuer.");

        assertThat(server.send("POST", "/api/v1/credentials/" + id + "/reinstate", tenantKey, "").status()).isEqualTo(200);
        assertThat(verify(credential).get("status").asText()).isEqualTo("valid");
    }
}
