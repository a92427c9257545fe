package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON-LD safe mode over real HTTP: a type or term the credential's contexts do not define is
 * refused by the issuer (422 naming it) and by every verifier the server offers, and whatever the
 * issuer signs, its own verifier accepts.
 */
@Tag("integration")
class SafeModeTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static String did;
    static ObjectNode issued;

    @BeforeAll
    static void start() throws Exception {
        server = new ServerHarness(data);
        key = server.tenant("safemode");
        long achievement = server.achievement(key);
        String number = CredentialPageTest.issue(server, key, achievement, "Sam Safe", "sam.safe@example.org").get("number").asText();
        issued = (ObjectNode) ServerHarness.JSON.readTree(server.binary("GET", "/c/" + number + "/credential.json", null, null).body());
        did = issued.get("issuer").path("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ObjectNode withInvalidType() {
        ObjectNode forged = issued.deepCopy();
        ((ArrayNode) forged.get("type")).add("InvalidType");
        return forged;
    }

    @Test
    void a_type_added_to_an_issued_credential_fails_the_verify_api_naming_it() {
        assertThat(server.send("POST", "/api/v1/verify", null, issued.toString()).json().get("status").asText()).isEqualTo("valid");
        var report = server.send("POST", "/api/v1/verify", null, withInvalidType().toString());
        assertThat(report.json().get("status").asText()).isEqualTo("invalid");
        assertThat(report.json().get("reason").asText()).contains("'InvalidType'");
        assertThat(report.json().get("checks").toString()).contains("UNDEFINED_TERM");
        assertThat(report.json().has("signed")).isFalse();
    }

    @Test
    void a_type_added_to_an_issued_credential_fails_the_vc_api_verifier_naming_it() {
        var result = server.send("POST", "/credentials/verify", null, "{\"verifiableCredential\": " + withInvalidType() + "}");
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json().get("verified").asBoolean()).isFalse();
        JsonNode error = result.json().get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("UNDEFINED_TERM");
        assertThat(error.get("message").asText()).contains("'InvalidType'");
    }

    @Test
    void a_type_added_to_an_issued_credential_fails_on_the_verification_page() {
        byte[] file = withInvalidType().toString().getBytes(StandardCharsets.UTF_8);
        var page = VerifyUploadTest.upload(server, "/verify", "credential.json", file);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Not valid", "InvalidType").doesNotContain("Valid: this credential is authentic");
    }

    @Test
    void an_undefined_term_in_a_nested_object_fails_verification() {
        ObjectNode forged = issued.deepCopy();
        ((ObjectNode) forged.at("/credentialSubject/achievement/criteria")).put("passMark", "50%");
        var report = server.send("POST", "/api/v1/verify", null, forged.toString());
        assertThat(report.json().get("status").asText()).isEqualTo("invalid");
        assertThat(report.json().get("reason").asText()).contains("'passMark'");
    }

    @Test
    void the_vc_api_issuer_refuses_an_undefined_type_or_term_with_422_naming_it() {
        var type = server.send("POST", "/credentials/issue", key, issueBody(
                "[\"https://www.w3.org/ns/credentials/v2\"]", "[\"VerifiableCredential\", \"InvalidType\"]", "{\"id\": \"did:example:alice\"}"));
        assertThat(type.status()).as(type.body()).isEqualTo(422);
        assertThat(type.json().get("detail").asText()).contains("'InvalidType'");

        var term = server.send("POST", "/credentials/issue", key, issueBody(
                "[\"https://www.w3.org/ns/credentials/v2\"]", "[\"VerifiableCredential\"]", "{\"id\": \"did:example:alice\", \"grade\": \"A\"}"));
        assertThat(term.status()).as(term.body()).isEqualTo(422);
        assertThat(term.json().get("detail").asText()).contains("'grade'");

        var unknownContext = server.send("POST", "/credentials/issue", key, issueBody(
                "[\"https://www.w3.org/ns/credentials/v2\", \"https://evil.example/ctx.json\"]", "[\"VerifiableCredential\"]",
                "{\"id\": \"did:example:alice\"}"));
        assertThat(unknownContext.status()).as(unknownContext.body()).isEqualTo(422);
        assertThat(unknownContext.json().get("detail").asText()).contains("evil.example");
    }

    @Test
    void a_credential_with_an_embedded_context_is_issued_and_then_verified_by_the_same_server() {
        var signed = server.send("POST", "/credentials/issue", key, issueBody(
                "[\"https://www.w3.org/ns/credentials/v2\", {\"grade\": \"https://example.org/vocab#grade\"}]", "[\"VerifiableCredential\"]",
                "{\"id\": \"did:example:alice\", \"grade\": \"A\"}"));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        JsonNode vc = signed.json().get("verifiableCredential");
        var verified = server.send("POST", "/credentials/verify", null, "{\"verifiableCredential\": " + vc + "}");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("verified").asBoolean()).isTrue();
        assertThat(server.send("POST", "/api/v1/verify", null, vc.toString()).json().get("status").asText()).isEqualTo("valid");
    }

    @Test
    void a_vc_1_1_credential_and_one_on_the_examples_context_are_issued_and_verified() {
        for (String body : new String[] {
                issueBody("[\"https://www.w3.org/2018/credentials/v1\"]", "[\"VerifiableCredential\"]", "{\"id\": \"did:example:alice\"}")
                        .replace("\"issuer\"", "\"issuanceDate\": \"2025-01-01T00:00:00Z\", \"issuer\""),
                issueBody("[\"https://www.w3.org/ns/credentials/v2\", \"https://www.w3.org/ns/credentials/examples/v2\"]",
                        "[\"VerifiableCredential\", \"ExampleAchievementCredential\"]", "{\"id\": \"did:example:alice\", \"level\": \"gold\"}")}) {
            var signed = server.send("POST", "/credentials/issue", key, body);
            assertThat(signed.status()).as(signed.body()).isEqualTo(201);
            JsonNode vc = signed.json().get("verifiableCredential");
            var verified = server.send("POST", "/credentials/verify", null, "{\"verifiableCredential\": " + vc + "}");
            assertThat(verified.json().get("verified").asBoolean()).as(verified.body()).isTrue();
            ((ArrayNode) vc.get("type")).add("InvalidType");
            assertThat(server.send("POST", "/credentials/verify", null, "{\"verifiableCredential\": " + vc + "}").json()
                    .get("verified").asBoolean()).isFalse();
        }
    }

    static String issueBody(String context, String type, String subject) {
        return "{\"credential\": {\"@context\": " + context + ", \"type\": " + type + ", \"issuer\": \"" + did
                + "\", \"credentialSubject\": " + subject + "}, \"options\": {}}";
    }
}
