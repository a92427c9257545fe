package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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

/**
 * {@code POST /api/v1/credentials} one request at a time, many at once: the gathered batches, the tenant and achievement
 * read at most once a second, and the answers each request must still get.
 */
@Tag("integration")
class OneByOneIssuanceTest {
    @TempDir
    static Path data;
    static ServerHarness server;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String body(long achievement, String email) {
        return "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"Kari Nordmann\", \"email\": \"" + email + "\"}}";
    }

    @Test
    void an_achievement_edited_reaches_the_very_next_credential() {
        String key = server.tenant("edited-achievement");
        long achievement = server.achievement(key);
        assertThat(server.send("POST", "/api/v1/credentials", key, body(achievement, "before@example.org")).json()
                .at("/credential/credentialSubject/achievement/name").asText()).isEqualTo("Certified Data Steward");

        ObjectNode edited = (ObjectNode) server.send("GET", "/api/v1/achievements/" + achievement, key, null).json();
        edited.remove("id");
        edited.put("name", "Certified Data Steward II");
        var saved = server.send("PUT", "/api/v1/achievements/" + achievement, key, edited.toString());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        var next = server.send("POST", "/api/v1/credentials", key, body(achievement, "after@example.org"));
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        assertThat(next.json().at("/credential/credentialSubject/achievement/name").asText()).isEqualTo("Certified Data Steward II");
    }

    @Test
    void concurrent_requests_each_get_their_own_credential_and_replays_get_it_again_never_a_second() throws Exception {
        String key = server.tenant("many-at-once");
        long achievement = server.achievement(key);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<ServerHarness.Response>> calls = new ArrayList<>();
        try {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 60; i++) {
                    String email = "learner" + i + "@example.org";
                    calls.add(pool.submit(() -> server.send("POST", "/api/v1/credentials", key, body(achievement, email))));
                }
            }
            Set<String> numbers = new HashSet<>();
            int created = 0;
            int replayed = 0;
            for (Future<ServerHarness.Response> call : calls) {
                var response = call.get();
                assertThat(response.status()).as(response.body()).isIn(200, 201);
                created += response.status() == 201 ? 1 : 0;
                replayed += response.status() == 200 ? 1 : 0;
                numbers.add(response.json().get("number").asText());
            }
            assertThat(created).isEqualTo(60);
            assertThat(replayed).isEqualTo(60);
            assertThat(numbers).hasSize(60);
        } finally {
            pool.shutdown();
        }
        var listed = server.send("GET", "/api/v1/credentials?limit=100", key, null);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().get("items")).hasSize(60);
    }

    @Test
    void an_unknown_achievement_in_a_batch_fails_only_its_own_request() throws Exception {
        String key = server.tenant("one-bad-request");
        long achievement = server.achievement(key);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ServerHarness.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                long named = i % 6 == 5 ? 999_999 : achievement;
                String email = "mixed" + i + "@example.org";
                calls.add(pool.submit(() -> server.send("POST", "/api/v1/credentials", key, body(named, email))));
            }
            for (int i = 0; i < 24; i++) {
                var response = calls.get(i).get();
                assertThat(response.status()).as(response.body()).isEqualTo(i % 6 == 5 ? 404 : 201);
            }
        } finally {
            pool.shutdown();
        }
    }
}
