package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.multibase.Multibase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.credence.standards.dataintegrity.EddsaRdfc2022;
import org.credence.standards.jsonld.TitaniumCanonicalizer;
import org.credence.standards.keys.Ed25519KeyPair;
import org.credence.standards.status.BitstringStatusList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The W3C VC API surface over real HTTP: what the issuer refuses, status entries and their changes, presentations. */
@Tag("integration")
class VcApiConformanceTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static String acme;
    static String globex;
    static String did;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        acme = server.tenant("acme");
        globex = server.tenant("globex");
        did = server.send("GET", "/tenants/acme/did.json", null, null).json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A minimal VC 2.0 credential with {@code extra} members (JSON without braces) added. */
    static String credential(String extra) {
        return "{\"@context\": [\"https://www.w3.org/ns/credentials/v2\"], \"type\": [\"VerifiableCredential\"], "
                + "\"credentialSubject\": {\"id\": \"did:example:alice\"}" + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    static ServerHarness.Response issue(String credential, String options) {
        return server.send("POST", "/credentials/issue", acme, "{\"credential\": " + credential + (options == null ? "" : ", \"options\": " + options) + "}");
    }

    static void refused(String credential, String options, String field) {
        var answer = issue(credential, options);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.json().get("field").asText()).as(answer.body()).isEqualTo(field);
    }

    @Test
    void the_issuer_refuses_a_credential_the_data_model_forbids_naming_the_field() {
        String context = "\"@context\": [\"https://www.w3.org/ns/credentials/v2\"], \"type\": [\"VerifiableCredential\"]";
        refused("{" + context + "}", null, "credential.credentialSubject");
        refused("{" + context + ", \"credentialSubject\": {}}", null, "credential.credentialSubject");
        refused("{" + context + ", \"credentialSubject\": [{\"id\": \"did:example:a\"}, {}]}", null, "credential.credentialSubject");
        for (String typed : new String[] {"credentialStatus", "credentialSchema", "refreshService", "termsOfUse", "evidence"}) {
            refused(credential("\"" + typed + "\": {\"id\": \"https://example.org/x\"}"), null, "credential." + typed + ".type");
        }
        refused(credential("\"validFrom\": \"2025-01-31T12:00:00\""), null, "credential.validFrom");
        refused(credential("\"validUntil\": \"Sat 25 Feb 2023 07:16:31 PM CST\""), null, "credential.validUntil");
        refused(credential("\"validFrom\": \"2025-02-01T00:00:00Z\", \"validUntil\": \"2025-01-01T00:00:00Z\""), null, "credential.validUntil");
        refused(credential("\"issuer\": null"), null, "credential.issuer");
        refused(credential("\"issuer\": {\"id\": null}"), null, "credential.issuer");
        refused(credential("\"issuer\": \"did:web:someone.else\""), null, "credential.issuer");
        refused(credential("\"relatedResource\": [\"https://example.org/r\"]"), null, "credential.relatedResource");
        refused(credential("\"relatedResource\": [{\"digestSRI\": \"sha384-x\"}]"), null, "credential.relatedResource.id");
        refused(credential("\"relatedResource\": [{\"id\": \"https://example.org/r\"}]"), null, "credential.relatedResource");
        refused(credential("\"relatedResource\": [{\"id\": \"https://example.org/r\", \"digestSRI\": \"sha384-x\"}, "
                + "{\"id\": \"https://example.org/r\", \"digestMultibase\": \"uabc\"}]"), null, "credential.relatedResource.id");
        refused(credential("\"relatedResource\": [{\"id\": \"https://www.w3.org/ns/credentials/v2\", "
                + "\"digestMultibase\": \"uM4RgWQc3RUDtjJCSgTJtTfvpZ7SPEg_LNO0ESlovQC0\"}]"), null, "credential.relatedResource");
        refused(credential("\"relatedResource\": [{\"id\": \"https://www.w3.org/ns/credentials/v2\", "
                + "\"digestSRI\": \"sha384-_rCVIV7fSXXTNIvpiq26jRDyj8JG8TDjij-tD0ewLk4JpnXEz6a5AeeY_1qQ0d0P\"}]"), null, "credential.relatedResource");
        refused(credential(""), "{\"mandatoryPointers\": [\"/issuer\"]}", "options.mandatoryPointers");
        refused(credential("\"proof\": {\"type\": \"DataIntegrityProof\"}"), null, "credential.proof");
        refused(credential("\"id\": \"https ://not-a-url\""), null, "credential.id");
    }

    @Test
    void a_valid_credential_is_issued_as_the_tenant_and_verifies() {
        var issued = issue(credential("\"validFrom\": \"2025-01-31T12:00:00.447+01:00\", \"relatedResource\": "
                + "[{\"id\": \"https://example.org/r\", \"digestSRI\": \"sha384-x\"}]"), "{}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonNode vc = issued.json().get("verifiableCredential");
        assertThat(vc.get("issuer").asText()).isEqualTo(did);
        assertThat(vc.has("credentialStatus")).isFalse();
        assertThat(verify(vc).status()).isEqualTo(200);
        // the VC 2.0 base context, by the digests the Recommendation fixes it with
        var baseContext = issue(credential("\"relatedResource\": [{\"id\": \"https://www.w3.org/ns/credentials/v2\", "
                + "\"digestSRI\": \"sha384-NSOcNpmdIVUxIJGvGUoe22FjTWrXiaXlsZ8q6912LdnR3KraQO2n75Ica4wK4Qeg\", "
                + "\"digestMultibase\": \"uJKGMkOmFbVJhEfKTduMC2XCyvRAYLjOVmZWwIH1wQ7k\"}]"), null);
        assertThat(baseContext.status()).as(baseContext.body()).isEqualTo(201);
    }

    @Test
    void the_tenant_may_issue_as_the_did_key_of_its_signing_key_but_without_status() {
        String key = server.send("GET", "/tenants/acme/did.json", null, null).json().get("verificationMethod").get(0)
                .get("publicKeyMultibase").asText();
        var issued = issue(credential("\"issuer\": \"did:key:" + key + "\""), null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonNode vc = issued.json().get("verifiableCredential");
        assertThat(vc.get("proof").get(0).get("verificationMethod").asText()).isEqualTo("did:key:" + key + "#" + key);
        assertThat(verify(vc).status()).isEqualTo(200);
        refused(credential("\"id\": \"urn:uuid:0b7e3d1c-5a4f-4c1e-9f11-2d6c1e7a0009\", \"issuer\": \"did:key:" + key + "\""),
                "{\"credentialStatus\": {\"type\": \"BitstringStatusList\", \"statusPurpose\": \"revocation\"}}", "options.credentialStatus");
    }

    @Test
    void a_vc_1_1_credential_is_issued_with_an_issuance_date_and_verifies() {
        var issued = issue("""
                {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"],
                 "credentialSubject": {"id": "did:example:alice"}}""", null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonNode vc = issued.json().get("verifiableCredential");
        assertThat(vc.get("issuanceDate").asText()).endsWith("Z");
        assertThat(verify(vc).status()).as(verify(vc).body()).isEqualTo(200);
        refused("""
                {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"],
                 "issuanceDate": "2025-01-31", "credentialSubject": {"id": "did:example:alice"}}""", null, "credential.issuanceDate");
    }

    @Test
    void an_open_badge_without_an_id_gets_a_urn_uuid() {
        var issued = issue("""
                {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "type": ["VerifiableCredential", "OpenBadgeCredential"], "name": "Data Steward",
                 "credentialSubject": {"type": ["AchievementSubject"], "achievement": {"id": "https://acme.example/a/1",
                   "type": ["Achievement"], "name": "Data Steward", "description": "Passed.", "criteria": {"narrative": "Pass."}}}}""", null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().get("verifiableCredential").get("id").asText()).matches("urn:uuid:[0-9a-f-]{36}");
    }

    @Test
    void status_options_add_entries_from_the_tenants_lists_and_a_status_change_flips_the_published_bit() {
        String options = "{\"credentialStatus\": [{\"type\": \"BitstringStatusList\", \"statusPurpose\": \"revocation\"}, "
                + "{\"type\": \"BitstringStatusList\", \"statusPurpose\": \"suspension\"}]}";
        var issued = issue(credential("\"id\": \"urn:uuid:0b7e3d1c-5a4f-4c1e-9f11-2d6c1e7a0001\""), options);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonNode vc = issued.json().get("verifiableCredential");
        JsonNode entries = vc.get("credentialStatus");
        assertThat(entries).hasSize(2);
        assertThat(entries.findValuesAsText("statusPurpose")).containsExactly("revocation", "suspension");
        assertThat(entries.findValuesAsText("type")).containsOnly("BitstringStatusListEntry");
        JsonNode suspension = entries.get(1);
        assertThat(suspension.get("statusListCredential").asText()).startsWith(server.base() + "/status/acme/").endsWith("/suspension");
        assertThat(verify(vc).status()).isEqualTo(200);
        int index = Integer.parseInt(suspension.get("statusListIndex").asText());
        assertThat(bit(suspension, index)).isFalse();

        var suspend = server.send("POST", "/credentials/status", acme, "{\"credentialId\": \"" + vc.get("id").asText() + "\", "
                + "\"credentialStatus\": {\"type\": \"BitstringStatusListEntry\", \"statusPurpose\": \"suspension\"}, \"status\": true}");
        assertThat(suspend.status()).as(suspend.body()).isEqualTo(200);
        assertThat(bit(suspension, index)).isTrue();
        assertThat(bit(entries.get(0), index)).isFalse();
        var suspended = verify(vc);
        assertThat(suspended.status()).isEqualTo(400);
        assertThat(suspended.json().get("errors").findValuesAsText("code")).contains("SUSPENDED");

        var reinstate = server.send("POST", "/credentials/status", acme, "{\"credentialId\": \"" + vc.get("id").asText() + "\", "
                + "\"credentialStatus\": [{\"type\": \"BitstringStatusListEntry\", \"statusPurpose\": \"suspension\", \"status\": false}]}");
        assertThat(reinstate.status()).as(reinstate.body()).isEqualTo(200);
        assertThat(verify(vc).status()).isEqualTo(200);
        String revoke = "{\"credentialId\": \"" + vc.get("id").asText() + "\", "
                + "\"credentialStatus\": [{\"type\": \"BitstringStatusListEntry\", \"statusPurpose\": \"revocation\", \"status\": STATUS}]}";
        assertThat(server.send("POST", "/credentials/status", globex, revoke.replace("STATUS", "true")).status()).isEqualTo(404);
        assertThat(server.send("POST", "/credentials/status", acme, "{\"credentialStatus\": {\"type\": \"BitstringStatusListEntry\", "
                + "\"statusPurpose\": \"revocation\"}, \"status\": true}").json().get("field").asText()).isEqualTo("credentialId");
        assertThat(server.send("POST", "/credentials/status", acme, revoke.replace("STATUS", "true")).status()).isEqualTo(200);
        assertThat(verify(vc).json().get("errors").findValuesAsText("code")).contains("REVOKED");
        assertThat(server.send("POST", "/credentials/status", acme, revoke.replace("STATUS", "false")).status()).isEqualTo(409);

        var audit = server.send("GET", "/api/v1/audit", acme, null).json().get("items");
        assertThat(audit.findValuesAsText("subject")).contains("vc:" + vc.get("id").asText());
        assertThat(audit.findValuesAsText("action")).contains("vcapi.issue", "credential.suspend", "credential.reinstate", "credential.revoke");
        assertThat(issue(credential("\"id\": \"" + vc.get("id").asText() + "\""), options).status()).isEqualTo(409);
    }

    @Test
    void an_open_badge_carries_one_status_object_and_status_needs_an_id() {
        String ob = """
                {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "type": ["VerifiableCredential", "OpenBadgeCredential"], "name": "Data Steward",
                 "credentialSubject": {"type": ["AchievementSubject"], "achievement": {"id": "https://acme.example/a/1",
                   "type": ["Achievement"], "name": "Data Steward", "description": "Passed.", "criteria": {"narrative": "Pass."}}}}""";
        var issued = issue(ob, "{\"credentialStatus\": {\"type\": \"BitstringStatusList\", \"statusPurpose\": \"revocation\"}}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().get("verifiableCredential").get("credentialStatus").isObject()).isTrue();
        refused(ob, "{\"credentialStatus\": [{\"type\": \"BitstringStatusList\", \"statusPurpose\": \"revocation\"}, "
                + "{\"type\": \"BitstringStatusList\", \"statusPurpose\": \"suspension\"}]}", "options.credentialStatus");
        refused(credential(""), "{\"credentialStatus\": {\"type\": \"BitstringStatusList\", \"statusPurpose\": \"revocation\"}}", "credential.id");
        refused(credential(""), "{\"credentialStatus\": {\"type\": \"BitstringStatusList\", \"statusPurpose\": \"refresh\"}}",
                "options.credentialStatus.statusPurpose");
    }

    @Test
    void a_caller_cannot_point_a_credential_into_the_tenants_own_status_lists() {
        String own = server.base() + "/status/acme/1";
        refused(credential("\"credentialStatus\": {\"id\": \"" + own + "#7\", \"type\": \"BitstringStatusListEntry\", "
                + "\"statusPurpose\": \"revocation\", \"statusListIndex\": \"7\", \"statusListCredential\": \"" + own + "\"}"), null,
                "credential.credentialStatus.id");
    }

    @Test
    void the_verifier_answers_400_when_the_credential_is_not_a_json_object() {
        var answer = server.send("POST", "/credentials/verify", null, "{\"verifiableCredential\": \"eyJhbGciOiJFZERTQSJ9.e30.c2ln\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("field").asText()).isEqualTo("verifiableCredential");
    }

    @Test
    void a_signed_presentation_verifies_with_its_challenge_and_domain_and_each_credential() {
        JsonNode vc = issue(credential(""), null).json().get("verifiableCredential");
        Ed25519KeyPair holder = Ed25519KeyPair.generate(new SecureRandom());
        String holderDid = "did:key:" + holder.publicKey().multibase();
        ObjectNode vp = presentation(vc);
        vp.put("holder", holderDid);
        ObjectNode signed = signPresentation(vp, holder, "c-123", "verifier.example");

        var ok = verifyPresentation(signed, "{\"challenge\": \"c-123\", \"domain\": \"verifier.example\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("verified").asBoolean()).as(ok.body()).isTrue();
        assertThat(ok.json().get("credentialResults").get(0).get("verified").asBoolean()).isTrue();
        assertThat(ok.json().get("results").get("challenge").get("valid").asBoolean()).isTrue();

        var otherChallenge = verifyPresentation(signed, "{\"challenge\": \"c-999\", \"domain\": \"verifier.example\"}");
        assertThat(otherChallenge.json().get("verified").asBoolean()).isFalse();
        assertThat(otherChallenge.json().get("errors").findValuesAsText("code")).contains("CHALLENGE_MISMATCH");
        assertThat(otherChallenge.json().get("results").get("challenge").get("valid").asBoolean()).isFalse();
        var otherDomain = verifyPresentation(signed, "{\"challenge\": \"c-123\", \"domain\": \"evil.example\"}");
        assertThat(otherDomain.json().get("errors").findValuesAsText("code")).contains("DOMAIN_MISMATCH");

        ObjectNode tampered = signed.deepCopy();
        tampered.put("holder", "did:example:mallory");
        assertThat(verifyPresentation(tampered, "{\"challenge\": \"c-123\", \"domain\": \"verifier.example\"}").json().get("verified").asBoolean())
                .isFalse();
        ObjectNode forgedCredential = vp.deepCopy();
        ((ObjectNode) forgedCredential.get("verifiableCredential").get(0).get("credentialSubject")).put("id", "did:example:mallory");
        var forged = verifyPresentation(signPresentation(forgedCredential, holder, "c-123", "verifier.example"),
                "{\"challenge\": \"c-123\", \"domain\": \"verifier.example\"}");
        assertThat(forged.json().get("verified").asBoolean()).isFalse();
        assertThat(forged.json().get("credentialResults").get(0).get("errors").findValuesAsText("code")).contains("INVALID_SIGNATURE");
    }

    @Test
    void an_unsigned_presentation_verifies_its_credentials_but_not_a_challenge() {
        JsonNode vc = issue(credential(""), null).json().get("verifiableCredential");
        ObjectNode vp = presentation(vc);
        var proofless = server.send("POST", "/presentations/verify", null, "{\"presentation\": " + vp + "}");
        assertThat(proofless.status()).as(proofless.body()).isEqualTo(200);
        assertThat(proofless.json().get("verified").asBoolean()).as(proofless.body()).isTrue();
        var challenged = verifyPresentation(vp, "{\"challenge\": \"c-1\"}");
        assertThat(challenged.json().get("verified").asBoolean()).isFalse();
        assertThat(challenged.json().get("errors").findValuesAsText("code")).contains("PROOF_MISSING");
        ObjectNode untyped = vp.deepCopy();
        untyped.remove("type");
        assertThat(verifyPresentation(untyped, "{}").json().get("verified").asBoolean()).isFalse();
        ObjectNode noContext = vp.deepCopy();
        noContext.remove("@context");
        assertThat(verifyPresentation(noContext, "{}").json().get("verified").asBoolean()).isFalse();
        ObjectNode stringCredential = vp.deepCopy();
        stringCredential.putArray("verifiableCredential").add("https://example.org/credential");
        var refused = verifyPresentation(stringCredential, "{}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("verifiablePresentation.verifiableCredential");
    }

    static ObjectNode presentation(JsonNode vc) {
        ObjectNode vp = ServerHarness.JSON.createObjectNode();
        vp.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
        vp.putArray("type").add("VerifiablePresentation");
        vp.putArray("verifiableCredential").add(vc);
        return vp;
    }

    /** Signs as a wallet does: eddsa-rdfc-2022, purpose authentication, the verifier's challenge and domain. */
    static ObjectNode signPresentation(ObjectNode vp, Ed25519KeyPair holder, String challenge, String domain) {
        String method = "did:key:" + holder.publicKey().multibase() + "#" + holder.publicKey().multibase();
        ObjectNode proof = ServerHarness.JSON.createObjectNode().put("type", "DataIntegrityProof").put("cryptosuite", "eddsa-rdfc-2022")
                .put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).put("verificationMethod", method)
                .put("proofPurpose", "authentication").put("challenge", challenge).put("domain", domain);
        ObjectNode config = proof.deepCopy();
        config.set("@context", vp.get("@context"));
        byte[] signature = holder.sign(new EddsaRdfc2022(new TitaniumCanonicalizer()).hashData(vp, config));
        proof.put("proofValue", Multibase.BASE_58_BTC.encode(signature));
        ObjectNode signed = vp.deepCopy();
        signed.set("proof", proof);
        return signed;
    }

    static ServerHarness.Response verify(JsonNode vc) {
        return server.send("POST", "/credentials/verify", null, "{\"verifiableCredential\": " + vc + "}");
    }

    static ServerHarness.Response verifyPresentation(JsonNode vp, String options) {
        return server.send("POST", "/presentations/verify", null, "{\"verifiablePresentation\": " + vp + ", \"options\": " + options + "}");
    }

    /** The bit at {@code index} of the list the entry points at, as any verifier reads it. */
    static boolean bit(JsonNode entry, int index) {
        String path = entry.get("statusListCredential").asText().substring(server.base().length());
        JsonNode list = server.send("GET", path, null, null).json();
        return BitstringStatusList.decode(list.get("credentialSubject").get("encodedList").asText()).isSet(index);
    }
}
