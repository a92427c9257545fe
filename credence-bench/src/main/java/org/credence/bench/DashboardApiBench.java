package org.credence.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.credence.Credence;
import org.credence.Settings;
import org.credence.tenant.ApiKeys;
import org.jdbi.v3.core.Jdbi;

/**
 * Times the real dashboard API over HTTP ({@code /api/v1/analytics/…}) on the data {@link DashboardBench} generated,
 * and — the baseline, in the same run and on the same database — the same figures computed from the raw
 * {@code tracking_event} table.
 *
 * <p>It starts the data directory's PostgreSQL itself and runs Credence in this process against it (as
 * {@code CREDENCE_DATABASE_URL} would), so the raw queries can share the database with the server. The server's
 * clock is set to the simulation's end, so its defaults ("the last twelve months") are the data's year.
 *
 * <pre>java -Xmx3g -cp credence-bench/target/benchmarks.jar org.credence.bench.DashboardApiBench \
 *     [--data DIR] [--runs R] [--raw-runs R] [--end 2026-11-01]</pre>
 */
public final class DashboardApiBench {
    private DashboardApiBench() {}

    /** One dashboard API call, and the raw-event SQL that computes the same figure (null: none). */
    private record Call(String path, String raw) {}

    private static final String RAW_GEOGRAPHY = """
            SELECT type, country, count(*) FROM tracking_event
             WHERE tenant_id = :tenant AND counted AND type IN ('view', 'verification') AND occurred_at >= :from AND occurred_at < :to
             GROUP BY type, country""";
    private static final String RAW_INFLUENCERS = """
            SELECT credential_id, count(*) FILTER (WHERE type = 'view') AS views, count(*) FILTER (WHERE type = 'referral_click') AS clicks
              FROM tracking_event
             WHERE tenant_id = :tenant AND counted AND type IN ('view', 'referral_click') AND occurred_at >= :from AND occurred_at < :to
             GROUP BY credential_id ORDER BY clicks DESC LIMIT 10""";
    private static final String RAW_CREDENTIAL = """
            SELECT type, channel, count(*) FROM tracking_event
             WHERE tenant_id = :tenant AND credential_id = :credential AND counted GROUP BY type, channel""";

