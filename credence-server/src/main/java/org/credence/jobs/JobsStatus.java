package org.credence.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What the jobs are doing, for {@code GET /api/v1/jobs}: a tenant's own job instances (from {@code scheduled_tasks}
 * and, for the failing ones, {@code job_errors}) and the health of the installation's own tasks, which carries no
 * error text: a system task's error may name another tenant's data.
 */
public final class JobsStatus {
    /** At most this many of a tenant's queued jobs (the soonest due) and of its failed ones (the latest) are listed. */
    static final int LIMIT = 500;
    // db-scheduler's instance id of every recurring task
    private static final String RECURRING = "recurring";

    /** Where a job stands. */
    public enum State {
        /** Waiting for its time. */
        SCHEDULED,
        /** A process is running it now. */
        RUNNING,
        /** Its last attempt failed; it is tried again at its next run. */
        FAILING,
        /** It failed until its give-up time and will not be tried again. */
        FAILED;

        /** The name in the API: {@code scheduled}, {@code running}, {@code failing}, {@code failed}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The state named {@code name} in the API, or empty. */
        public static Optional<State> of(String name) {
            for (State s : values()) {
                if (s.wireName().equals(name)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** One of a tenant's jobs. {@code nextRunAt} is null for a failed job; {@code lastError} and its time for a job that never failed. */
    public record Job(String task, String key, State state, Instant nextRunAt, int attempts, String lastError, Instant lastErrorAt) {}

    /** An installation task's health: when it last succeeded and failed, and how many of its runs failed in a row. */
    public record SystemTask(String name, State state, Instant lastSuccessAt, Instant lastFailureAt, int consecutiveFailures) {}

    /** A tenant's view of the jobs. */
    public record View(List<Job> jobs, List<SystemTask> systemTasks) {}

    private final Jdbi jdbi;

    public JobsStatus(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The tenant's jobs and the system tasks' health, only those in state {@code only} when given. */
    public View of(long tenantId, Optional<State> only) {
        return jdbi.withHandle(h -> {
            List<Job> jobs = new ArrayList<>(h.createQuery("""
                            SELECT t.task_name
                                 , t.task_instance
                                 , t.execution_time
                                 , t.picked
                                 , COALESCE(t.consecutive_failures, 0) AS failures
                                 , e.attempts
                                 , e.last_error
                                 , e.last_failed_at
                              FROM scheduled_tasks AS t
                              LEFT JOIN job_errors AS e
                                ON e.task_name = t.task_name AND e.task_instance = t.task_instance AND e.recovered_at IS NULL
                             WHERE starts_with(t.task_instance, :prefix)
                             ORDER BY t.execution_time
                             LIMIT :limit
                            """)
                    .bind("prefix", tenantId + ":").bind("limit", LIMIT)
                    .map((rs, ctx) -> queued(rs)).list());
            // a job that gave up is gone from the scheduler's table; its error is all that is left of it
            jobs.addAll(h.createQuery("""
                            SELECT task_name
                                 , task_instance
                                 , attempts
                                 , last_error
                                 , last_failed_at
                              FROM job_errors
                             WHERE tenant_id = :tenant
                               AND gave_up
                               AND recovered_at IS NULL
                             ORDER BY last_failed_at DESC
                             LIMIT :limit
                            """)
                    .bind("tenant", tenantId).bind("limit", LIMIT)
                    .map((rs, ctx) -> new Job(rs.getString("task_name"), key(rs), State.FAILED, null, rs.getInt("attempts"),
                            rs.getString("last_error"), instant(rs, "last_failed_at")))
                    .list());
            List<SystemTask> system = h.createQuery("""
                            SELECT task_name
                                 , bool_or(picked) AS running
                                 , max(last_success) AS last_success
                                 , max(last_failure) AS last_failure
                                 , max(COALESCE(consecutive_failures, 0)) AS failures
                              FROM scheduled_tasks
                             WHERE task_instance = :recurring
                                OR starts_with(task_instance, 'system:')
                             GROUP BY task_name
                             ORDER BY task_name
                            """)
                    .bind("recurring", RECURRING)
                    .map((rs, ctx) -> {
                        int failures = rs.getInt("failures");
                        State state = rs.getBoolean("running") ? State.RUNNING : failures > 0 ? State.FAILING : State.SCHEDULED;
                        return new SystemTask(rs.getString("task_name"), state, instant(rs, "last_success"), instant(rs, "last_failure"), failures);
                    })
                    .list();
            return new View(jobs.stream().filter(j -> only.isEmpty() || j.state() == only.get())
                    .sorted(Comparator.comparing(Job::nextRunAt, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList(),
                    system.stream().filter(t -> only.isEmpty() || t.state() == only.get()).toList());
        });
    }

    private static Job queued(ResultSet rs) throws SQLException {
        int failures = rs.getInt("failures");
        Integer recorded = (Integer) rs.getObject("attempts");
        // the error row is written just before the scheduler counts the failure: the larger is the truth
        int attempts = Math.max(failures, recorded == null ? 0 : recorded);
        State state = rs.getBoolean("picked") ? State.RUNNING : attempts > 0 ? State.FAILING : State.SCHEDULED;
        return new Job(rs.getString("task_name"), key(rs), state, instant(rs, "execution_time"), attempts, rs.getString("last_error"),
                instant(rs, "last_failed_at"));
    }

    private static String key(ResultSet rs) throws SQLException {
        return JobInstance.of(rs.getString("task_name"), rs.getString("task_instance")).key();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
