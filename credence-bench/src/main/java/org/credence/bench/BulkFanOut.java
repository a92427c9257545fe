package org.credence.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.credence.Credence;
import org.credence.Settings;

/**
 * {@link WebhookBench}'s bulk mode: one CSV job of {@code rows} rows for a tenant with one endpoint subscribed to
 * {@code credential.issued} and {@code issuance-job.finished}; the receiver checks every signature and counts the
 * deliveries per credential, so a lost or doubled one shows.
 */
final class BulkFanOut {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BulkFanOut() {}

    /** What the receiver has seen. */
    private static final class Received {
        final Map<String, AtomicInteger> perCredential = new ConcurrentHashMap<>();
        final AtomicInteger issued = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        final AtomicInteger other = new AtomicInteger();
        final AtomicInteger badSignatures = new AtomicInteger();
        final AtomicLong lastIssued = new AtomicLong();
        final AtomicLong finishedArrived = new AtomicLong();

        void reset() {
            perCredential.clear();
            issued.set(0);
            finished.set(0);
            other.set(0);
            badSignatures.set(0);
        }
    }

    static void run(int rows, int waitMinutes) throws Exception {
        Path data = Files.createTempDirectory("credence-webhook-bulk-bench");
        String adminKey = "crd_000000000001_" + HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(16));
        Received got = new Received();
        String[] secret = new String[1];
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            if (!WebhookBench.signedWith(secret[0], h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"), body, h.getFirst("webhook-signature"))) {
                got.badSignatures.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            JsonNode event = JSON.readTree(body);
            long now = System.nanoTime();
            switch (event.path("type").asText()) {
                case "credential.issued" -> {
                    got.perCredential.computeIfAbsent(event.path("data").path("credentialId").asText(), k -> new AtomicInteger()).incrementAndGet();
                    got.lastIssued.set(now);
                    got.issued.incrementAndGet();
                }
                case "issuance-job.finished" -> {
                    got.finishedArrived.set(now);
                    got.finished.incrementAndGet();
                }
                default -> got.other.incrementAndGet();
            }
        });
        receiver.start();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data.resolve("pg")).setCleanDataDirectory(true).start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres") + "&password=postgres";
            Settings settings = WebhookBench.settings(data, url, adminKey);
            try (Credence server = Credence.start(settings, Clock.systemUTC())) {
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://localhost:" + server.port();
                String key = WebhookBench.post(http, base + "/api/v1/tenants", adminKey,
                        "{\"slug\":\"webhook-bulk\",\"name\":\"Webhook bulk bench\",\"url\":\"https://bench.example\"}").get("apiKey").asText();
                long achievement = WebhookBench.post(http, base + "/api/v1/achievements", key,
                        "{\"name\":\"Bench\",\"kind\":\"certificate\",\"description\":\"d\",\"criteria\":\"c\"}").get("id").asLong();
                secret[0] = WebhookBench.post(http, base + "/api/v1/webhooks", key, "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                        + "/hook/0\",\"events\":[\"credential.issued\",\"issuance-job.finished\"]}").get("secret").asText();
                ProcessCpu cpu = new ProcessCpu(data.resolve("pg"));
                long deadline = System.nanoTime() + Duration.ofMinutes(waitMinutes).toNanos();
                // warm-up: a small job, its deliveries all in, then the counters start from zero
                int warm = Math.max(50, Math.min(1000, rows / 10));
                job(http, base, key, data, "warm", warm, achievement);
                awaitAll(got, warm, deadline);
                got.reset();

                long cpuStart = cpu.nanos();
                long start = System.nanoTime();
                long id = job(http, base, key, data, "run", rows, achievement);
                long finishedSeen = System.nanoTime();
                int atFinish = got.issued.get();
                boolean complete = awaitAll(got, rows, deadline);
                long cpuUsed = cpu.nanos() - cpuStart;
                Thread.sleep(1000); // a doubled delivery would arrive about now
                double window = (finishedSeen - start) / 1e9;
                long doubled = got.perCredential.values().stream().filter(n -> n.get() > 1).count();
                System.out.printf("bulk job %d: %,d rows issued in %.1f s = %,.0f credentials/s (upload, issuance and the job's own bookkeeping)%n",
                        id, rows, window, rows / window);
                System.out.printf("credential.issued deliveries during the job: %,d = %,.0f deliveries/s; backlog when the job finished: %,d%n",
                        atFinish, atFinish / window, rows - atFinish);
                System.out.printf("last credential.issued arrived %.2f s after the job was seen finished (%s); issuance-job.finished arrived %.2f s after%n",
                        (got.lastIssued.get() - finishedSeen) / 1e9, complete ? "all in" : "NOT all in before the deadline",
                        (got.finishedArrived.get() - finishedSeen) / 1e9);
                System.out.printf("all deliveries from the upload: %,d in %.1f s = %,.0f deliveries/s; CPU (JVM + PostgreSQL) %.0f µs per credential "
                        + "(issuing and delivering)%n", got.issued.get(), (got.lastIssued.get() - start) / 1e9,
                        got.issued.get() / ((got.lastIssued.get() - start) / 1e9), cpuUsed / 1e3 / rows);
                System.out.printf("per credential: %,d distinct credentials got credential.issued, %d more than once; issuance-job.finished: %d; "
                        + "other events: %d; bad signatures: %d%n", got.perCredential.size(), doubled, got.finished.get(), got.other.get(),
                        got.badSignatures.get());
                System.out.println("load after the job: " + uptime());

                // the sender alone: every delivery due again at once, as a mass redelivery would make them
                got.reset();
                long drainCpu = cpu.nanos();
                long drainJvm = ProcessCpu.jvmNanos();
                long drainStart = System.nanoTime();
                int backlog = org.jdbi.v3.core.Jdbi.create(url).withHandle(h -> h.createUpdate(
                        "UPDATE webhook_delivery SET state = 'pending', next_attempt_at = now(), give_up_at = now() + interval '1 day'").execute());
                long drainDeadline = System.nanoTime() + Duration.ofMinutes(waitMinutes).toNanos();
                while (got.issued.get() + got.finished.get() < backlog && System.nanoTime() < drainDeadline) {
                    Thread.sleep(20);
                }
                int drained = got.issued.get() + got.finished.get();
                double drainSeconds = (Math.max(got.lastIssued.get(), got.finishedArrived.get()) - drainStart) / 1e9;
                long jvmUsed = ProcessCpu.jvmNanos() - drainJvm;
                long allUsed = cpu.nanos() - drainCpu;
                System.out.printf("sender alone: %,d of %,d deliveries redelivered in %.1f s = %,.0f deliveries/s, CPU %.0f µs per delivery "
                        + "(JVM %.0f, receiver and mail worker included; PostgreSQL %.0f); bad signatures: %d%n", drained, backlog, drainSeconds,
                        drained / drainSeconds, allUsed / 1e3 / Math.max(1, drained), jvmUsed / 1e3 / Math.max(1, drained),
                        (allUsed - jvmUsed) / 1e3 / Math.max(1, drained), got.badSignatures.get());
                System.out.println("load: " + uptime());
            }
        } finally {
            receiver.stop(0);
        }
    }

    // every credential.issued of the job and its issuance-job.finished in, or the deadline passed
    private static boolean awaitAll(Received got, int credentials, long deadline) throws InterruptedException {
        while ((got.perCredential.size() < credentials || got.finished.get() < 1) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return got.perCredential.size() >= credentials && got.finished.get() >= 1;
    }

    /** Uploads a CSV of {@code rows} good rows and waits until the job is finished; returns its id. */
    private static long job(HttpClient http, String base, String key, Path data, String prefix, int rows, long achievement) throws Exception {
        Path csv = data.resolve(prefix + ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("name,email,achievement,grade\n");
            for (int i = 0; i < rows; i++) {
                out.write("Learner " + i + "," + prefix + i + "@bench.example," + achievement + ",A\n");
            }
        }
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/issuance-jobs"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "text/csv").timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException(accepted.body());
        }
        long id = JSON.readTree(accepted.body()).get("id").asLong();
        while (true) {
            Thread.sleep(50);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/issuance-jobs/" + id))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode job = JSON.readTree(answer.body());
            if (job.path("state").asText().equals("finished")) {
                if (job.get("issued").asInt() != rows) {
                    throw new IllegalStateException("issued " + job.get("issued") + " of " + rows + " rows");
                }
                return id;
            }
        }
    }

    private static String uptime() {
        try {
            return new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
