package org.credence.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.credence.Credence;
import org.credence.Settings;
import org.credence.issuance.BatchResult;
import org.credence.issuance.Idempotency;
import org.credence.issuance.Issuance;
import org.credence.issuance.IssueCommand;
import org.credence.tenant.Caller;
import org.jdbi.v3.core.Jdbi;

/**
 * Issuance throughput in one process on one database (the embedded PostgreSQL with fsync on, as {@code credence serve}
 * runs it): {@link Issuance#issueAll} in batches against one-by-one {@link Issuance#issue} (what
 * {@code POST /api/v1/credentials} calls), each credential with its recipient's mail queued. No mail worker runs: the
 * mail stays queued, and delivering it is not measured here. The JIT compiler's CPU is shown apart, not in the CPU per
 * credential.
 *
 * <p>Modes, run in turn each round: {@code batch} (one thread, {@code --batch} commands per call, each with an
 * Idempotency-Key as a bulk job sets one), {@code single x8} (eight threads calling {@code issue}: concurrent requests are
 * gathered into shared transactions, as under the API's load) and {@code single x1} (one thread: every credential its own
 * transaction, as before gathering). Every counted credential was answered as newly created, and the credential table
 * grew by exactly that many. Reported: credentials/s (wall clock, which moves with the machine's load) and CPU per
 * credential (this JVM plus every PostgreSQL process), the steadier figure on a shared machine.
 *
 * <pre>java -cp credence-bench/target/benchmarks.jar org.credence.bench.IssuanceBench [--batch 500] [--seconds 10] [--rounds 3]
 *      [--modes "batch,single x8,single x1"]</pre>
 *
 * <p>CPU per credential counts everything the server's processes did meanwhile, so work done per second rather than per
 * credential (the analytics folder's pass every second, PostgreSQL's background writers) weighs more in a slow mode.
 */
