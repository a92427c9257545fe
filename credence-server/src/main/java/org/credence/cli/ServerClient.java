package org.credence.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The CLI's calls to a running Credence server; problems become messages, not stack traces. */
final class ServerClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String server;
    private final String apiKey;

    ServerClient(String server, String apiKey) {
        this.server = server.replaceAll("/+$", "");
        this.apiKey = apiKey;
    }

    record Reply(int status, JsonNode json) {}

    Reply send(String method, String path, JsonNode body) {
        return send(method, path, body == null ? null : body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json",
                Duration.ofSeconds(30));
    }

    /** Sends {@code body} (null: none) of {@code contentType}, waiting at most {@code timeout} for the answer. */
    Reply send(String method, String path, byte[] body, String contentType, Duration timeout) {
        return send(method, path, body == null ? null : HttpRequest.BodyPublishers.ofByteArray(body), contentType, timeout);
    }

    /** Sends the file as the body, streamed from disk (bulk files are far larger than a credential). */
    Reply send(String method, String path, java.nio.file.Path file, String contentType, Duration timeout) {
        try {
            return send(method, path, HttpRequest.BodyPublishers.ofFile(file), contentType, timeout);
        } catch (java.io.FileNotFoundException e) {
            throw new CredenceCli.UsageProblem("no such file: " + file);
        }
    }

    private Reply send(String method, String path, HttpRequest.BodyPublisher body, String contentType, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json);
        } catch (ConnectException e) {
            throw new CredenceCli.UsageProblem("no Credence server answers at " + server + " (start one with: credence serve)");
        } catch (IOException e) {
            throw new CredenceCli.UsageProblem("the server at " + server + " did not answer properly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredenceCli.UsageProblem("interrupted");
        }
    }

    /** The reply when it succeeded; otherwise the problem's detail as the CLI's error. */
    JsonNode expect(Reply reply) {
        if (reply.status() >= 400) {
            String field = reply.json().path("field").asText("");
            throw new CredenceCli.UsageProblem(reply.json().path("detail").asText("HTTP " + reply.status()) + (field.isEmpty() ? "" : " (field " + field + ")"));
        }
        return reply.json();
    }

    static String apiKey(String option) {
        String key = option != null ? option : System.getenv("CREDENCE_API_KEY");
        if (key == null || key.isBlank()) {
            throw new CredenceCli.UsageProblem("give an API key with --api-key or the CREDENCE_API_KEY environment variable");
        }
        return key;
    }
}
