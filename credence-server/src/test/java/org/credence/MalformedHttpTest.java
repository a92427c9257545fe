package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests so malformed that Jetty refuses them before any route runs (bad percent-encoding, a
 * URI or headers over the limit, a NUL in the path) still get an RFC 9457 problem, not Jetty's HTML.
 * Sent over a raw socket: an HTTP client library would refuse to send them.
 */
@Tag("integration")
class MalformedHttpTest {
    @TempDir
    static Path data;
    static ServerHarness server;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Raw(int status, String headers, String body) {
        String contentType() {
            return headers.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
        }

        JsonNode json() throws IOException {
            return ServerHarness.JSON.readTree(body);
        }
    }

    /** Sends {@code request} as written (CRLF line ends, connection closed after) and reads the whole answer. */
    static Raw raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", server.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            String body = text.substring(split + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Raw(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }

    static Raw get(String target, String... extraHeaders) throws IOException {
        return raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + String.join("", extraHeaders) + "\r\n");
    }

    static void assertProblem(Raw raw, int status) throws IOException {
        assertThat(raw.status()).as(raw.headers() + "\n" + raw.body()).isEqualTo(status);
        assertThat(raw.contentType()).as(raw.body()).startsWith("application/problem+json");
        assertThat(raw.json().get("status").asInt()).isEqualTo(status);
        assertThat(raw.json().get("title").asText()).isNotBlank();
        assertThat(raw.body()).doesNotContain("<html").doesNotContain("jetty");
    }

    @Test
    void bad_percent_encoding_in_the_path_is_a_problem() throws IOException {
        assertProblem(get("/api/v1/credentials/a%zzb"), 400);
        assertProblem(get("/c/CRD-%E0%A4%A/credential.json"), 400);
    }

    @Test
    void every_method_gets_a_problem_body_not_an_empty_400() throws IOException {
        for (String method : new String[] {"PUT", "DELETE", "PATCH", "POST", "OPTIONS"}) {
            assertProblem(raw(method + " /api/v1/achievements/a%zzb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 2\r\n"
                    + "Content-Type: application/json\r\n\r\n{}"), 400);
        }
    }

    @Test
    void a_malformed_body_encoding_is_a_problem() throws IOException {
        assertProblem(raw("POST /api/v1/credentials HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"), 400);
        // a stray % in a form is read leniently as text: the sign-in simply fails, as for any unknown organisation
        assertThat(raw("POST /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 8\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n\r\ntenant=%").status()).isEqualTo(401);
    }

    @Test
    void a_broken_multipart_body_is_a_problem() throws IOException {
        for (String body : new String[] {"a=%zz&b=%", "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc", ""}) {
            for (String path : new String[] {"/verify", "/api/v1/verify", "/login"}) {
                Raw raw = raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: " + body.length() + "\r\n"
                        + "Content-Type: multipart/form-data; boundary=x\r\n\r\n" + body);
                assertThat(raw.status()).as(path + " " + body + ": " + raw.body()).isIn(400, 401, 415, 422);
                assertThat(raw.contentType()).as(path + " " + body).matches("(application/problem\\+json|text/html).*");
            }
        }
    }

    @Test
    void a_nul_byte_in_the_path_is_a_problem() throws IOException {
        assertProblem(get("/api/v1/credentials/a%00b"), 400);
        assertProblem(get("/verify/a%00b"), 400);
    }

    @Test
    void a_uri_over_the_limit_is_a_414_problem() throws IOException {
        assertProblem(get("/api/v1/credentials?q=" + "x".repeat(70_000)), 414);
    }

    @Test
    void headers_over_the_limit_are_a_431_problem() throws IOException {
        assertProblem(get("/api/v1/credentials", "X-Filler: " + "x".repeat(70_000) + "\r\n"), 431);
    }

    @Test
    void a_request_line_that_is_not_http_is_a_problem() throws IOException {
        Raw raw = raw("GET /api/v1/credentials HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nBad Header\r\n\r\n");
        assertProblem(raw, 400);
    }
}
