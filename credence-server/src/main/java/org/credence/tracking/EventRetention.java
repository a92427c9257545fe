package org.credence.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes raw events older than the retention period, in chunks so no transaction holds many
 * locks; the rollups are kept. Runs an hour after start and every six hours after that; on
 * several nodes each runs it, and the deletes simply find less to do.
 */
final class EventRetention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);
    private static final int CHUNK = 10_000;
    private final Jdbi jdbi;
    private final Clock clock;
    private final int months;
    private ScheduledExecutorService scheduler;

    EventRetention(Jdbi jdbi, Clock clock, int months) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.months = months;
    }

    EventRetention start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tracking-retention");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                long deleted = runOnce();
                if (deleted > 0) {
                    LOG.info("deleted {} tracking events older than {} months", deleted, months);
                }
            } catch (RuntimeException e) {
                LOG.warn("tracking retention failed; trying again later", e);
            }
        }, 1, 6, TimeUnit.HOURS);
        return this;
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

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
