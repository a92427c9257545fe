package org.credence.report;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The few reads the reports make beyond the analytics services: issuance by achievement and by
 * month or day (a SUM over the analytics_cohort rollup, never over credentials), the tenant's
 * name and its small-group setting. Every query names its tenant.
 */
public final class ReportQueries {
    /** The smallest group a report shows unless the tenant chose another. */
    public static final int DEFAULT_MIN_GROUP = 5;

    private final Jdbi jdbi;

    public ReportQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Credentials issued in the period by achievement (rows, most issued first) and by bucket
     * (columns): by month when the period is longer than a month, by day otherwise.
     *
     * @param rows    achievement names
     * @param columns bucket labels ("2026-07" or "2026-11-23")
     */
    public record IssuedGrid(List<String> rows, List<String> columns, long[][] counts) {}

    public IssuedGrid issuedByAchievement(long tenantId, ReportPeriod period) {
        boolean monthly = period.from().plusMonths(1).isBefore(period.to());
        List<LocalDate> buckets = new ArrayList<>();
        for (LocalDate d = monthly ? period.from().withDayOfMonth(1) : period.from(); !d.isAfter(period.to());
                d = d.plus(monthly ? Period.ofMonths(1) : Period.ofDays(1))) {
            buckets.add(d);
        }
        Map<String, long[]> rows = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT m.name, date_trunc(:unit, a.issued_day)::date AS bucket, sum(a.issued) AS issued
                          FROM analytics_cohort a
                          JOIN achievement m ON m.id = a.achievement_id AND m.tenant_id = a.tenant_id
                         WHERE a.tenant_id = :tenant AND a.issued_day BETWEEN :from AND :to
                         GROUP BY m.name, m.id, bucket
                        HAVING sum(a.issued) > 0
                         ORDER BY sum(sum(a.issued)) OVER (PARTITION BY m.id) DESC, m.name, m.id, bucket""")
                .bind("unit", monthly ? "month" : "day").bind("tenant", tenantId).bind("from", period.from()).bind("to", period.to())
                .map((rs, ctx) -> {
                    long[] row = rows.computeIfAbsent(rs.getString("name"), n -> new long[buckets.size()]);
                    int column = buckets.indexOf(rs.getObject("bucket", LocalDate.class));
                    row[column] += rs.getLong("issued");
                    return column;
                }).list());
        List<String> labels = buckets.stream().map(d -> monthly ? YearMonth.from(d).toString() : d.toString()).toList();
        return new IssuedGrid(List.copyOf(rows.keySet()), labels, rows.values().toArray(long[][]::new));
    }

    /** The tenant's display name. */
    public String tenantName(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT name FROM tenant WHERE id = :tenant").bind("tenant", tenantId)
                .mapTo(String.class).one());
    }

    /** The tenant with this slug: its id, if there is one. */
    public Optional<Long> tenantBySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM tenant WHERE slug = :slug").bind("slug", slug).mapTo(Long.class).findOne());
    }

    /** The smallest group the tenant's reports show: its own setting, or {@link #DEFAULT_MIN_GROUP}. */
    public int minGroupSize(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT min_group_size FROM report_setting WHERE tenant_id = :tenant")
                .bind("tenant", tenantId).mapTo(Integer.class).findOne().orElse(DEFAULT_MIN_GROUP));
    }

    /** Sets the tenant's smallest shown group, 3 to 100 (the database refuses anything else). */
    public void setMinGroupSize(long tenantId, int size, String setBy, java.time.Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO report_setting (tenant_id, min_group_size, set_by, set_at) VALUES (:tenant, :size, :by, :at)
                        ON CONFLICT (tenant_id) DO UPDATE SET min_group_size = :size, set_by = :by, set_at = :at""")
                .bind("tenant", tenantId).bind("size", size).bind("by", setBy).bind("at", java.sql.Timestamp.from(now)).execute());
    }
}
