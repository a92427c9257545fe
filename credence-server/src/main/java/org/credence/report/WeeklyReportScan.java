package org.credence.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.credence.delivery.Delivery;
import org.jdbi.v3.core.Jdbi;

/**
 * Mails the weekly report of the week just ended to every subscriber, once: from Monday 00:00
 * UTC, each run queues the mails not queued yet, each in the same transaction as its row in
 * report_delivery, whose key (tenant, user, report, week) refuses a second one. A run on Tuesday
 * catches up a Monday the server was down; a run the same Monday again queues nothing. Only
 * enabled owners and analysts are mailed, and only those subscribed before the Monday: a new
 * subscriber's first report is the next Monday's. One entry point, {@link #run(Instant)}, for whatever
 * schedules it (a timer now, db-scheduler later).
 */
public final class WeeklyReportScan {
    private final Jdbi jdbi;
    private final Delivery delivery;

    public WeeklyReportScan(Jdbi jdbi, Delivery delivery) {
        this.jdbi = jdbi;
        this.delivery = delivery;
    }

    /**
     * Queues the report of the ISO week before {@code now}'s to each subscriber who has not had it.
     *
     * @return how many mails were queued
     */
    public int run(Instant now) {
        IsoWeek week = IsoWeek.of(LocalDate.ofInstant(now, ZoneOffset.UTC)).previous();
        return jdbi.inTransaction(h -> {
            var due = h.createQuery("""
                            SELECT s.tenant_id, s.user_id, u.email, s.language
                              FROM report_subscription s
                              JOIN app_user u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
                             WHERE s.report = :report
                               AND s.created_at < :monday
                               AND NOT u.disabled AND u.role IN ('owner', 'analyst')
                               AND NOT EXISTS (SELECT 1 FROM report_delivery d
                                                WHERE d.tenant_id = s.tenant_id AND d.user_id = s.user_id
                                                  AND d.report = s.report AND d.period = :week)
                             ORDER BY s.tenant_id, s.user_id
                               FOR UPDATE OF s SKIP LOCKED""")
                    .bind("report", WeeklySubscriptions.REPORT).bind("week", week.toString())
                    .bind("monday", Timestamp.from(week.sunday().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .map((rs, ctx) -> new Object[] {rs.getLong("tenant_id"), rs.getLong("user_id"), rs.getString("email"), rs.getString("language")})
                    .list();
            int queued = 0;
            for (Object[] row : due) {
                long tenant = (Long) row[0];
                long user = (Long) row[1];
                long mail = delivery.queueWeeklyReport(h, tenant, (String) row[2], (String) row[3], week.toString());
                // the key refuses a second mail for the week even if two scans ran at once
                queued += h.createUpdate("""
                                INSERT INTO report_delivery (tenant_id, user_id, report, period, mail_id, created_at)
                                VALUES (:tenant, :user, :report, :week, :mail, :now)""")
                        .bind("tenant", tenant).bind("user", user).bind("report", WeeklySubscriptions.REPORT).bind("week", week.toString())
                        .bind("mail", mail).bind("now", Timestamp.from(now)).execute();
            }
            return queued;
        });
    }
}
