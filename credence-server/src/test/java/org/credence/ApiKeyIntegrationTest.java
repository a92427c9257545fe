package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.credence.tenant.ApiKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys a tenant manages itself, their scopes on every kind of route, over real HTTP with a clock the test moves. */
@Tag("integration")
class ApiKeyIntegrationTest {
    @TempDir
    static Path data;
    static SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    static ServerHarness server;
    static String acme;
    static String globex;
    static long achievement;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data, clock);
        acme = server.tenant("acme");
        globex = server.tenant("globex");
        achievement = server.achievement(acme);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode create(String key, String label, String... scopes) {
        var created = server.send("POST", "/api/v1/api-keys", key, body(label, scopes));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    static String body(String label, String... scopes) {
        return "{\"label\": \"" + label + "\", \"scopes\": [" + String.join(", ", List.of(scopes).stream().map(s -> "\"" + s + "\"").toList()) + "]}";
    }

    static JsonNode listed(String key, String prefix) {
        for (JsonNode item : server.send("GET", "/api/v1/api-keys", key, null).json().get("items")) {
            if (item.get("prefix").asText().equals(prefix)) {
                return item;
            }
        }
        return null;
    }

    static String issueBody(String email) {
        return "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"Kari\", \"email\": \"" + email + "\"}}";
    }

    @Test
    void a_created_key_is_shown_once_and_listed_with_its_label_and_scopes_but_never_its_secret() {
        JsonNode created = create(acme, "Moodle LMS", "issue");
        String secret = created.get("key").asText();
        String prefix = created.get("prefix").asText();
        assertThat(secret).startsWith("crd_" + prefix + "_");
        JsonNode item = listed(acme, prefix);
        assertThat(item.get("label").asText()).isEqualTo("Moodle LMS");
        assertThat(item.get("scopes").toString()).isEqualTo("[\"issue\"]");
        assertThat(item.get("createdAt").asText()).isNotEmpty();
        assertThat(item.get("lastUsedAt").isNull()).isTrue();
        assertThat(server.send("GET", "/api/v1/api-keys", acme, null).body()).doesNotContain(secret.substring(17));
        var audit = server.send("GET", "/api/v1/audit", acme, null);
        assertThat(audit.json().get("items").findValuesAsText("action")).contains("api-key.create");
        assertThat(audit.body()).contains("api-key:crd_" + prefix).doesNotContain(secret.substring(17));
    }

    @Test
    void each_route_asks_for_its_own_scope_and_no_scope_implies_another() {
        String issueOnly = create(acme, "issuer", "issue").get("key").asText();
        String readOnly = create(acme, "reader", "read").get("key").asText();
        String analyticsOnly = create(acme, "dashboard", "analytics").get("key").asText();
        String adminOnly = create(acme, "key manager", "admin").get("key").asText();

        assertThat(server.send("POST", "/api/v1/credentials", issueOnly, issueBody("scoped@example.org")).status()).isEqualTo(201);
        assertThat(server.send("GET", "/api/v1/credentials", issueOnly, null).status()).isEqualTo(403);
        var refused = server.send("GET", "/api/v1/analytics/engagement", issueOnly, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("'analytics'");
        assertThat(server.send("GET", "/api/v1/api-keys", issueOnly, null).status()).isEqualTo(403);

        assertThat(server.send("GET", "/api/v1/credentials", readOnly, null).status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/achievements", readOnly, null).status()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/credentials", readOnly, issueBody("reader@example.org")).status()).isEqualTo(403);
        assertThat(server.send("GET", "/api/v1/analytics/engagement", readOnly, null).status()).isEqualTo(403);

        assertThat(server.send("GET", "/api/v1/analytics/engagement", analyticsOnly, null).status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/credentials", analyticsOnly, null).status()).isEqualTo(403);
        assertThat(server.send("GET", "/api/v1/audit", analyticsOnly, null).status()).isEqualTo(403);

        assertThat(server.send("GET", "/api/v1/audit", adminOnly, null).status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/api-keys", adminOnly, null).status()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/credentials", adminOnly, issueBody("admin@example.org")).status()).isEqualTo(403);
        assertThat(server.send("GET", "/api/v1/analytics/engagement", adminOnly, null).status()).isEqualTo(403);
    }

    @Test
    void a_key_cannot_grant_a_scope_it_lacks_by_creating_or_by_rotating() {
        String adminOnly = create(acme, "key manager", "admin").get("key").asText();
        var escalation = server.send("POST", "/api/v1/api-keys", adminOnly, body("sneaky", "admin", "issue"));
        assertThat(escalation.status()).isEqualTo(403);
        assertThat(escalation.json().get("detail").asText()).contains("'issue'");
        assertThat(create(adminOnly, "second key manager", "admin").get("scopes").toString()).isEqualTo("[\"admin\"]");

        String fullPrefix = create(acme, "full", "issue", "read", "analytics", "admin").get("prefix").asText();
        assertThat(server.send("POST", "/api/v1/api-keys/" + fullPrefix + "/rotate", adminOnly, null).status()).isEqualTo(403);
        assertThat(listed(acme, fullPrefix).has("replacedBy")).isFalse();
    }

    @Test
    void scopes_and_label_are_checked_and_the_problem_names_the_field() {
        var unknown = server.send("POST", "/api/v1/api-keys", acme, body("x", "superuser"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("field").asText()).isEqualTo("scopes");
        assertThat(server.send("POST", "/api/v1/api-keys", acme, body("x")).status()).isEqualTo(422);
        var unlabelled = server.send("POST", "/api/v1/api-keys", acme, "{\"scopes\": [\"read\"]}");
        assertThat(unlabelled.status()).isEqualTo(422);
        assertThat(unlabelled.json().get("field").asText()).isEqualTo("label");
        assertThat(server.send("POST", "/api/v1/api-keys", acme, body("x\\u0000y", "read")).status()).isEqualTo(422);
    }

    @Test
    void one_tenants_admin_key_can_neither_list_nor_revoke_nor_rotate_another_tenants_keys() {
        String acmePrefix = create(acme, "acme integration", "read").get("prefix").asText();
        String firstAcmePrefix = acme.substring(4, 16);
        var globexList = server.send("GET", "/api/v1/api-keys", globex, null);
        assertThat(globexList.status()).isEqualTo(200);
        assertThat(globexList.body()).doesNotContain(acmePrefix).doesNotContain(firstAcmePrefix).contains(globex.substring(4, 16));
        for (String prefix : List.of(acmePrefix, firstAcmePrefix)) {
            assertThat(server.send("POST", "/api/v1/api-keys/" + prefix + "/revoke", globex, null).status()).isEqualTo(404);
            assertThat(server.send("POST", "/api/v1/api-keys/" + prefix + "/rotate", globex, null).status()).isEqualTo(404);
        }
        assertThat(listed(acme, acmePrefix)).isNotNull();
        assertThat(server.send("GET", "/api/v1/achievements", acme, null).status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/api-keys", ServerHarness.ADMIN_KEY, null).status())
                .as("the installation administrator key has no tenant of its own").isEqualTo(403);
    }

    @Test
    void a_revoked_key_is_refused_and_gone_from_the_list() {
        JsonNode created = create(acme, "old script", "read");
        String key = created.get("key").asText();
        String prefix = created.get("prefix").asText();
        assertThat(server.send("GET", "/api/v1/achievements", key, null).status()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/api-keys/" + prefix + "/revoke", acme, null).status()).isEqualTo(204);
        var refused = server.send("GET", "/api/v1/achievements", key, null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(listed(acme, prefix)).isNull();
        assertThat(server.send("POST", "/api/v1/api-keys/" + prefix + "/revoke", acme, null).status()).isEqualTo(404);
        assertThat(server.send("POST", "/api/v1/api-keys/" + prefix.toUpperCase() + "%C3%A6/revoke", acme, null).status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/audit", acme, null).json().get("items").findValuesAsText("subject")).contains("api-key:crd_" + prefix);
    }

    @Test
    void a_key_revoked_by_another_process_is_refused_once_the_remembered_answer_lapses() throws InterruptedException {
        JsonNode created = create(acme, "script on another node", "read");
        String key = created.get("key").asText();
        assertThat(server.send("GET", "/api/v1/achievements", key, null).status()).as("authenticated, so remembered").isEqualTo(200);
        // another Credence process on the same database revokes it: this one hears nothing and must find out by itself
        server.sql("UPDATE api_key SET revoked_at = 'epoch' WHERE prefix = ?", created.get("prefix").asText());
        Thread.sleep(ApiKeys.REMEMBER.toMillis() + 50);
        assertThat(server.send("GET", "/api/v1/achievements", key, null).status()).isEqualTo(401);
    }

    @Test
    void a_key_used_just_before_it_is_revoked_here_is_refused_at_once() {
        JsonNode created = create(acme, "busy script", "read");
        String key = created.get("key").asText();
        for (int i = 0; i < 3; i++) {
            assertThat(server.send("GET", "/api/v1/achievements", key, null).status()).isEqualTo(200);
        }
        assertThat(server.send("POST", "/api/v1/api-keys/" + created.get("prefix").asText() + "/revoke", acme, null).status()).isEqualTo(204);
        assertThat(server.send("GET", "/api/v1/achievements", key, null).status()).isEqualTo(401);
    }

    @Test
    void rotation_keeps_label_and_scopes_and_ends_the_old_key_at_once_or_after_its_grace() {
        JsonNode first = create(acme, "rotating LMS", "issue", "read");
        JsonNode rotated = server.send("POST", "/api/v1/api-keys/" + first.get("prefix").asText() + "/rotate", acme, null).json();
        assertThat(rotated.get("label").asText()).isEqualTo("rotating LMS");
        assertThat(rotated.get("scopes").toString()).isEqualTo("[\"issue\",\"read\"]");
        assertThat(server.send("GET", "/api/v1/achievements", first.get("key").asText(), null).status()).isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/achievements", rotated.get("key").asText(), null).status()).isEqualTo(200);

        var graced = server.send("POST", "/api/v1/api-keys/" + rotated.get("prefix").asText() + "/rotate", acme, "{\"graceSeconds\": 3600}");
        assertThat(graced.status()).isEqualTo(201);
        String oldKey = rotated.get("key").asText();
        assertThat(server.send("GET", "/api/v1/achievements", oldKey, null).status()).as("still in its grace").isEqualTo(200);
        JsonNode old = listed(acme, rotated.get("prefix").asText());
        assertThat(old.get("replacedBy").asText()).isEqualTo(graced.json().get("prefix").asText());
        assertThat(old.get("expiresAt").asText()).isNotEmpty();
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(server.send("GET", "/api/v1/achievements", oldKey, null).status()).isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/achievements", graced.json().get("key").asText(), null).status()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/api-keys/" + first.get("prefix").asText() + "/rotate", acme, "{\"graceSeconds\": 86401}").status())
                .isEqualTo(422);
        assertThat(server.send("GET", "/api/v1/audit", acme, null).json().get("items").findValuesAsText("action")).contains("api-key.rotate");
    }

    @Test
    void last_use_is_written_at_most_once_a_minute() {
        JsonNode created = create(acme, "busy client", "read");
        String key = created.get("key").asText();
        String prefix = created.get("prefix").asText();
        server.send("GET", "/api/v1/achievements", key, null);
        String firstUse = listed(acme, prefix).get("lastUsedAt").asText();
        assertThat(Instant.parse(firstUse)).isEqualTo(clock.instant());
        clock.advance(Duration.ofSeconds(30));
        server.send("GET", "/api/v1/achievements", key, null);
        assertThat(listed(acme, prefix).get("lastUsedAt").asText()).isEqualTo(firstUse);
        clock.advance(Duration.ofSeconds(31));
        server.send("GET", "/api/v1/achievements", key, null);
        assertThat(Instant.parse(listed(acme, prefix).get("lastUsedAt").asText())).isEqualTo(clock.instant());
    }

    @Test
    void a_tenants_last_admin_key_cannot_be_revoked() {
        String tenantKey = server.tenant("solo");
        String prefix = tenantKey.substring(4, 16);
        var refused = server.send("POST", "/api/v1/api-keys/" + prefix + "/revoke", tenantKey, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("last key with the admin scope");
        String second = create(tenantKey, "second admin", "admin").get("key").asText();
        assertThat(server.send("POST", "/api/v1/api-keys/" + prefix + "/revoke", second, null).status()).isEqualTo(204);
    }

    @Test
    void keys_that_held_admin_before_scopes_stopped_implying_each_other_keep_every_scope() throws Exception {
        String tenantKey = server.tenant("legacy");
        String prefix = tenantKey.substring(4, 16);
        server.sql("UPDATE api_key SET scopes = ARRAY['admin'] WHERE prefix = ?", prefix);
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V18__api_key_scopes_idempotency_throttle.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // the migration's first statement, on a key as it was stored before it
        server.sql(migration.substring(migration.indexOf("UPDATE api_key"), migration.indexOf(';', migration.indexOf("UPDATE api_key"))));
        assertThat(listed(tenantKey, prefix).get("scopes").toString()).isEqualTo("[\"admin\",\"analytics\",\"issue\",\"read\"]");
        assertThat(server.send("GET", "/api/v1/analytics/engagement", tenantKey, null).status()).isEqualTo(200);
    }

    @Test
    void the_cli_creates_lists_and_revokes_keys() {
        String url = server.base();
        var created = ServerIntegrationTest.cli("api-key", "create", "--label", "CLI made", "--scope", "issue,read", "--server", url, "--api-key", acme);
        assertThat(created.exit()).as(created.err()).isZero();
        String key = created.out().lines().findFirst().orElseThrow();
        assertThat(key).startsWith("crd_");
        String prefix = key.substring(4, 16);
        var list = ServerIntegrationTest.cli("api-key", "list", "--server", url, "--api-key", acme);
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains(prefix).contains("issue,read").contains("CLI made").doesNotContain(key.substring(17));
        var revoked = ServerIntegrationTest.cli("api-key", "revoke", prefix, "--server", url, "--api-key", acme);
        assertThat(revoked.exit()).as(revoked.err()).isZero();
        assertThat(server.send("GET", "/api/v1/achievements", key, null).status()).isEqualTo(401);
        var refused = ServerIntegrationTest.cli("api-key", "list", "--server", url, "--api-key", key);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("unknown or revoked");
        List<String> lines = new ArrayList<>(ServerIntegrationTest.cli("api-key", "list", "--server", url, "--api-key", acme).out().lines().toList());
        assertThat(lines).noneMatch(l -> l.startsWith(prefix));
    }
}
