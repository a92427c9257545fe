package org.credence.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.credence.Credence;
import org.credence.Settings;
import org.credence.app.AppBar;
import org.credence.audit.AuditTrail;
import org.credence.tenant.ApiKeys;
import org.jdbi.v3.core.Jdbi;

/**
 * The program owner's web app at scale (issue 15): on the simulator's tenant that {@link DashboardBench} generated (about 1.46
 * million credentials, 10 million events), signs in as an owner through the login form and times every page of the app bar
 * ({@link AppBar#AREAS}) plus the pages below them that a person opens most (an achievement, a credential's detail page, a
 * search of the credentials list, the audit trail filtered by action), over HTTP on loopback: one client, sequential, every
 * answer checked (status 200 and the app bar in the page). Loopback latency is an upper bound of the server-side time. In the
 * same run: {@code GET /health} as the baseline, the 1-minute load average and CPU time per request (this JVM plus PostgreSQL).
 *
 * <pre>java -Xmx3g -cp credence-bench/target/benchmarks.jar org.credence.bench.AppPagesBench --data DIR [--runs 40]</pre>
 */
public final class AppPagesBench {
    private static final String PASSWORD = "bench-owner-password-2026";

    private AppPagesBench() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(DashboardBench.option(args, "--data", "credence-bench/target/dashboard-data")).toAbsolutePath();
        int runs = Integer.parseInt(DashboardBench.option(args, "--runs", "40"));
        try (EmbeddedPostgres postgres = DashboardApiBench.embedded(data)) {
            String url = DashboardApiBench.url(postgres, data);
            Jdbi jdbi = Jdbi.create(url);
            long tenant = DashboardData.existing(jdbi).orElseThrow(() -> new IllegalStateException("no benchmark tenant in " + data + ": run DashboardBench first"));
            DashboardApiBench.foldAndVacuum(jdbi);
            ProcessCpu cpu = new ProcessCpu(data.resolve("pg"));
            Settings settings = new Settings(0, data, Optional.of(url), Optional.empty(), Optional.empty(), Optional.empty(), false);
            try (Credence server = Credence.start(settings, Clock.systemUTC())) {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                String base = "http://localhost:" + server.port();
                String key = jdbi.inTransaction(h -> new ApiKeys(jdbi, new SecureRandom(), new AuditTrail(jdbi), Clock.systemUTC())
                        .create(h, tenant, Set.of("read", "admin"), "App pages benchmark"));
                String cookie = signIn(http, base, key, tenant, jdbi);
                List<String> paths = paths(jdbi, tenant);
                System.out.printf("Tenant: %,d credentials. Load average at start: %.2f; %d runs per page after 5 unmeasured.%n",
                        jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM credential WHERE tenant_id = :t").bind("t", tenant).mapTo(Long.class).one()),
                        ProcessCpu.load(), runs);
                System.out.printf("%n| page | n | p50 | p95 | max | p95 / baseline p95 | CPU per page | load (1 min) | answer |%n");
                System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
                double baseline = Double.NaN;
                for (String path : paths) {
                    double load = ProcessCpu.load();
                    long cpuBefore = cpu.nanos();
                    double[] millis = new double[runs];
                    String answer = "200, app bar";
                    for (int i = -5; i < runs && answer.startsWith("200"); i++) {
                        long started = System.nanoTime();
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                                .header("Cookie", "credence_session=" + cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - started;
                        boolean health = path.equals("/health");
                        if (response.statusCode() != 200 || !(health || response.body().contains("<header class=\"app-bar\">"))) {
                            answer = response.statusCode() + (response.statusCode() == 200 ? ", no app bar" : "") + ": not measured";
                        } else if (i >= 0) {
                            millis[i] = took / 1e6;
                        }
                    }
                    if (!answer.startsWith("200")) {
                        System.out.printf("| `%s` | – | – | – | – | – | – | %.2f | %s |%n", path, load, answer);
                        continue;
                    }
                    double cpuMillis = (cpu.nanos() - cpuBefore) / 1e6 / (runs + 5);
                    double p95 = DashboardBench.percentile(millis, 95);
                    if (Double.isNaN(baseline)) {
                        baseline = p95;
                        answer = "200 (baseline)";
                    }
                    System.out.printf("| `%s` | %d | %.1f ms | %.1f ms | %.1f ms | %.1f× | %.1f ms | %.2f | %s |%n", path, runs,
                            DashboardBench.percentile(millis, 50), p95, Arrays.stream(millis).max().orElseThrow(), p95 / baseline, cpuMillis, load, answer);
                }
                System.out.printf("%nLoad average at the end: %.2f%n", ProcessCpu.load());
            }
        }
    }

    /** The baseline, every area of the app bar, and the pages below them a person opens most, with real ids from the tenant. */
    private static List<String> paths(Jdbi jdbi, long tenant) {
        List<String> paths = new ArrayList<>(List.of("/health"));
        AppBar.AREAS.forEach(area -> paths.add(area.path()));
        jdbi.useHandle(h -> {
            h.createQuery("SELECT id FROM achievement WHERE tenant_id = :t ORDER BY id LIMIT 1").bind("t", tenant).mapTo(Long.class)
                    .findOne().ifPresent(id -> paths.add("/app/achievements/" + id));
            // a credential from the middle of the table: neither the newest nor the oldest page of an index
            long count = h.createQuery("SELECT count(*) FROM credential WHERE tenant_id = :t").bind("t", tenant).mapTo(Long.class).one();
            h.createQuery("SELECT number FROM credential WHERE tenant_id = :t ORDER BY issued_at OFFSET :middle LIMIT 1").bind("t", tenant)
                    .bind("middle", count / 2).mapTo(String.class).findOne().ifPresent(number -> paths.add("/app/credentials/" + number));
        });
        paths.add("/app/credentials?q=" + URLEncoder.encode("nordmann", StandardCharsets.UTF_8));
        paths.add("/app/audit?action=credential.revoke");
        return paths;
    }

    /** An owner user, signed in through the login form; returns the session cookie. */
    private static String signIn(HttpClient http, String base, String key, long tenant, Jdbi jdbi) throws Exception {
        String slug = jdbi.withHandle(h -> h.createQuery("SELECT slug FROM tenant WHERE id = :t").bind("t", tenant).mapTo(String.class).one());
        String email = "owner-" + System.currentTimeMillis() + "@bench.example";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/users")).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email
                        + "\", \"name\": \"Bench Owner\", \"role\": \"owner\", \"password\": \"" + PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating the owner answered " + created.statusCode() + ": " + created.body());
        }
        String form = "tenant=" + slug + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=" + PASSWORD + "&next=%2Fapp";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        String header = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("credence_session=")).findFirst()
                .orElseThrow(() -> new IllegalStateException("login answered " + response.statusCode()));
        return header.substring("credence_session=".length(), header.indexOf(';'));
    }
}
