package org.credence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.credence.standards.jwt.PublicKeyMaterial;
import org.credence.standards.keys.Ed25519PublicKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent JWT library verifies our VC-JWTs: the {@code jose} npm package, installed with npm
 * into {@code target/} when the test runs, takes the key its {@code kid} names in the tenant's DID
 * document and checks signature, {@code typ}, {@code iss} and dates. Needs node and npm (and the npm
 * registry once); without node it is skipped, except under {@code CI=true}, where it fails.
 */
@Tag("integration")
class JoseInteropTest {
    /** The version in the package lists this was written against; pinned so the check is repeatable. */
    static final String JOSE = "jose@6.2.17";
    static final Path WORK = Path.of("target", "jose-interop");

    @TempDir
    static Path data;
    static ServerHarness server;

    @BeforeAll
    static void start() throws Exception {
        requireNode();
        installJose();
        server = new ServerHarness(data);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void jose_verifies_the_eddsa_and_rs256_tokens_with_the_keys_of_the_did_document_and_refuses_a_tampered_one() throws Exception {
        String key = server.tenant("jose");
        long achievement = server.achievement(key);
        String number = CredentialPageTest.issue(server, key, achievement, "Nora Node", "nora.node@example.org").get("number").asText();
        String eddsa = CredentialJwtTest.token(server, number, "");
        String rs256 = CredentialJwtTest.token(server, number, "?alg=RS256");
        String[] parts = rs256.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];

        JsonNode did = server.send("GET", "/tenants/jose/did.json", null, null).json();
        ObjectNode input = ServerHarness.JSON.createObjectNode();
        input.put("didUrl", server.base() + "/tenants/jose/did.json");
        input.put("issuer", did.get("id").asText());
        ObjectNode multikeys = input.putObject("multikeyJwks");
        for (JsonNode method : did.get("verificationMethod")) {
            if (method.get("type").asText().equals("Multikey")) {
                // jose reads JWKs, not multibase: the same Ed25519 key, re-encoded
                multikeys.set(method.get("id").asText(),
                        PublicKeyMaterial.ed25519(Ed25519PublicKey.fromMultibase(method.get("publicKeyMultibase").asText())).jwk());
            }
        }
        ObjectNode tokens = input.putObject("tokens");
        tokens.putObject("eddsa").put("alg", "EdDSA").put("token", eddsa);
        tokens.putObject("rs256").put("alg", "RS256").put("token", rs256);
        tokens.putObject("tampered").put("alg", "RS256").put("token", tampered);
        Path inputFile = WORK.resolve("input-" + number + ".json");
        Files.writeString(inputFile, input.toString());

        JsonNode results = ServerHarness.JSON.readTree(run(List.of("node", "verify.mjs", inputFile.getFileName().toString())));
        String credentialId = ServerHarness.JSON.readTree(server.send("GET", "/c/" + number + "/credential.json", null, null).body()).get("id").asText();
        for (String name : List.of("eddsa", "rs256")) {
            JsonNode result = results.get(name);
            assertThat(result.get("verified").asBoolean()).as(name + ": " + result).isTrue();
            assertThat(result.get("jti").asText()).isEqualTo(credentialId);
            assertThat(result.get("vcId").asText()).isEqualTo(credentialId);
        }
        assertThat(results.get("eddsa").get("alg").asText()).isEqualTo("EdDSA");
        assertThat(results.get("eddsa").get("kid").asText()).isEqualTo(did.get("id").asText() + "#key-1");
        assertThat(results.get("rs256").get("alg").asText()).isEqualTo("RS256");
        assertThat(results.get("rs256").get("kid").asText()).isEqualTo(did.get("id").asText() + "#rsa-1");
        assertThat(results.get("tampered").get("verified").asBoolean()).isFalse();
        assertThat(results.get("tampered").get("code").asText()).isEqualTo("ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
    }

    @Test
    void a_missing_node_or_npm_is_named_so_ci_can_fail_on_it() {
        assertThat(missingTools("credence-test-no-such-node", "npm")).isEqualTo("credence-test-no-such-node is not installed");
        assertThat(missingTools("node", "credence-test-no-such-npm")).isEqualTo("credence-test-no-such-npm is not installed");
        assertThat(missingTools("node", "npm")).isNull();
    }

    /** Skips without node 20+ and npm, except under CI=true, where a skipped interop check would pass unnoticed. */
    private static void requireNode() {
        String missing = missingTools("node", "npm");
        if (missing != null) {
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            if (ci) {
                fail(missing + ", and under CI=true the jose interoperability test must run, not skip: install Node.js 20+ and npm");
            }
            Assumptions.abort(missing + ": the jose interoperability test needs Node.js 20+ and npm");
        }
    }

    /** What is missing of node (20 or newer: jose uses its global WebCrypto) and npm; null when both are there. */
    static String missingTools(String node, String npm) {
        String version = output(node, "--version");
        if (version == null) {
            return node + " is not installed";
        }
        java.util.regex.Matcher major = java.util.regex.Pattern.compile("^v(\\d+)\\.").matcher(version.strip());
        if (!major.find() || Integer.parseInt(major.group(1)) < 20) {
            return node + " " + version.strip() + " is older than Node.js 20";
        }
        return output(npm, "--version") == null ? npm + " is not installed" : null;
    }

    /** A command's standard output, or null when it cannot be run or fails. */
    private static String output(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code npm install jose} into target/jose-interop, once: a later run finds it there. */
    private static void installJose() throws IOException {
        Files.createDirectories(WORK);
        try (InputStream script = JoseInteropTest.class.getResourceAsStream("/jose-interop/verify.mjs")) {
            Files.write(WORK.resolve("verify.mjs"), script.readAllBytes());
        }
        Path installed = WORK.resolve("node_modules/jose/package.json");
        String version = JOSE.substring(JOSE.indexOf('@') + 1);
        if (Files.exists(installed) && ServerHarness.JSON.readTree(installed.toFile()).path("version").asText().equals(version)) {
            return;
        }
        Files.writeString(WORK.resolve("package.json"), "{\"private\": true, \"description\": \"Credence test: jose verifies our VC-JWTs\"}\n");
        run(List.of("npm", "install", "--no-audit", "--no-fund", "--no-package-lock", "--save=false", JOSE));
    }

    /** Runs a command in target/jose-interop; its standard output, or a failure with everything it printed. */
    private static String run(List<String> command) throws IOException {
        Path errors = WORK.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(WORK.toFile()).redirectError(errors.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            // a guard against a hung registry, not a timing assertion
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + out + "\n" + Files.readString(errors));
        }
        return out;
    }
}