    public static void main(String[] args) throws Exception {
        Path data = Path.of(DashboardBench.option(args, "--data", "credence-bench/target/dashboard-data")).toAbsolutePath();
        int runs = Integer.parseInt(DashboardBench.option(args, "--runs", "40"));
        int rawRuns = Integer.parseInt(DashboardBench.option(args, "--raw-runs", "3"));
        LocalDate end = LocalDate.parse(DashboardBench.option(args, "--end", "2026-11-01"));
        Map<String, String> rawByFigure = new LinkedHashMap<>();
        DashboardBench.FIGURES.forEach(f -> rawByFigure.put(f.name().split(" ")[0], f.raw()));
        List<Call> calls = List.of(
                new Call("/api/v1/analytics/engagement", rawByFigure.get("Funnel")),
                new Call("/api/v1/analytics/funnel", rawByFigure.get("Funnel")),
                new Call("/api/v1/analytics/trends?interval=week", rawByFigure.get("Weekly")),
                new Call("/api/v1/analytics/achievements", rawByFigure.get("Top")),
                new Call("/api/v1/analytics/verifications", rawByFigure.get("Verification")),
                new Call("/api/v1/analytics/geography", RAW_GEOGRAPHY),
                new Call("/api/v1/analytics/influencers", RAW_INFLUENCERS),
                new Call("/api/v1/analytics/marketing-value", rawByFigure.get("Share")));
        try (EmbeddedPostgres postgres = embedded(data)) {
            String url = url(postgres, data);
            Jdbi jdbi = Jdbi.create(url);
            long tenant = DashboardData.existing(jdbi).orElseThrow(() -> new IllegalStateException("no benchmark tenant in " + data + ": run DashboardBench first"));
            String key = jdbi.inTransaction(h -> new ApiKeys(jdbi, new java.security.SecureRandom(), new org.credence.audit.AuditTrail(jdbi), java.time.Clock.systemUTC())
                    .create(h, tenant, Set.of("read", "analytics"), "dashboard API benchmark"));
            long achievement = jdbi.withHandle(h -> h.createQuery("""
                    SELECT achievement_id FROM credential WHERE tenant_id = :tenant GROUP BY achievement_id ORDER BY count(*) DESC LIMIT 1""")
                    .bind("tenant", tenant).mapTo(Long.class).one());
            List<UUID> sample = jdbi.withHandle(h -> h.createQuery("""
                    SELECT credential_id FROM tracking_credential TABLESAMPLE SYSTEM (1) REPEATABLE (2026)
                     WHERE tenant_id = :tenant LIMIT :n""").bind("tenant", tenant).bind("n", runs + 5).mapTo(UUID.class).list());
            foldAndVacuum(jdbi);
            sizes(jdbi, tenant);
            Settings settings = new Settings(0, data, Optional.of(url), Optional.empty(), Optional.empty(), Optional.empty(), false);
            Clock clock = Clock.fixed(end.atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1), ZoneOffset.UTC);
            try (Credence server = Credence.start(settings, clock)) {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                String base = "http://localhost:" + server.port();
                System.out.printf("Runs per call: %d after 5 unmeasured (API, one client, sequential); raw-event SQL: %d after 1 unmeasured.%n",
                        runs, rawRuns);
                System.out.printf("Achievement filter: %d (the achievement with the most credentials).%n", achievement);
                LocalDate lastDay = end.minusDays(1);
                measure(jdbi, http, base, key, tenant, calls, "the whole year", lastDay.minusMonths(12).plusDays(1), lastDay, achievement, runs, rawRuns);
                measure(jdbi, http, base, key, tenant, calls, "the last 90 days", lastDay.minusDays(89), lastDay, achievement, runs, rawRuns);
                credentials(jdbi, http, base, key, tenant, sample, runs, rawRuns);
                reports(http, base, key, lastDay, runs);
            }
        }
    }

    /** Starts the PostgreSQL of a data directory that {@link DashboardBench} (the server's {@code Database}) made. */
    static EmbeddedPostgres embedded(Path data) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data.resolve("pg")).setCleanDataDirectory(false)
                .setServerConfig("max_connections", "50").setConnectConfig("password", password(data)).start();
    }

    /** Its JDBC URL with the password the server generated on first start ({@code db.password}, URL-safe Base64). */
    static String url(EmbeddedPostgres postgres, Path data) throws IOException {
        return postgres.getJdbcUrl("postgres", "postgres") + "&password=" + password(data);
    }

    private static String password(Path data) throws IOException {
        return java.nio.file.Files.readString(data.resolve(org.credence.db.Database.PASSWORD_FILE)).strip();
    }

    /** The simulator's deltas folded, then fresh statistics and visibility maps, as a live server would have them. */
    static void foldAndVacuum(Jdbi jdbi) {
        new org.credence.analytics.AnalyticsFolder(jdbi).foldPending();
        // (the pending tables too: the fold just deleted millions of their rows, which a live server's autovacuum clears)
        jdbi.useHandle(h -> h.execute("VACUUM ANALYZE analytics_cohort, analytics_recipient, analytics_recipient_daily, analytics_daily, "
                + "analytics_country_daily, tracking_credential, analytics_credential_state, analytics_cohort_pending, "
                + "analytics_credential_pending, analytics_recipient_pending, analytics_return_pending, analytics_daily_pending"));
    }

    private static void sizes(Jdbi jdbi, long tenant) {
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT (SELECT count(*) FROM credential WHERE tenant_id = :tenant), (SELECT count(*) FROM tracking_event WHERE tenant_id = :tenant)
                             , (SELECT count(*) FROM analytics_cohort WHERE tenant_id = :tenant), (SELECT coalesce(sum(issued), 0) FROM analytics_cohort WHERE tenant_id = :tenant)
                             , (SELECT count(*) FROM analytics_daily WHERE tenant_id = :tenant), (SELECT coalesce(sum(counted), 0) FROM analytics_daily WHERE tenant_id = :tenant)
                             , (SELECT count(*) FROM tracking_event WHERE tenant_id = :tenant AND counted)
                             , (SELECT count(*) FROM analytics_country_daily WHERE tenant_id = :tenant), (SELECT count(*) FROM analytics_recipient WHERE tenant_id = :tenant)
                             , (SELECT count(*) FROM analytics_recipient_daily WHERE tenant_id = :tenant)""")
                .bind("tenant", tenant)
                .map((rs, ctx) -> String.format("Tenant: %,d credentials, %,d raw events (%,d counted).%nRollups: analytics_cohort %,d rows (issued sum %,d), "
                                + "analytics_daily %,d rows (counted sum %,d), analytics_country_daily %,d rows, analytics_recipient %,d rows, analytics_recipient_daily %,d rows",
                        rs.getLong(1), rs.getLong(2), rs.getLong(7), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(8), rs.getLong(9), rs.getLong(10)))
                .forEach(System.out::println));
    }

    private static void measure(Jdbi jdbi, HttpClient http, String base, String key, long tenant, List<Call> calls, String label,
                                LocalDate from, LocalDate to, long achievement, int runs, int rawRuns) throws Exception {
        System.out.printf("%n#### Dashboard API over %s (%s to %s, both included)%n%n", label, from, to);
        System.out.println("| call | API p50 | API p95 | API p50, one achievement | API p95, one achievement | raw events p50 | raw events p95 | raw / API (p95) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Call call : calls) {
            String query = (call.path().contains("?") ? "&" : "?") + "from=" + from + "&to=" + to;
            double[] api = timeApi(http, base, key, List.of(call.path() + query), runs);
            double[] filtered = timeApi(http, base, key, List.of(call.path() + query + "&achievementId=" + achievement), runs);
            double[] raw = timeRaw(jdbi, call.raw(), Map.of("tenant", tenant, "from", from.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime(),
                    "to", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime()), rawRuns);
            System.out.printf("| `%s` | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.0f ms | %.0f ms | %.0f× |%n", call.path(),
                    p(api, 50), p(api, 95), p(filtered, 50), p(filtered, 95), p(raw, 50), p(raw, 95), p(raw, 95) / p(api, 95));
        }
    }

    private static void credentials(Jdbi jdbi, HttpClient http, String base, String key, long tenant, List<UUID> sample, int runs, int rawRuns)
            throws Exception {
        List<String> paths = sample.stream().map(id -> "/api/v1/analytics/credentials/" + id).toList();
        double[] api = timeApi(http, base, key, paths, runs);
        double[] raw = new double[rawRuns];
        for (int i = 0; i < rawRuns; i++) {
            raw[i] = timeRaw(jdbi, RAW_CREDENTIAL, Map.of("tenant", tenant, "credential", sample.get(i)), 1)[0];
        }
        System.out.printf("%n| `/api/v1/analytics/credentials/{id}` (%d different credentials) | %.1f ms | %.1f ms | raw events p50 %.1f ms, p95 %.1f ms |%n",
                paths.size(), p(api, 50), p(api, 95), p(raw, 50), p(raw, 95));
    }

    /** The board report (JSON and one-page PDF) of the last day's quarter and the weekly report PDF of its week (issue 13: PDF under 2 s). */
    private static void reports(HttpClient http, String base, String key, LocalDate lastDay, int runs) throws IOException, InterruptedException {
        String quarter = lastDay.getYear() + "Q" + ((lastDay.getMonthValue() - 1) / 3 + 1);
        String week = String.format("%d-W%02d", lastDay.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                lastDay.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        System.out.printf("%n| report | p50 | p95 |%n|---|---|---|%n");
        for (String path : List.of("/api/v1/reports/board?quarter=" + quarter, "/api/v1/reports/board?format=pdf&quarter=" + quarter,
                "/api/v1/reports/weekly?format=pdf&week=" + week)) {
            double[] api = timeApi(http, base, key, List.of(path), runs);
            System.out.printf("| `%s` | %.1f ms | %.1f ms |%n", path, p(api, 50), p(api, 95));
        }
    }

    /** Milliseconds per call, cycling over the paths; five unmeasured calls first (JIT, plans, caches). Every call must answer 200. */
    static double[] timeApi(HttpClient http, String base, String key, List<String> paths, int runs) throws IOException, InterruptedException {
        double[] millis = new double[runs];
        for (int i = -5; i < runs; i++) {
            String path = paths.get(Math.floorMod(i, paths.size()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key).GET().build();
            long started = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + new String(response.body()));
            }
            if (i >= 0) {
                millis[i] = took / 1e6;
            }
        }
        return millis;
    }

    static double[] timeRaw(Jdbi jdbi, String sql, Map<String, Object> binds, int runs) {
        double[] millis = new double[runs];
        return jdbi.withHandle(h -> {
            for (int i = runs == 1 ? 0 : -1; i < runs; i++) {
                long started = System.nanoTime();
                var query = h.createQuery(sql);
                binds.forEach(query::bind);
                List<Object> rows = new ArrayList<>();
                query.map((rs, ctx) -> rs.getObject(1)).forEach(rows::add);
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - started) / 1e6;
                }
            }
            return millis;
        });
    }

    static double p(double[] values, int percentile) {
        return DashboardBench.percentile(values, percentile);
    }
}
