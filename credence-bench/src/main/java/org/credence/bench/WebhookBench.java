package org.credence.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.credence.Credence;
import org.credence.Settings;
import org.credence.delivery.MailSettings;
import org.credence.tracking.TrackingSettings;

/**
 * Webhook fan-out against issuance (issue 14): a real server issues credentials over HTTP from concurrent clients
 * while its recurring {@code webhook-deliveries} job posts one signed {@code credential.issued} delivery per
 * credential to a receiver on loopback (the JDK's HTTP server, which checks every signature). Reports the issuance
 * rate, the delivery rate over the same window, and how long after the last credential the last delivery arrived.
 *
 * <p>With {@code --bulk ROWS} it uploads one CSV job of ROWS rows instead (the bulk path's rate) to a tenant whose endpoint
 * subscribes to {@code credential.issued} and {@code issuance-job.finished}, and reports the deliveries per second over the
 * job's window, the backlog when the job finished, how long after that the last {@code credential.issued} arrived, and how
 * many deliveries each credential got (exactly one is expected), then the sender alone draining a mass redelivery with its
 * CPU (this JVM and PostgreSQL) per delivery.
 *
 * <pre>java -cp credence-bench/target/benchmarks.jar org.credence.bench.WebhookBench [--credentials 20000] [--clients 8] [--endpoints 1]
 *     [--bulk 20000] [--wait-minutes 4]</pre>
 */
