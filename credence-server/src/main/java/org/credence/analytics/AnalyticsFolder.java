package org.credence.analytics;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the deltas that issuance and tracking append to the {@code analytics_*_pending} tables
 * (migration V12) into the rollups the dashboards read. Each rollup is folded by one statement
 * that deletes the pending rows it sums, so a delta is counted exactly once: rows appended while
 * a fold runs wait for the next one, and a crash rolls a fold back whole. Runs every second in
 * the background, and before each dashboard read so figures include everything committed.
 */
public final class AnalyticsFolder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsFolder.class);
    // one fold at a time across every Credence process on the database ("CRDFOLD" in ASCII)
    private static final long FOLD_LOCK = 0x435244464f4c44L;
    private static final long PERIOD_MILLIS = 1000;

    private final Jdbi jdbi;
    private ScheduledExecutorService scheduler;

    public AnalyticsFolder(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Folds in the background every second until closed. */
    public AnalyticsFolder start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "analytics-folder");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                foldPending();
            } catch (RuntimeException e) {
                LOG.warn("folding analytics deltas failed; the deltas stay pending and are tried again", e);
            }
        }, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Folds every delta committed before the call into the rollups, waiting for a fold already
     * running. Returns how many rollup rows were written.
     */
    public long foldPending() {
        return jdbi.inTransaction(h -> {
            h.execute("SELECT pg_advisory_xact_lock(?)", FOLD_LOCK);
            return foldCohorts(h) + foldRecipients(h) + foldDaily(h);
        });
    }

    private static long foldCohorts(Handle h) {
        String[] sums = {"issued", "claimed", "viewed", "shared", "shared_linkedin_profile", "shared_linkedin_post", "shared_x",
            "shared_facebook", "shared_email", "shared_copy_link", "shared_with_referral", "views_of_shared", "views", "shares",
            "referral_clicks", "verifications", "downloads"};
        String columns = String.join(", ", sums);
        StringBuilder summed = new StringBuilder();
        StringBuilder added = new StringBuilder();
        for (String c : sums) {
            summed.append(", sum(").append(c).append(')');
            added.append(added.isEmpty() ? "" : ", ").append(c).append(" = a.").append(c).append(" + EXCLUDED.").append(c);
        }
        // the shard column only ever spread concurrent issuers (V11); one folder writes shard 0
        return h.createUpdate("""
                WITH moved AS (DELETE FROM analytics_cohort_pending RETURNING *)
                INSERT INTO analytics_cohort AS a (tenant_id, issued_day, achievement_id, shard, %1$s)
                SELECT tenant_id, issued_day, achievement_id, 0%2$s
                  FROM moved
                 GROUP BY 1, 2, 3
                 ORDER BY 1, 2, 3
                ON CONFLICT (tenant_id, issued_day, achievement_id, shard) DO UPDATE SET %3$s
                """.formatted(columns, summed, added)).execute();
    }

    /**
     * New credentials and first returns of each recipient in one upsert, so both sides come from
     * one snapshot: a return is never folded before the issuance of its credential. The
     * analytics_recipient trigger (V11) keeps analytics_recipient_daily.
     */
    private static long foldRecipients(Handle h) {
        return h.createUpdate("""
                WITH issued AS (DELETE FROM analytics_recipient_pending RETURNING *),
                     returned AS (DELETE FROM analytics_return_pending RETURNING *),
                     people AS (SELECT tenant_id, recipient_email_hash, first_issued_at, credentials, NULL::timestamptz AS returned_at
                                  FROM issued
                                UNION ALL
                                SELECT c.tenant_id, c.recipient_email_hash, NULL, 0, r.returned_at
                                  FROM returned AS r JOIN credential AS c ON c.id = r.credential_id AND c.tenant_id = r.tenant_id)
                -- NOT NULL is checked before the conflict is: a group of returns only proposes 'infinity', which LEAST never keeps
                INSERT INTO analytics_recipient AS r (tenant_id, recipient_email_hash, first_issued_at, credentials, returned_at)
                SELECT tenant_id, recipient_email_hash, coalesce(min(first_issued_at), 'infinity'), sum(credentials), min(returned_at)
                  FROM people AS p
                 GROUP BY 1, 2
                -- returns only update a recipient who is there: one whose credential came before the rollups has nothing to update
                HAVING min(first_issued_at) IS NOT NULL
                    OR EXISTS (SELECT 1 FROM analytics_recipient AS x
                                WHERE x.tenant_id = p.tenant_id AND x.recipient_email_hash = p.recipient_email_hash)
                 ORDER BY 1, 2
                ON CONFLICT (tenant_id, recipient_email_hash) DO UPDATE
                   SET first_issued_at = LEAST(r.first_issued_at, EXCLUDED.first_issued_at),
                       credentials = r.credentials + EXCLUDED.credentials,
                       returned_at = LEAST(r.returned_at, EXCLUDED.returned_at)
                """).execute();
    }

    /** Counted events per day: without the country for trends, and by country for geography. */
    private static long foldDaily(Handle h) {
        return h.createUpdate("""
                WITH moved AS (DELETE FROM analytics_daily_pending RETURNING *),
                     by_country AS (
                        INSERT INTO analytics_country_daily AS a (tenant_id, type, day, country, counted)
                        SELECT tenant_id, type, day, country, sum(counted) FROM moved
                         WHERE type IN ('view', 'verification')
                         GROUP BY 1, 2, 3, 4
                         ORDER BY 1, 2, 3, 4
                        ON CONFLICT (tenant_id, type, day, country) DO UPDATE SET counted = a.counted + EXCLUDED.counted)
                INSERT INTO analytics_daily AS a (tenant_id, day, achievement_id, type, channel, counted)
                SELECT tenant_id, day, achievement_id, type, channel, sum(counted) FROM moved
                 GROUP BY 1, 2, 3, 4, 5
                 ORDER BY 1, 2, 3, 4, 5
                ON CONFLICT (tenant_id, day, achievement_id, type, channel) DO UPDATE SET counted = a.counted + EXCLUDED.counted
                """).execute();
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
