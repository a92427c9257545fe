package org.credence.analytics.outcomes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.credence.achievement.Achievement;
import org.credence.achievement.Achievements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes a tenant's outcome answers (completion, retention, business for the default filters, for the quarters a board
 * report reads and for each achievement's default view) in the background after its outcome data changed, so the first read
 * after an import is served from memory instead of paying seconds of SQL (a board report's six answers took two minutes at a
 * million rows). One thread; triggers for a tenant already queued are coalesced; while a tenant is queued, running or
 * {@link #pending}, {@link OutcomeReports} answers readers of the default dates with the previous answer marked stale. One entry
 * point, {@link #changed}, so a job scheduler can take its place later.
 */
public final class OutcomeWarmer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeWarmer.class);
    /**
     * At most this many achievements' filtered views are recomputed per change (the tenant's first ones): each costs about what the
     * unfiltered view does, so the warmer's time grows with them. A filter beyond is computed by its first reader.
     */
    static final int MAX_ACHIEVEMENTS = 50;
    /** How long a close waits for a recompute in flight before interrupting it. */
    private static final long CLOSE_WAIT_SECONDS = 5;
    private final OutcomeReports reports;
    private final Achievements achievements;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outcome-warmer");
        thread.setDaemon(true);
        return thread;
    });
    /** Tenants with a recompute queued and not yet started (guarded by this). */
    private final Set<Long> queued = new HashSet<>();
    /** Tenants whose new data waits for something (fresh planner statistics) before {@link #changed} is told (guarded by this). */
    private final Set<Long> pending = new HashSet<>();
    /** Tenants with imports writing, and how many (guarded by this). */
    private final Map<Long, Integer> writers = new HashMap<>();
    /** Tenants whose recompute waits for their imports to end (guarded by this). */
    private final Set<Long> waiting = new HashSet<>();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();

    public OutcomeWarmer(OutcomeReports reports, Achievements achievements, Clock clock) {
        this.reports = reports;
        this.achievements = achievements;
        this.clock = clock;
    }

    /**
     * Tells the warmer that {@code tenantId}'s outcome data changed (an import, an erasure, program metadata, a course mapping
     * committed): its answers are recomputed soon, off the caller's thread. Never blocks and never throws.
     */
    public synchronized void changed(long tenantId) {
        pending.remove(tenantId);
        if (!queued.add(tenantId)) {
            return; // the queued run will read the new data too
        }
        reports.revalidating(tenantId, true);
        try {
            executor.execute(() -> recompute(tenantId));
        } catch (RejectedExecutionException e) {
            // closed: readers compute for themselves again
            queued.remove(tenantId);
            reports.revalidating(tenantId, false);
        }
    }

    /**
     * Tells the warmer that {@code tenantId}'s outcome data changed and that {@link #changed} follows once it is ready to be read
     * well (an import's statistics job): until then, readers of the warmed answers get the previous ones marked stale rather than
     * computing on planner statistics from before the load. Never blocks.
     */
    public synchronized void pending(long tenantId) {
        pending.add(tenantId);
        reports.revalidating(tenantId, true);
    }

    /**
     * Tells the warmer that an import of {@code tenantId} starts writing; the import runs the answer once it ended (committed or
     * not). Meanwhile the tenant's recomputes (seconds of SQL each at a million rows) wait rather than compete with the import for
     * the database: one due does not start, one running stops at its next achievement, and either is queued again when the last
     * import of the tenant ended (unless its statistics job is {@link #pending}: that tells {@link #changed} later). Never blocks.
     */
    public synchronized Runnable writing(long tenantId) {
        writers.merge(tenantId, 1, Integer::sum);
        return () -> written(tenantId);
    }

    private synchronized void written(long tenantId) {
        if (writers.merge(tenantId, -1, Integer::sum) > 0) {
            return;
        }
        writers.remove(tenantId);
        if (waiting.remove(tenantId) && !pending.contains(tenantId)) {
            changed(tenantId);
        }
    }

    /** Whether an import of the tenant is writing; if so the recompute due is remembered for when it ended. */
    private synchronized boolean waitForWriters(long tenantId) {
        if (!writers.containsKey(tenantId)) {
            return false;
        }
        waiting.add(tenantId);
        deferred.incrementAndGet();
        return true;
    }

    private void recompute(long tenantId) {
        synchronized (this) {
            queued.remove(tenantId); // a change from now on queues another run, which reads it
        }
        if (waitForWriters(tenantId)) {
            return; // readers meanwhile get the previous answers, marked stale
        }
        try {
            Instant now = clock.instant();
            List<Achievement> list = achievements.list(tenantId);
            reports.warm(scopes(tenantId, now), list);
            // then each achievement's default view (the outcome pages' and API's achievement filter), one session each
            for (Achievement achievement : list.subList(0, Math.min(list.size(), MAX_ACHIEVEMENTS))) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // closing
                }
                if (waitForWriters(tenantId)) {
                    return; // an import began: stop competing with it; queued again when it ended
                }
                reports.warm(List.of(OutcomeQueries.Scope.standard(tenantId, now, achievement.id())), list);
            }
            completed.incrementAndGet();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            LOG.error("recomputing the outcome figures of tenant {} failed; its readers compute them on request", tenantId, e);
        } finally {
            synchronized (this) {
                if (!queued.contains(tenantId) && !pending.contains(tenantId) && !waiting.contains(tenantId)) {
                    reports.revalidating(tenantId, false);
                }
            }
        }
    }

    /**
     * What is warmed: the default filters, then the quarters a board report reads by default (the last finished quarter and
     * the one before it) and the quarter in progress, as of {@code now}'s day.
     */
    static List<OutcomeQueries.Scope> scopes(long tenantId, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate quarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        List<OutcomeQueries.Scope> scopes = new ArrayList<>();
        scopes.add(OutcomeQueries.Scope.standard(tenantId, now));
        for (int back = 0; back <= 2; back++) {
            LocalDate first = quarter.minusMonths(3L * back);
            scopes.add(OutcomeQueries.Scope.ofReport(tenantId, first, first.plusMonths(3).minusDays(1), today));
        }
        return scopes;
    }

    /** Recomputes finished since start (for tests and health checks). */
    public long completed() {
        return completed.get();
    }

    /** Recomputes not started or stopped early because an import of their tenant was writing (each queued again after it). */
    public long deferred() {
        return deferred.get();
    }

    /** Recomputes that failed since start (each logged). */
    public long failed() {
        return failed.get();
    }

    /**
     * Waits until every recompute queued before the call has finished: tests and benchmarks use it, requests never do.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitIdle(Duration timeout) {
        Future<?> marker;
        try {
            marker = executor.submit(() -> {});
        } catch (RejectedExecutionException e) {
            return true;
        }
        try {
            marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Drops queued recomputes (a cache warm, nothing is lost) and lets one in flight finish briefly before the database stops. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("an outcome recompute was still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
