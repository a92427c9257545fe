package org.credence.analytics;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.credence.insights.operations.DurationHistogram;
import org.credence.insights.operations.RecipientSketch;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The measured counts behind the operations figures (migration V24): time-to-issue and claim-lag
 * histograms, credential-mail outcomes and the recipients' sketch from operations_monthly and
 * operations_daily, credentials issued and claimed from analytics_cohort, and support tickets.
 * Every query is scoped to one tenant and a period of UTC days [from, to).
 */
public final class OperationsQueries {
    /** How figures are grouped over time. */
    public enum Granularity {
        DAY, WEEK, MONTH;

        /** PostgreSQL's {@code date_trunc} field. */
        String field() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The operations rollup with one row per period of this granularity (day: the period's first day, weeks from Monday). */
        String rollup() {
            return switch (this) {
                case DAY -> "operations_daily";
                case WEEK -> "operations_weekly";
                case MONTH -> "operations_monthly";
            };
        }

        /** The first day of the first whole period on or after {@code day}. */
        LocalDate firstStartFrom(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
                case MONTH -> day.getDayOfMonth() == 1 ? day : day.withDayOfMonth(1).plusMonths(1);
            };
        }

        /** The first day of the period that holds {@code day}. */
        LocalDate startOf(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
            };
        }

