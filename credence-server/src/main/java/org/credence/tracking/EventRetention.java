package org.credence.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes raw events older than the retention period, in chunks so no transaction holds many
 * locks; the rollups are kept. The recurring job {@value #JOB}: every six hours, by one Credence
 * process at a time (docs/jobs.md).
 */
final class EventRetention {
    static final String JOB = "tracking-retention";
    static final java.time.Duration EVERY = java.time.Duration.ofHours(6);
    private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);
    private static final int CHUNK = 10_000;
    private final Jdbi jdbi;
    private final Clock clock;
    private final int months;

    EventRetention(Jdbi jdbi, Clock clock, int months) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.months = months;
    }

    /** The job's body: a failure goes to the scheduler, which records it and runs the job again on schedule. */
    void run() {
        long deleted = runOnce();
        if (deleted > 0) {
            LOG.info("deleted {} tracking events older than {} months", deleted, months);
        }
    }

    /** Deletes every raw event older than the period; returns how many. */
    long runOnce() {
        Timestamp cutoff = Timestamp.from(ZonedDateTime.now(clock.withZone(ZoneOffset.UTC)).minusMonths(months).toInstant());
        long total = 0;
        int deleted;
        do {
            deleted = jdbi.withHandle(h -> h.createUpdate("""
                    DELETE FROM tracking_event
                     WHERE id IN (SELECT id
                                    FROM tracking_event
                                   WHERE occurred_at < :cutoff
                                   LIMIT :chunk)
                    """).bind("cutoff", cutoff).bind("chunk", CHUNK).execute());
            total += deleted;
        } while (deleted == CHUNK);
        return total;
    }
}
