package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed requests get a clear RFC 9457 problem, and nothing of them is stored: 400 for a body
 * that cannot be read, 415 for a wrong content type, 422 (naming the field) for a readable body
 * with a wrong value, 413 for an oversize body.
 */
@Tag("integration")
class BadInputTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static long achievement;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("initech");
        achievement = server.achievement(key);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ServerHarness.Response issueRaw(byte[] body, String contentType) {
        return server.sendBytes("POST", "/api/v1/credentials", key, body, "Content-Type", contentType);
    }

    private static ServerHarness.Response issue(String body) {
        return issueRaw(body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static int auditSize() {
        return server.send("GET", "/api/v1/audit?limit=500", key, null).json().get("items").size();
    }

    private static void assertProblem(ServerHarness.Response response, int status, String detailPart) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("detail").asText()).contains(detailPart);
    }

    @Test
    void wrong_types_missing_and_unknown_fields_are_named() {
        int before = auditSize();
        assertProblem(issue("{\"achievementId\": \"seven\", \"recipient\": {\"name\": \"A\", \"email\": \"a@example.org\"}}"), 422, "achievementId");
        assertProblem(issue("{\"achievementId\": 1.5, \"recipient\": {\"name\": \"A\", \"email\": \"a@example.org\"}}"), 422, "achievementId");
        assertProblem(issue("{\"achievementId\": " + achievement + ", \"recipient\": \"a@example.org\"}"), 422, "recipient");
        assertProblem(issue("{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": 42, \"email\": \"a@example.org\"}}"), 422, "recipient.name must be a string");
        assertProblem(issue("{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"A\"}}"), 422, "recipient.email is required");
        assertProblem(issue("{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"A\", \"email\": \"a@example.org\"}, \"colour\": \"red\"}"),
                422, "unknown field 'colour'");
        assertProblem(issue("{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"A\", \"email\": \"a@example.org\"}, \"issuedAt\": \"yesterday\"}"),
                422, "ISO-8601");
        assertThat(issue("{\"achievementId\": \"seven\"}").json().get("field").asText()).isEqualTo("achievementId");
        assertProblem(server.send("POST", "/api/v1/achievements", key, "{\"name\": \"X\", \"kind\": \"trophy\", \"description\": \"d\", \"criteria\": \"c\"}"),
                422, "kind");
        assertThat(auditSize()).isEqualTo(before);
    }

    @Test
    void a_body_that_is_not_json_utf8_or_an_object_is_refused() {
        int before = auditSize();
        assertProblem(issueRaw("achievementId=1".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded"), 415, "application/json");
        assertProblem(issueRaw("{}".getBytes(StandardCharsets.UTF_8), null), 415, "application/json");
        byte[] badUtf8 = "{\"achievementId\": 1, \"recipient\": {\"name\": \"X\", \"email\": \"x@example.org\"}}".getBytes(StandardCharsets.UTF_8);
        badUtf8[badUtf8.length - 20] = (byte) 0xC3; // a lead byte with no continuation, inside the name
        badUtf8[badUtf8.length - 19] = (byte) 0x28;
        assertThat(issueRaw(badUtf8, "application/json").status()).isEqualTo(400);
        assertProblem(issue("{\"achievementId\": 1,"), 400, "");
        assertProblem(issue("[1, 2, 3]"), 400, "JSON object");
        assertProblem(issue("{\"a\": 1, \"a\": 2}"), 400, "");
        assertProblem(issue("[".repeat(5000) + "]".repeat(5000)), 400, "");
        assertThat(auditSize()).isEqualTo(before);
    }

    @Test
    void an_oversize_body_gets_413_and_the_server_keeps_serving() {
        byte[] huge = new byte[3 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        var response = issueRaw(huge, "application/json");
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        var verify = server.sendBytes("POST", "/api/v1/verify", null, huge, "Content-Type", "application/json");
        assertThat(verify.status()).isEqualTo(413);
        assertThat(server.send("GET", "/health", null, null).status()).isEqualTo(200);
    }

    /**
     * A refused body of a few MB is read to its end before the 413, so the connection survives: closing it with unread
     * bytes made TCP reset it, and the reset could overtake the answer (seen as "header parser received no bytes").
     */
    @Test
    void an_oversize_body_is_answered_on_a_connection_that_stays_usable() throws Exception {
        byte[] huge = new byte[3 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        try (java.net.Socket socket = new java.net.Socket("localhost", server.port)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            var in = new java.io.BufferedInputStream(socket.getInputStream());
            out.write(("POST /api/v1/credentials HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + huge.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(huge);
            out.flush();
            String refused = ServerHarness.readResponse(in);
            assertThat(refused).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("limited to 2 MB")
                    .doesNotContainIgnoringCase("Connection: close");
            out.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(ServerHarness.readResponse(in)).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void script_in_any_text_is_stored_as_text_and_escaped_where_shown() {
        var issued = issue("{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"<script>alert(1)</script> Ola\", \"email\": \"ola@example.org\"}}");
        assertThat(issued.status()).isEqualTo(201);
        String number = issued.json().get("number").asText();
        String page = server.send("GET", "/verify/" + number, null, null).body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; Ola").doesNotContain("<script>alert");
        String unknown = server.send("GET", "/verify/%3Cscript%3Ealert(1)%3C%2Fscript%3E", null, null).body();
        assertThat(unknown).doesNotContain("<script>alert");
    }

    @Test
    void path_parameters_of_the_wrong_shape_are_problems_not_errors() {
        assertProblem(server.send("GET", "/api/v1/achievements/abc", key, null), 404, "no achievement abc");
        assertProblem(server.send("POST", "/api/v1/credentials/not-a-uuid/revoke", key, "{\"reason\": \"x\"}"), 404, "");
        assertProblem(server.send("GET", "/transparency/initech/consistency?from=a&to=2", null, null), 400, "");
        assertProblem(server.send("GET", "/api/v1/audit?limit=many", key, null), 400, "");
    }
}
