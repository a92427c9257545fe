package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code credence serve} as its own JVM, as the launcher runs it, with its output in a log file. */
final class ServerProcess {
    private ServerProcess() {
    }

    /** Starts {@code credence serve --port port --data data extra…} with {@code env} added; its output goes to {@code log}. */
    static Process start(int port, Path data, Map<String, String> env, Path log, String... extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.credence.cli.CredenceCli", "serve", "--port", String.valueOf(port), "--data", data.toString()));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Starts the server and waits (at most 90 s) until {@code /health} answers 200. */
    static Process startAndWait(int port, Path data, Map<String, String> env, Path log, String... extra) throws Exception {
        Process process = start(port, data, env, log, extra);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the server process exited early: " + Files.readString(log)).isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return process;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException notYet) {
                // still starting (on a loaded machine the first answer can take longer than the probe waits)
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not answer within 90 s");
    }

    /** Whether the process ended within 90 s; one that did not is killed, so no test leaves a server behind. */
    static boolean exited(Process process) throws InterruptedException {
        if (process.waitFor(90, TimeUnit.SECONDS)) {
            return true;
        }
        process.destroyForcibly();
        return false;
    }

    /** SIGTERM, then SIGKILL if it has not ended 60 s later; whether SIGTERM was enough. A no-op on an ended process. */
    static boolean stop(Process process) throws InterruptedException {
        process.destroy();
        if (process.waitFor(60, TimeUnit.SECONDS)) {
            return true;
        }
        process.destroyForcibly();
        return false;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
