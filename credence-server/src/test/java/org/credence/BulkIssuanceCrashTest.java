package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credence serve} as its own process, killed with SIGKILL in the middle of a bulk issuance
 * job and started again on the same data directory: the job finishes with every good row issued
 * once — no duplicate, none missing.
 */
@Tag("integration")
class BulkIssuanceCrashTest {
    private static final String ADMIN = "crd_0000000000b7_bulk-crash-administrator-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 600;
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void a_job_killed_with_kill_9_finishes_after_a_restart_with_no_duplicate_and_no_missing_credential() throws Exception {
        int port = ServerProcess.freePort();
        // small batches, so the kill falls between batches already recorded and some still pending
        Map<String, String> env = Map.of("CREDENCE_BOOTSTRAP_API_KEY", ADMIN, "CREDENCE_BULK_BATCH_ROWS", "20");
        Path log = Path.of("target", "bulk-crash-server.log");
        Process first = ServerProcess.startAndWait(port, data, env, log);
        String key = send(port, "POST", "/api/v1/tenants", ADMIN, "application/json",
                "{\"slug\":\"bulk-crash\",\"name\":\"Crash Academy\"}", 201).get("apiKey").asText();
        long achievement = send(port, "POST", "/api/v1/achievements", key, "application/json",
                "{\"name\":\"Survivor\",\"kind\":\"badge\",\"description\":\"d\",\"criteria\":\"c\"}", 201).get("id").asLong();
        StringBuilder csv = new StringBuilder("name,email,achievement\n");
        int good = 0;
        for (int i = 0; i < ROWS; i++) {
            if (i % 20 == 3) {
                csv.append("Broken ").append(i).append(",broken-").append(i).append(",").append(achievement).append('\n'); // 5 %: no address
            } else {
                csv.append("Learner ").append(i).append(",learner").append(i).append("@example.org,").append(achievement).append('\n');
                good++;
            }
        }
        long job = send(port, "POST", "/api/v1/issuance-jobs?notify=false", key, "text/csv", csv.toString(), 202).get("id").asLong();

        // kill -9 once some batches are recorded and the job is still running
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            status = send(port, "GET", "/api/v1/issuance-jobs/" + job, key, null, null, 200);
            if (status.get("issued").asInt() >= 40) {
                break;
            }
            Thread.sleep(20);
        }
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(status.get("state").asText()).as("the kill came in the middle of the job").isEqualTo("running");
        int issuedBeforeKill = status.get("issued").asInt();
        assertThat(issuedBeforeKill).isLessThan(good);

        Process second = ServerProcess.startAndWait(port, data, env, log);
        try {
            deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
            while (System.nanoTime() < deadline) {
                status = send(port, "GET", "/api/v1/issuance-jobs/" + job, key, null, null, 200);
                if (status.get("state").asText().equals("finished")) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(status.get("state").asText()).isEqualTo("finished");
            assertThat(status.get("issued").asInt()).isEqualTo(good);
            assertThat(status.get("failed").asInt()).isEqualTo(ROWS - good);
        } finally {
            ServerProcess.stop(second);
        }
        try (var database = org.credence.db.Database.open(java.util.Optional.empty(), data, true)) {
            var jdbi = database.jdbi();
            long credentials = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM credential").mapTo(Long.class).one());
            long recipients = jdbi.withHandle(h -> h.createQuery("SELECT count(DISTINCT recipient_email) FROM credential").mapTo(Long.class).one());
            long rowsWithoutCredential = jdbi.withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM issuance_job_row WHERE state = 'issued' AND credential_id IS NULL").mapTo(Long.class).one());
            long logged = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM transparency_leaf").mapTo(Long.class).one());
            assertThat(credentials).as("every good row issued once").isEqualTo(good);
            assertThat(recipients).as("no recipient holds two").isEqualTo(good);
            assertThat(rowsWithoutCredential).isZero();
            assertThat(logged).as("each credential logged once").isEqualTo(good);
        }
    }

    private JsonNode send(int port, String method, String path, String key, String type, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }
}
