package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/v1/credentials (filters, cursor paging) and GET /api/v1/credentials/{id}. */
@Tag("integration")
class CredentialListingTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static String acme;
    static String globex;
    static long first;
    static long second;
    static List<JsonNode> issued = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        acme = server.tenant("acme");
        globex = server.tenant("globex");
        first = server.achievement(acme);
        second = server.achievement(acme);
        for (int i = 0; i < 7; i++) {
            String issuedAt = "2025-0" + (i + 1) + "-15T10:00:00Z";
            // the last one has already expired
            issued.add(issue(i < 5 ? first : second, "r" + i + "@example.org", issuedAt, i == 6 ? "2025-08-01T00:00:00Z" : null));
        }
        server.send("POST", "/api/v1/credentials/" + issued.get(1).get("id").asText() + "/revoke", acme, "{\"reason\": \"test\"}");
        server.achievement(globex);
    }

    static JsonNode issue(long achievement, String email, String issuedAt, String expiresAt) {
        var response = server.send("POST", "/api/v1/credentials", acme, "{\"achievementId\": " + achievement
                + ", \"recipient\": {\"name\": \"R\", \"email\": \"" + email + "\"}, \"issuedAt\": \"" + issuedAt + "\""
                + (expiresAt == null ? "" : ", \"expiresAt\": \"" + expiresAt + "\"") + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode list(String key, String query) {
        var response = server.send("GET", "/api/v1/credentials" + query, key, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Each item's own field, not the same name deeper inside the credential. */
    static List<String> top(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.get(field).asText()));
        return values;
    }

    @Test
    void pages_of_two_walk_every_credential_once_newest_first() {
        List<String> seen = new ArrayList<>();
        String query = "?limit=2";
        int pages = 0;
        while (true) {
            JsonNode page = list(acme, query);
            page.get("items").forEach(item -> seen.add(item.get("id").asText()));
            pages++;
            if (page.get("next").isNull()) {
                break;
            }
            query = "?limit=2&cursor=" + page.get("next").asText();
        }
        List<String> expected = new ArrayList<>();
        issued.forEach(c -> expected.add(0, c.get("id").asText()));
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void filters_select_by_achievement_status_dates_and_recipient() {
        assertThat(list(acme, "?achievementId=" + second).get("items")).hasSize(2);
        JsonNode revoked = list(acme, "?status=revoked").get("items");
        assertThat(revoked).hasSize(1);
        assertThat(revoked.get(0).get("id").asText()).isEqualTo(issued.get(1).get("id").asText());
        assertThat(list(acme, "?status=active").get("items")).hasSize(5);
        assertThat(list(acme, "?status=suspended").get("items")).isEmpty();
        assertThat(top(list(acme, "?status=expired").get("items"), "id")).containsExactly(issued.get(6).get("id").asText());
        assertThat(top(list(acme, "?issuedAfter=2025-03-15T10:00:00Z&issuedBefore=2025-05-15").get("items"), "id"))
                .containsExactly(issued.get(3).get("id").asText(), issued.get(2).get("id").asText());
        assertThat(top(list(acme, "?recipientEmail=R4@Example.org").get("items"), "number"))
                .containsExactly(issued.get(4).get("number").asText());
        JsonNode item = list(acme, "?recipientEmail=r0@example.org").get("items").get(0);
        assertThat(item.has("verifyUrl")).isTrue();
        assertThat(item.get("credential").get("proof").isArray()).isTrue();
    }

    @Test
    void one_credential_reads_by_id_or_number_in_the_issuance_shape() {
        JsonNode expected = issued.get(0);
        JsonNode byId = server.send("GET", "/api/v1/credentials/" + expected.get("id").asText(), acme, null).json();
        assertThat(byId).isEqualTo(expected);
        var byNumber = server.send("GET", "/api/v1/credentials/" + expected.get("number").asText().toLowerCase(), acme, null);
        assertThat(byNumber.json()).isEqualTo(expected);
        assertThat(server.send("GET", "/api/v1/credentials/not-a-credential", acme, null).status()).isEqualTo(404);
    }

    @Test
    void bad_parameters_get_a_problem_naming_the_parameter() {
        for (String[] bad : new String[][] {{"?limit=201", "limit"}, {"?limit=0", "limit"}, {"?status=gone", "status"},
                {"?achievementId=x", "achievementId"}, {"?issuedAfter=yesterday", "issuedAfter"}, {"?cursor=%21%21", "cursor"},
                {"?issuedAfter=2025-02-01&issuedBefore=2025-01-01", "issuedBefore"}}) {
            var response = server.send("GET", "/api/v1/credentials" + bad[0], acme, null);
            assertThat(response.status()).as(bad[0]).isEqualTo(422);
            assertThat(response.json().get("field").asText()).isEqualTo(bad[1]);
        }
    }

    @Test
    void a_tenant_never_lists_or_reads_another_tenants_credentials() {
        assertThat(list(globex, "").get("items")).isEmpty();
        assertThat(list(globex, "?recipientEmail=r0@example.org").get("items")).isEmpty();
        JsonNode acmeCredential = issued.get(0);
        assertThat(server.send("GET", "/api/v1/credentials/" + acmeCredential.get("id").asText(), globex, null).status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/credentials/" + acmeCredential.get("number").asText(), globex, null).status()).isEqualTo(404);
        String acmeCursor = list(acme, "?limit=1").get("next").asText();
        assertThat(list(globex, "?cursor=" + acmeCursor).get("items")).isEmpty();
        assertThat(server.send("GET", "/api/v1/credentials", ServerHarness.ADMIN_KEY, null).status()).isEqualTo(403);
        Set<String> ids = new HashSet<>(top(list(acme, "?limit=200").get("items"), "id"));
        assertThat(ids).hasSize(7);
    }
}
