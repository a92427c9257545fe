package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over real HTTP, on a real (embedded) PostgreSQL. */
@Tag("integration")
class ServerIntegrationTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static String acme;
    static String globex;
    static long achievement;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        acme = server.tenant("acme");
        globex = server.tenant("globex");
        achievement = server.achievement(acme);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String issueBody(String email) {
        return "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"Åse Ødegård <b>\", \"email\": \"" + email + "\"}, \"grade\": \"A\"}";
    }

    @Test
    void an_issued_credential_verifies_by_number_with_every_check_passed() {
        var issued = server.send("POST", "/api/v1/credentials", acme, issueBody("ase@example.org"));
        assertThat(issued.status()).as(issued.body()).isIn(200, 201);
        String number = issued.json().get("number").asText();
        assertThat(number).matches("CRD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}");
        assertThat(issued.json().get("credential").get("proof").isArray()).isTrue();
        var report = server.send("GET", "/api/v1/verify/" + number, null, null);
        assertThat(report.json().get("status").asText()).as(report.body()).isEqualTo("valid");
        assertThat(report.json().get("checks")).hasSize(9);
        var page = server.send("GET", "/verify/" + number.toLowerCase(), null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Åse Ødegård &lt;b&gt;").doesNotContain("<b>").contains("Valid");
        assertThat(server.send("GET", "/verify/" + number + "?lang=nb", null, null).body()).contains("Gyldig");
    }

    @Test
    void the_same_recipient_and_achievement_returns_the_existing_credential_even_under_50_concurrent_requests() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<ServerHarness.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(pool.submit(() -> server.send("POST", "/api/v1/credentials", acme, issueBody("race@example.org"))));
        }
        Set<String> numbers = new java.util.HashSet<>();
        int created = 0;
        for (Future<ServerHarness.Response> call : calls) {
            var response = call.get();
            assertThat(response.status()).as(response.body()).isIn(200, 201);
            created += response.status() == 201 ? 1 : 0;
            numbers.add(response.json().get("number").asText());
        }
        pool.shutdown();
        assertThat(numbers).hasSize(1);
        assertThat(created).isEqualTo(1);
    }

    @Test
    void revocation_and_suspension_show_at_once_in_verification_and_the_status_list() {
        var issued = server.send("POST", "/api/v1/credentials", acme, issueBody("life@example.org")).json();
        String id = issued.get("id").asText();
        String number = issued.get("number").asText();
        String listUrl = issued.get("credential").get("credentialStatus").get("statusListCredential").asText();
        String listPath = listUrl.substring(listUrl.indexOf("/status/"));
        var list = server.send("GET", listPath, null, null);
        String etag = list.headers().firstValue("ETag").orElseThrow();
        assertThat(server.send("GET", listPath, null, null, "If-None-Match", etag).status()).isEqualTo(304);

        assertThat(server.send("POST", "/api/v1/credentials/" + id + "/suspend", acme, "{\"reason\": \"under review\"}").status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/verify/" + number, null, null).json().get("status").asText()).isEqualTo("suspended");
        assertThat(server.send("POST", "/api/v1/credentials/" + id + "/reinstate", acme, "{}").status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/verify/" + number, null, null).json().get("status").asText()).isEqualTo("valid");
        assertThat(server.send("POST", "/api/v1/credentials/" + id + "/revoke", acme, "{\"reason\": \"issued in error\"}").status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/verify/" + number, null, null).json().get("status").asText()).isEqualTo("revoked");
        assertThat(server.send("GET", listPath, null, null, "If-None-Match", etag).status()).isEqualTo(200);

        JsonNode audit = server.send("GET", "/api/v1/audit", acme, null).json().get("items");
        assertThat(audit.findValuesAsText("action")).contains("credential.revoke", "credential.suspend", "credential.reinstate", "credential.issue");
    }

    @Test
    void an_idempotency_key_replays_its_own_request_and_refuses_a_different_one() {
        String body = issueBody("idempotent@example.org");
        var first = server.send("POST", "/api/v1/credentials", acme, body, "Idempotency-Key", "order-4711");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        // the same request with its members in another order and other white space is the same request
        ObjectNode reordered = ServerHarness.JSON.createObjectNode();
        List<String> names = new ArrayList<>();
        JsonNode sent = readJson(body);
        sent.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(n -> reordered.set(n, sent.get(n)));
        var replay = server.send("POST", "/api/v1/credentials", acme, reordered.toPrettyString(), "Idempotency-Key", "order-4711");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("id")).isEqualTo(first.json().get("id"));

        var other = server.send("POST", "/api/v1/credentials", acme, issueBody("someone-else@example.org"), "Idempotency-Key", "order-4711");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(other.json().get("title").asText()).isEqualTo("Idempotency-Key is already used");
        assertThat(other.json().get("detail").asText()).contains("different request");
        assertThat(server.send("GET", "/api/v1/credentials?recipientEmail=someone-else@example.org", acme, null).json().get("items")).isEmpty();
    }

    static JsonNode readJson(String text) {
        try {
            return ServerHarness.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_tampered_credential_posted_for_verification_is_invalid() {
        ObjectNode credential = (ObjectNode) server.send("POST", "/api/v1/credentials", acme, issueBody("tamper@example.org")).json().get("credential");
        assertThat(server.send("POST", "/api/v1/verify", null, credential.toString()).json().get("status").asText()).isEqualTo("valid");
        credential.put("name", "Something else");
        var report = server.send("POST", "/api/v1/verify", null, credential.toString()).json();
        assertThat(report.get("status").asText()).isEqualTo("invalid");
    }

    @Test
    void another_tenants_key_cannot_see_or_change_a_credential() {
        var issued = server.send("POST", "/api/v1/credentials", acme, issueBody("private@example.org")).json();
        String id = issued.get("id").asText();
        String number = issued.get("number").asText();
        for (String action : List.of("revoke", "suspend", "reinstate")) {
            assertThat(server.send("POST", "/api/v1/credentials/" + id + "/" + action, globex, "{\"reason\": \"x\"}").status()).isEqualTo(404);
            assertThat(server.send("POST", "/api/v1/credentials/" + number + "/" + action, globex, "{\"reason\": \"x\"}").status()).isEqualTo(404);
        }
        assertThat(server.send("PUT", "/api/v1/achievements/" + achievement, globex,
                "{\"name\": \"x\", \"kind\": \"badge\", \"description\": \"d\", \"criteria\": \"c\"}").status()).isEqualTo(404);
        String acmePrefix = acme.substring(4, 16);
        assertThat(server.send("POST", "/api/v1/api-keys/" + acmePrefix + "/revoke", globex, null).status()).isEqualTo(404);
        String acmeDid = server.send("GET", "/tenants/acme/did.json", null, null).json().get("id").asText();
        assertThat(server.send("POST", "/credentials/issue", globex, "{\"credential\": {\"@context\": [\"https://www.w3.org/ns/credentials/v2\"], "
                + "\"type\": [\"VerifiableCredential\"], \"issuer\": \"" + acmeDid + "\", \"credentialSubject\": {\"id\": \"did:example:x\"}}}").status()).isEqualTo(400);
        assertThat(server.send("GET", "/api/v1/verify/" + number, null, null).json().get("status").asText()).isEqualTo("valid");
        assertThat(server.send("GET", "/api/v1/achievements/" + achievement, globex, null).status()).isEqualTo(404);
        assertThat(server.send("POST", "/api/v1/credentials", globex, issueBody("private@example.org")).status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/audit", globex, null).json().get("items").findValuesAsText("subject")).doesNotContain("credential:" + id);
        assertThat(server.send("GET", "/api/v1/achievements", globex, null).json().get("items")).isEmpty();
    }

    @Test
    void bad_input_gets_a_problem_naming_the_field() {
        var missing = server.send("POST", "/api/v1/credentials", acme, "{\"achievementId\": " + achievement + "}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(missing.json().get("field").asText()).isEqualTo("recipient");
        assertThat(server.send("POST", "/api/v1/credentials", acme, "{\"achievementId\": \"seven\", \"recipient\": {}}").json().get("field").asText()).isEqualTo("achievementId");
        assertThat(server.send("POST", "/api/v1/credentials", acme, "{\"achievementId\": 1, \"colour\": 1}").json().get("field").asText()).isEqualTo("colour");
        assertThat(server.send("POST", "/api/v1/credentials", acme, "{nope").status()).isEqualTo(400);
        assertThat(server.send("POST", "/api/v1/achievements", acme, "{\"name\": \"x\", \"kind\": \"trophy\", \"description\": \"d\", \"criteria\": \"c\"}").json().get("field").asText()).isEqualTo("kind");
        assertThat(server.send("POST", "/api/v1/credentials", null, issueBody("x@example.org")).status()).isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/verify/CRD-0000-0000-00", null, null).status()).isEqualTo(404);
        assertThat(server.send("GET", "/verify/CRD-NOPE", null, null).body()).contains("no credential with this number");
    }

    @Test
    void a_credential_issued_before_a_key_rotation_still_verifies() {
        String number = server.send("POST", "/api/v1/credentials", acme, issueBody("rotate@example.org")).json().get("number").asText();
        assertThat(server.send("POST", "/api/v1/signing-keys/rotate", acme, null).status()).isEqualTo(201);
        assertThat(server.send("GET", "/api/v1/verify/" + number, null, null).json().get("status").asText()).isEqualTo("valid");
        String after = server.send("POST", "/api/v1/credentials", acme, issueBody("rotated@example.org")).json().get("number").asText();
        assertThat(server.send("GET", "/api/v1/verify/" + after, null, null).json().get("status").asText()).isEqualTo("valid");
        assertThat(server.send("GET", "/tenants/acme/did.json", null, null).body()).contains("#key-1").contains("#key-2");
    }

    @Test
    void the_command_line_creates_a_tenant_issues_verifies_and_revokes_on_a_running_server() throws Exception {
        String url = server.base();
        var tenant = cli("tenant", "create", "--slug", "initech", "--name", "Initech", "--server", url, "--api-key", ServerHarness.ADMIN_KEY);
        assertThat(tenant.exit()).as(tenant.err()).isZero();
        String key = ServerHarness.JSON.readTree(tenant.out()).get("apiKey").asText();
        long template = server.achievement(key);
        var issued = cli("issue", "--achievement", String.valueOf(template), "--name", "Peter Gibbons", "--email", "peter@initech.example",
                "--server", url, "--api-key", key);
        assertThat(issued.exit()).as(issued.err()).isZero();
        String number = ServerHarness.JSON.readTree(issued.out()).get("number").asText();
        var verified = cli("verify", number, "--server", url);
        assertThat(verified.exit()).as(verified.out()).isZero();
        assertThat(verified.out()).startsWith("VALID");
        var revoked = cli("revoke", number, "--reason", "left the company", "--server", url, "--api-key", key);
        assertThat(revoked.out()).contains("revoked");
        assertThat(cli("verify", number, "--server", url).exit()).isEqualTo(1);
        var foreign = cli("revoke", number, "--reason", "x", "--server", url, "--api-key", acme);
        assertThat(foreign.exit()).isEqualTo(2);
        assertThat(foreign.err()).contains("no credential");
    }

    record Run(int exit, String out, String err) {}

    static Run cli(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = org.credence.cli.CredenceCli.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void every_issuance_and_status_change_is_in_the_transparency_log_with_checkable_proofs() {
        var issued = server.send("POST", "/api/v1/credentials", acme, issueBody("log@example.org")).json();
        String number = issued.get("number").asText();
        JsonNode first = server.send("GET", "/transparency/acme/checkpoint", null, null).json();
        assertThat(first.get("signedNote").asText()).contains(first.get("origin").asText()).contains("\n\n");
        JsonNode report = server.send("GET", "/api/v1/verify/" + number, null, null).json();
        assertThat(report.get("transparency").get("verified").asBoolean()).isTrue();
        JsonNode logCheck = report.get("checks").get(8);
        assertThat(logCheck.get("check").asText()).isEqualTo("transparency");
        assertThat(logCheck.get("outcome").asText()).isEqualTo("passed");
        assertThat(logCheck.get("reason").asText()).contains("inclusion proof matches the log's current root hash");
        assertThat(server.send("GET", "/verify/" + number, null, null).body()).contains("Recorded in the issuer's public log");
        assertThat(server.send("GET", "/verify/" + number + "?lang=nb", null, null).body()).contains("Registrert i utstederens offentlige logg");
        JsonNode inclusion = server.send("GET", "/transparency/acme/inclusion/" + number, null, null).json();
        java.util.List<byte[]> proof = new ArrayList<>();
        inclusion.get("proof").forEach(p -> proof.add(java.util.Base64.getDecoder().decode(p.asText())));
        assertThat(org.credence.standards.transparency.MerkleTree.verifyInclusion(java.util.Base64.getDecoder().decode(inclusion.get("leafHash").asText()),
                inclusion.get("leafIndex").asLong(), inclusion.get("treeSize").asLong(), proof,
                java.util.Base64.getDecoder().decode(inclusion.get("rootHash").asText()))).isTrue();

        server.send("POST", "/api/v1/credentials/" + number + "/revoke", acme, "{\"reason\": \"audit test\"}");
        JsonNode second = server.send("GET", "/transparency/acme/checkpoint", null, null).json();
        long from = first.get("treeSize").asLong();
        long to = second.get("treeSize").asLong();
        assertThat(to).isGreaterThan(from);
        JsonNode consistency = server.send("GET", "/transparency/acme/consistency?from=" + from + "&to=" + to, null, null).json();
        java.util.List<byte[]> hashes = new ArrayList<>();
        consistency.get("proof").forEach(p -> hashes.add(java.util.Base64.getDecoder().decode(p.asText())));
        assertThat(org.credence.standards.transparency.MerkleTree.verifyConsistency(from, to, hashes,
                java.util.Base64.getDecoder().decode(first.get("rootHash").asText()),
                java.util.Base64.getDecoder().decode(second.get("rootHash").asText()))).isTrue();
    }

    @Test
    void the_w3c_vc_api_issues_and_verifies() throws Exception {
        String did = server.send("GET", "/tenants/acme/did.json", null, null).json().get("id").asText();
        String unsigned = """
                {"credential": {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
                  "issuer": "DID", "credentialSubject": {"id": "did:example:alice"}}, "options": {}}""".replace("DID", did);
        var issued = server.send("POST", "/credentials/issue", acme, unsigned);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonNode vc = issued.json().get("verifiableCredential");
        assertThat(vc.get("proof").get(0).get("cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
        var verified = server.send("POST", "/credentials/verify", null, "{\"verifiableCredential\": " + vc + "}");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("checks").toString()).contains("proof");
        ((ObjectNode) vc.get("credentialSubject")).put("id", "did:example:mallory");
        var tampered = server.send("POST", "/credentials/verify", null, "{\"verifiableCredential\": " + vc + "}");
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.json().get("errors").get(0).get("code").asText()).isEqualTo("INVALID_SIGNATURE");
        assertThat(server.send("POST", "/credentials/issue", acme, unsigned.replace(did, "did:web:someone.else")).status()).isEqualTo(400);
    }

    @Test
    void credentials_survive_a_restart() {
        String number = server.send("POST", "/api/v1/credentials", acme, issueBody("restart@example.org")).json().get("number").asText();
        server.restart();
        assertThat(server.send("GET", "/api/v1/verify/" + number, null, null).json().get("status").asText()).isEqualTo("valid");
    }
}