        /** The granularity named {@code day}, {@code week} or {@code month}. */
        public static java.util.Optional<Granularity> parse(String text) {
            for (Granularity g : values()) {
                if (g.field().equals(text)) {
                    return java.util.Optional.of(g);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** The counts of one period: credentials issued and claimed (by issue day), and support tickets. */
    public record Period(LocalDate start, long issued, long claimed, long tickets, DurationHistogram timeToIssue) {}

    /** Credential mails by their current status, counted by the day they were queued. */
    public record Mail(long sent, long failed, long bounced, long pending) {
        /** Mails that reached a final state. */
        public long finished() {
            return sent + failed + bounced;
        }
    }

    private final Jdbi jdbi;
    private final long exactRecipients;

    public OperationsQueries(Jdbi jdbi) {
        this(jdbi, EXACT_RECIPIENTS);
    }

    /** With recipients counted exactly up to {@code exactRecipients} credentials of the tenant in a period (tests). */
    OperationsQueries(Jdbi jdbi, long exactRecipients) {
        this.jdbi = jdbi;
        this.exactRecipients = exactRecipients;
    }

    /**
     * Moves the tenant's pending deltas into the rollups (operations and the others, {@link AnalyticsFolder#foldPending(Handle, long)}),
     * so a read includes everything committed before it; the background folder does the same every second.
     */
    public void fold(long tenantId) {
        jdbi.useTransaction(h -> AnalyticsFolder.foldPending(h, tenantId));
    }

    /** A histogram ({@code issue_ms} or {@code claim_ms}) over the period. */
    public DurationHistogram histogram(long tenantId, String metric, LocalDate from, LocalDate to, OptionalLong achievement) {
        return DurationHistogram.of(byBucket(tenantId, metric, from, to, achievement, "sum"));
    }

    /** Credential mails queued in the period, by current status. */
    public Mail mail(long tenantId, LocalDate from, LocalDate to, OptionalLong achievement) {
        Map<String, Long> byStatus = new HashMap<>();
        jdbi.useHandle(h -> rollup(h, "SELECT metric, sum(count) AS n FROM (%s) AS r GROUP BY metric", "metric, count", "metric LIKE 'mail\\_%'",
                        tenantId, from, to, achievement, Granularity.MONTH)
                .map((rs, ctx) -> byStatus.put(rs.getString("metric").substring(5), rs.getLong("n"))).list());
        return new Mail(byStatus.getOrDefault("sent", 0L), byStatus.getOrDefault("failed", 0L), byStatus.getOrDefault("bounced", 0L),
                byStatus.getOrDefault("queued", 0L) + byStatus.getOrDefault("sending", 0L));
    }

    /** Distinct recipients of a period: exact, or estimated from the sketch ({@code estimated}, ±4.6 %) when the period is large. */
    public record Recipients(long count, boolean estimated) {}

    /**
     * Distinct recipients of the {@code issued} credentials of the period: counted exactly when the count reads at most
     * {@link #EXACT_RECIPIENTS} credentials, else estimated from the HyperLogLog registers of the rollup. The count
     * scans every achievement's credentials of the period (the index is by tenant and time), so one achievement's
     * recipients are counted exactly only when the whole tenant's period is small enough.
     */
    public Recipients recipients(long tenantId, LocalDate from, LocalDate to, OptionalLong achievement, long issued) {
        if (issued <= exactRecipients && (achievement.isEmpty() || jdbi.withHandle(h -> scoped(h, """
                SELECT coalesce(sum(issued), 0) FROM analytics_cohort WHERE tenant_id = :tenant AND issued_day >= :from AND issued_day < :to""",
                tenantId, from, to, OptionalLong.empty()).mapTo(Long.class).one()) <= exactRecipients)) {
            return new Recipients(jdbi.withHandle(h -> scoped(h, """
                            SELECT count(*) FROM (SELECT DISTINCT recipient_email_hash FROM credential
                             WHERE tenant_id = :tenant AND issued_at >= CAST(:from AS DATE) AT TIME ZONE 'UTC'
                               AND issued_at < CAST(:to AS DATE) AT TIME ZONE 'UTC'
                               AND """ + ACHIEVEMENT + ") AS d", tenantId, from, to, achievement)
                    .mapTo(Long.class).one()), false);
        }
        return new Recipients(RecipientSketch.estimate(byBucket(tenantId, "recipient_hll", from, to, achievement, "max")), true);
    }

    /** Support tickets of the period by channel (tickets have no achievement). */
    public Map<String, Long> ticketsByChannel(long tenantId, LocalDate from, LocalDate to) {
        Map<String, Long> byChannel = new TreeMap<>();
        jdbi.useHandle(h -> scoped(h, """
                        SELECT channel, sum(tickets) AS n FROM support_ticket_count
                         WHERE tenant_id = :tenant AND day >= :from AND day < :to GROUP BY channel""", tenantId, from, to, OptionalLong.empty())
                .map((rs, ctx) -> byChannel.put(rs.getString("channel"), rs.getLong("n"))).list());
        return byChannel;
    }

    /**
     * The period's counts by {@code granularity}, oldest first, each period starting on a day,
     * Monday or first of the month (UTC) and clipped to [from, to).
     */
    public List<Period> periods(long tenantId, LocalDate from, LocalDate to, OptionalLong achievement, Granularity granularity) {
        Map<LocalDate, long[]> counts = new TreeMap<>();
        Map<LocalDate, Map<Integer, Long>> issueTimes = new HashMap<>();
        java.util.function.UnaryOperator<String> period = column -> "CAST(greatest(date_trunc('" + granularity.field() + "', " + column
                + "), CAST(:from AS DATE)) AS DATE)";
        jdbi.useHandle(h -> {
            scoped(h, "SELECT " + period.apply("issued_day") + """
                             AS period, sum(issued) AS issued, sum(claimed) AS claimed FROM analytics_cohort
                             WHERE tenant_id = :tenant AND issued_day >= :from AND issued_day < :to AND """ + ACHIEVEMENT + """
                             GROUP BY 1""", tenantId, from, to, achievement)
                    .map((rs, ctx) -> {
                        long[] row = counts.computeIfAbsent(rs.getDate("period").toLocalDate(), d -> new long[3]);
                        row[0] = rs.getLong("issued");
                        row[1] = rs.getLong("claimed");
                        return row;
                    }).list();
            scoped(h, "SELECT " + period.apply("day") + """
                             AS period, sum(tickets) AS tickets FROM support_ticket_count
                             WHERE tenant_id = :tenant AND day >= :from AND day < :to GROUP BY 1""", tenantId, from, to, OptionalLong.empty())
                    .map((rs, ctx) -> counts.computeIfAbsent(rs.getDate("period").toLocalDate(), d -> new long[3])[2] = rs.getLong("tickets"))
                    .list();
            // the rows as stored (whole periods from their own rollup), summed into their periods here: no aggregation in the database
            rollup(h, "%s", "day, bucket, count", "metric = 'issue_ms'", tenantId, from, to, achievement, granularity)
                    .map((rs, ctx) -> issueTimes.computeIfAbsent(max(granularity.startOf(rs.getDate("day").toLocalDate()), from), d -> new HashMap<>())
                            .merge(rs.getInt("bucket"), rs.getLong("count"), Long::sum))
                    .list();
        });
        issueTimes.keySet().forEach(start -> counts.computeIfAbsent(start, d -> new long[3]));
        Map<LocalDate, Period> periods = new LinkedHashMap<>();
        counts.forEach((start, row) -> periods.put(start, new Period(start, row[0], row[1], row[2],
                DurationHistogram.of(issueTimes.getOrDefault(start, Map.of())))));
        return List.copyOf(periods.values());
    }

    private static final String ACHIEVEMENT = "(CAST(:achievement AS BIGINT) IS NULL OR achievement_id = :achievement)\n";
    /** Up to this many credentials of the tenant in a period, recipients are counted exactly (an index-only scan of about 50 ms at most). */
    static final long EXACT_RECIPIENTS = 50_000;

    /** Counts of one metric by bucket over the period, summed ("sum") or, for sketch registers, their largest ("max"). */
    private Map<Integer, Long> byBucket(long tenantId, String metric, LocalDate from, LocalDate to, OptionalLong achievement, String aggregate) {
        Map<Integer, Long> counts = new HashMap<>();
        jdbi.useHandle(h -> rollup(h, "SELECT bucket, " + aggregate + "(count) AS n FROM (%s) AS r GROUP BY bucket", "bucket, count",
                        "metric = :metric", tenantId, from, to, achievement, Granularity.MONTH)
                .bind("metric", metric)
                .map((rs, ctx) -> counts.put(rs.getInt("bucket"), rs.getLong("n"))).list());
        return counts;
    }

    /** Days [from, to) read from the rollup of one granularity. */
    record Range(Granularity granularity, LocalDate from, LocalDate to) {}

    /**
     * [from, to) as whole periods of {@code coarsest} and, before and after them, of each finer granularity down to days:
     * a year by month is 12 monthly rows per bucket; 90 days from a Monday is two months, a few weeks and a day or two.
     */
    static List<Range> cover(LocalDate from, LocalDate to, Granularity coarsest) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        if (coarsest == Granularity.DAY) {
            return List.of(new Range(Granularity.DAY, from, to));
        }
        Granularity finer = Granularity.values()[coarsest.ordinal() - 1]; // declared finest first
        LocalDate wholeFrom = coarsest.firstStartFrom(from);
        LocalDate wholeTo = coarsest.startOf(to);
        if (!wholeFrom.isBefore(wholeTo)) {
            return cover(from, to, finer);
        }
        List<Range> ranges = new java.util.ArrayList<>(cover(from, wholeFrom, finer));
        ranges.add(new Range(coarsest, wholeFrom, wholeTo));
        ranges.addAll(cover(wholeTo, to, finer));
        return ranges;
    }

    /**
     * A query over the rollup rows ({@code columns}) of [from, to) for one achievement (or 0: all), read from the coarsest
     * rollups that tile the period ({@link #cover}); {@code outer} wraps them ({@code %s}: the rows).
     */
    private static Query rollup(Handle h, String outer, String columns, String condition, long tenantId, LocalDate from, LocalDate to,
                                OptionalLong achievement, Granularity coarsest) {
        List<Range> ranges = cover(from, to, coarsest);
        List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            parts.add("SELECT " + columns + " FROM " + ranges.get(i).granularity().rollup() + " WHERE tenant_id = :tenant AND " + condition
                    + " AND achievement_id = :achievement AND day >= :from" + i + " AND day < :to" + i);
        }
        Query query = h.createQuery(outer.formatted(parts.isEmpty() ? "SELECT " + columns + " FROM operations_daily WHERE false"
                : String.join(" UNION ALL ", parts))).bind("tenant", tenantId).bind("achievement", achievement.orElse(0));
        for (int i = 0; i < ranges.size(); i++) {
            query.bind("from" + i, Date.valueOf(ranges.get(i).from())).bind("to" + i, Date.valueOf(ranges.get(i).to()));
        }
        return query;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static Query scoped(Handle h, String sql, long tenantId, LocalDate from, LocalDate to, OptionalLong achievement) {
        Query query = h.createQuery(sql).bind("tenant", tenantId).bind("from", Date.valueOf(from)).bind("to", Date.valueOf(to));
        if (sql.contains(":achievement")) {
            query.bind("achievement", achievement.isPresent() ? achievement.getAsLong() : null);
        }
        return query;
    }
}
