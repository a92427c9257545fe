package org.credence.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times bulk issuance end to end: {@code credence serve} as its own JVM with {@code -Xmx512m} on a fresh
 * embedded PostgreSQL; a CSV of {@code --rows} rows (and the same with 5 % broken rows) uploaded to
 * {@code POST /api/v1/issuance-jobs} and timed from the first byte sent until the job is {@code finished},
 * every good row then a signed, stored, status-listed, logged credential with its mail queued. The server's
 * heap is sampled with {@code jstat} throughout (peak used). In the same run, the one-by-one baseline:
 * {@code POST /api/v1/credentials} with {@code --clients} concurrent clients for {@code --baseline} new recipients (after
 * {@code --warmup} unmeasured ones).
 *
 * <p>With {@code --mail smtp} (the default) the server delivers its mail over SMTP to a sink in this JVM (a minimal SMTP
 * server, {@link MailSink}, counting the messages and keeping none); each phase reports the mails delivered during it and how long the rest took to arrive.
 * {@code --mail outbox} leaves the server's default (.eml files). Each phase also reports the server's CPU (its JVM and every
 * process of its PostgreSQL, from {@code /proc}) per new credential, the figure a shared machine disturbs least.
 * {@code --server-opts} adds JVM options to the server (a JFR recording, say). Under the table, each phase's JVM CPU per
 * credential by kind of thread (HTTP request threads, JIT, jobs with the mail worker, parallel signing, GC, the rest).
 *
 * <pre>java -cp credence-bench/target/benchmarks.jar org.credence.bench.BulkIssuanceBench --jar credence-server/target/credence.jar
 *     [--rows 100000] [--baseline 3000] [--warmup 0] [--clients 8] [--variants clean,broken] [--heap 512m] [--mail smtp|outbox]
 *     [--drain-minutes 15] [--server-opts "-XX:StartFlightRecording=filename=server.jfr"] [--client plain|jdk]</pre>
 *
 * <p>The one-by-one clients are plain keep-alive HTTP/1.1 ({@link PlainHttpClient}) unless {@code --client jdk}; under the
 * server's split the benchmark prints its own CPU per credential the same way (load clients, mail sink, the rest), since
 * on two shared cores the load driver's CPU is taken from the server.
 */
