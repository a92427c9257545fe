package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credence serve} as its own process: killed with SIGKILL after acknowledging a credential,
 * it starts again on the same data directory and still has it; stopped with SIGTERM, it leaves no
 * PostgreSQL behind.
 */
@Tag("integration")
class CrashRecoveryTest {
    private static final String ADMIN = "crd_0000000000c9_crash-test-administrator-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void an_acknowledged_credential_survives_kill_9_and_sigterm_leaves_no_postgres_behind() throws Exception {
        int port = freePort();
        Process first = serve(port);
        String key = post(port, "/api/v1/tenants", ADMIN, "{\"slug\":\"crash\",\"name\":\"Crash Academy\",\"url\":\"https://crash.example\"}").get("apiKey").asText();
        long achievement = post(port, "/api/v1/achievements", key,
                "{\"name\":\"Survivor\",\"kind\":\"badge\",\"description\":\"Outlived a crash.\",\"criteria\":\"Be issued before kill -9.\"}").get("id").asLong();
        String number = post(port, "/api/v1/credentials", key,
                "{\"achievementId\":" + achievement + ",\"recipient\":{\"name\":\"Kari\",\"email\":\"kari@example.org\"}}").get("number").asText();

        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        assertThat(postmasterAlive()).as("the embedded PostgreSQL outlives the killed JVM").isTrue();

        long restart = System.nanoTime();
        Process second = serve(port);
        System.out.printf("first HTTP 200 %d ms after restarting on an existing data directory%n", (System.nanoTime() - restart) / 1_000_000);
        JsonNode report = get(port, "/api/v1/verify/" + number);
        assertThat(report.get("status").asText()).isEqualTo("valid");
        assertThat(get(port, "/transparency/crash/checkpoint").get("treeSize").asLong()).isEqualTo(1);

        second.destroy(); // SIGTERM: the shutdown hook stops HTTP, then PostgreSQL
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(postmasterAlive()).as("no PostgreSQL left after SIGTERM").isFalse();
    }

    @Test
    void acknowledged_tracking_events_survive_kill_9() throws Exception {
        int port = freePort();
        Process first = serve(port);
        String key = post(port, "/api/v1/tenants", ADMIN, "{\"slug\":\"crash-tracking\",\"name\":\"Crash Academy\"}").get("apiKey").asText();
        long achievement = post(port, "/api/v1/achievements", key,
                "{\"name\":\"Survivor\",\"kind\":\"badge\",\"description\":\"d\",\"criteria\":\"c\"}").get("id").asLong();
        String number = post(port, "/api/v1/credentials", key,
                "{\"achievementId\":" + achievement + ",\"recipient\":{\"name\":\"Kari\",\"email\":\"kari@example.org\"}}").get("number").asText();
        // 400 beacons, 64 in flight at a time (each its own connection; 400 connects at once can overflow the
        // listen backlog and be reset), so the writer commits them in groups; under the per-address storage limit (600 a minute)
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(64);
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> beacons = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            inFlight.acquire();
            beacons.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/t/" + number))
                    .header("Content-Type", "application/json").header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"download\",\"channel\":\"pdf\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> inFlight.release()));
        }
        long acknowledged = beacons.stream().map(java.util.concurrent.CompletableFuture::join).filter(r -> r.statusCode() == 204).count();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL straight after the last acknowledgement

        Process second = serve(port); // finds and stops the orphaned PostgreSQL, recovers from its WAL
        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try (var database = org.credence.db.Database.open(java.util.Optional.empty(), data, true)) {
            long stored = database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM tracking_event").mapTo(Long.class).one());
            long rolledUp = database.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(sum(events), 0) FROM tracking_daily").mapTo(Long.class).one());
            assertThat(acknowledged).isEqualTo(400);
            assertThat(stored).as("every acknowledged event is stored").isGreaterThanOrEqualTo(acknowledged);
            assertThat(rolledUp).as("and folded into the rollup in the same transaction").isEqualTo(stored);
            // the analytics deltas committed with them too: folded now (some perhaps before the kill), they add up
            new org.credence.analytics.AnalyticsFolder(database.jdbi()).foldPending();
            long counted = database.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(sum(counted), 0) FROM tracking_daily").mapTo(Long.class).one());
            long analytics = database.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(sum(counted), 0) FROM analytics_daily").mapTo(Long.class).one());
            assertThat(counted).isPositive();
            assertThat(analytics).as("analytics rollups after the crash").isEqualTo(counted);
        }
    }

    private boolean postmasterAlive() throws IOException {
        Path pidFile = data.resolve("pg/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private Process serve(int port) throws Exception {
        return ServerProcess.startAndWait(port, data, java.util.Map.of("CREDENCE_BOOTSTRAP_API_KEY", ADMIN), Path.of("target", "crash-recovery-server.log"));
    }

    private JsonNode post(int port, String path, String key, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int freePort() {
        return ServerProcess.freePort();
    }
}
