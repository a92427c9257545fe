package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A credential as a VC-JWT (Open Badges 3.0 §8.2), EdDSA and RS256: served beside the JSON,
 * keyed to the tenant's did:web document, and verified by our own verifier.
 */
@Tag("integration")
class CredentialJwtTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static long achievement;
    static String number;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("jwt");
        achievement = server.achievement(key);
        number = CredentialPageTest.issue(server, key, achievement, "Jo Token", "jo.token@example.org").get("number").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String token(String number, String query) {
        return token(server, number, query);
    }

    /** The 200 VC-JWT of a public credential ({@code query}: "" or "?alg=…"). */
    static String token(ServerHarness server, String number, String query) {
        var response = server.send("GET", "/c/" + number + "/credential.jwt" + query, null, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/jwt");
        return response.body();
    }

    static JsonNode part(String token, int index) throws Exception {
        return ServerHarness.JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[index]));
    }

    @Test
    void the_jwt_carries_the_signed_credential_without_its_proof_and_claims_that_mirror_it() throws Exception {
        JsonNode credential = ServerHarness.JSON.readTree(server.send("GET", "/c/" + number + "/credential.json", null, null).body());
        for (String query : List.of("", "?alg=RS256")) {
            String token = token(number, query);
            JsonNode header = part(token, 0);
            JsonNode claims = part(token, 1);
            assertThat(header.get("alg").asText()).isEqualTo(query.isEmpty() ? "EdDSA" : "RS256");
            assertThat(header.get("typ").asText()).isEqualTo("JWT");
            assertThat(header.get("kid").asText()).startsWith(credential.get("issuer").get("id").asText() + "#")
                    .endsWith(query.isEmpty() ? "#key-1" : "#rsa-1");
            assertThat(header.has("jwk")).isFalse();
            assertThat(claims.get("iss").asText()).isEqualTo(credential.get("issuer").get("id").asText());
            assertThat(claims.get("jti").asText()).isEqualTo(credential.get("id").asText());
            JsonNode subjectId = credential.get("credentialSubject").get("id");
            assertThat(claims.get("sub")).as("sub mirrors credentialSubject.id, absent without one").isEqualTo(subjectId);
            assertThat(claims.get("nbf").asLong()).isEqualTo(java.time.Instant.parse(credential.get("validFrom").asText()).getEpochSecond());
            assertThat(claims.get("exp").asLong()).isEqualTo(java.time.Instant.parse(credential.get("validUntil").asText()).getEpochSecond());
            JsonNode withoutProof = credential.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) withoutProof).remove("proof");
            assertThat(claims.get("vc")).isEqualTo(withoutProof);
            assertThat(JWSObject.parse(token).getHeader().getAlgorithm().getName()).isEqualTo(header.get("alg").asText());
        }
    }

    @Test
    void the_did_document_keeps_the_ed25519_multikey_first_and_lists_the_rsa_key_for_assertion() {
        JsonNode did = server.send("GET", "/tenants/jwt/did.json", null, null).json();
        String id = did.get("id").asText();
        assertThat(did.get("@context").get(0).asText()).isEqualTo("https://www.w3.org/ns/did/v1");
        assertThat(did.get("@context").get(1).asText()).isEqualTo("https://w3id.org/security/multikey/v1");
        JsonNode first = did.get("verificationMethod").get(0);
        assertThat(first.get("id").asText()).isEqualTo(id + "#key-1");
        assertThat(first.get("type").asText()).isEqualTo("Multikey");
        JsonNode rsa = did.get("verificationMethod").get(1);
        assertThat(rsa.get("id").asText()).isEqualTo(id + "#rsa-1");
        assertThat(rsa.get("type").asText()).isEqualTo("JsonWebKey");
        assertThat(rsa.get("controller").asText()).isEqualTo(id);
        assertThat(rsa.get("publicKeyJwk").get("kty").asText()).isEqualTo("RSA");
        assertThat(rsa.get("publicKeyJwk").has("d")).as("no private key in the DID document").isFalse();
        assertThat(java.math.BigInteger.ONE.shiftLeft(2047).compareTo(new java.math.BigInteger(1,
                java.util.Base64.getUrlDecoder().decode(rsa.get("publicKeyJwk").get("n").asText())))).isLessThanOrEqualTo(0);
        assertThat(values(did.get("assertionMethod"))).containsExactly(id + "#key-1", id + "#rsa-1");
        assertThat(values(did.get("authentication"))).containsExactly(id + "#key-1");
    }

    @Test
    void our_verifier_verifies_both_tokens_through_the_did_document_in_the_api_and_on_the_page() {
        for (String query : List.of("", "?alg=EdDSA", "?alg=rs256")) {
            byte[] token = token(number, query).getBytes(StandardCharsets.UTF_8);
            var report = server.sendBytes("POST", "/api/v1/verify", null, token, "Content-Type", "application/jwt");
            assertThat(report.json().get("status").asText()).as(report.body()).isEqualTo("valid");
            assertThat(report.json().get("format").asText()).isEqualTo("vc_jwt");
            assertThat(report.json().get("number").asText()).isEqualTo(number);
            assertThat(report.json().get("signed").get("recipient").asText()).isEqualTo("Jo Token");
            assertThat(VerifyUploadTest.upload(server, "/verify", "credential.jwt", token).body()).contains("Valid:", "Jo Token");
        }
    }

    @Test
    void the_cli_verifies_both_tokens_with_the_keys_the_did_document_publishes() throws Exception {
        JsonNode methods = server.send("GET", "/tenants/jwt/did.json", null, null).json().get("verificationMethod");
        String ed25519 = methods.get(0).get("publicKeyMultibase").asText();
        Path rsaJwk = java.nio.file.Files.writeString(data.resolve("rsa-1.jwk"), methods.get(1).get("publicKeyJwk").toString());
        Path eddsa = java.nio.file.Files.writeString(data.resolve("eddsa.jwt"), token(number, ""));
        Path rs256 = java.nio.file.Files.writeString(data.resolve("rs256.jwt"), token(number, "?alg=RS256"));
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        var print = new java.io.PrintWriter(out, true);
        var printErr = new java.io.PrintWriter(err, true);
        assertThat(org.credence.cli.CredenceCli.run(print, printErr, "verify", eddsa.toString(), "--key", ed25519)).as(out + " " + err).isZero();
        assertThat(org.credence.cli.CredenceCli.run(print, printErr, "verify", rs256.toString(), "--key", rsaJwk.toString())).as(out + " " + err).isZero();
        assertThat(out.toString()).contains("RS256 signature of the VC-JWT is valid");
        assertThat(org.credence.cli.CredenceCli.run(print, printErr, "verify", rs256.toString(), "--key",
                methods.get(1).get("publicKeyJwk").toString())).as("the JWK given as JSON text").isZero();
        // offline, with no key given, a did:web key cannot be found: not valid, not a crash
        assertThat(org.credence.cli.CredenceCli.run(print, printErr, "verify", rs256.toString())).isEqualTo(1);
        // the Ed25519 key does not verify the RS256 token
        assertThat(org.credence.cli.CredenceCli.run(print, printErr, "verify", rs256.toString(), "--key", ed25519)).isEqualTo(1);
    }

    @Test
    void a_tampered_or_resigned_token_does_not_verify() throws Exception {
        String token = token(number, "?alg=RS256");
        String[] parts = token.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("Jo Token", "Mallory");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        var report = server.sendBytes("POST", "/api/v1/verify", null, forged.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/jwt");
        assertThat(report.json().get("status").asText()).isEqualTo("invalid");
        assertThat(report.body()).doesNotContain("Mallory");

        // the EdDSA signature under the RSA key's kid: the key found cannot check it
        String eddsa = token(number, "");
        String swapped = parts[0] + "." + eddsa.split("\\.")[1] + "." + eddsa.split("\\.")[2];
        var mismatch = server.sendBytes("POST", "/api/v1/verify", null, swapped.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/jwt");
        assertThat(mismatch.json().get("status").asText()).isEqualTo("invalid");
    }

    @Test
    void a_data_integrity_proof_naming_the_rsa_key_is_refused_not_a_crash() throws Exception {
        JsonNode credential = ServerHarness.JSON.readTree(server.send("GET", "/c/" + number + "/credential.json", null, null).body());
        JsonNode proof = credential.get("proof").isArray() ? credential.get("proof").get(0) : credential.get("proof");
        ((com.fasterxml.jackson.databind.node.ObjectNode) proof).put("verificationMethod",
                credential.get("issuer").get("id").asText() + "#rsa-1");
        var report = server.send("POST", "/api/v1/verify", null, credential.toString());
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().get("status").asText()).isEqualTo("invalid");
        assertThat(report.body()).contains("RSA key");
    }

    @Test
    void private_unknown_and_withdrawn_credentials_have_no_jwt_and_a_bad_alg_is_named() {
        String hidden = CredentialPageTest.issue(server, key, achievement, "Pia Privat", "pia.jwt@example.org").get("number").asText();
        server.sql("UPDATE credential SET visibility = 'private' WHERE number = ?", hidden);
        var privateAnswer = server.send("GET", "/c/" + hidden + "/credential.jwt", null, null);
        var unknownAnswer = server.send("GET", "/c/CRD-0000-0000-00/credential.jwt", null, null);
        assertThat(privateAnswer.status()).isEqualTo(404);
        assertThat(unknownAnswer.status()).isEqualTo(404);
        assertThat(privateAnswer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(privateAnswer.body()).doesNotContain("Pia Privat");

        String revoked = CredentialPageTest.issue(server, key, achievement, "Rolf Revoked", "rolf.jwt@example.org").get("number").asText();
        assertThat(server.send("POST", "/api/v1/credentials/" + revoked + "/revoke", key, "{\"reason\": \"issued in error\"}").status()).isEqualTo(200);
        var revokedAnswer = server.send("GET", "/c/" + revoked + "/credential.jwt?alg=RS256", null, null);
        assertThat(revokedAnswer.status()).isEqualTo(404);
        assertThat(revokedAnswer.json().get("detail").asText()).contains("revoked");

        var badAlg = server.send("GET", "/c/" + number + "/credential.jwt?alg=HS256", null, null);
        assertThat(badAlg.status()).isEqualTo(400);
        assertThat(badAlg.json().get("detail").asText()).contains("EdDSA", "RS256");
        OpenApiContractTest.check("/c/{number}/credential.jwt", "get", badAlg);
        OpenApiContractTest.check("/c/{number}/credential.jwt", "get", revokedAnswer);
        OpenApiContractTest.check("/c/{number}/credential.jwt", "get", server.send("GET", "/c/" + number + "/credential.jwt", null, null));
    }

    @Test
    void the_credential_page_offers_the_rs256_jwt_for_wallets_that_read_jwt() {
        String page = server.send("GET", "/c/" + number, null, null).body();
        assertThat(page).contains("href=\"/c/" + number + "/credential.jwt?alg=RS256\"", "Credential for wallets that read JWT");
        assertThat(server.send("GET", "/c/" + number + "?lang=nb", null, null).body()).contains("Kompetansebevis for lommebøker som leser JWT");
    }

    @Test
    void the_tenant_keeps_one_rsa_key_across_requests_and_restarts() throws Exception {
        String before = part(token(number, "?alg=RS256"), 0).get("kid").asText();
        String jwk = server.send("GET", "/tenants/jwt/did.json", null, null).json().get("verificationMethod").get(1).toString();
        server.restart();
        assertThat(part(token(number, "?alg=RS256"), 0).get("kid").asText()).isEqualTo(before);
        assertThat(server.send("GET", "/tenants/jwt/did.json", null, null).json().get("verificationMethod").get(1).toString()).isEqualTo(jwk);
        int keys = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM rsa_signing_key k JOIN tenant t ON t.id = k.tenant_id WHERE t.slug = 'jwt'").mapTo(Integer.class).one());
        assertThat(keys).isEqualTo(1);
    }

    @Test
    void parallel_first_requests_of_a_new_tenant_agree_on_one_rsa_key() throws Exception {
        String other = server.tenant("jwt-race");
        String raceNumber = CredentialPageTest.issue(server, other, server.achievement(other), "Rita Race", "rita@example.org")
                .get("number").asText();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<String>> moduli = new ArrayList<>();
        List<java.util.concurrent.Future<String>> tokens = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                moduli.add(pool.submit(() -> server.send("GET", "/tenants/jwt-race/did.json", null, null).json()
                        .get("verificationMethod").get(1).get("publicKeyJwk").get("n").asText()));
                tokens.add(pool.submit(() -> token(raceNumber, "?alg=RS256")));
            }
            java.util.Set<String> published = new java.util.HashSet<>();
            for (var modulus : moduli) {
                published.add(modulus.get());
            }
            assertThat(published).hasSize(1);
        } finally {
            pool.shutdown();
        }
        int keys = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM rsa_signing_key k JOIN tenant t ON t.id = k.tenant_id WHERE t.slug = 'jwt-race'").mapTo(Integer.class).one());
        assertThat(keys).isEqualTo(1);
        // every token signed in the race verifies against the one key published
        for (var token : tokens) {
            var report = server.sendBytes("POST", "/api/v1/verify", null, token.get().getBytes(StandardCharsets.UTF_8),
                    "Content-Type", "application/jwt");
            assertThat(report.json().get("status").asText()).isEqualTo("valid");
        }
    }

    private static List<String> values(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }
}
