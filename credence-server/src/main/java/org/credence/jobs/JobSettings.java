package org.credence.jobs;

import java.time.Duration;
import java.util.Map;

/**
 * How this process runs jobs, from {@code CREDENCE_JOBS_POLL_MS}, {@code CREDENCE_JOBS_THREADS} and
 * {@code CREDENCE_JOBS_HEARTBEAT_MS} (docs/jobs.md).
 *
 * @param pollEvery how often the process looks for due jobs when nobody {@link Jobs#wake() wakes} it
 * @param threads how many jobs the process runs at a time
 * @param heartbeat how often the process marks the jobs it runs as alive; after {@link #MISSED_HEARTBEATS} missed
 *     heartbeats another process takes a job over
 */
public record JobSettings(Duration pollEvery, int threads, Duration heartbeat) {
    /** Missed heartbeats after which a running job counts as dead (db-scheduler's default). */
    public static final int MISSED_HEARTBEATS = 4;
    public static final JobSettings DEFAULTS = new JobSettings(Duration.ofSeconds(1), 4, Duration.ofSeconds(5));

    public JobSettings {
        if (pollEvery.isNegative() || pollEvery.isZero() || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("the job poll interval and heartbeat must be positive");
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("CREDENCE_JOBS_THREADS must be 1-256, not " + threads);
        }
    }

    /** The settings in {@code env}, the defaults for what is not set. */
    public static JobSettings fromEnvironment(Map<String, String> env) {
        return new JobSettings(Duration.ofMillis(number(env, "CREDENCE_JOBS_POLL_MS", DEFAULTS.pollEvery.toMillis())),
                (int) number(env, "CREDENCE_JOBS_THREADS", DEFAULTS.threads),
                Duration.ofMillis(number(env, "CREDENCE_JOBS_HEARTBEAT_MS", DEFAULTS.heartbeat.toMillis())));
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below with the variable's name
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, not '" + value + "'");
    }
}
