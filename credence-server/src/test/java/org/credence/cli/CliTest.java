package org.credence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keygen, sign and verify end to end, through the same entry point the launcher runs. */
class CliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String UNSIGNED = """
            {"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "id": "urn:uuid:4f1c0a34-1e7d-4c0e-9c55-3b1c2e1d0a77",
             "type": ["VerifiableCredential", "OpenBadgeCredential"],
             "issuer": {"id": "ISSUER", "type": ["Profile"], "name": "Acme Academy"},
             "validFrom": "2025-01-01T00:00:00Z",
             "name": "Teamwork",
             "credentialSubject": {"type": ["AchievementSubject"],
               "identifier": [{"type": "IdentityObject", "identityHash": "sha256$00", "identityType": "emailAddress", "hashed": true, "salt": "s"}],
               "achievement": {"id": "https://acme.example/a/1", "type": ["Achievement"], "name": "Teamwork", "description": "Works well in a team.", "criteria": {"narrative": "Work in a team."}}}}
            """;

    @TempDir
    Path dir;
    Path keyFile;
    String issuer;

    record Run(int exit, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CredenceCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void keygen() throws IOException {
        Run run = cli("keygen");
        assertThat(run.exit()).isZero();
        JsonNode key = JSON.readTree(run.out());
        assertThat(key.get("id").asText()).startsWith("did:key:z6Mk");
        assertThat(key.get("secretKeyMultibase").asText()).startsWith("z3u2");
        keyFile = Files.writeString(dir.resolve("key.json"), run.out());
        issuer = key.get("id").asText();
    }

    Path signed() throws IOException {
        Path unsigned = Files.writeString(dir.resolve("unsigned.json"), UNSIGNED.replace("ISSUER", issuer));
        Run run = cli("sign", "--key", keyFile.toString(), "--created", "2025-01-01T00:00:00Z", unsigned.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        return Files.writeString(dir.resolve("signed.json"), run.out());
    }

    @Test
    void a_signed_credential_verifies_with_exit_code_zero() throws IOException {
        Run run = cli("verify", signed().toString());
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).startsWith("VALID");
    }

    @Test
    void a_tampered_credential_exits_one_naming_the_failed_check() throws IOException {
        ObjectNode credential = (ObjectNode) JSON.readTree(signed().toFile());
        credential.put("name", "Leadership");
        Path tampered = Files.writeString(dir.resolve("tampered.json"), credential.toString());
        Run run = cli("verify", tampered.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("INVALID").contains("FAIL  Signature");
    }

    @Test
    void a_type_added_after_signing_exits_one_naming_the_undefined_type() throws IOException {
        ObjectNode credential = (ObjectNode) JSON.readTree(signed().toFile());
        ((com.fasterxml.jackson.databind.node.ArrayNode) credential.get("type")).add("InvalidType");
        Path forged = Files.writeString(dir.resolve("forged.json"), credential.toString());
        Run run = cli("verify", forged.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("INVALID").contains("'InvalidType'");
        Run json = cli("verify", "--json", forged.toString());
        assertThat(JSON.readTree(json.out()).get("checks").toString()).contains("UNDEFINED_TERM");
    }

    @Test
    void json_output_carries_status_and_every_check() throws IOException {
        Run run = cli("verify", "--json", signed().toString());
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("status").asText()).isEqualTo("valid");
        assertThat(report.get("checks")).hasSize(8);
    }

    @Test
    void input_that_is_not_a_credential_exits_two_with_a_message() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        Run run = cli("verify", text.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("not a credential");
        Run missing = cli("verify", dir.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void signing_refuses_bad_input_without_a_stack_trace() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"@context\": [");
        Run run = cli("sign", "--key", keyFile.toString(), broken.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("not valid JSON").doesNotContain("Exception");
        Path undefined = Files.writeString(dir.resolve("undefined.json"), UNSIGNED.replace("ISSUER", issuer).replace("\"name\": \"Teamwork\",", "\"colour\": \"blue\","));
        Run refused = cli("sign", "--key", keyFile.toString(), undefined.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("colour");
        Run badDate = cli("sign", "--key", keyFile.toString(), "--created", "yesterday", broken.toString());
        assertThat(badDate.exit()).isEqualTo(2);
    }

    @Test
    void a_given_key_verifies_a_credential_whose_method_is_not_a_did_key() throws IOException {
        Path unsigned = Files.writeString(dir.resolve("unsigned.json"), UNSIGNED.replace("ISSUER", "https://acme.example/issuer"));
        Run signed = cli("sign", "--key", keyFile.toString(), "--verification-method", "https://acme.example/issuer#key-1", unsigned.toString());
        Path file = Files.writeString(dir.resolve("signed.json"), signed.out());
        assertThat(cli("verify", file.toString()).exit()).isEqualTo(1);
        String publicKey = issuer.substring("did:key:".length());
        Run run = cli("verify", file.toString(), "--key", publicKey);
        assertThat(run.exit()).as(run.out()).isZero();
    }

    @Test
    void serveDemoRefusesAnImpossibleSimulationBeforeStartingAnything() {
        Run run = cli("serve", "--demo", "--recipients", "0", "--data", dir.resolve("data").toString());
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("recipients must be between 1 and 10,000,000, not 0");
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
