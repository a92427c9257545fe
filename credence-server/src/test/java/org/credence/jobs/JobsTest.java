package org.credence.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.credence.db.Database;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job scheduler on the real embedded PostgreSQL: queued with the caller's data, run once, retried, given up on. */
class JobsTest {
    @TempDir
    static Path data;
    static Database database;
    static Jdbi jdbi;
    static Jobs jobs;
    static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    static final AtomicInteger RECURRING = new AtomicInteger();

    @BeforeAll
    static void start() {
        database = Database.open(Optional.empty(), data, false);
        jdbi = database.jdbi();
        jobs = new Jobs(database.dataSource(), jdbi, Duration.ofMillis(50), Duration.ofMillis(50));
        jobs.oneTime("count", Duration.ofHours(1), job -> RUNS.computeIfAbsent(job.key(), k -> new AtomicInteger()).incrementAndGet());
        jobs.oneTime("flaky", Duration.ofHours(1), job -> {
            if (RUNS.computeIfAbsent(job.key(), k -> new AtomicInteger()).incrementAndGet() <= 2) {
                throw new IllegalStateException("the endpoint answered 503");
            }
        });
        jobs.oneTime("hopeless", Duration.ZERO, job -> {
            RUNS.computeIfAbsent(job.key(), k -> new AtomicInteger()).incrementAndGet();
            throw new java.io.IOException("connection refused");
        });
        jobs.recurring("tick", Duration.ofMillis(50), RECURRING::incrementAndGet);
        jobs.start();
    }

    @AfterAll
    static void stop() {
        jobs.close();
        database.close();
    }

    @Test
    void aJobQueuedInACommittedTransactionRunsOnceAndOneRolledBackNeverRuns() {
        jdbi.useTransaction(h -> {
            assertThat(Jobs.enqueue(h, "count", 7L, "committed", Instant.now())).isTrue();
            assertThat(Jobs.enqueue(h, "count", 7L, "committed", Instant.now())).as("queued twice is queued once").isFalse();
        });
        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            Jobs.enqueue(h, "count", 7L, "rolled-back", Instant.now());
            throw new IllegalStateException("the caller's write failed");
        })).isInstanceOf(IllegalStateException.class);
        jobs.wake();
        jobs.awaitIdle(Duration.ofSeconds(20));
        assertThat(RUNS.get("committed")).hasValue(1);
        assertThat(RUNS).doesNotContainKey("rolled-back");
    }

    @Test
    void aFailingJobIsRetriedWithItsErrorKeptAndMarkedRecoveredWhenItSucceeds() throws InterruptedException {
        jobs.enqueue("flaky", 7L, "webhook-1", Instant.now());
        waitFor(() -> RUNS.containsKey("webhook-1") && RUNS.get("webhook-1").get() >= 3);
        jobs.awaitIdle(Duration.ofSeconds(20));
        var error = jdbi.withHandle(h -> h.createQuery("SELECT tenant_id, attempts, last_error, recovered_at IS NOT NULL AS recovered FROM job_errors "
                + "WHERE task_name = 'flaky' AND task_instance = '7:webhook-1'").mapToMap().one());
        assertThat(error).containsEntry("tenant_id", 7L).containsEntry("attempts", 2).containsEntry("recovered", true);
        assertThat((String) error.get("last_error")).isEqualTo("IllegalStateException: the endpoint answered 503");
    }

    @Test
    void aJobFailingPastItsLimitIsGivenUpAndKeepsItsReason() throws InterruptedException {
        jobs.enqueue("hopeless", null, "ping", Instant.now());
        waitFor(() -> jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM job_errors WHERE task_name = 'hopeless' AND gave_up")
                .mapTo(Integer.class).one()) == 1);
        jobs.awaitIdle(Duration.ofSeconds(20));
        assertThat(RUNS.get("ping")).hasValue(1);
        var error = jdbi.withHandle(h -> h.createQuery("SELECT task_instance, last_error FROM job_errors WHERE task_name = 'hopeless'")
                .mapToMap().one());
        assertThat(error).containsEntry("task_instance", "system:ping").containsEntry("last_error", "IOException: connection refused");
    }

    @Test
    void aRecurringTaskKeepsRunning() throws InterruptedException {
        int before = RECURRING.get();
        waitFor(() -> RECURRING.get() >= before + 2);
        assertThat(RECURRING.get()).isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    void aFutureJobWaitsForItsTime() {
        jobs.enqueue("count", 8L, "tomorrow", Instant.now().plus(Duration.ofDays(1)));
        jobs.awaitIdle(Duration.ofSeconds(20));
        assertThat(RUNS).doesNotContainKey("tomorrow");
    }

    @Test
    void backoffDoublesFromTheFirstRetryUpToAnHour() {
        assertThat(Jobs.delay(Duration.ofSeconds(10), 1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Jobs.delay(Duration.ofSeconds(10), 4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(Jobs.delay(Duration.ofSeconds(10), 30)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anInstanceIdNamesItsTenantFirst() {
        assertThat(new JobInstance("t", 42L, "a:b").instanceId()).isEqualTo("42:a:b");
        assertThat(JobInstance.of("t", "42:a:b")).isEqualTo(new JobInstance("t", 42L, "a:b"));
        assertThat(JobInstance.of("t", "system:x")).isEqualTo(new JobInstance("t", null, "x"));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met in 20 s");
            }
            Thread.sleep(20);
        }
    }
}
