package org.credence.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persistent background work on db-scheduler, in Credence's own PostgreSQL: queued jobs survive a
 * restart, and several Credence processes on one database never run the same job at once (each
 * execution is picked under a row lock). A failing one-time job is retried with exponential
 * backoff until it has failed for {@code giveUpAfter}; its last error is kept in {@code job_errors}.
 *
 * <p>Register tasks while the composition root builds the modules, then {@link #start()}. Due
 * times are wall-clock times: the scheduler runs on the system clock, not on a test's clock.
 */
public final class Jobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    private static final int THREADS = 4;

    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final Duration pollEvery;
    private final Duration firstRetry;
    private final Map<String, Task<?>> tasks = new LinkedHashMap<>();
    private final List<RecurringTask<Void>> recurring = new ArrayList<>();
    private final List<String> oneTimeNames = new ArrayList<>();
    private volatile Scheduler scheduler;

    /**
     * @param pollEvery how often each process looks for due work when nobody {@link #wake() wakes} it
     */
    public Jobs(DataSource dataSource, Jdbi jdbi, Duration pollEvery) {
        this(dataSource, jdbi, pollEvery, FIRST_RETRY);
    }

    /** A scheduler whose first retry comes after {@code firstRetry} (tests retry in milliseconds, not seconds). */
    Jobs(DataSource dataSource, Jdbi jdbi, Duration pollEvery, Duration firstRetry) {
        this.dataSource = dataSource;
        this.jdbi = jdbi;
        this.pollEvery = pollEvery;
        this.firstRetry = firstRetry;
    }

    /** Registers a kind of one-time job; instances are queued with {@link #enqueue}. Call before {@link #start()}. */
    public synchronized void oneTime(String task, Duration giveUpAfter, JobBody body) {
        refuseAfterStart(task);
        OneTimeTask<Void> oneTime = Tasks.oneTime(task)
                .onFailure(new Backoff(giveUpAfter))
                .onDeadExecutionRevive()
                .execute((instance, context) -> runOnce(body, JobInstance.of(task, instance.getId())));
        tasks.put(task, oneTime);
        oneTimeNames.add(task);
    }

    /** Registers work that runs every {@code every}, on one process at a time. Call before {@link #start()}. */
    public synchronized void recurring(String task, Duration every, Runnable body) {
        refuseAfterStart(task);
        RecurringTask<Void> repeated = Tasks.recurring(task, FixedDelay.of(every))
                .execute((instance, context) -> {
                    JobInstance job = new JobInstance(task, null, instance.getId());
                    runOnce(ignored -> body.run(), job);
                });
        tasks.put(task, repeated);
        recurring.add(repeated);
    }

    /**
     * Queues a one-time job inside the caller's transaction, so it exists exactly when the caller's
     * data does. Queuing the same task, tenant and key again while it is queued changes nothing.
     *
     * @return whether this call queued it
     */
    public static boolean enqueue(Handle h, String task, Long tenantId, String key, Instant at) {
        JobInstance job = new JobInstance(task, tenantId, key);
        return h.createUpdate("""
                INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                VALUES (:task, :instance, :at, false, 1)
                ON CONFLICT (task_name, task_instance) DO NOTHING
                """)
                .bind("task", task)
                .bind("instance", job.instanceId())
                .bind("at", at)
                .execute() == 1;
    }

    /** Queues a one-time job in a transaction of its own and wakes the scheduler. */
    public boolean enqueue(String task, Long tenantId, String key, Instant at) {
        boolean queued = jdbi.inTransaction(h -> enqueue(h, task, tenantId, key, at));
        wake();
        return queued;
    }

    /** Looks for due work now rather than at the next poll: call after committing something that queued a job. */
    public void wake() {
        Scheduler running = scheduler;
        if (running != null) {
            running.triggerCheckForDueExecutions();
        }
    }

    /** Starts running jobs; recurring tasks are queued on first start. */
    public synchronized Jobs start() {
        if (scheduler != null) {
            return this;
        }
        // startTasks registers the recurring tasks itself: the list holds the one-time kinds only
        List<Task<?>> oneTimeTasks = tasks.values().stream().filter(t -> !(t instanceof RecurringTask)).toList();
        scheduler = Scheduler.create(dataSource, oneTimeTasks)
                .startTasks(recurring)
                .threads(THREADS)
                .pollingInterval(pollEvery)
                .enableImmediateExecution()
                // a job whose process was killed is revived after 4 missed beats (20 s), not db-scheduler's default 30 min
                .heartbeatInterval(Duration.ofSeconds(5))
                .missedHeartbeatsLimit(4)
                .deleteUnresolvedAfter(Duration.ofDays(14))
                .failureLogging(com.github.kagkarlsson.scheduler.logging.LogLevel.WARN, false)
                .build();
        scheduler.start();
        return this;
    }

    /**
     * For tests: waits until no one-time job is due or running (recurring tasks are always queued and are not waited for).
     *
     * @throws IllegalStateException when work is still due after the timeout
     */
    public void awaitIdle(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            wake();
            int pending = oneTimeNames.isEmpty() ? 0 : jdbi.withHandle(h -> h.createQuery("""
                    SELECT count(*) FROM scheduled_tasks WHERE task_name IN (<tasks>) AND (picked OR execution_time <= now())
                    """).bindList("tasks", oneTimeNames).mapTo(Integer.class).one());
            if (pending == 0) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(pending + " jobs still due after " + timeout);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Stops taking work and waits a short while for running jobs; an unfinished one is revived by the next start. */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    private void refuseAfterStart(String task) {
        if (scheduler != null) {
            throw new IllegalStateException("task " + task + " registered after the scheduler started");
        }
        if (tasks.containsKey(task)) {
            throw new IllegalStateException("task " + task + " registered twice");
        }
    }

    private void runOnce(JobBody body, JobInstance job) {
        try {
            body.run(job);
        } catch (Exception e) {
            recordError(job, e);
            throw e instanceof RuntimeException runtime ? runtime : new JobFailed(job, e);
        } catch (Error e) {
            recordError(job, e);
            throw e;
        }
        // a job that failed before and now ran is marked recovered, so its history stays readable
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE job_errors SET recovered_at = now() WHERE task_name = :task AND task_instance = :instance AND recovered_at IS NULL
                """).bind("task", job.task()).bind("instance", job.instanceId()).execute());
    }

    private void recordError(JobInstance job, Throwable e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.warn("job {} {} failed: {}", job.task(), job.instanceId(), reason);
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                    INSERT INTO job_errors (task_name, task_instance, tenant_id, attempts, last_error, first_failed_at, last_failed_at)
                    VALUES (:task, :instance, :tenant, 1, :error, now(), now())
                    ON CONFLICT (task_name, task_instance) DO UPDATE SET
                        attempts = CASE WHEN job_errors.recovered_at IS NULL THEN job_errors.attempts + 1 ELSE 1 END,
                        first_failed_at = CASE WHEN job_errors.recovered_at IS NULL THEN job_errors.first_failed_at ELSE now() END,
                        last_error = excluded.last_error, last_failed_at = now(), recovered_at = NULL, gave_up = false
                    """)
                    .bind("task", job.task()).bind("instance", job.instanceId()).bind("tenant", job.tenantId())
                    .bind("error", reason.length() > 2000 ? reason.substring(0, 2000) : reason)
                    .execute());
        } catch (RuntimeException recordFailed) {
            // the database may be what failed; the job is retried either way
            LOG.warn("could not record the failure of job {} {}: {}", job.task(), job.instanceId(), recordFailed.getMessage());
        }
    }

    /** Backoff from the first retry, doubling to {@link #LONGEST_RETRY}, until the job has failed for {@code giveUpAfter}. */
    private final class Backoff implements FailureHandler<Void> {
        private final Duration giveUpAfter;

        Backoff(Duration giveUpAfter) {
            this.giveUpAfter = giveUpAfter;
        }

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
            int failures = complete.getExecution().consecutiveFailures + 1;
            Instant now = complete.getTimeDone();
            JobInstance job = JobInstance.of(complete.getExecution().getTaskName(), complete.getExecution().getId());
            Instant firstFailure = jdbi.withHandle(h -> h.createQuery("""
                    SELECT first_failed_at FROM job_errors WHERE task_name = :task AND task_instance = :instance
                    """).bind("task", job.task()).bind("instance", job.instanceId()).mapTo(Instant.class).findOne()).orElse(now);
            if (!firstFailure.plus(giveUpAfter).isAfter(now)) {
                jdbi.useHandle(h -> h.createUpdate("UPDATE job_errors SET gave_up = true WHERE task_name = :task AND task_instance = :instance")
                        .bind("task", job.task()).bind("instance", job.instanceId()).execute());
                LOG.warn("job {} {} gave up after {} attempts", job.task(), job.instanceId(), failures);
                operations.stop();
                return;
            }
            operations.reschedule(complete, now.plus(delay(firstRetry, failures)));
        }
    }

    /** The wait before the next attempt after {@code failures} failures in a row: {@code first}, doubling, at most {@link #LONGEST_RETRY}. */
    static Duration delay(Duration first, int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 20);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /** A checked exception from a job body, carried out of the scheduler's handler. */
    public static final class JobFailed extends RuntimeException {
        JobFailed(JobInstance job, Exception cause) {
            super("job " + job.task() + " " + job.instanceId() + " failed: " + cause.getMessage(), cause);
        }
    }
}
