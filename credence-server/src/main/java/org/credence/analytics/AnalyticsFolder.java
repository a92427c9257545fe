package org.credence.analytics;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the deltas that issuance and tracking append to the {@code analytics_*_pending} tables
 * (migrations V12, V13) and to {@code operations_pending} (V24) into the rollups the dashboards read. Each rollup is folded by one statement
 * that deletes the pending rows it sums, so a delta is counted exactly once: rows appended while
 * a fold runs wait for the next one, and a crash rolls a fold back whole. Runs every second in
 * the background, and before each dashboard read so figures include everything committed.
 *
 * <p>Folds are per tenant, each in its own transaction under its own lock: a dashboard read folds
 * only its tenant's deltas, so it never waits for another tenant's fold (one global lock made
 * the readers of every tenant queue behind each other).
 */
public final class AnalyticsFolder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsFolder.class);
    // one fold of a tenant at a time across every Credence process on the database: the advisory lock
    // (class "CRDF" in ASCII, tenant); the two-key lock space does not overlap the one-key space other locks use
    private static final int FOLD_LOCK_CLASS = 0x43524446;
    private static final long PERIOD_MILLIS = 1000;
    private static final long VACUUM_AFTER_ROWS = 100_000;
    private static final List<String> PENDING_TABLES = List.of("analytics_cohort_pending", "analytics_credential_pending",
            "analytics_recipient_pending", "analytics_return_pending", "analytics_daily_pending", "operations_pending");

    private static final List<String> COHORT_SUMS = List.of("issued", "claimed", "viewed", "shared", "shared_linkedin_profile",
            "shared_linkedin_post", "shared_x", "shared_facebook", "shared_email", "shared_copy_link", "shared_with_referral",
            "views_of_shared", "views", "shares", "referral_clicks", "verifications", "downloads");
    // a column not inserted is 0 in EXCLUDED, so one clause serves every cohort fold
    private static final String COHORT_ADDED = "ON CONFLICT (tenant_id, issued_day, achievement_id, shard) DO UPDATE SET "
            + String.join(", ", COHORT_SUMS.stream().map(c -> c + " = a." + c + " + EXCLUDED." + c).toList());

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
                if (foldPending() > VACUUM_AFTER_ROWS) {
                    // a large fold (the demo's months of events, a backlog) leaves the pending tables full of dead rows
                    // that every later fold, and so every dashboard read, would scan until autovacuum came round
                    jdbi.useHandle(h -> h.execute("VACUUM " + String.join(", ", PENDING_TABLES)));
                }
            } catch (RuntimeException e) {
                LOG.warn("folding analytics deltas failed; the deltas stay pending and are tried again", e);
            }
        }, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Folds every delta committed before the call into the rollups, tenant by tenant, waiting for
     * a fold of the same tenant already running. Returns how many rollup rows were written.
     */
    public long foldPending() {
        List<Long> tenants = jdbi.withHandle(h -> h.createQuery(String.join(" UNION ",
                PENDING_TABLES.stream().map(t -> "SELECT tenant_id FROM " + t).toList())).mapTo(Long.class).list());
        long written = 0;
        for (long tenant : tenants) {
            written += foldPending(tenant);
        }
        return written;
    }

    /**
     * Folds one tenant's deltas committed before the call, waiting only for a fold of the same
     * tenant already running (never for another tenant's). Returns how many rollup rows were written.
     */
    public long foldPending(long tenantId) {
        // every dashboard and report read folds first; with nothing pending (the usual case) one cheap look replaces the fold's
        // transaction, lock and six statements (about a quarter of a cached operations read at a million credentials)
        if (!pending(tenantId)) {
            return 0;
        }
        return jdbi.inTransaction(h -> foldPending(h, tenantId));
    }

    /** Whether any delta of the tenant is pending (committed, or being folded by another transaction right now). */
    private boolean pending(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + String.join(" OR ", PENDING_TABLES.stream()
                        .map(t -> "EXISTS (SELECT 1 FROM " + t + " WHERE tenant_id = :tenant)").toList()))
                .bind("tenant", tenantId).mapTo(Boolean.class).one());
    }

    /**
     * Folds one tenant's deltas in the caller's transaction, holding the tenant's fold lock until
     * it ends: another fold of the tenant waits for it, a fold or read of another tenant does not.
     */
    public static long foldPending(Handle h, long tenantId) {
        h.execute("SELECT pg_advisory_xact_lock(?, ?)", FOLD_LOCK_CLASS, (int) (tenantId % Integer.MAX_VALUE));
        // tracked credentials first: their first returns are for foldRecipients
        long engagement = foldTrackedCredentials(h, tenantId) + foldCohorts(h, tenantId) + foldRecipients(h, tenantId) + foldDaily(h, tenantId);
        long written = engagement + foldOperations(h, tenantId);
        if (engagement > 0) {
            // the engagement rollups changed: the dashboard's kept answers of the tenant are no longer good (DashboardAnswers); the
            // operations rollups alone (mail queued, jobs) are not read by it, so they leave its answers be
            h.createUpdate("""
                    INSERT INTO analytics_version AS v (tenant_id, version) VALUES (:tenant, 1)
                    ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1""").bind("tenant", tenantId).execute();
        }
        return written;
    }

    /**
     * The tracking writer's per-credential batch parts, summed per credential, against what the
     * rollups already hold of each credential (analytics_credential_state, which only this fold
     * writes, under the tenant's fold lock): what changed in each issue-day cohort ("after minus before", as
     * V11's trigger computed it), and each credential's first return after day 30.
     */
    private static long foldTrackedCredentials(Handle h, long tenantId) {
        return h.createUpdate("""
                WITH moved AS (DELETE FROM analytics_credential_pending WHERE tenant_id = :tenant RETURNING *),
                batch AS (
                    SELECT credential_id, min(tenant_id) AS tenant_id, min(achievement_id) AS achievement_id, min(issued_day) AS issued_day,
                           bool_or(viewed) AS viewed, bool_or(shared) AS shared, bool_or(referral) AS referral,
                           min(returned_at) AS returned_at, sum(views) AS views, sum(shares) AS shares, sum(referrals) AS referrals,
                           sum(verifications) AS verifications, sum(downloads) AS downloads
                      FROM moved GROUP BY credential_id),
                channels AS (
                    SELECT credential_id, array_agg(DISTINCT c ORDER BY c) AS channels FROM moved, unnest(channels) AS c GROUP BY credential_id),
                change AS (
                    SELECT b.*, coalesce(c.channels, '{}') AS channels,
                           coalesce(s.viewed, false) AS was_viewed, coalesce(s.shared, false) AS was_shared,
                           coalesce(s.referral, false) AS was_referral, coalesce(s.returned, false) AS was_returned,
                           coalesce(s.channels, '{}') AS was_channels, coalesce(s.views, 0) AS was_views,
                           coalesce(s.viewed, false) OR b.viewed AS now_viewed, coalesce(s.shared, false) OR b.shared AS now_shared,
                           coalesce(s.referral, false) OR b.referral AS now_referral
                      FROM batch AS b
                      LEFT JOIN channels AS c ON c.credential_id = b.credential_id
                      LEFT JOIN analytics_credential_state AS s ON s.credential_id = b.credential_id),
                state AS (
                    INSERT INTO analytics_credential_state AS s (credential_id, viewed, shared, referral, returned, channels, views)
                    SELECT credential_id, now_viewed, now_shared, now_referral, was_returned OR returned_at IS NOT NULL,
                           ARRAY(SELECT DISTINCT x FROM unnest(was_channels || channels) AS x ORDER BY x), was_views + views
                      FROM change ORDER BY credential_id
                    ON CONFLICT (credential_id) DO UPDATE
                       SET viewed = EXCLUDED.viewed, shared = EXCLUDED.shared, referral = EXCLUDED.referral,
                           returned = EXCLUDED.returned, channels = EXCLUDED.channels, views = EXCLUDED.views),
                returns AS (
                    INSERT INTO analytics_return_pending (tenant_id, credential_id, returned_at)
                    SELECT tenant_id, credential_id, returned_at FROM change WHERE returned_at IS NOT NULL AND NOT was_returned)
                INSERT INTO analytics_cohort AS a (tenant_id, issued_day, achievement_id, shard, viewed, shared, shared_linkedin_profile,
                                                   shared_linkedin_post, shared_x, shared_facebook, shared_email, shared_copy_link,
                                                   shared_with_referral, views_of_shared, views, shares, referral_clicks, verifications, downloads)
                SELECT tenant_id, issued_day, achievement_id, 0,
                       sum(now_viewed::int - was_viewed::int), sum(now_shared::int - was_shared::int),
                       count(*) FILTER (WHERE 'linkedin_profile' = ANY (channels) AND NOT 'linkedin_profile' = ANY (was_channels)),
                       count(*) FILTER (WHERE 'linkedin_post' = ANY (channels) AND NOT 'linkedin_post' = ANY (was_channels)),
                       count(*) FILTER (WHERE 'x' = ANY (channels) AND NOT 'x' = ANY (was_channels)),
                       count(*) FILTER (WHERE 'facebook' = ANY (channels) AND NOT 'facebook' = ANY (was_channels)),
                       count(*) FILTER (WHERE 'email' = ANY (channels) AND NOT 'email' = ANY (was_channels)),
                       count(*) FILTER (WHERE 'copy_link' = ANY (channels) AND NOT 'copy_link' = ANY (was_channels)),
                       sum((now_shared AND now_referral)::int - (was_shared AND was_referral)::int),
                       sum(CASE WHEN now_shared THEN was_views + views ELSE 0 END - CASE WHEN was_shared THEN was_views ELSE 0 END),
                       sum(views), sum(shares), sum(referrals), sum(verifications), sum(downloads)
                  FROM change
                 GROUP BY 1, 2, 3
                 ORDER BY 1, 2, 3
                """ + COHORT_ADDED).bind("tenant", tenantId).execute();
    }

    /** Issuance's cohort deltas (issued, claimed), appended by the credential table's trigger. */
    private static long foldCohorts(Handle h, long tenantId) {
        // the shard column only ever spread concurrent issuers (V11); one folder writes shard 0
        return h.createUpdate("""
                WITH moved AS (DELETE FROM analytics_cohort_pending WHERE tenant_id = :tenant RETURNING *)
                INSERT INTO analytics_cohort AS a (tenant_id, issued_day, achievement_id, shard, issued, claimed)
                SELECT tenant_id, issued_day, achievement_id, 0, sum(issued), sum(claimed)
                  FROM moved
                 GROUP BY 1, 2, 3
                 ORDER BY 1, 2, 3
                """
                + COHORT_ADDED).bind("tenant", tenantId).execute();
    }

    /**
     * New credentials and first returns of each recipient in one upsert, so both sides come from
     * one snapshot: a return is never folded before the issuance of its credential. The
     * analytics_recipient trigger (V11) keeps analytics_recipient_daily.
     */
    private static long foldRecipients(Handle h, long tenantId) {
        return h.createUpdate("""
                WITH issued AS (DELETE FROM analytics_recipient_pending WHERE tenant_id = :tenant RETURNING *),
                     returned AS (DELETE FROM analytics_return_pending WHERE tenant_id = :tenant RETURNING *),
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
                """).bind("tenant", tenantId).execute();
    }

    /** Counted events per day: without the country for trends, and by country for geography. */
    private static long foldDaily(Handle h, long tenantId) {
        return h.createUpdate("""
                WITH moved AS (DELETE FROM analytics_daily_pending WHERE tenant_id = :tenant RETURNING *),
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
                """).bind("tenant", tenantId).execute();
    }

    /**
     * The operations histograms and counts (V24): each delta lands in its day, its ISO week (from Monday) and its month, under its
     * achievement and under 0 (every achievement); sketch registers keep their largest rank, every other count is a sum.
     */
    private static long foldOperations(Handle h, long tenantId) {
        String upsert = """
                SELECT tenant_id, %s, achievement_id, metric, bucket, CASE WHEN metric = 'recipient_hll' THEN max(delta) ELSE sum(delta) END
                  FROM expanded GROUP BY 1, 2, 3, 4, 5 HAVING metric = 'recipient_hll' OR sum(delta) <> 0 ORDER BY 1, 4, 3, 2, 5
                ON CONFLICT (tenant_id, metric, achievement_id, day, bucket) DO UPDATE
                   SET count = CASE WHEN o.metric = 'recipient_hll' THEN greatest(o.count, EXCLUDED.count) ELSE o.count + EXCLUDED.count END
                 WHERE o.metric <> 'recipient_hll' OR EXCLUDED.count > o.count""";
        return h.createUpdate("""
                        WITH moved AS (DELETE FROM operations_pending WHERE tenant_id = :tenant RETURNING *),
                             expanded AS (SELECT tenant_id, day, achievement_id, metric, bucket, delta FROM moved
                                          UNION ALL SELECT tenant_id, day, 0, metric, bucket, delta FROM moved),
                             daily AS (INSERT INTO operations_daily AS o (tenant_id, day, achievement_id, metric, bucket, count)
                        """ + upsert.formatted("day") + """
                                       RETURNING 1),
                             weekly AS (INSERT INTO operations_weekly AS o (tenant_id, day, achievement_id, metric, bucket, count)
                        """ + upsert.formatted("CAST(date_trunc('week', day) AS DATE)") + """
                                       RETURNING 1)
                        INSERT INTO operations_monthly AS o (tenant_id, day, achievement_id, metric, bucket, count)
                        """ + upsert.formatted("CAST(date_trunc('month', day) AS DATE)"))
                .bind("tenant", tenantId).execute();
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
