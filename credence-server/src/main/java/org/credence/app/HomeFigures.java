package org.credence.app;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.OptionalLong;
import org.credence.analytics.AnalyticsFilter;
import org.credence.analytics.AnalyticsFolder;
import org.credence.analytics.EngagementQueries;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The figures of the signed-in home ({@code /app}): this week's and last week's issued, claimed, shared and verified
 * (from the analytics rollups, as the dashboard counts them), and what needs attention (failed mails, credentials
 * expiring soon, failed jobs, unmatched outcome-import rows, unmapped LMS courses). Every query is scoped to the tenant
 * and reads an index or a rollup, never a tenant's credentials or events one by one: a count of things that need
 * attention stops at {@link #CAP}, which is plenty to say "go and look".
 */
public final class HomeFigures {
    /**
     * A count of things needing attention is read up to this many; more is shown as "1,000+". Each counted row may
     * cost a heap read (a credential's state, a later mail), so the cap bounds the page's work at any tenant size.
     */
    public static final int CAP = 1_000;
    /** Credentials expiring within this many days need attention (a reminder, a renewal). */
    public static final int EXPIRING_DAYS = 30;
    /** Failed mails and imports older than this no longer need attention on the home page. */
    static final Duration RECENT = Duration.ofDays(30);

    /** One week's counts; {@code start} is its Monday (UTC). */
    public record Week(LocalDate start, long issued, long claimed, long shared, long verified) {
        static Week empty(LocalDate start) {
            return new Week(start, 0, 0, 0, 0);
        }
    }

    /** A count read up to {@link #CAP}: {@code capped} when there are at least that many. */
    public record Count(long value, boolean capped) {
        public boolean any() {
            return value > 0;
        }
    }

    /**
     * What needs a person's attention.
     *
     * @param failedMails      mails that failed or bounced in the last 30 days and were not sent again since
     * @param expiringSoon     active credentials expiring in the next 30 days
     * @param failedJobs       background jobs of the tenant failing or given up
     * @param unmatchedRows    outcome-import rows of the last 30 days refused or naming no recipient of the tenant
     * @param unmappedCourses  LMS courses with completions waiting and no achievement mapped
     */
    public record Attention(Count failedMails, Count expiringSoon, Count failedJobs, Count unmatchedRows, Count unmappedCourses) {
        public boolean any() {
            return failedMails.any() || expiringSoon.any() || failedJobs.any() || unmatchedRows.any() || unmappedCourses.any();
        }
    }

    /**
     * Everything the home shows.
     *
     * @param hasAchievements whether the tenant made any achievement yet (the first step of a new tenant)
     * @param hasCredentials  whether it issued any credential yet
     */
    public record Home(Week thisWeek, Week lastWeek, Attention attention, boolean hasAchievements, boolean hasCredentials) {}

    private final Jdbi jdbi;
    private final EngagementQueries engagement;
    private final AnalyticsFolder folder;
    private final Clock clock;

    public HomeFigures(Jdbi jdbi, EngagementQueries engagement, AnalyticsFolder folder, Clock clock) {
        this.jdbi = jdbi;
        this.engagement = engagement;
        this.folder = folder;
        this.clock = clock;
    }

    /** The home's figures for the tenant, as of now. */
    public Home of(long tenantId) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // what issuance and tracking appended since the last background fold counts too, as on the dashboard
        folder.foldPending(tenantId);
        List<EngagementQueries.Week> weeks = engagement.weekly(tenantId, new AnalyticsFilter(monday.minusWeeks(1), today, OptionalLong.empty()));
        Week last = week(weeks, monday.minusWeeks(1));
        Week current = week(weeks, monday);
        return jdbi.withHandle(h -> new Home(current, last, attention(h, tenantId, now), exists(h, "achievement", tenantId),
                exists(h, "credential", tenantId)));
    }

    private static Week week(List<EngagementQueries.Week> weeks, LocalDate monday) {
        return weeks.stream().filter(w -> w.start().equals(monday)).findFirst()
                .map(w -> new Week(monday, w.issued(), w.claims(), w.shares(), w.verifications())).orElse(Week.empty(monday));
    }

    private static Attention attention(Handle h, long tenantId, Instant now) {
        Timestamp since = Timestamp.from(now.minus(RECENT));
        // a failed mail stops needing attention once a later mail about the same credential went out (a resend)
        Count mails = count(h, """
                SELECT 1 FROM mail AS m
                 WHERE m.tenant_id = :tenant AND m.status IN ('failed', 'bounced') AND m.created_at >= :since
                   AND NOT EXISTS (SELECT 1 FROM mail AS later WHERE later.tenant_id = m.tenant_id AND later.credential_id = m.credential_id
                                      AND later.id > m.id AND later.status = 'sent')""", tenantId, since, now);
        Count expiring = count(h, """
                SELECT 1 FROM credential
                 WHERE tenant_id = :tenant AND expires_at IS NOT NULL AND expires_at >= :now AND expires_at < :until
                   AND state = 'active' AND superseded_by IS NULL""", tenantId, since, now);
        Count jobs = count(h, "SELECT 1 FROM job_errors WHERE tenant_id = :tenant AND recovered_at IS NULL", tenantId, since, now);
        // the latest imports only (by the tenant's started_at index): their refused rows and the rows naming no recipient
        long unmatched = h.createQuery("""
                        SELECT coalesce(sum(rows_failed + greatest(rows_with_person - rows_matched, 0)), 0)
                          FROM (SELECT rows_failed, rows_with_person, rows_matched FROM outcome_import
                                 WHERE tenant_id = :tenant AND started_at >= :since AND NOT simulated
                                 ORDER BY started_at DESC LIMIT 100) AS recent""")
                .bind("tenant", tenantId).bind("since", since).mapTo(Long.class).one();
        return new Attention(mails, expiring, jobs, new Count(Math.min(unmatched, CAP), unmatched >= CAP), unmappedCourses(h, tenantId));
    }

    /**
     * The distinct courses with completions waiting and no mapping, read by skipping through the waiting-completions
     * index one course at a time (a loose index scan), so a course with a million waiting learners costs one step.
     */
    private static Count unmappedCourses(Handle h, long tenantId) {
        long found = h.createQuery("""
                        WITH RECURSIVE course AS (
                            (SELECT course_id, 1 AS n FROM completion WHERE tenant_id = :tenant AND credential_id IS NULL ORDER BY course_id LIMIT 1)
                            UNION ALL
                            SELECT (SELECT c.course_id FROM completion AS c
                                     WHERE c.tenant_id = :tenant AND c.credential_id IS NULL AND c.course_id > course.course_id
                                     ORDER BY c.course_id LIMIT 1), course.n + 1
                              FROM course WHERE course.course_id IS NOT NULL AND course.n <= :cap)
                        SELECT count(*) FROM course
                         WHERE course_id IS NOT NULL
                           AND NOT EXISTS (SELECT 1 FROM course_achievement AS m WHERE m.tenant_id = :tenant AND m.course_id = course.course_id)""")
                .bind("tenant", tenantId).bind("cap", CAP).mapTo(Long.class).one();
        return new Count(Math.min(found, CAP), found >= CAP);
    }

    /** How many rows {@code select} finds, read up to {@link #CAP}. */
    private static Count count(Handle h, String select, long tenantId, Timestamp since, Instant now) {
        var query = h.createQuery("SELECT count(*) FROM (" + select + " LIMIT :cap) AS found").bind("tenant", tenantId).bind("cap", CAP);
        if (select.contains(":since")) {
            query.bind("since", since);
        }
        if (select.contains(":now")) {
            query.bind("now", Timestamp.from(now)).bind("until", Timestamp.from(now.plus(Duration.ofDays(EXPIRING_DAYS))));
        }
        long n = query.mapTo(Long.class).one();
        return new Count(n, n >= CAP);
    }

    private static boolean exists(Handle h, String table, long tenantId) {
        // the two tables named by this class only; both are indexed by tenant first
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE tenant_id = :tenant)").bind("tenant", tenantId)
                .mapTo(Boolean.class).one();
    }
}
