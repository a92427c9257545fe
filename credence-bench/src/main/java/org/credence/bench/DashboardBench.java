package org.credence.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.credence.db.Database;
import org.credence.demo.SimulationSettings;
import org.jdbi.v3.core.Jdbi;

/**
 * The dashboard benchmark: fills a database with a simulated tenant ({@link DashboardData}; once per
 * data directory) and times the queries a programme manager's dashboard runs — from the rollups
 * ({@code tracking_daily}, {@code tracking_credential}) and, as the baseline in the same run, the
 * same figures from the raw {@code tracking_event} table — and prints a Markdown table.
 *
 * <pre>java -Xmx3g -cp credence-bench/target/benchmarks.jar org.credence.bench.DashboardBench \
 *     [--data DIR | --database-url URL] [--recipients N] [--months M] [--seed S] [--runs R (0: generate only)] [--raw-runs R]</pre>
 */
public final class DashboardBench {
    private DashboardBench() {}

    /** One dashboard figure: from the rollups, and the same from raw events. */
    record Figure(String name, String rollup, String raw) {}

    // every query takes :tenant, :from and :to (the dashboard's date range: issued in it, or happened in it)
    static final List<Figure> FIGURES = List.of(
            new Figure("Funnel issued → claimed → viewed → shared → referral", """
                    SELECT (SELECT count(*) FROM credential WHERE tenant_id = :tenant AND issued_at >= :from AND issued_at < :to) AS issued
                         , count(first_claimed_at), count(first_viewed_at), count(first_shared_at), count(first_referral_at)
                      FROM tracking_credential
                     WHERE tenant_id = :tenant AND issued_at >= :from AND issued_at < :to""", """
                    SELECT count(*), count(*) FILTER (WHERE claimed), count(*) FILTER (WHERE viewed), count(*) FILTER (WHERE shared)
                         , count(*) FILTER (WHERE referred)
                      FROM (SELECT c.id
                                 , bool_or(e.type = 'claim' AND e.counted) AS claimed
                                 , bool_or(e.type = 'view' AND e.counted) AS viewed
                                 , bool_or(e.type = 'share_click' AND e.counted) AS shared
                                 , bool_or(e.type = 'referral_click' AND e.counted) AS referred
                              FROM credential c
                              LEFT JOIN tracking_event e ON e.tenant_id = c.tenant_id AND e.credential_id = c.id
                             WHERE c.tenant_id = :tenant AND c.issued_at >= :from AND c.issued_at < :to
                             GROUP BY c.id) AS per_credential"""),
            new Figure("Share rate by channel (credentials with a share)", """
                    SELECT channel, count(*)
                      FROM tracking_credential, unnest(shared_channels) AS channel
                     WHERE tenant_id = :tenant AND issued_at >= :from AND issued_at < :to
                     GROUP BY channel""", """
                    SELECT e.channel, count(DISTINCT e.credential_id)
                      FROM tracking_event e
                      JOIN credential c ON c.id = e.credential_id AND c.tenant_id = e.tenant_id
                     WHERE e.tenant_id = :tenant AND e.type = 'share_click' AND e.counted AND c.issued_at >= :from AND c.issued_at < :to
                     GROUP BY e.channel"""),
            new Figure("Weekly trends (counted events by type and week)", """
                    SELECT date_trunc('week', day) AS week, type, sum(counted)
                      FROM tracking_daily
                     WHERE tenant_id = :tenant AND day >= CAST(:from AS date) AND day < CAST(:to AS date)
                     GROUP BY week, type""", """
                    SELECT date_trunc('week', occurred_at AT TIME ZONE 'UTC') AS week, type, count(*)
                      FROM tracking_event
                     WHERE tenant_id = :tenant AND counted AND occurred_at >= :from AND occurred_at < :to
                     GROUP BY week, type"""),
            new Figure("Top achievements (views, shares, referrals)", """
                    SELECT achievement_id, sum(counted) FILTER (WHERE type = 'view') AS views
                         , sum(counted) FILTER (WHERE type = 'share_click') AS shares
                         , sum(counted) FILTER (WHERE type = 'referral_click') AS referrals
                      FROM tracking_daily
                     WHERE tenant_id = :tenant AND day >= CAST(:from AS date) AND day < CAST(:to AS date)
                     GROUP BY achievement_id ORDER BY shares DESC LIMIT 10""", """
                    SELECT achievement_id, count(*) FILTER (WHERE type = 'view') AS views
                         , count(*) FILTER (WHERE type = 'share_click') AS shares
                         , count(*) FILTER (WHERE type = 'referral_click') AS referrals
                      FROM tracking_event
                     WHERE tenant_id = :tenant AND counted AND occurred_at >= :from AND occurred_at < :to
                     GROUP BY achievement_id ORDER BY shares DESC LIMIT 10"""),
            new Figure("Verification trend (weekly, by method)", """
                    SELECT date_trunc('week', day) AS week, channel, sum(counted)
                      FROM tracking_daily
                     WHERE tenant_id = :tenant AND type = 'verification' AND day >= CAST(:from AS date) AND day < CAST(:to AS date)
                     GROUP BY week, channel""", """
                    SELECT date_trunc('week', occurred_at AT TIME ZONE 'UTC') AS week, channel, count(*)
                      FROM tracking_event
                     WHERE tenant_id = :tenant AND type = 'verification' AND counted AND occurred_at >= :from AND occurred_at < :to
                     GROUP BY week, channel"""));