public final class WebhookBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookBench() {}

    public static void main(String[] args) throws Exception {
        int credentials = Integer.parseInt(DashboardBench.option(args, "--credentials", "20000"));
        int clients = Integer.parseInt(DashboardBench.option(args, "--clients", "8"));
        int endpoints = Integer.parseInt(DashboardBench.option(args, "--endpoints", "1"));
        int bulk = Integer.parseInt(DashboardBench.option(args, "--bulk", "0"));
        if (bulk > 0) {
            BulkFanOut.run(bulk, Integer.parseInt(DashboardBench.option(args, "--wait-minutes", "4")));
            return;
        }
        Path data = Files.createTempDirectory("credence-webhook-bench");
        String adminKey = "crd_000000000001_" + HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(16));
        AtomicInteger received = new AtomicInteger();
        AtomicInteger badSignatures = new AtomicInteger();
        AtomicLong lastArrival = new AtomicLong();
        List<String> secrets = new ArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            String endpointSecret = secrets.get(Integer.parseInt(exchange.getRequestURI().getPath().substring("/hook/".length())));
            if (!signedWith(endpointSecret, h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"), body, h.getFirst("webhook-signature"))) {
                badSignatures.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            received.incrementAndGet();
            lastArrival.set(System.nanoTime());
        });
        receiver.start();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data.resolve("pg")).setCleanDataDirectory(true).start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres") + "&password=postgres";
            Settings settings = settings(data, url, adminKey);
            try (Credence server = Credence.start(settings, Clock.systemUTC())) {
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://localhost:" + server.port();
                String key = post(http, base + "/api/v1/tenants", adminKey,
                        "{\"slug\":\"webhook-bench\",\"name\":\"Webhook bench\",\"url\":\"https://bench.example\"}").get("apiKey").asText();
                long achievement = post(http, base + "/api/v1/achievements", key,
                        "{\"name\":\"Bench\",\"kind\":\"certificate\",\"description\":\"d\",\"criteria\":\"c\"}").get("id").asLong();
                for (int e = 0; e < endpoints; e++) {
                    secrets.add(post(http, base + "/api/v1/webhooks", key, "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                            + "/hook/" + e + "\",\"events\":[\"credential.issued\"]}").get("secret").asText());
                }
                // warm-up: the JIT, the connection pools and the sender's client, then the counters start from zero
                issue(http, base, key, achievement, "warm", Math.min(500, credentials / 10), clients);
                while (received.get() < Math.min(500, credentials / 10) * endpoints) {
                    Thread.sleep(50);
                }
                // the baseline in the same run: a tenant with no endpoint, whose events cost the outbox one cache look-up each
                String plainKey = post(http, base + "/api/v1/tenants", adminKey,
                        "{\"slug\":\"no-webhooks\",\"name\":\"No webhooks\",\"url\":\"https://plain.example\"}").get("apiKey").asText();
                long plainAchievement = post(http, base + "/api/v1/achievements", plainKey,
                        "{\"name\":\"Bench\",\"kind\":\"certificate\",\"description\":\"d\",\"criteria\":\"c\"}").get("id").asLong();
                issue(http, base, plainKey, plainAchievement, "warm", Math.min(500, credentials / 10), clients);
                long plainStart = System.nanoTime();
                issue(http, base, plainKey, plainAchievement, "plain", credentials, clients);
                double plainSeconds = (System.nanoTime() - plainStart) / 1e9;
                System.out.printf("baseline, tenant without endpoints: %,d credentials in %.1f s = %,.0f credentials/s%n", credentials, plainSeconds,
                        credentials / plainSeconds);
                received.set(0);
                long start = System.nanoTime();
                issue(http, base, key, achievement, "run", credentials, clients);
                long issuedAt = System.nanoTime();
                long expected = (long) credentials * endpoints;
                while (received.get() < expected) {
                    Thread.sleep(20);
                }
                double issueSeconds = (issuedAt - start) / 1e9;
                double deliverSeconds = (lastArrival.get() - start) / 1e9;
                System.out.printf("credentials issued: %,d by %d clients in %.1f s = %,.0f credentials/s%n", credentials, clients, issueSeconds,
                        credentials / issueSeconds);
                System.out.printf("deliveries received: %,d (%d endpoint(s)) in %.1f s from the first issue = %,.0f deliveries/s; bad signatures: %d%n",
                        received.get(), endpoints, deliverSeconds, received.get() / deliverSeconds, badSignatures.get());
                System.out.printf("last delivery arrived %.2f s after the last credential was issued%n", (lastArrival.get() - issuedAt) / 1e9);
                // the sender's own capacity: every delivery made due again at once (as a mass redelivery would), drained by the job
                received.set(0);
                long drainStart = System.nanoTime();
                int backlog = org.jdbi.v3.core.Jdbi.create(url).withHandle(h -> h.createUpdate(
                        "UPDATE webhook_delivery SET state = 'pending', next_attempt_at = now(), give_up_at = now() + interval '1 day'").execute());
                while (received.get() < backlog) {
                    Thread.sleep(20);
                }
                double drainSeconds = (lastArrival.get() - drainStart) / 1e9;
                System.out.printf("backlog of %,d deliveries drained in %.1f s = %,.0f deliveries/s (the sender alone, nothing issued meanwhile)%n",
                        backlog, drainSeconds, backlog / drainSeconds);
                System.out.println("load: " + new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        } finally {
            receiver.stop(0);
        }
    }

    private static void issue(HttpClient http, String base, String key, long achievement, String prefix, int count, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    var answer = post(http, base + "/api/v1/credentials", key, "{\"achievementId\":" + achievement
                            + ",\"recipient\":{\"name\":\"R\",\"email\":\"" + prefix + i + "@bench.example\"}}");
                    if (!answer.has("number")) {
                        throw new IllegalStateException("issuing failed: " + answer);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
    }

    static boolean signedWith(String secret, String id, String timestamp, byte[] body, String signature) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body))).equals(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static com.fasterxml.jackson.databind.JsonNode post(HttpClient http, String url, String key, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server of both modes: loopback endpoints allowed (CREDENCE_FETCH_PRIVATE_NETWORKS), mail to the outbox folder as in the issuance load runs. */
    static Settings settings(Path data, String url, String adminKey) {
        return new Settings(0, data, Optional.of(url), Optional.of(adminKey), Optional.empty(), Optional.empty(), false,
                MailSettings.OUTBOX, TrackingSettings.DEFAULTS, true);
    }
}
