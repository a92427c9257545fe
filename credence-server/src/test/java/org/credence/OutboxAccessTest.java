package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.credence.delivery.MailSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox shows live claim and sign-in links: only the installation's administrator reads it,
 * whatever address or proxy headers a request comes with (a reverse proxy makes every request
 * look local, and CF-Connecting-IP and its kind are set by whoever sends the request).
 */
@Tag("integration")
class OutboxAccessTest {
    static final String[][] PROXY_HEADERS = {
            {"CF-Connecting-IP", "127.0.0.1"}, {"True-Client-IP", "127.0.0.1"}, {"X-Client-IP", "127.0.0.1"},
            {"X-Forwarded-For", "127.0.0.1"}, {"X-Real-IP", "127.0.0.1"}, {"Forwarded", "for=127.0.0.1"},
            {"X-Forwarded-Host", "localhost"}, {"CF-Connecting-IP", "203.0.113.9"}};
    @TempDir
    static Path data;
    static ServerHarness server;
    static String tenantKey;
    static String mail;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data, new MailSettings(Optional.empty(), MailSettings.OUTBOX.from(), Duration.ZERO), Clock.systemUTC());
        tenantKey = server.tenant("outbox");
        long achievement = server.achievement(tenantKey);
        server.send("POST", "/api/v1/credentials", tenantKey, "{\"achievementId\": " + achievement
                + ", \"recipient\": {\"name\": \"Ola\", \"email\": \"ola@example.org\"}}");
        server.credence.mailWorker().runDue();
        var list = server.send("GET", "/outbox", ServerHarness.ADMIN_KEY, null);
        assertThat(list.status()).isEqualTo(200);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/outbox/(mail-[0-9]+\\.eml)").matcher(list.body());
        assertThat(m.find()).isTrue();
        mail = "/outbox/" + m.group(1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void refused(ServerHarness.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic realm=");
        assertThat(response.body()).doesNotContain("ola@example.org").doesNotContain("/claim/");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_request_that_merely_comes_from_loopback_is_refused() {
        // the test client is on loopback: a plain nginx proxy_pass on the same machine looks exactly like this
        refused(server.send("GET", "/outbox", null, null));
        refused(server.send("GET", mail, null, null));
    }

    @Test
    void no_proxy_header_or_foreign_host_opens_the_outbox() {
        for (String[] header : PROXY_HEADERS) {
            refused(server.send("GET", "/outbox", null, null, header[0], header[1]));
            refused(server.send("GET", mail, null, null, header[0], header[1]));
        }
    }

    @Test
    void a_foreign_or_local_host_header_is_refused() throws java.io.IOException {
        // java.net.http will not set Host; a raw request does
        for (String host : new String[] {"evil.example", "localhost", "127.0.0.1:" + server.port}) {
            try (java.net.Socket socket = new java.net.Socket("localhost", server.port)) {
                socket.getOutputStream().write(("GET /outbox HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 401").doesNotContain("ola@example.org");
            }
        }
    }

    @Test
    void a_tenants_key_or_a_wrong_key_is_refused() {
        refused(server.send("GET", "/outbox", tenantKey, null));
        refused(server.send("GET", "/outbox", "crd_000000000001_wrong", null));
        refused(server.send("GET", "/outbox", null, null, "Authorization", basic("admin", tenantKey)));
        refused(server.send("GET", "/outbox", null, null, "Authorization", basic("admin", "")));
        refused(server.send("GET", "/outbox", null, null, "Authorization", "Basic !!!not-base64"));
    }

    @Test
    void the_administrator_key_opens_it_as_bearer_or_as_the_basic_password() {
        var bearer = server.send("GET", "/outbox", ServerHarness.ADMIN_KEY, null, "CF-Connecting-IP", "203.0.113.9");
        assertThat(bearer.status()).isEqualTo(200);
        assertThat(bearer.body()).contains("ola@example.org");
        var basic = server.send("GET", mail, null, null, "Authorization", basic("anyone", ServerHarness.ADMIN_KEY));
        assertThat(basic.status()).isEqualTo(200);
        assertThat(basic.body()).contains("/claim/");
    }
}
