package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;
import org.credence.delivery.MailSettings;
import org.credence.jobs.Jobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs seen through {@code GET /api/v1/jobs}: a failing job shows its attempts and last error and is retried until it
 * succeeds; a tenant sees its own jobs only; a job due after a restart runs after it.
 */
class JobsApiTest {
    static final String FLAKY = "test-flaky";
    static final String LATER = "test-later";
    static final String HOPELESS = "test-hopeless";
    /** Attempts per key of the flaky task, and the keys whose body finished, across restarts (the JVM stays). */
    static final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    static final Set<String> ran = ConcurrentHashMap.newKeySet();
    @TempDir
    static Path data;
    static ServerHarness server;
    static String acme;
    static long acmeId;
    static String fjord;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data, MailSettings.OUTBOX, Clock.systemUTC(), false, jobs -> {
            jobs.oneTime(FLAKY, Duration.ofHours(1), job -> {
                int attempt = attempts.merge(job.key(), 1, Integer::sum);
                if (attempt <= 2) {
                    throw new IllegalStateException("the partner system is away (attempt " + attempt + ")");
                }
                ran.add(job.key());
            });
            jobs.oneTime(LATER, Duration.ofHours(1), job -> ran.add(job.key()));
            jobs.oneTime(HOPELESS, Duration.ZERO, job -> {
                throw new java.io.IOException("connection refused by partner.example");
            });
        });
        JsonNode created = server.send("POST", "/api/v1/tenants", ServerHarness.ADMIN_KEY,
                "{\"slug\":\"acme\",\"name\":\"Acme Academy\",\"url\":\"https://acme.example\"}").json();
        acme = created.get("apiKey").asText();
        acmeId = created.get("id").asLong();
        fjord = server.tenant("fjord");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode jobs(String key, String query) {
        ServerHarness.Response response = server.send("GET", "/api/v1/jobs" + query, key, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        OpenApiContractTest.check("/api/v1/jobs", "get", response);
        return response.json();
    }

    static List<JsonNode> items(JsonNode body) {
        return StreamSupport.stream(body.get("items").spliterator(), false).toList();
    }

    /** Makes the retry due now rather than after its backoff (10 s, then 20 s), and has the scheduler look. */
    static void retryNow(String task) {
        server.sql("UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = ?", task);
        server.credence.jobs().wake();
    }

    @Test
    void a_failing_job_shows_its_attempts_and_last_error_and_is_retried_until_it_succeeds() throws Exception {
        assertThat(server.credence.jobs().enqueue(FLAKY, acmeId, "sync-42", Instant.now())).isTrue();
        assertThat(server.credence.jobs().enqueue(FLAKY, acmeId, "sync-42", Instant.now())).as("already queued").isFalse();

        waitUntil(() -> items(jobs(acme, "?state=failing")).size() == 1, "the first failure is visible");
        JsonNode failing = items(jobs(acme, "?state=failing")).get(0);
        assertThat(failing.get("task").asText()).isEqualTo(FLAKY);
        assertThat(failing.get("key").asText()).isEqualTo("sync-42");
        assertThat(failing.get("state").asText()).isEqualTo("failing");
        assertThat(failing.get("attempts").asInt()).isEqualTo(1);
        assertThat(failing.get("lastError").get("message").asText()).contains("the partner system is away (attempt 1)");
        assertThat(failing.get("lastError").has("at")).isTrue();
        assertThat(Instant.parse(failing.get("nextRunAt").asText())).as("retried after a backoff").isAfter(Instant.parse(failing.get("lastError").get("at").asText()));

        retryNow(FLAKY);
        waitUntil(() -> attempts.get("sync-42") == 2 && items(jobs(acme, "?state=failing")).stream().anyMatch(j -> j.get("attempts").asInt() == 2),
                "the second failure is visible");
        assertThat(items(jobs(acme, "?state=failing")).get(0).get("lastError").get("message").asText()).contains("(attempt 2)");

        retryNow(FLAKY);
        waitUntil(() -> ran.contains("sync-42"), "the third attempt succeeds");
        waitUntil(() -> items(jobs(acme, "")).stream().noneMatch(j -> j.get("key").asText().equals("sync-42")), "the finished job leaves the list");
        assertThat(items(jobs(acme, "?state=failing"))).isEmpty();
        assertThat(attempts.get("sync-42")).isEqualTo(3);
        boolean recovered = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT recovered_at IS NOT NULL FROM job_errors WHERE task_name = :task AND task_instance = :instance")
                .bind("task", FLAKY).bind("instance", acmeId + ":sync-42").mapTo(Boolean.class).one());
        assertThat(recovered).as("its error is marked recovered").isTrue();
    }

    @Test
    void a_job_that_gave_up_is_listed_as_failed_with_its_last_error() throws Exception {
        server.credence.jobs().enqueue(HOPELESS, acmeId, "export-7", Instant.now());
        waitUntil(() -> items(jobs(acme, "?state=failed")).size() == 1, "the job gives up");
        JsonNode failed = items(jobs(acme, "?state=failed")).get(0);
        assertThat(failed.get("key").asText()).isEqualTo("export-7");
        assertThat(failed.get("nextRunAt").isNull()).as("never tried again").isTrue();
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        assertThat(failed.get("lastError").get("message").asText()).contains("connection refused by partner.example");
        assertThat(items(jobs(fjord, "?state=failed"))).isEmpty();
    }

    @Test
    void a_tenant_sees_its_own_jobs_and_the_health_of_system_tasks_but_nothing_of_another_tenant() {
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        server.credence.jobs().enqueue(LATER, acmeId, "acme-only", tomorrow);

        JsonNode mine = jobs(acme, "");
        assertThat(items(mine)).anySatisfy(j -> {
            assertThat(j.get("key").asText()).isEqualTo("acme-only");
            assertThat(j.get("state").asText()).isEqualTo("scheduled");
            assertThat(j.get("attempts").asInt()).isZero();
            assertThat(Instant.parse(j.get("nextRunAt").asText())).isEqualTo(tomorrow);
        });
        JsonNode theirs = jobs(fjord, "");
        assertThat(items(theirs)).noneMatch(j -> j.get("key").asText().equals("acme-only"));
        assertThat(theirs.toString()).doesNotContain("acme-only");
        // system tasks: names and health only, never an error's text (it may name another tenant's recipient)
        List<String> names = StreamSupport.stream(theirs.get("systemTasks").spliterator(), false).map(t -> t.get("name").asText()).toList();
        assertThat(names).contains("mail");
        theirs.get("systemTasks").forEach(t -> assertThat(t.has("lastError")).isFalse());

        assertThat(server.send("GET", "/api/v1/jobs?state=sideways", acme, null).status()).isEqualTo(400);
        assertThat(server.send("GET", "/api/v1/jobs", null, null).status()).isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/jobs", ServerHarness.ADMIN_KEY, null).status()).isEqualTo(403);
    }

    @Test
    void a_job_due_while_the_server_is_down_runs_after_a_restart() throws Exception {
        server.credence.jobs().enqueue(LATER, acmeId, "after-restart", Instant.now().plusSeconds(3));
        server.credence.close();
        assertThat(ran).as("not run before the restart").doesNotContain("after-restart");

        server.start();
        waitUntil(() -> ran.contains("after-restart"), "the job runs after the restart");
    }

    @Test
    void a_fresh_issuance_is_mailed_by_the_mail_now_job_without_waiting_for_the_hourly_poll(@TempDir Path otherData) throws Exception {
        try (ServerHarness hourly = new ServerHarness(otherData, new MailSettings(java.util.Optional.empty(), MailSettings.OUTBOX.from(),
                Duration.ofHours(1)), Clock.systemUTC())) {
            // the recurring mail job runs once at start, then not for an hour
            java.util.function.Supplier<Instant> lastPoll = () -> hourly.credence.jdbi().withHandle(h -> h.createQuery(
                    "SELECT last_success FROM scheduled_tasks WHERE task_name = 'mail'").mapTo(Instant.class).findOne().orElse(null));
            waitUntil(() -> lastPoll.get() != null, "the first poll ran");
            Instant polled = lastPoll.get();
            String key = hourly.tenant("prompt");
            long achievement = hourly.achievement(key);
            String number = hourly.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement
                    + ", \"recipient\": {\"name\": \"Rask\", \"email\": \"rask@example.org\"}}").json().get("number").asText();

            waitUntil(() -> hourly.send("GET", "/api/v1/credentials/" + number + "/delivery", key, null).json().at("/mails/0/status").asText()
                    .equals("sent"), "the mail is sent");
            assertThat(lastPoll.get()).as("sent by mail-now, not by the poll").isEqualTo(polled);
        }
    }

    static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        waitUntil(condition, what, 60);
    }

    /** Polls {@code condition} until it holds; fails after {@code seconds} (a deadline for a stuck run, not a speed claim). */
    static void waitUntil(BooleanSupplier condition, String what, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + seconds + " s for: " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