    public static void main(String[] args) {
        Path data = Path.of(option(args, "--data", "credence-bench/target/dashboard-data"));
        Optional<String> url = Optional.ofNullable(option(args, "--database-url", null));
        int recipients = Integer.parseInt(option(args, "--recipients", "1150000"));
        int months = Integer.parseInt(option(args, "--months", "12"));
        long seed = Long.parseLong(option(args, "--seed", "2026"));
        int runs = Integer.parseInt(option(args, "--runs", "40"));
        int rawRuns = Integer.parseInt(option(args, "--raw-runs", "5"));
        LocalDate end = LocalDate.parse(option(args, "--end", "2026-11-01"));
        try (Database database = Database.open(url, data, false)) {
            Jdbi jdbi = database.jdbi();
            long tenant;
            Optional<Long> existing = DashboardData.existing(jdbi);
            if (existing.isPresent()) {
                tenant = existing.get();
                System.out.println("Using the benchmark tenant already in " + (url.isPresent() ? "the database" : data) + ".");
            } else {
                System.out.printf("Generating %,d recipients over %d months (seed %d) …%n", recipients, months, seed);
                long started = System.nanoTime();
                DashboardData.Generated made = DashboardData.generate(jdbi, new SimulationSettings(seed, recipients, months, end), System.out);
                tenant = made.tenantId();
                System.out.printf("Generated %,d credentials and %,d events in %.0f s. API key (read, analytics) for the analytics API: %s%n",
                        made.credentials(), made.events(), (System.nanoTime() - started) / 1e9, made.apiKey());
            }
            sizes(jdbi, tenant);
            if (runs == 0) {
                return; // generation only: DashboardApiBench times the dashboard API on this data
            }
            LocalDate to = end;
            measure(jdbi, tenant, "the whole year", to.minusMonths(12), to, runs, rawRuns);
            measure(jdbi, tenant, "the last 90 days", to.minusDays(90), to, runs, rawRuns);
        }
    }

    private static void sizes(Jdbi jdbi, long tenant) {
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT (SELECT count(*) FROM credential WHERE tenant_id = :tenant) AS credentials
                             , (SELECT count(*) FROM tracking_event WHERE tenant_id = :tenant) AS events
                             , (SELECT count(*) FROM tracking_daily WHERE tenant_id = :tenant) AS daily
                             , (SELECT count(*) FROM tracking_credential WHERE tenant_id = :tenant) AS per_credential""")
                .bind("tenant", tenant)
                .map((rs, ctx) -> String.format("Tenant: %,d credentials, %,d raw events; rollups: %,d tracking_daily rows, %,d tracking_credential rows",
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .forEach(System.out::println));
    }

    private static void measure(Jdbi jdbi, long tenant, String label, LocalDate from, LocalDate to, int runs, int rawRuns) {
        System.out.printf("%n### Dashboard figures over %s (%s to %s)%n%n", label, from, to);
        System.out.println("| figure | rollup p50 | rollup p95 | raw events p50 | raw events p95 | raw / rollup (p50) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Figure figure : FIGURES) {
            double[] rollup = time(jdbi, figure.rollup(), tenant, from, to, runs);
            double[] raw = time(jdbi, figure.raw(), tenant, from, to, rawRuns);
            System.out.printf("| %s | %.1f ms | %.1f ms | %.0f ms | %.0f ms | %.0f× |%n", figure.name(), percentile(rollup, 50), percentile(rollup, 95),
                    percentile(raw, 50), percentile(raw, 95), percentile(raw, 50) / percentile(rollup, 50));
        }
    }

    /** Milliseconds per run, each reading every row of the answer; one unmeasured run first (plans, caches). */
    private static double[] time(Jdbi jdbi, String sql, long tenant, LocalDate from, LocalDate to, int runs) {
        double[] millis = new double[runs];
        return jdbi.withHandle(h -> {
            for (int i = -1; i < runs; i++) {
                long started = System.nanoTime();
                List<List<Object>> rows = new ArrayList<>();
                h.createQuery(sql).bind("tenant", tenant)
                        .bind("from", from.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime()).bind("to", to.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime())
                        .map((rs, ctx) -> {
                            List<Object> row = new ArrayList<>();
                            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                                row.add(rs.getObject(c));
                            }
                            return row;
                        }).forEach(rows::add);
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - started) / 1e6;
                }
            }
            return millis;
        });
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