public final class BulkIssuanceBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private BulkIssuanceBench() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(DashboardBench.option(args, "--jar", "credence-server/target/credence.jar"));
        int rows = Integer.parseInt(DashboardBench.option(args, "--rows", "100000"));
        int baseline = Integer.parseInt(DashboardBench.option(args, "--baseline", "3000"));
        int clients = Integer.parseInt(DashboardBench.option(args, "--clients", "8"));
        String heap = DashboardBench.option(args, "--heap", "512m");
        List<String> variants = List.of(DashboardBench.option(args, "--variants", "clean,broken").split(","));
        int warmup = Integer.parseInt(DashboardBench.option(args, "--warmup", "0"));
        boolean smtp = DashboardBench.option(args, "--mail", "smtp").equals("smtp");
        String serverOpts = DashboardBench.option(args, "--server-opts", "").strip();
        int drainMinutes = Integer.parseInt(DashboardBench.option(args, "--drain-minutes", "15"));
        boolean plainClient = DashboardBench.option(args, "--client", "plain").equals("plain");
        Path data = Files.createTempDirectory("credence-bulk-bench");
        String admin = "crd_000000000001_" + HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(16));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap));
        if (!serverOpts.isEmpty()) {
            command.addAll(List.of(serverOpts.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "serve", "--port", String.valueOf(port), "--data", data.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile());
        builder.environment().put("CREDENCE_BOOTSTRAP_API_KEY", admin);
        MailSink sink = smtp ? MailSink.start() : null;
        if (sink != null) {
            builder.environment().put("CREDENCE_SMTP_HOST", "127.0.0.1");
            builder.environment().put("CREDENCE_SMTP_PORT", String.valueOf(sink.port()));
            builder.environment().put("CREDENCE_SMTP_TLS", "none");
        }
        Process server = builder.start();
        String base = "http://localhost:" + port;
        try {
            awaitHealth(base, server);
            String key = send("POST", base + "/api/v1/tenants", admin, "application/json",
                    "{\"slug\":\"bulk-bench\",\"name\":\"Bulk bench\",\"url\":\"https://bench.example\"}", 201).get("apiKey").asText();
            long achievement = send("POST", base + "/api/v1/achievements", key, "application/json",
                    "{\"name\":\"Bench\",\"kind\":\"certificate\",\"description\":\"d\",\"criteria\":\"c\"}", 201).get("id").asLong();
            System.out.printf("Server: -Xmx%s %s, pid %d, data %s, mail %s; load before: %s%n%n", heap, serverOpts, server.pid(), data,
                    sink == null ? "to the outbox" : "over SMTP to a sink", uptime());
            System.out.println("| what | rows | good rows | time | credentials/s | peak heap used | server CPU µs per credential (JVM + PostgreSQL) until the last "
                    + "answer | mails delivered during it, then the rest in | load (1/5/15 min) after |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---|---|");
            Phase phase = new Phase(server.pid(), data.resolve("pg"), sink, drainMinutes);
            if (warmup > 0) {
                oneByOne(base, key, "warm-up", achievement, warmup, clients, plainClient, phase);
            }
            if (variants.contains("clean") && rows > 0) {
                job(base, key, data, "clean", rows, 0, achievement, phase);
            }
            if (variants.contains("broken") && rows > 0) {
                job(base, key, data, "broken", rows, 20, achievement, phase);
            }
            if (baseline > 0) {
                oneByOne(base, key, "one", achievement, baseline, clients, plainClient, phase);
            }
            System.out.printf("%nThe server's JVM CPU per credential (µs) by kind of thread, phase by phase, until the last answer:%n");
            phase.splits.forEach(line -> System.out.println("- " + line));
            System.out.printf("%nThis benchmark's own JVM CPU per credential (µs) by kind of thread, phase by phase, until the last answer:%n");
            phase.benchSplits.forEach(line -> System.out.println("- " + line));
        } finally {
            server.destroy();
            server.waitFor();
            if (sink != null) {
                System.out.printf("%nMails received by the sink: %,d, of which breaking RFC 5321's line rules: %,d%n", sink.count(), sink.malformed());
                sink.stop();
            }
        }
    }

    /** Uploads a file of {@code rows} rows (every {@code brokenEvery}-th without an address; 0: none) and times it until finished. */
    private static void job(String base, String key, Path data, String prefix, int rows, int brokenEvery, long achievement, Phase phase)
            throws Exception {
        Path csv = data.resolve(prefix + ".csv");
        int good = 0;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("name,email,achievement,grade\n");
            for (int i = 0; i < rows; i++) {
                boolean broken = brokenEvery > 0 && i % brokenEvery == 7;
                out.write("Learner " + i + "," + (broken ? "" : prefix + i + "@bench.example") + "," + achievement + ",A\n");
                good += broken ? 0 : 1;
            }
        }
        phase.begin();
        long started = System.nanoTime();
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/issuance-jobs"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "text/csv").timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException(accepted.body());
        }
        long upload = System.nanoTime() - started;
        long id = JSON.readTree(accepted.body()).get("id").asLong();
        JsonNode job;
        do {
            Thread.sleep(200);
            job = send("GET", base + "/api/v1/issuance-jobs/" + id, key, null, null, 200);
        } while (!job.get("state").asText().equals("finished"));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (job.get("issued").asInt() != good) {
            throw new IllegalStateException("issued " + job.get("issued") + " of " + good + " good rows");
        }
        System.out.printf("| bulk job, %s (upload %.1f s of it) | %,d | %,d | %.1f s | **%,.0f** | %s |%n",
                brokenEvery == 0 ? "every row good" : "5 % broken rows", upload / 1e9, rows, good, seconds, good / seconds, phase.end(good));
    }

    /**
     * The API one credential per request, {@code clients} at a time, every request a new recipient; counted by 201s, with
     * 200s (replays) counted apart and any other status failing the run. {@code plain}: each client thread keeps one
     * HTTP/1.1 connection ({@link PlainHttpClient}); {@code jdk}: the JDK's {@code HttpClient}, as before.
     */
    private static void oneByOne(String base, String key, String prefix, long achievement, int count, int clients, boolean plain, Phase phase)
            throws Exception {
        phase.begin();
        AtomicInteger next = new AtomicInteger();
        AtomicLong created = new AtomicLong();
        AtomicLong replayed = new AtomicLong();
        AtomicInteger thread = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> new Thread(r, "bench-client-" + thread.incrementAndGet()));
        URI uri = URI.create(base);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                try (PlainHttpClient client = new PlainHttpClient(uri.getHost(), uri.getPort())) {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        String body = "{\"achievementId\":" + achievement + ",\"recipient\":{\"name\":\"One " + i + "\",\"email\":\""
                                + prefix + i + "@bench.example\"}}";
                        int status;
                        String answer;
                        if (plain) {
                            PlainHttpClient.Answer a = client.send("POST", "/api/v1/credentials", "Bearer " + key, "application/json", body);
                            status = a.status();
                            answer = a.body();
                        } else {
                            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/credentials"))
                                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                            status = response.statusCode();
                            answer = response.body();
                        }
                        if (status == 201) {
                            created.incrementAndGet();
                        } else if (status == 200) {
                            replayed.incrementAndGet();
                        } else {
                            throw new IllegalStateException("POST /api/v1/credentials: " + status + " " + answer);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // the phase ends before the pool does: a client thread's CPU is read from /proc while the thread lives
        String cost = phase.end(created.get());
        pool.shutdown();
        System.out.printf("| %s, POST /api/v1/credentials, %d clients (%s) | %,d | %,d (201s; %,d 200s) | %.1f s | **%,.0f** | %s |%n",
                prefix.equals("one") ? "one by one" : prefix, clients, plain ? "plain HTTP/1.1" : "JDK HttpClient", count, created.get(),
                replayed.get(), seconds, created.get() / seconds, cost);
    }

    /**
     * What one phase cost the server: its peak heap, its CPU (JVM and PostgreSQL) per new credential, and its mail: how many
     * the sink got while the phase ran, and how long the rest (one per new credential) took to arrive after it.
     */
    private static final class Phase {
        private final long pid;
        private final Path pgData;
        private final MailSink sink;
        private final int drainMinutes;
        private HeapSampler heap;
        private long[] cpu;
        private Map<String, Long> threadsBefore;
        private long mailBefore;
        /** One line per phase: the server's CPU per credential by kind of thread, printed under the table. */
        final List<String> splits = new ArrayList<>();
        /** One line per phase: this benchmark's own CPU per credential (its client threads, its mail sink, the rest). */
        final List<String> benchSplits = new ArrayList<>();
        private Map<String, Long> benchBefore;
        private long[] pgBefore;

        Phase(long pid, Path pgData, MailSink sink, int drainMinutes) {
            this.drainMinutes = drainMinutes;
            this.pid = pid;
            this.pgData = pgData;
            this.sink = sink;
        }

        void begin() throws IOException {
            heap = HeapSampler.start(pid);
            cpu = serverTicks(pid, pgData);
            threadsBefore = threadTicks(pid);
            benchBefore = threadTicks(ProcessHandle.current().pid());
            pgBefore = pgCounters(pgData);
            mailBefore = sink == null ? 0 : sink.count();
        }

        /** The table cells after "credentials/s", with the server's CPU taken when the last credential was answered. */
        String end(long created) throws Exception {
            long[] after = serverTicks(pid, pgData);
            Map<String, Long> threadsAfter = threadTicks(pid);
            splits.add(split(threadsBefore, threadsAfter, created));
            long[] pgAfter = pgCounters(pgData);
            benchSplits.add(split(benchBefore, threadTicks(ProcessHandle.current().pid()), created)
                    + String.format(" (PostgreSQL: %.2f transactions, %.1f rows written per credential)",
                            (pgAfter[0] - pgBefore[0]) / (double) created, (pgAfter[1] - pgBefore[1]) / (double) created));
            long duringMail = sink == null ? 0 : sink.count() - mailBefore;
            String mail = "outbox";
            if (sink != null) {
                long drainStarted = System.nanoTime();
                long deadline = drainStarted + Duration.ofMinutes(drainMinutes).toNanos();
                while (sink.count() - mailBefore < created && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                long delivered = sink.count() - mailBefore;
                mail = String.format("%,d, then %,d in %.1f s", duringMail, delivered - duringMail, (System.nanoTime() - drainStarted) / 1e9)
                        + (delivered < created ? " (" + (created - delivered) + " not yet delivered when the wait ended)" : "");
            }
            long[] drained = serverTicks(pid, pgData);
            double hz = 100; // USER_HZ
            double jvm = (after[0] - cpu[0]) / hz * 1e6 / created;
            double pg = (after[1] - cpu[1]) / hz * 1e6 / created;
            double withMail = (drained[0] + drained[1] - cpu[0] - cpu[1]) / hz * 1e6 / created;
            return String.format("%,d MB | %,.0f (%,.0f + %,.0f); %,.0f with the rest of the mail | %s | %s", heap.stop() >> 20, jvm + pg, jvm, pg,
                    withMail, mail, uptime());
        }

        /**
         * PostgreSQL's committed transactions (every statement run outside a transaction counts as one: a round trip's
         * proxy) and rows written (inserted + updated + deleted) in the server's database, from {@code pg_stat_database}.
         */
        private static long[] pgCounters(Path pgData) {
            try {
                List<String> pid = Files.readAllLines(pgData.resolve("postmaster.pid"));
                String password = Files.readString(pgData.resolveSibling("db.password")).strip();
                try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres", "postgres", password);
                     var rs = c.createStatement().executeQuery("SELECT pg_stat_clear_snapshot(), xact_commit, tup_inserted + tup_updated + tup_deleted"
                             + " FROM pg_stat_database WHERE datname = 'postgres'")) {
                    rs.next();
                    // this connection's own transaction is one of those counted: negligible against thousands
                    return new long[] {rs.getLong(2), rs.getLong(3)};
                }
            } catch (IOException | java.sql.SQLException | RuntimeException e) {
                return new long[] {0, 0};
            }
        }

        /** "kind µs; kind µs …" per credential, with the total first; ticks are 10 ms (USER_HZ 100). */
        private static String split(Map<String, Long> before, Map<String, Long> after, long created) {
            StringBuilder split = new StringBuilder();
            long total = 0;
            for (var kind : after.entrySet()) {
                long spent = kind.getValue() - before.getOrDefault(kind.getKey(), 0L);
                if (spent > 0) {
                    total += spent;
                    split.append("; ").append(String.format("%s %,.0f", kind.getKey(), spent * 1e4 / created));
                }
            }
            return String.format("all %,.0f", total * 1e4 / created) + split;
        }

        /**
         * CPU ticks (user + system) of the server's live threads by kind, from {@code /proc/PID/task}: the request threads, the
         * JIT, the jobs (the mail worker), the parallel signing, GC, the rest. A thread that ended within the phase is missed.
         */
        private static Map<String, Long> threadTicks(long pid) {
            Map<String, Long> byKind = new java.util.TreeMap<>();
            try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
                tasks.forEach(task -> {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        byKind.merge(kind(name), Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                    } catch (IOException | RuntimeException ended) {
                        // the thread ended meanwhile
                    }
                });
            } catch (IOException e) {
                // the server ended
            }
            return byKind;
        }

        /** A thread's kind from its (15-character) Linux name. */
        private static String kind(String name) {
            if (name.startsWith("JettyServerThre") || name.startsWith("qtp")) {
                return "HTTP request threads";
            } else if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                return "JIT";
            } else if (name.startsWith("db-scheduler")) {
                return "jobs (mail worker)";
            } else if (name.startsWith("ForkJoinPool")) {
                return "parallel signing";
            } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                return "GC";
            } else if (name.startsWith("analytics-fold")) {
                return "analytics folder";
            } else if (name.startsWith("bench-client")) {
                return "load clients";
            } else if (name.startsWith("smtp-sink")) {
                return "mail sink";
            } else if (name.startsWith("HttpClient")) {
                return "JDK HttpClient's own threads";
            }
            return "other";
        }

        /** CPU ticks (user + system) of the server's JVM and of its PostgreSQL (the postmaster and every process it started). */
        private static long[] serverTicks(long pid, Path pgData) throws IOException {
            long postmaster = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
            long pg = ProcessHandle.of(postmaster).map(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants())
                    .mapToLong(h -> ticks(h.pid())).sum()).orElse(0L);
            return new long[] {ticks(pid), pg};
        }

        private static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return 0; // the process ended meanwhile
            }
        }
    }

    /**
     * A minimal SMTP server that accepts every message, counts it and keeps nothing: a thread per connection reading lines
     * strictly ended by CRLF, a message ended by a line that is a lone ".". It also counts messages that break RFC 5321's
     * line rules (a bare CR or LF, a line over 998 octets), so a stall can be told apart from a malformed message.
     *
     * <p>It replaced GreenMail 2.1.5 here, whose handler parses every message into a {@code MimeMessage} (CPU taken from the
     * server being measured) and, in runs of 20,000 mails, sometimes sat in its DATA reader while the server waited for the
     * reply to its "\r\n.\r\n", until the server's 30 s read timeout failed the send (docs/benchmarks.md, third pass).
     */
    static final class MailSink {
        private final ServerSocket server;
        private final AtomicLong received = new AtomicLong();
        private final AtomicLong malformed = new AtomicLong();

        private MailSink(ServerSocket server) {
            this.server = server;
            Thread accept = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        java.net.Socket socket = server.accept();
                        Thread handler = new Thread(() -> serve(socket), "smtp-sink-connection");
                        handler.setDaemon(true);
                        handler.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "smtp-sink");
            accept.setDaemon(true);
            accept.start();
        }

        static MailSink start() throws IOException {
            return new MailSink(new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress()));
        }

        private void serve(java.net.Socket socket) {
            try (socket; var in = new java.io.BufferedInputStream(socket.getInputStream(), 65536);
                 var out = new java.io.BufferedOutputStream(socket.getOutputStream())) {
                reply(out, "220 sink ESMTP");
                boolean data = false;
                boolean bad = false;
                for (byte[] line; (line = readLine(in)) != null; ) {
                    if (data) {
                        if (line.length == 1 && line[0] == '.') {
                            data = false;
                            received.incrementAndGet();
                            if (bad) {
                                malformed.incrementAndGet();
                            }
                            reply(out, "250 OK");
                        } else if (line.length > 998 || contains(line, '\r') || contains(line, '\n')) {
                            bad = true;
                        }
                        continue;
                    }
                    String command = new String(line, StandardCharsets.US_ASCII).toUpperCase(java.util.Locale.ROOT);
                    if (command.startsWith("EHLO")) {
                        reply(out, "250-sink\r\n250 8BITMIME");
                    } else if (command.startsWith("DATA")) {
                        data = true;
                        bad = false;
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    } else if (command.startsWith("QUIT")) {
                        reply(out, "221 Bye");
                        return;
                    } else {
                        reply(out, "250 OK"); // HELO, MAIL, RCPT, RSET, NOOP
                    }
                }
            } catch (IOException e) {
                // the server closed the connection
            }
        }

        /** One line without its CRLF; a CR or LF not part of a CRLF stays in it. Null at the end of the stream. */
        private static byte[] readLine(java.io.InputStream in) throws IOException {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(128);
            int previous = -1;
            for (int b; (b = in.read()) >= 0; ) {
                if (b == '\n' && previous == '\r') {
                    byte[] bytes = line.toByteArray();
                    return java.util.Arrays.copyOf(bytes, bytes.length - 1);
                }
                line.write(b);
                previous = b;
            }
            return null;
        }

        private static boolean contains(byte[] line, char c) {
            for (byte b : line) {
                if (b == c) {
                    return true;
                }
            }
            return false;
        }

        private static void reply(java.io.OutputStream out, String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        int port() {
            return server.getLocalPort();
        }

        long count() {
            return received.get();
        }

        /** Messages that broke RFC 5321's line rules (bare CR or LF, a line over 998 octets). */
        long malformed() {
            return malformed.get();
        }

        void stop() throws IOException {
            server.close();
        }
    }

    /** Samples the server's used heap (young + old generations) with {@code jstat -gc} every 250 ms; the peak. */
    /**
     * The server's peak heap used, from one {@code jstat -gc PID 250} that prints a line every 250 ms. One long-lived jstat
     * reads the JVM's shared performance counters for almost nothing; starting a jstat per sample (as this did first) started
     * a JVM four times a second and took most of a core from the server it measured.
     */
    private static final class HeapSampler {
        private static final List<String> USED = List.of("S0U", "S1U", "EU", "OU");
        private final Process jstat;
        private final Thread reader;
        private final AtomicLong peak = new AtomicLong();

        private HeapSampler(long pid) throws IOException {
            jstat = new ProcessBuilder("jstat", "-gc", String.valueOf(pid), "250").redirectErrorStream(true).start();
            reader = new Thread(() -> {
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
                    String[] names = null;
                    for (String line; (line = lines.readLine()) != null; ) {
                        String[] cells = line.trim().split("\\s+");
                        if (names == null || cells[0].equals(names[0])) {
                            names = cells; // the header (jstat repeats it now and then)
                            continue;
                        }
                        double kb = 0;
                        for (int i = 0; i < names.length && i < cells.length; i++) {
                            if (USED.contains(names[i])) {
                                kb += Double.parseDouble(cells[i]);
                            }
                        }
                        peak.accumulateAndGet((long) (kb * 1024), Math::max);
                    }
                } catch (IOException | RuntimeException e) {
                    // jstat ended (stopped, or the server exited): the peak so far stands
                }
            }, "heap-sampler");
            reader.setDaemon(true);
        }

        static HeapSampler start(long pid) throws IOException {
            HeapSampler sampler = new HeapSampler(pid);
            sampler.reader.start();
            return sampler;
        }

        long stop() throws InterruptedException {
            jstat.destroy();
            reader.join(5_000);
            return peak.get();
        }
    }

    private static String uptime() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return load[0] + " / " + load[1] + " / " + load[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void awaitHealth(String base, Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited early");
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not answer /health within 3 minutes");
    }

    private static JsonNode send(String method, String url, String key, String type, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
