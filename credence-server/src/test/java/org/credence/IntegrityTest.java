package org.credence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.credence.audit.AuditChain;
import org.credence.cli.CredenceCli;
import org.credence.db.Database;
import org.credence.transparency.TransparencyLog;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing forgeable behind the signature: edits made in the database never change what is shown, and are found. */
class IntegrityTest {
    @TempDir
    Path data;

    private static JsonNode issue(ServerHarness server, String key, long achievement, String name, String email) {
        return CredentialPageTest.issue(server, key, achievement, name, email);
    }

    @Test
    void an_edited_name_column_changes_neither_the_pages_nor_the_api() {
        try (ServerHarness server = new ServerHarness(data)) {
            String key = server.tenant("edited");
            JsonNode issued = issue(server, key, server.achievement(key), "Åse Ødegård", "ase@example.org");
            String number = issued.get("number").asText();

            // an attacker (or a careless script) with database access rewrites the copy of the name beside the signed text
            assertThat(server.sql("UPDATE credential SET recipient_name = ?, issued_at = issued_at - interval '400 days' WHERE number = ?",
                    "Mallory Forger", number)).isEqualTo(1);

            String page = server.send("GET", "/verify/" + number, null, null).body();
            assertThat(page).contains("Åse Ødegård").doesNotContain("Mallory");
            String credentialPage = server.send("GET", "/c/" + number, null, null).body();
            assertThat(credentialPage).contains("Åse Ødegård").doesNotContain("Mallory");
            JsonNode api = server.send("GET", "/api/v1/verify/" + number, null, null).json();
            assertThat(api.at("/signed/recipient").asText()).isEqualTo("Åse Ødegård");
            assertThat(api.get("status").asText()).isEqualTo("valid");
            assertThat(api.toString()).doesNotContain("Mallory");
            // the issuer's own listing shows the signed name too
            assertThat(server.send("GET", "/api/v1/credentials?q=" + number, key, null).body()).doesNotContain("Mallory");
        }
    }

