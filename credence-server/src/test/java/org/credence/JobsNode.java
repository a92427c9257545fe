package org.credence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A Credence server as its own JVM, as {@code credence serve} starts it, with one more job: {@value #TASK}, whose body
 * waits {@code JOBS_NODE_WORK_MILLIS}, writes "started" and then "done" rows naming this process into the tables
 * {@link JobsTwoProcessTest} made, so the test sees which process ran which instance and how often.
 *
 * <p>Arguments: port, data directory; everything else from the {@code CREDENCE_*} environment (an external database).
 */
final class JobsNode {
    static final String TASK = "test-record";

    private JobsNode() {}

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment(Integer.parseInt(args[0]), Path.of(args[1]), System.getenv());
        String url = settings.databaseUrl().orElseThrow();
        long work = Long.parseLong(System.getenv().getOrDefault("JOBS_NODE_WORK_MILLIS", "50"));
        String node = String.valueOf(ProcessHandle.current().pid());
        Credence credence = Credence.start(settings, Clock.systemUTC(), jobs -> jobs.oneTime(TASK, Duration.ofHours(1), job -> {
            try (Connection c = DriverManager.getConnection(url)) {
                record(c, "INSERT INTO probe.job_started (key, node) VALUES (?, ?) ON CONFLICT DO NOTHING", job.key(), node);
                Thread.sleep(work);
                // the unique key counts a second run of the same instance rather than hiding it
                record(c, "INSERT INTO probe.job_run AS r (key, node) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET runs = r.runs + 1, node = EXCLUDED.node",
                        job.key(), node);
            }
        }));
        Runtime.getRuntime().addShutdownHook(new Thread(credence::close, "jobs-node-shutdown"));
        System.out.println("jobs node " + node + " listening on " + credence.port());
        new CountDownLatch(1).await();
    }

    private static void record(Connection c, String sql, String key, String node) throws java.sql.SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, key);
            statement.setString(2, node);
            statement.executeUpdate();
        }
    }
}
