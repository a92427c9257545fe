package org.credence.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.credence.Credence;
import org.credence.Settings;
import org.credence.credential.ShareLinks;
import org.credence.tenant.ApiKeys;
import org.jdbi.v3.core.Jdbi;

/**
 * The ROI layers at the issue-13 scale: on the simulator's tenant that {@link DashboardBench} generated (about 1.46 million
 * credentials, 10 million events), imports a million or more CRM/HRIS (and LMS) rows through the real import API over HTTP,
 * timed, then times every layer-1/4/5 API call, the board report (page, JSON, PDF) and the analytics pages over HTTP on
 * loopback — one client, sequential, every answer checked (status 200 and a figure with the expected n). In the same run:
 * {@code GET /health} (one trivial query) as the baseline, the 1-minute load average beside every row, and CPU time per
 * request (this JVM plus PostgreSQL), which moves less with the other work on a shared machine than latency does.
 *
 * <pre>java -Xmx3g -cp credence-bench/target/benchmarks.jar org.credence.bench.RoiLayersBench --data DIR \
 *     [--runs 40] [--contacts 250000] [--opportunities 500000] [--employees 250000] [--enrolments 400000] [--end 2026-11-01]
 *     [--reimport | --first-imports] [--imports-only]</pre>
 *
 * The imports run once per data directory: a second run measures the same data again, and with {@code --reimport} imports the
 * same files again first (every row read, checked and matched, none rewritten). {@code --first-imports} first deletes what
 * earlier runs imported (the benchmark source's rows, and the persons no other row names), tells the outcome warmer the tenant
 * changed (as the program metadata a first run enters does), and imports the files again as first imports, persons created.
 * {@code --imports-only} stops after the imports. Run it on a copy of the data directory: it changes the data.
 */
