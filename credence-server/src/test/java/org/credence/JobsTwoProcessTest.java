package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.credence.jobs.Jobs;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Credence processes (separate JVMs, {@link JobsNode}) on ONE PostgreSQL: every job instance runs exactly once
 * across both and both do some of the work; a process killed with SIGKILL mid-run has its work finished by the other
 * once its heartbeat is missed.
 */
@Tag("integration")
class JobsTwoProcessTest {
    private static final String ADMIN = "crd_0000000000d2_two-process-jobs-administrator-key";
    @TempDir
    Path dir;
    private EmbeddedPostgres postgres;
    private Jdbi jdbi;
    private Process first;
    private Process second;

    @AfterEach
    void stop() throws Exception {
        for (Process p : new Process[] {first, second}) {
            if (p != null) {
                ServerProcess.stop(p);
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void two_processes_on_one_database_run_each_job_once_and_a_killed_process_s_work_is_finished_by_the_other() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        jdbi = Jdbi.create(url);
        jdbi.useHandle(h -> {
            // a schema of the test's own: Credence's migrations want the public schema to themselves
            h.execute("CREATE SCHEMA probe");
            h.execute("CREATE TABLE probe.job_started (key TEXT NOT NULL, node TEXT NOT NULL, UNIQUE (key, node))");
            h.execute("CREATE TABLE probe.job_run (key TEXT PRIMARY KEY, node TEXT NOT NULL, runs INT NOT NULL DEFAULT 1)");
        });
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        Map<String, String> env = Map.of("CREDENCE_DATABASE_URL", url, "CREDENCE_MASTER_KEY", Base64.getEncoder().encodeToString(master),
                "CREDENCE_BOOTSTRAP_API_KEY", ADMIN, "CREDENCE_JOBS_POLL_MS", "200", "CREDENCE_JOBS_HEARTBEAT_MS", "1000",
                "CREDENCE_JOBS_THREADS", "4", "JOBS_NODE_WORK_MILLIS", "200");
        first = node("first", env);
        second = node("second", env);
        String firstPid = String.valueOf(first.pid());
        String secondPid = String.valueOf(second.pid());

        enqueue("a-", 120);
        JobsApiTest.waitUntil(() -> count("SELECT count(*) FROM probe.job_run WHERE key LIKE 'a-%'") == 120 && queued() == 0, "all 120 instances ran", 120);
        Map<String, Long> byNode = jdbi.withHandle(h -> h.createQuery("SELECT node, count(*) AS n FROM probe.job_run GROUP BY node")
                .reduceRows(new java.util.HashMap<String, Long>(), (m, row) -> {
                    m.put(row.getColumn("node", String.class), row.getColumn("n", Long.class));
                    return m;
                }));
        assertThat(count("SELECT count(*) FROM probe.job_run WHERE runs <> 1")).as("no instance ran twice").isZero();
        assertThat(byNode).as("both processes did some of the work").containsOnlyKeys(firstPid, secondPid);
        System.out.printf("120 jobs on two processes: %s (pid: jobs run)%n", byNode);

        enqueue("b-", 60);
        // the first process is inside a body (started, not finished) when it is killed
        JobsApiTest.waitUntil(() -> count("SELECT count(*) FROM probe.job_started s WHERE s.key LIKE 'b-%' AND s.node = '" + firstPid
                + "' AND NOT EXISTS (SELECT 1 FROM probe.job_run r WHERE r.key = s.key)") > 0, "the first process runs a b- instance", 120);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Set<String> cutOff = keys("SELECT s.key FROM probe.job_started s WHERE s.key LIKE 'b-%' AND s.node = '" + firstPid
                + "' AND NOT EXISTS (SELECT 1 FROM probe.job_run r WHERE r.key = s.key AND r.node = '" + firstPid + "')");
        assertThat(cutOff).as("instances the killed process had begun and not finished").isNotEmpty();

        JobsApiTest.waitUntil(() -> count("SELECT count(*) FROM probe.job_run WHERE key LIKE 'b-%'") == 60 && queued() == 0,
                "the survivor ran every b- instance, those of the killed process too", 120);
        assertThat(keys("SELECT key FROM probe.job_run WHERE node = '" + secondPid + "'")).as("the survivor finished the killed process's work")
                .containsAll(cutOff);
        System.out.printf("killed mid-run: %d jobs begun by the killed process were finished by the survivor%n", cutOff.size());
    }

    private Process node(String name, Map<String, String> env) throws Exception {
        int port = ServerProcess.freePort();
        Path data = Files.createDirectories(dir.resolve(name));
        Path log = dir.resolve(name + ".log");
        Process process = ServerProcess.java("org.credence.JobsNode", List.of(String.valueOf(port), data.toString()), env, log);
        return ServerProcess.awaitHealth(process, port, log);
    }

    private void enqueue(String prefix, int n) {
        Instant now = Instant.now();
        jdbi.useTransaction(h -> {
            for (int i = 0; i < n; i++) {
                Jobs.enqueue(h, JobsNode.TASK, null, prefix + i, now);
            }
        });
    }

    private long queued() {
        return count("SELECT count(*) FROM scheduled_tasks WHERE task_name = '" + JobsNode.TASK + "'");
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private Set<String> keys(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).stream().collect(Collectors.toSet()));
    }
}