    @Test
    void concurrent_audit_appends_form_one_unbroken_chain_per_tenant() throws Exception {
        try (ServerHarness server = new ServerHarness(data)) {
            String key = server.tenant("chained");
            long achievement = server.achievement(key);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<JsonNode>> issued = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    int n = i;
                    issued.add(pool.submit(() -> issue(server, key, achievement, "Person " + n, "p" + n + "@example.org")));
                }
                // and callers outside a transaction (failed logins, design changes) racing on the installation's own chain
                org.credence.audit.AuditTrail audit = new org.credence.audit.AuditTrail(server.credence.jdbi());
                List<Future<?>> autoCommitted = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    int n = i;
                    autoCommitted.add(pool.submit(() -> server.credence.jdbi().useHandle(h ->
                            audit.record(h, null, "test", "test.append", "n:" + n, null, ServerHarness.JSON.createObjectNode().put("n", n)))));
                }
                for (Future<JsonNode> f : issued) {
                    f.get();
                }
                for (Future<?> f : autoCommitted) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            AuditChain.Walk walk = server.credence.jdbi().withHandle(AuditChain::verify);
            assertThat(walk.broken()).isEmpty();
            assertThat(walk.checked()).isGreaterThanOrEqualTo(66);
            // a fork would show as two entries naming the same predecessor: every hash is distinct and every row is chained
            long unchained = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE hash IS NULL")
                    .mapTo(Long.class).one());
            assertThat(unchained).isZero();
            // the tenant sees each entry's hash, so it can keep the newest one elsewhere as an anchor
            JsonNode newest = server.send("GET", "/api/v1/audit?limit=1", key, null).json().path("items").path(0);
            assertThat(newest.path("hash").asText()).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void entries_from_before_the_chain_are_chained_at_start_but_a_hash_removed_later_is_reported() {
        try (ServerHarness server = new ServerHarness(data)) {
            String key = server.tenant("upgraded");
            server.achievement(key);
            // as a data directory from before the chain: rows without hashes, all older than the chain's origin
            server.sql("UPDATE audit_event SET hash = NULL");
            server.sql("UPDATE audit_chain_origin SET chained_from = (SELECT max(id) + 1 FROM audit_event)");
            server.restart();
            assertThat(server.credence.jdbi().withHandle(AuditChain::verify).broken()).isEmpty();

            server.achievement(key);
            long last = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT max(id) FROM audit_event").mapTo(Long.class).one());
            server.sql("UPDATE audit_event SET hash = NULL WHERE id = ?", last);
            server.restart();
            assertThat(server.credence.jdbi().withHandle(AuditChain::verify).broken()).hasValueSatisfying(broken -> {
                assertThat(broken.id()).isEqualTo(last);
                assertThat(broken.found()).isEqualTo("none");
            });
        }
    }

    @Test
    void a_checkpoint_is_stored_once_per_size_and_a_rewritten_log_stops_the_next_start() {
        ServerHarness server = new ServerHarness(data);
        JsonNode first;
        try (server) {
            String key = server.tenant("logged");
            long achievement = server.achievement(key);
            issue(server, key, achievement, "Ann", "ann@example.org");
            issue(server, key, achievement, "Bob", "bob@example.org");
            first = server.send("GET", "/transparency/logged/checkpoint", null, null).json();
            JsonNode again = server.send("GET", "/transparency/logged/checkpoint", null, null).json();
            assertThat(again.get("signedNote").asText()).isEqualTo(first.get("signedNote").asText());
            assertThat(first.get("treeSize").asLong()).isEqualTo(2);
            // after a key rotation the same size is signed again by the new key, with the same root, and both notes are kept
            assertThat(server.send("POST", "/api/v1/signing-keys/rotate", key, null).status()).isEqualTo(201);
            JsonNode rotated = server.send("GET", "/transparency/logged/checkpoint", null, null).json();
            assertThat(rotated.get("verificationMethod").asText()).isNotEqualTo(first.get("verificationMethod").asText());
            assertThat(rotated.get("rootHash").asText()).isEqualTo(first.get("rootHash").asText());
            long notes = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM transparency_checkpoint WHERE tree_size = 2")
                    .mapTo(Long.class).one());
            assertThat(notes).isEqualTo(2);
            assertThat(server.sql("UPDATE transparency_leaf SET leaf_hash = ? WHERE idx = 1 AND tenant_id = (SELECT id FROM tenant WHERE slug = 'logged')",
                    new byte[32])).isEqualTo(1);
        }
        // the start that would sign a second root for size 2 refuses, naming the size and both roots
        assertThatThrownBy(server::start)
                .isInstanceOf(TransparencyLog.RewrittenLog.class)
                .hasMessageContaining("tenant 'logged'")
                .hasMessageContaining("tree size 2")
                .hasMessageContaining(first.get("rootHash").asText());
    }

    @Test
    void an_inclusion_proof_carries_the_entry_its_leaf_hashes() throws Exception {
        try (ServerHarness server = new ServerHarness(data)) {
            String key = server.tenant("proofs");
            JsonNode issued = issue(server, key, server.achievement(key), "Cleo", "cleo@example.org");
            String number = issued.get("number").asText();
            JsonNode proof = server.send("GET", "/transparency/proofs/inclusion/" + number, null, null).json();
            String entry = proof.get("entry").asText();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((byte) 0);
            assertThat(Base64.getEncoder().encodeToString(sha.digest(entry.getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo(proof.get("leafHash").asText());
            JsonNode leaf = ServerHarness.JSON.readTree(entry);
            assertThat(leaf.get("type").asText()).isEqualTo("issue");
            assertThat(leaf.get("number").asText()).isEqualTo(number);
            assertThat(leaf.get("credential").asText()).isEqualTo(issued.get("id").asText());
            String served = server.send("GET", "/c/" + number + "/credential.json", null, null).body();
            assertThat(leaf.get("documentSha256").asText()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(served.strip().getBytes(StandardCharsets.UTF_8))));

            // a revocation is a leaf of its own
            server.send("POST", "/api/v1/credentials/" + number + "/revoke", key, "{\"reason\":\"issued in error\"}");
            long leaves = server.credence.jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM transparency_leaf WHERE entry LIKE '%\"type\":\"revoke\"%'").mapTo(Long.class).one());
            assertThat(leaves).isEqualTo(1);
        }
    }

    @Test
    void audit_verify_passes_an_intact_installation_and_names_each_kind_of_tampering() {
        String number;
        try (ServerHarness server = new ServerHarness(data)) {
            String key = server.tenant("audited");
            long achievement = server.achievement(key);
            number = issue(server, key, achievement, "Dana", "dana@example.org").get("number").asText();
            issue(server, key, achievement, "Eli", "eli@example.org");
            server.send("POST", "/api/v1/credentials/" + number + "/suspend", key, "{\"reason\":\"under review\"}");
            assertThat(server.send("GET", "/transparency/audited/checkpoint", null, null).status()).isEqualTo(200);
            // while the server owns the data directory, the check says so instead of touching it
            Cli running = cli();
            assertThat(running.exit()).isEqualTo(2);
            assertThat(running.out()).contains("another Credence is running");
        }
        Cli intact = cli();
        assertThat(intact.exit()).as(intact.out()).isZero();
        assertThat(intact.out()).contains("OK: audit trail").contains("3 leaves").contains("2 credentials").contains("1 signed checkpoints");

        // an audit row edited: its hash no longer matches
        long auditId = withDatabase(h -> h.createQuery("SELECT max(id) FROM audit_event WHERE action = 'credential.suspend'").mapTo(Long.class).one());
        String actor = withDatabase(h -> h.createQuery("SELECT actor FROM audit_event WHERE id = " + auditId).mapTo(String.class).one());
        execute("UPDATE audit_event SET actor = 'someone-else' WHERE id = " + auditId);
        assertThat(cli()).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("audit_event row id " + auditId).contains("expected hash").contains("found");
        });
        execute("UPDATE audit_event SET actor = '" + actor + "' WHERE id = " + auditId);
        assertThat(cli().exit()).isZero();

        // a transparency leaf's entry edited
        execute("UPDATE transparency_leaf SET entry = replace(entry, '\"suspend\"', '\"reinstate\"') WHERE entry LIKE '%\"suspend\"%'");
        assertThat(cli()).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("transparency_leaf").contains("idx 2").contains("expected leaf_hash");
        });
        execute("UPDATE transparency_leaf SET entry = replace(entry, '\"reinstate\"', '\"suspend\"') WHERE idx = 2");
        assertThat(cli().exit()).isZero();

        // the signed credential's stored text edited
        execute("UPDATE credential SET document_text = replace(document_text, 'Dana', 'Dina') WHERE number = '" + number + "'");
        assertThat(cli()).satisfies(r -> {
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("credential").contains(number).contains("document_text");
        });
    }

    @Test
    void audit_verify_finds_nothing_wrong_with_a_demo_installation() {
        try (ServerHarness server = new ServerHarness(data)) {
            server.credence.loadDemo(new org.credence.demo.SimulationSettings(7, 120, 2, java.time.LocalDate.of(2026, 11, 1)));
            String key = server.tenant("alongside");
            String number = issue(server, key, server.achievement(key), "Fay", "fay@example.org").get("number").asText();
            server.send("POST", "/api/v1/credentials/" + number + "/suspend", key, "{\"reason\":\"check\"}");
            server.send("POST", "/api/v1/credentials/" + number + "/reinstate", key, "{\"reason\":\"checked\"}");
            server.send("GET", "/transparency/alongside/checkpoint", null, null);
        }
        Cli result = cli();
        assertThat(result.exit()).as(result.out()).isZero();
        assertThat(result.out()).contains("OK: transparency logs");
    }

    private void execute(String statement) {
        withDatabase(h -> h.execute(statement));
    }

    private <T> T withDatabase(org.jdbi.v3.core.HandleCallback<T, RuntimeException> callback) {
        try (Database database = Database.open(Optional.empty(), data, false)) {
            return database.jdbi().withHandle(callback);
        }
    }

    record Cli(int exit, String out) {}

    private Cli cli() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CredenceCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "audit", "verify", "--data", data.toString());
        return new Cli(exit, out + err.toString());
    }
}