public final class IssuanceBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private IssuanceBench() {}

    /** One measured stretch of one mode. */
    private record Run(String mode, long created, double seconds, double jvmCpuSeconds, double pgCpuSeconds, double mailCpuSeconds,
                       double jitCpuSeconds, String load) {
        double perSecond() {
            return created / seconds;
        }

        double cpuMicrosPerCredential() {
            return (jvmCpuSeconds + pgCpuSeconds) * 1e6 / created;
        }
    }

    public static void main(String[] args) throws Exception {
        int batch = Integer.parseInt(DashboardBench.option(args, "--batch", "500"));
        int seconds = Integer.parseInt(DashboardBench.option(args, "--seconds", "10"));
        int rounds = Integer.parseInt(DashboardBench.option(args, "--rounds", "3"));
        List<String> modes = List.of(DashboardBench.option(args, "--modes", "batch,single x8,single x1").split(","));
        Path data = Files.createTempDirectory("credence-issuance-bench");
        String adminKey = "crd_000000000001_" + HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(16));
        // durable as `credence serve` runs it: every commit waits for its fsync
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data.resolve("pg")).setCleanDataDirectory(true)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "50").start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres") + "&password=postgres";
            // no mail worker: each credential's mail is queued in its transaction and stays queued, so delivering it (rendering
            // the certificate PDF, about 4 ms of CPU a mail: the PDF sections above) is not what is measured
            Settings settings = new Settings(0, data, Optional.of(url), Optional.of(adminKey), Optional.empty(), Optional.empty(), true,
                    new org.credence.delivery.MailSettings(Optional.empty(), org.credence.delivery.MailSettings.OUTBOX.from(), java.time.Duration.ZERO));
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("pg").resolve("postmaster.pid")).get(0).trim());
            try (Credence server = Credence.start(settings, Clock.systemUTC())) {
                Jdbi jdbi = Jdbi.create(url);
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://localhost:" + server.port();
                String key = post(http, base + "/api/v1/tenants", adminKey,
                        "{\"slug\":\"issuance-bench\",\"name\":\"Issuance bench\",\"url\":\"https://bench.example\"}").get("apiKey").asText();
                long achievement = post(http, base + "/api/v1/achievements", key,
                        "{\"name\":\"Bench Certificate\",\"kind\":\"certificate\",\"description\":\"For the benchmark.\",\"criteria\":\"Exist.\","
                                + "\"alignments\":[{\"targetName\":\"Testing\",\"targetUrl\":\"https://skills.example/testing\"}],\"validityDays\":365}")
                        .get("id").asLong();
                long tenant = jdbi.withHandle(h -> h.createQuery("SELECT id FROM tenant WHERE slug = 'issuance-bench'").mapTo(Long.class).one());
                Caller caller = new Caller(tenant, java.util.Set.of("issue"), "bench");
                Issuance issuance = server.issuance();
                AtomicInteger recipient = new AtomicInteger();
                Bench bench = new Bench(issuance, caller, achievement, batch, jdbi, tenant, postmaster, recipient);

                System.out.printf("Warming up (%d s per mode) ...%n", seconds);
                for (String mode : modes) {
                    bench.measure(mode, seconds);
                }
                List<Run> runs = new ArrayList<>();
                System.out.println("| round | mode | credentials | s | credentials/s | CPU µs per credential (JVM + PostgreSQL) | apart: mail thread, JIT | load average (1 min) before → after |");
                System.out.println("|---:|---|---:|---:|---:|---:|---|---|");
                for (int round = 1; round <= rounds; round++) {
                    for (String mode : modes) {
                        Run run = bench.measure(mode, seconds);
                        runs.add(run);
                        System.out.printf("| %d | %s | %,d | %.1f | %,.0f | %,.0f (JVM %,.0f, PostgreSQL %,.0f) | %,.0f, %,.0f | %s |%n", round, mode,
                                run.created(), run.seconds(), run.perSecond(), run.cpuMicrosPerCredential(), run.jvmCpuSeconds() * 1e6 / run.created(),
                                run.pgCpuSeconds() * 1e6 / run.created(), run.mailCpuSeconds() * 1e6 / run.created(),
                                run.jitCpuSeconds() * 1e6 / run.created(), run.load());
                    }
                }
                System.out.println();
                System.out.println("| mode | credentials/s, median | CPU µs per credential, median | the first mode's advantage by throughput | by CPU per credential |");
                System.out.println("|---|---:|---:|---:|---:|");
                double batchRate = median(runs, modes.get(0), Run::perSecond);
                double batchCpu = median(runs, modes.get(0), Run::cpuMicrosPerCredential);
                for (String mode : modes) {
                    double rate = median(runs, mode, Run::perSecond);
                    double cpu = median(runs, mode, Run::cpuMicrosPerCredential);
                    System.out.printf("| %s | %,.0f | %,.0f | %.2f× | %.2f× |%n", mode, rate, cpu, batchRate / rate, cpu / batchCpu);
                }
            }
        } finally {
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double median(List<Run> runs, String mode, java.util.function.ToDoubleFunction<Run> figure) {
        double[] values = runs.stream().filter(r -> r.mode().equals(mode)).mapToDouble(figure).sorted().toArray();
        return values[values.length / 2];
    }

    /** The modes, over one server and tenant; every recipient new. */
    private record Bench(Issuance issuance, Caller caller, long achievement, int batch, Jdbi jdbi, long tenant, long postmaster,
                         AtomicInteger recipient) {
        IssueCommand command(boolean keyed) {
            int n = recipient.incrementAndGet();
            String email = "bench-" + n + "@example.org";
            return new IssueCommand(achievement, "Bench Recipient " + n, email, null, null, null, List.of(), true,
                    keyed ? new Idempotency("bench-row-" + n, Issuance.sha256(email)) : null);
        }

        Run measure(String mode, int seconds) throws Exception {
            long rowsBefore = rows();
            String loadBefore = loadAverage();
            long pgBefore = postgresTicks();
            long jvmBefore = OS.getProcessCpuTime();
            long[] apartBefore = threadTicks();
            long start = System.nanoTime();
            long deadline = start + seconds * 1_000_000_000L;
            long created = switch (mode) {
                case "batch" -> {
                    long n = 0;
                    while (System.nanoTime() < deadline) {
                        List<IssueCommand> commands = new ArrayList<>(batch);
                        for (int i = 0; i < batch; i++) {
                            commands.add(command(true));
                        }
                        for (BatchResult result : issuance.issueAll(caller, commands)) {
                            n += created(result.issued());
                        }
                    }
                    yield n;
                }
                case "single x8" -> threads(8, deadline);
                case "single x1" -> threads(1, deadline);
                default -> throw new IllegalArgumentException(mode);
            };
            double wall = (System.nanoTime() - start) / 1e9;
            long[] apartAfter = threadTicks();
            double mail = (apartAfter[0] - apartBefore[0]) / (double) TICKS_PER_SECOND;
            double jit = (apartAfter[1] - apartBefore[1]) / (double) TICKS_PER_SECOND;
            double jvm = (OS.getProcessCpuTime() - jvmBefore) / 1e9 - mail - jit;
            double pg = (postgresTicks() - pgBefore) / (double) TICKS_PER_SECOND;
            long grown = rows() - rowsBefore;
            if (grown != created) {
                throw new IllegalStateException(mode + ": " + created + " answered as created, but the credential table grew by " + grown);
            }
            return new Run(mode, created, wall, jvm, pg, mail, jit, loadBefore + " → " + loadAverage());
        }

        private long threads(int count, long deadline) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(count);
            try {
                List<Future<Long>> done = new ArrayList<>();
                for (int t = 0; t < count; t++) {
                    done.add(pool.submit(() -> {
                        long n = 0;
                        while (System.nanoTime() < deadline) {
                            n += created(issuance.issue(caller, command(false)));
                        }
                        return n;
                    }));
                }
                long n = 0;
                for (Future<Long> f : done) {
                    n += f.get();
                }
                return n;
            } finally {
                pool.shutdown();
            }
        }

        private static long created(Issuance.Issued issued) {
            if (issued == null || !issued.created()) {
                throw new IllegalStateException("a new recipient was not issued a new credential");
            }
            return 1;
        }

        private long rows() {
            return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM credential WHERE tenant_id = :t").bind("t", tenant)
                    .mapTo(Long.class).one());
        }

        /** CPU ticks (user + system) of this JVM's mail thread, and of its JIT compiler threads. */
        private static long[] threadTicks() throws java.io.IOException {
            long[] ticks = new long[2];
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long t = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        if (name.equals("credence-mail")) {
                            ticks[0] += t;
                        } else if (name.contains("CompilerThre")) {
                            ticks[1] += t;
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // a thread that ended meanwhile
                    }
                }
            }
            return ticks;
        }

        /** CPU ticks (user + system) of the postmaster and every process it started. */
        private long postgresTicks() throws java.io.IOException {
            long ticks = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = Files.readString(proc.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long pid = Long.parseLong(proc.getFileName().toString());
                        long parent = Long.parseLong(fields[1]);
                        if (pid == postmaster || parent == postmaster) {
                            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // a process that ended meanwhile
                    }
                }
            }
            return ticks;
        }
    }

    private static String loadAverage() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static JsonNode post(HttpClient http, String url, String key, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