public final class RoiLayersBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "bench-analyst-password-2026";
    private static final String IMPORT_SOURCE = "bench";

    private RoiLayersBench() {}

    /** One timed call: its path, whether it needs the session cookie (a page) instead of the API key, and what its answer must hold. */
    private record Call(String layer, String path, boolean page, String expects, Function<byte[], String> check) {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(DashboardBench.option(args, "--data", "credence-bench/target/dashboard-data")).toAbsolutePath();
        int runs = Integer.parseInt(DashboardBench.option(args, "--runs", "40"));
        LocalDate end = LocalDate.parse(DashboardBench.option(args, "--end", "2026-11-01"));
        int contacts = Integer.parseInt(DashboardBench.option(args, "--contacts", "250000"));
        int opportunities = Integer.parseInt(DashboardBench.option(args, "--opportunities", "500000"));
        int employees = Integer.parseInt(DashboardBench.option(args, "--employees", "250000"));
        int enrolments = Integer.parseInt(DashboardBench.option(args, "--enrolments", "400000"));
        boolean reimport = Arrays.asList(args).contains("--reimport");
        boolean firstImports = Arrays.asList(args).contains("--first-imports");
        boolean importsOnly = Arrays.asList(args).contains("--imports-only");
        try (EmbeddedPostgres postgres = DashboardApiBench.embedded(data)) {
            String url = DashboardApiBench.url(postgres, data);
            Jdbi jdbi = Jdbi.create(url);
            long tenant = DashboardData.existing(jdbi).orElseThrow(() -> new IllegalStateException("no benchmark tenant in " + data + ": run DashboardBench first"));
            int recipients = jdbi.withHandle(h -> h.createQuery("SELECT recipients FROM simulated_tenant WHERE tenant_id = :t").bind("t", tenant)
                    .mapTo(Integer.class).one());
            DashboardApiBench.foldAndVacuum(jdbi);
            jdbi.useHandle(h -> h.execute("VACUUM ANALYZE credential, operations_daily, operations_weekly, operations_monthly, operations_pending"));
            ProcessCpu cpu = new ProcessCpu(data.resolve("pg"));
            Settings settings = new Settings(0, data, Optional.of(url), Optional.empty(), Optional.empty(), Optional.empty(), false);
            Clock clock = Clock.fixed(end.atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1), ZoneOffset.UTC);
            try (Credence server = Credence.start(settings, clock)) {
                server.outcomeWarmer().awaitIdle(Duration.ofMinutes(10)); // a restart warms tenants already holding outcome data
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                String base = "http://localhost:" + server.port();
                String key = jdbi.inTransaction(h -> new ApiKeys(jdbi, new java.security.SecureRandom(), new org.credence.audit.AuditTrail(jdbi),
                        Clock.systemUTC()).create(h, tenant, Set.of("read", "analytics", "admin"), "ROI layers benchmark"));
                Api api = new Api(http, base, key);
                List<long[]> achievements = jdbi.withHandle(h -> h.createQuery("""
                                SELECT a.id, count(c.id) FROM achievement a LEFT JOIN credential c ON c.achievement_id = a.id AND c.tenant_id = a.tenant_id
                                WHERE a.tenant_id = :t GROUP BY a.id ORDER BY a.id""").bind("t", tenant)
                        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list());
                String cookie = signIn(api, tenant, jdbi);
                boolean imported = jdbi.withHandle(h -> h.createQuery("SELECT count(*) > 0 FROM outcome_import WHERE tenant_id = :t AND source = :s")
                        .bind("t", tenant).bind("s", IMPORT_SOURCE).mapTo(Boolean.class).one());
                System.out.printf("Load average at start: %.2f; %d runs per call after 5 unmeasured.%n", ProcessCpu.load(), runs);
                if (!imported) {
                    program(api, jdbi, tenant, achievements, end);
                }
                if (imported && firstImports) {
                    forgetImports(jdbi, tenant);
                    server.outcomeWarmer().changed(tenant); // a first run's program metadata starts a recompute as the imports begin
                }
                if (!imported || reimport || firstImports) {
                    // again: the same files, so nothing is rewritten (the re-import path: read, check, match, compare, drop unchanged)
                    imports(api, cpu, new OutcomeCsv(recipients, end), achievements, jdbi, tenant, contacts, opportunities, employees, enrolments);
                }
                if (importsOnly) {
                    long waited = System.nanoTime();
                    server.jobs().awaitIdle(Duration.ofMinutes(10));
                    server.outcomeWarmer().awaitIdle(Duration.ofMinutes(30));
                    System.out.printf("%nBackground work after the imports (statistics jobs, outcome recompute): %.1f s; load at the end %.2f%n",
                            (System.nanoTime() - waited) / 1e9, ProcessCpu.load());
                    return;
                }
                long started = System.nanoTime();
                server.outcomeWarmer().changed(tenant);
                server.outcomeWarmer().awaitIdle(Duration.ofMinutes(30));
                System.out.printf("%nRecomputing the outcome answers (OutcomeWarmer, completion + retention + business: default filters, board quarters, each achievement): %.1f s (load %.2f)%n",
                        (System.nanoTime() - started) / 1e9, ProcessCpu.load());
                sizes(jdbi, tenant);
                LocalDate lastDay = end.minusDays(1);
                String quarter = Quarter.previous(lastDay);
                long top = achievements.stream().max((a, b) -> Long.compare(a[1], b[1])).orElseThrow()[0];
                firstReads(api, cookie, quarter, top);
                List<Call> calls = calls(jdbi, tenant, end, quarter, top);
                System.out.printf("%n| layer | call | n | p50 | p95 | max | p95 / baseline p95 | CPU per call | load (1 min) | answer checked |%n");
                System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
                double baseline = Double.NaN;
                for (Call call : calls) {
                    double load = ProcessCpu.load();
                    long cpuBefore = cpu.nanos();
                    Timed timed = time(api, call, cookie, runs);
                    double[] millis = timed.millis();
                    double cpuMillis = (cpu.nanos() - cpuBefore) / 1e6 / (runs + 5);
                    if (Double.isNaN(baseline)) {
                        baseline = p(millis, 95);
                    }
                    System.out.printf("| %s | `%s` | %d | %.1f ms | %.1f ms | %.1f ms | %.1f× | %.1f ms | %.2f | %s |%n", call.layer(), call.path(), runs,
                            p(millis, 50), p(millis, 95), Arrays.stream(millis).max().orElseThrow(), p(millis, 95) / baseline, cpuMillis, load, call.expects() + ": " + timed.seen());
                }
                System.out.printf("%nLoad average at the end: %.2f%n", ProcessCpu.load());
            }
        }
    }

    /** An analyst user, signed in through the login form: the board report page needs a session. Returns the session cookie. */
    private static String signIn(Api api, long tenant, Jdbi jdbi) throws Exception {
        String slug = jdbi.withHandle(h -> h.createQuery("SELECT slug FROM tenant WHERE id = :t").bind("t", tenant).mapTo(String.class).one());
        String email = "analyst-" + System.currentTimeMillis() + "@bench.example";
        api.send("POST", "/api/v1/users", "application/json", ("{\"email\": \"" + email + "\", \"name\": \"Bench Analyst\", \"role\": \"analyst\", \"password\": \""
                + PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8), 201);
        String form = "tenant=" + slug + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=" + PASSWORD + "&next=%2Fapp";
        HttpResponse<byte[]> response = api.http.send(HttpRequest.newBuilder(URI.create(api.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String header = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("credence_session=")).findFirst()
                .orElseThrow(() -> new IllegalStateException("login answered " + response.statusCode()));
        return header.substring("credence_session=".length(), header.indexOf(';'));
    }

    /** Program metadata a finance partner would enter: launch dates, course mappings, a cost ledger, one benefit line. */
    private static void program(Api api, Jdbi jdbi, long tenant, List<long[]> achievements, LocalDate end) throws Exception {
        for (int i = 0; i < achievements.size(); i++) {
            long id = achievements.get(i)[0];
            api.send("PUT", "/api/v1/achievements/" + id + "/program", "application/json",
                    ("{\"launchedOn\": \"" + end.minusMonths(20) + "\", \"studyDesign\": \"" + (i == 0 ? "before_after" : "observational") + "\"}")
                            .getBytes(StandardCharsets.UTF_8), 200);
            api.send("PUT", "/api/v1/integrations/courses/course-" + (i + 1), "application/json",
                    ("{\"achievementId\": " + id + "}").getBytes(StandardCharsets.UTF_8), 200);
            for (String category : List.of("platform", "design", "delivery")) {
                api.send("POST", "/api/v1/program-costs", "application/json", ("{\"category\": \"" + category + "\", \"achievementId\": " + id
                        + ", \"incurredOn\": \"" + end.minusMonths(6) + "\", \"amount\": " + (4000 + 1000 * i) + ", \"currency\": \"EUR\"}")
                        .getBytes(StandardCharsets.UTF_8), 201);
            }
        }
        api.send("POST", "/api/v1/analytics/benefits", "application/json", """
                {"name": "fewer support tickets", "annualAmount": 120000, "currency": "EUR", "isolation": "participant_estimate",
                 "attribution": 0.4, "confidence": 0.75, "reason": "benchmark: a survey of 40 team leads"}""".getBytes(StandardCharsets.UTF_8), 201);
    }

    /** Deletes the benchmark source's imported rows and the persons no remaining row names: the next imports are first imports. */
    private static void forgetImports(Jdbi jdbi, long tenant) {
        long started = System.nanoTime();
        int persons = jdbi.inTransaction(h -> {
            for (String table : List.of("crm_opportunity", "crm_contact", "hris_employee", "lms_enrolment")) {
                // the table names are the constants above, never input
                h.createUpdate("DELETE FROM " + table + " WHERE tenant_id = :t AND source = :s").bind("t", tenant).bind("s", IMPORT_SOURCE).execute();
            }
            return h.createUpdate("""
                            DELETE FROM outcome_person p WHERE p.tenant_id = :t
                              AND NOT EXISTS (SELECT 1 FROM crm_contact x WHERE x.tenant_id = :t AND x.person_id = p.id)
                              AND NOT EXISTS (SELECT 1 FROM hris_employee x WHERE x.tenant_id = :t AND x.person_id = p.id)
                              AND NOT EXISTS (SELECT 1 FROM lms_enrolment x WHERE x.tenant_id = :t AND x.person_id = p.id)
                              AND NOT EXISTS (SELECT 1 FROM revenue_line x WHERE x.tenant_id = :t AND x.person_id = p.id)
                              AND NOT EXISTS (SELECT 1 FROM outcome_person_earning x WHERE x.tenant_id = :t AND x.person_id = p.id)""")
                    .bind("t", tenant).execute();
        });
        jdbi.useHandle(h -> h.execute("VACUUM ANALYZE crm_opportunity, crm_contact, hris_employee, lms_enrolment, outcome_person"));
        System.out.printf("%nForgot the earlier imports (source '%s', %,d persons) in %.1f s: the imports below are first imports.%n", IMPORT_SOURCE, persons,
                (System.nanoTime() - started) / 1e9);
    }

    /** The outcome files through {@code POST /api/v1/outcomes/imports}, timed: rows per second and the match rate of each. */
    private static void imports(Api api, ProcessCpu cpu, OutcomeCsv files, List<long[]> achievements, Jdbi jdbi, long tenant, int contacts, int opportunities,
                                int employees, int enrolments) throws Exception {
        List<String> courses = new ArrayList<>();
        List<String> campaigns = new ArrayList<>();
        Map<Long, String> names = jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM achievement WHERE tenant_id = :t").bind("t", tenant)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        for (int i = 0; i < achievements.size(); i++) {
            courses.add("course-" + (i + 1));
            campaigns.add(ShareLinks.campaign(names.get(achievements.get(i)[0]), achievements.get(i)[0]));
        }
        System.out.printf("%n| import (`POST /api/v1/outcomes/imports`, CSV) | rows | CSV | time | rows/s | CPU (JVM + PostgreSQL) | rows per CPU second | load (1 min) | match rate |%n");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        long total = 0;
        double seconds = 0;
        for (Object[] file : List.of(new Object[] {"crm_contact", contacts, files.contacts(contacts, campaigns)},
                new Object[] {"crm_opportunity", opportunities, files.opportunities(opportunities, contacts)},
                new Object[] {"hris_employee", employees, files.employees(employees)},
                new Object[] {"lms_enrolment", enrolments, files.enrolments(enrolments, courses)})) {
            byte[] body = (byte[]) file[2];
            int rows = (Integer) file[1];
            double load = ProcessCpu.load();
            long cpuStart = cpu.nanos();
            long started = System.nanoTime();
            JsonNode answer = JSON.readTree(api.send("POST", "/api/v1/outcomes/imports?kind=" + file[0] + "&source=" + IMPORT_SOURCE, "text/csv", body, 201));
            double took = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (cpu.nanos() - cpuStart) / 1e9;
            if (answer.at("/rows/failed").asInt() != 0 || answer.at("/rows/total").asInt() != rows) {
                throw new IllegalStateException("unexpected import answer: " + answer.get("rows"));
            }
            total += rows;
            seconds += took;
            System.out.printf("| %s | %,d | %.1f MB | %.1f s | **%,.0f** | %.1f s | %,.0f | %.2f | %s; upserted %,d |%n", file[0], rows, body.length / 1e6, took,
                    rows / took, cpuSeconds, rows / cpuSeconds, load, answer.at("/matchRate/text").asText(), answer.at("/rows/upserted").asLong());
        }
        System.out.printf("| all four | %,d | | %.1f s | **%,.0f** | | | | |%n", total, seconds, total / seconds);
    }

    /** The first read of answers no warmer precomputes: one achievement's outcome answers, and a quarter's board report. */
    private static void firstReads(Api api, String cookie, String quarter, long achievement) throws Exception {
        System.out.printf("%n| first read after new data (computes; later reads are cached) | time | load (1 min) |%n|---|---:|---:|%n");
        for (String path : List.of("/api/v1/analytics/completion?achievementId=" + achievement, "/api/v1/analytics/retention?achievementId=" + achievement,
                "/api/v1/analytics/business?achievementId=" + achievement, "/api/v1/reports/board?quarter=" + quarter)) {
            double load = ProcessCpu.load();
            long started = System.nanoTime();
            api.get(path, null);
            System.out.printf("| `%s` | %.0f ms | %.2f |%n", path, (System.nanoTime() - started) / 1e6, load);
        }
    }

    private static List<Call> calls(Jdbi jdbi, long tenant, LocalDate end, String quarter, long achievement) {
        long issuedInYear = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM credential WHERE tenant_id = :t AND issued_at >= :from AND issued_at < :to")
                .bind("t", tenant).bind("from", end.minusYears(1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime())
                .bind("to", end.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime()).mapTo(Long.class).one());
        String week = String.format("%d-W%02d", end.minusDays(1).get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                end.minusDays(1).get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        String year = "from=" + end.minusYears(1) + "&to=" + end.minusDays(1);
        return List.of(
                new Call("baseline", "/health", false, "status ok", json(j -> j.path("status").asText().equals("ok"))),
                new Call("baseline (layer 3)", "/api/v1/analytics/geography?" + year, false, "countries", nonEmpty()),
                new Call("1", "/api/v1/analytics/operations?" + year + "&granularity=month", false, "issued within 1 % of " + issuedInYear + " (SQL count)",
                        json(j -> Math.abs(j.at("/figures/operations.credentials_issued/value").asLong() - issuedInYear) <= issuedInYear / 100)),
                new Call("1", "/api/v1/analytics/operations?" + year + "&granularity=week&achievementId=" + achievement, false, "weekly series", nonEmpty()),
                new Call("1", "/api/v1/analytics/cost-avoided/assumptions", false, "assumptions", nonEmpty()),
                new Call("1", "/api/v1/program-costs", false, "ledger lines", nonEmpty()),
                new Call("1", "/api/v1/support-tickets", false, "answer", nonEmpty()),
                new Call("4", "/api/v1/analytics/completion", false, "n of both arms > 0", outcome()),
                new Call("4", "/api/v1/analytics/completion?achievementId=" + achievement, false, "n of both arms > 0", outcome()),
                new Call("4", "/api/v1/analytics/retention", false, "n of both groups > 0", outcome()),
                new Call("4", "/api/v1/analytics/retention?achievementId=" + achievement, false, "n of both groups > 0", outcome()),
                new Call("5", "/api/v1/analytics/business", false, "n of both groups > 0", outcome()),
                new Call("5", "/api/v1/analytics/business?achievementId=" + achievement, false, "n of both groups > 0", outcome()),
                new Call("5", "/api/v1/analytics/compare?x1=200&n1=400&x2=210&n2=600", false, "+15.0 points", text("15.0")),
                new Call("5", "/api/v1/analytics/roi?benefit=120000&attribution=0.40&confidence=0.75&cost=25000", false, "BCR 1.44", text("1.44")),
                new Call("5", "/api/v1/analytics/roi/program", false, "costs and benefits", nonEmpty()),
                new Call("5", "/api/v1/analytics/benefits", false, "the benefit line", text("fewer support tickets")),
                new Call("5", "/api/v1/analytics/maturity", false, "a tier with its reasons", text("\"reasons\"")),
                new Call("5", "/api/v1/analytics/surveys?achievement=" + achievement, false, "answer", nonEmpty()),
                new Call("imports", "/api/v1/outcomes/imports", false, "import list", text(IMPORT_SOURCE)),
                new Call("report", "/api/v1/reports/board?quarter=" + quarter, false, "JSON with analytics", text("\"analytics\"")),
                new Call("report", "/api/v1/reports/board?format=pdf&quarter=" + quarter, false, "PDF", pdf()),
                new Call("report", "/api/v1/reports/weekly?format=pdf&week=" + week, false, "PDF", pdf()),
                new Call("page", "/app/reports/board?quarter=" + quarter, true, "HTML with charts", text("<svg")),
                new Call("page", "/app/reports/board.pdf?quarter=" + quarter, true, "PDF", pdf()),
                new Call("page", "/app/analytics/outcomes", true, "HTML", text("</html>")),
                new Call("page", "/app/analytics/roi", true, "HTML", text("</html>")),
                new Call("page", "/app/analytics/operations", true, "HTML", text("</html>")));
    }

    // a check answers what it saw (for the table), or null when the answer is not what the call must give

    private static Function<byte[], String> nonEmpty() {
        return body -> body.length > 2 ? String.format("%,d bytes", body.length) : null;
    }

    private static Function<byte[], String> text(String needle) {
        return body -> new String(body, StandardCharsets.UTF_8).contains(needle) ? String.format("%,d bytes", body.length) : null;
    }

    private static Function<byte[], String> pdf() {
        return body -> body.length > 1000 && new String(body, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")
                ? String.format("%,d bytes", body.length) : null;
    }

    private static Function<byte[], String> json(Predicate<JsonNode> test) {
        return body -> {
            try {
                return test.test(JSON.readTree(body)) ? String.format("%,d bytes", body.length) : null;
            } catch (java.io.IOException e) {
                return null;
            }
        };
    }

    /** An outcome answer: its comparisons (each names its groups' n); at least one with every group non-empty. Says the first such one's n. */
    private static Function<byte[], String> outcome() {
        return body -> {
            try {
                List<JsonNode> comparisons = JSON.readTree(body).findParents("groups");
                for (JsonNode comparison : comparisons) {
                    List<Long> n = new ArrayList<>();
                    comparison.get("groups").forEach(g -> n.add(g.path("n").asLong()));
                    if (n.size() >= 2 && n.stream().allMatch(x -> x > 0)) {
                        return comparisons.size() + " comparisons; first n = " + n.stream().map(x -> String.format("%,d", x))
                                .collect(java.util.stream.Collectors.joining(" vs "));
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                return null;
            }
        };
    }

    /** Milliseconds per call; five unmeasured calls first. Every answer must be 200 and pass the call's check. */
    private static Timed time(Api api, Call call, String cookie, int runs) throws Exception {
        double[] millis = new double[runs];
        String seen = null;
        for (int i = -5; i < runs; i++) {
            long started = System.nanoTime();
            byte[] body = api.get(call.path(), call.page() ? cookie : null);
            long took = System.nanoTime() - started;
            if (i == -5 && System.getProperty("show") != null) {
                System.out.println(call.path() + " → " + new String(body, 0, Math.min(body.length, 3000), StandardCharsets.UTF_8));
            }
            seen = call.check().apply(body);
            if (seen == null) {
                throw new IllegalStateException(call.path() + " did not answer " + call.expects() + ": "
                        + new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8));
            }
            if (i >= 0) {
                millis[i] = took / 1e6;
            }
        }
        return new Timed(millis, seen);
    }

    /** Milliseconds per measured call, and what the last answer held. */
    private record Timed(double[] millis, String seen) {}

    private static void sizes(Jdbi jdbi, long tenant) {
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT (SELECT count(*) FROM credential WHERE tenant_id = :t), (SELECT count(*) FROM tracking_event WHERE tenant_id = :t),
                               (SELECT count(*) FROM outcome_person WHERE tenant_id = :t), (SELECT count(*) FROM crm_contact WHERE tenant_id = :t),
                               (SELECT count(*) FROM crm_opportunity WHERE tenant_id = :t), (SELECT count(*) FROM hris_employee WHERE tenant_id = :t),
                               (SELECT count(*) FROM lms_enrolment WHERE tenant_id = :t), (SELECT count(*) FROM outcome_earning WHERE tenant_id = :t)""")
                .bind("t", tenant)
                .map((rs, ctx) -> String.format("Tenant: %,d credentials, %,d raw events; outcome data: %,d persons, %,d CRM contacts, %,d opportunities, "
                                + "%,d HRIS employees, %,d LMS enrolments (%,d CRM/HRIS rows); outcome_earning %,d rows",
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                        rs.getLong(4) + rs.getLong(5) + rs.getLong(6), rs.getLong(8)))
                .forEach(System.out::println));
    }

    private static double p(double[] values, int percentile) {
        return DashboardBench.percentile(values, percentile);
    }

    /** The last complete calendar quarter before a day, as the board report names it ("2026Q3"). */
    private static final class Quarter {
        static String previous(LocalDate day) {
            LocalDate before = day.withDayOfMonth(1).minusMonths((day.getMonthValue() - 1) % 3).minusDays(1);
            return before.getYear() + "Q" + ((before.getMonthValue() - 1) / 3 + 1);
        }
    }

    /** The HTTP client with the API key; every call must answer the expected status. */
    private record Api(HttpClient http, String base, String key) {
        byte[] get(String path, String cookie) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
            request = cookie == null ? request.header("Authorization", "Bearer " + key) : request.header("Cookie", "credence_session=" + cookie);
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        }

        byte[] send(String method, String path, String type, byte[] body, int status) throws Exception {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key)
                    .header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != status) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        }
    }
}
