package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code credence serve} as its own process: how it stops, and how it fails to start without locking anyone out. */
@Tag("integration")
class ServeProcessTest {
    private static final String ADMIN = "crd_0000000000d1_serve-process-administrator-key";

    @TempDir
    Path data;
    @TempDir
    Path logs;

    @Test
    void sigterm_lets_a_request_in_flight_finish_and_the_process_exits_0_without_a_stack_trace() throws Exception {
        int port = ServerProcess.freePort();
        Path log = logs.resolve("serve.log");
        Process server = ServerProcess.startAndWait(port, data, Map.of("CREDENCE_BOOTSTRAP_API_KEY", ADMIN), log);
        try {
            stopMidRequest(server, port, log);
        } finally {
            ServerProcess.stop(server);
        }
    }

    private static void stopMidRequest(Process server, int port, Path log) throws Exception {
        // the server answers /health as soon as it listens, a moment before the start-up lines are printed
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(log).contains("/api/docs") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Files.readString(log)).as("start-up names the pages to open")
                .contains("http://localhost:" + port + "/login", "http://localhost:" + port + "/verify", "http://localhost:" + port + "/api/docs");

        byte[] body = "{\"slug\":\"inflight\",\"name\":\"In Flight Academy\",\"url\":\"https://inflight.example\"}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // Expect: 100-continue: the server answers "100 Continue" once the route reads the body, so the request
            // is in its handler, waiting for a body it has not got yet, when SIGTERM comes
            out.write(("POST /api/v1/tenants HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + ADMIN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readHead(in)).startsWith("HTTP/1.1 100");

            server.destroy(); // SIGTERM
            waitUntilRefused(port);
            // the server no longer takes connections; the request it has is still answered, from the database
            out.write(body);
            out.flush();
            String head = readHead(in);
            assertThat(head).as(head).startsWith("HTTP/1.1 201");
        }
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isZero();
        String output = Files.readString(log);
        assertThat(output).doesNotContain("Exception", "\tat ");
        assertThat(output).contains("Stopping");
    }

    @Test
    void a_taken_port_is_refused_before_anything_is_created() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            Path log = logs.resolve("taken.log");
            Path fresh = data.resolve("fresh");
            Process server = ServerProcess.start(taken.getLocalPort(), fresh, Map.of(), log);
            assertThat(ServerProcess.exited(server)).isTrue();
            assertThat(server.exitValue()).isEqualTo(2);
            assertThat(Files.readString(log)).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort(), "--port")
                    .doesNotContain("Administrator API key");
            assertThat(fresh).as("no data directory, so no administrator key was stored").doesNotExist();
        }
    }

    @Test
    void a_start_that_fails_after_making_the_administrator_key_prints_it_and_the_key_works() throws Exception {
        int port = ServerProcess.freePort();
        Path log = logs.resolve("failed.log");
        // a master key of 16 bytes is refused after the database and the first administrator key exist
        Process failed = ServerProcess.start(port, data, Map.of("CREDENCE_MASTER_KEY", "AAAAAAAAAAAAAAAAAAAAAA=="), log);
        assertThat(ServerProcess.exited(failed)).isTrue();
        assertThat(failed.exitValue()).isEqualTo(2);
        String output = Files.readString(log);
        assertThat(output).contains("Administrator API key", "32 bytes");
        String key = output.lines().dropWhile(line -> !line.startsWith("Administrator API key")).skip(1).findFirst().orElseThrow().strip();
        assertThat(key).startsWith("crd_");

        Process server = ServerProcess.startAndWait(port, data, Map.of(), logs.resolve("second.log"));
        try {
            assertThat(Files.readString(logs.resolve("second.log"))).as("no second key is made").doesNotContain("Administrator API key");
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tenants"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"slug\":\"keyed\",\"name\":\"Keyed Academy\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        } finally {
            assertThat(ServerProcess.stop(server)).as("stopped within 60 s of SIGTERM").isTrue();
        }
    }

    /** Reads a response's status line and headers (up to the blank line). */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return head.toString(StandardCharsets.US_ASCII);
            }
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
    }

    /** Waits (at most 60 s) until the port refuses new connections: the server has begun to stop. */
    private static void waitUntilRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Thread.sleep(20);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                return;
            }
        }
        throw new AssertionError("the server still accepts connections 60 s after SIGTERM");
    }
}
