package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.credence.http.HealthRoutes;
import org.credence.http.HttpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /health answers ok only when the database answers a query; /ready only while the server takes work. */
@Tag("integration")
class HealthAndReadinessTest {
    @TempDir
    Path data;
    final HttpClient client = HttpClient.newHttpClient();

    HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_running_server_is_healthy_and_ready_with_its_database() throws Exception {
        try (ServerHarness server = new ServerHarness(data)) {
            var health = server.send("GET", "/health", null, null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("database").asText()).isEqualTo("ok");
            var ready = server.send("GET", "/ready", null, null);
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().get("status").asText()).isEqualTo("ready");
        }
    }

    @Test
    void a_database_that_fails_or_hangs_makes_both_answer_503_problems() throws Exception {
        AtomicReference<Runnable> database = new AtomicReference<>(() -> { });
        HealthRoutes routes = new HealthRoutes(() -> database.get().run());
        routes.ready(true);
        try (HttpServer http = new HttpServer(List.of(routes::register)).start(0)) {
            assertThat(get(http.port(), "/health").statusCode()).isEqualTo(200);
            database.set(() -> {
                throw new IllegalStateException("Connection to localhost:5432 refused");
            });
            for (String path : List.of("/health", "/ready")) {
                var down = get(http.port(), path);
                assertThat(down.statusCode()).as(path).isEqualTo(503);
                assertThat(down.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(down.body()).contains("database").doesNotContain("5432");
            }
            CountDownLatch release = new CountDownLatch(1);
            database.set(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            var hanging = get(http.port(), "/health");
            assertThat(hanging.statusCode()).isEqualTo(503);
            assertThat(hanging.body()).contains("did not answer");
            release.countDown();
        }
    }

    @Test
    void a_server_that_is_starting_or_stopping_is_not_ready_but_alive() throws Exception {
        HealthRoutes routes = new HealthRoutes(() -> { });
        try (HttpServer http = new HttpServer(List.of(routes::register)).start(0)) {
            var starting = get(http.port(), "/ready");
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(starting.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(get(http.port(), "/health").statusCode()).isEqualTo(200);
            routes.ready(true);
            assertThat(get(http.port(), "/ready").statusCode()).isEqualTo(200);
            routes.ready(false);
            assertThat(get(http.port(), "/ready").statusCode()).isEqualTo(503);
        }
    }
}
