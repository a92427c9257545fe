package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.delivery.MailSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outbound webhooks over real HTTP: a real server, real PostgreSQL, and a real receiver on loopback that checks signatures itself. */
class WebhooksTest {
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/133.0";
    private static final AtomicInteger TENANTS = new AtomicInteger();
    @TempDir
    static Path data;
    static final MovableClock clock = new MovableClock();
    static ServerHarness server;

    @BeforeAll
    static void start() {
        // loopback endpoints are allowed (the test's receiver), as CREDENCE_FETCH_PRIVATE_NETWORKS allows; mail is sent by hand
        server = new ServerHarness(data, new MailSettings(java.util.Optional.empty(), MailSettings.OUTBOX.from(), Duration.ZERO), clock, true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Tenant(String key, long achievement) {}

    private static Tenant tenant() {
        String key = server.tenant("hooks" + TENANTS.incrementAndGet());
        return new Tenant(key, server.achievement(key));
    }

    private static JsonNode subscribe(Tenant t, String url, String... events) {
        var created = server.send("POST", "/api/v1/webhooks", t.key(), "{\"url\": \"" + url + "\", \"events\": [\"" + String.join("\", \"", events)
                + "\"], \"description\": \"CRM sync\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static JsonNode issue(Tenant t, String email) {
        var issued = server.send("POST", "/api/v1/credentials", t.key(), "{\"achievementId\": " + t.achievement()
                + ", \"recipient\": {\"name\": \"Kari Nordmann\", \"email\": \"" + email + "\"}}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json();
    }

    private static int deliver() {
        return server.credence.webhooks().sender().deliverDue();
    }

    private static JsonNode log(Tenant t, long endpoint) {
        var log = server.send("GET", "/api/v1/webhooks/" + endpoint + "/deliveries", t.key(), null);
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        return log.json().get("items");
    }

    @Test
    void an_issued_credential_is_posted_to_the_endpoint_signed_as_standard_webhooks_says() throws Exception {
        Tenant t = tenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode endpoint = subscribe(t, receiver.url(), "credential.issued", "credential.revoked");
            String secret = endpoint.get("secret").asText();
            assertThat(secret).startsWith("whsec_");
            assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(24);
            // the secret is shown once: never in a read
            assertThat(server.send("GET", "/api/v1/webhooks/" + endpoint.get("id").asLong(), t.key(), null).body()).doesNotContain(secret);

            JsonNode issued = issue(t, "signed@example.org");
            deliver(); // the recurring job may have sent it already: this waits for it or sends it

            assertThat(receiver.received).hasSize(1);
            WebhookReceiver.Received r = receiver.received.get(0);
            assertThat(WebhookReceiver.signedWith(r, secret)).isTrue();
            assertThat(WebhookReceiver.signedWith(r, "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))).isFalse();
            assertThat(Long.parseLong(r.timestamp())).isCloseTo(clock.instant().getEpochSecond(), org.assertj.core.data.Offset.offset(120L));
            assertThat(r.contentType()).startsWith("application/json");
            JsonNode body = ServerHarness.JSON.readTree(r.body());
            assertThat(body.get("type").asText()).isEqualTo("credential.issued");
            assertThat(Instant.parse(body.get("timestamp").asText())).isNotNull();
            assertThat(body.get("data").get("number").asText()).isEqualTo(issued.get("number").asText());
            assertThat(body.get("data").get("achievementId").asLong()).isEqualTo(t.achievement());
            assertThat(body.get("data").get("credentialId").asText()).isEqualTo(issued.get("id").asText());

            String id = issued.get("id").asText();
            assertThat(server.send("POST", "/api/v1/credentials/" + id + "/revoke", t.key(), "{\"reason\": \"issued in error\"}").status()).isEqualTo(200);
            deliver();
            JsonNode revoked = ServerHarness.JSON.readTree(receiver.ofType("credential.revoked").get(0).body());
            assertThat(revoked.get("data").get("reason").asText()).isEqualTo("issued in error");

            JsonNode log = log(t, endpoint.get("id").asLong());
            assertThat(log).hasSize(2);
            assertThat(log.get(0).get("type").asText()).isEqualTo("credential.revoked"); // newest first
            assertThat(log.get(1).get("id").asText()).isEqualTo(r.id());
            for (JsonNode d : log) {
                assertThat(d.get("state").asText()).isEqualTo("delivered");
                assertThat(d.get("attempts").asInt()).isEqualTo(1);
                assertThat(d.get("responseStatus").asInt()).isEqualTo(200);
            }
        }
    }

    @Test
    void a_failed_delivery_is_retried_later_with_the_same_id_and_then_delivered() {
        Tenant t = tenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode endpoint = subscribe(t, receiver.url(), "credential.issued");
            receiver.answers.add(500);
            issue(t, "retry@example.org");
            deliver();
            JsonNode first = log(t, endpoint.get("id").asLong()).get(0);
            assertThat(first.get("state").asText()).isEqualTo("pending");
            assertThat(first.get("attempts").asInt()).isEqualTo(1);
            assertThat(first.get("responseStatus").asInt()).isEqualTo(500);
            assertThat(first.get("lastError").asText()).isEqualTo("HTTP 500");
            assertThat(Instant.parse(first.get("nextAttemptAt").asText())).isAfter(Instant.parse(first.get("lastAttemptAt").asText()));

            deliver(); // not due yet: the backoff holds it
            assertThat(receiver.received).hasSize(1);

            clock.advance(Duration.ofMinutes(1));
            deliver();
            assertThat(receiver.received).hasSize(2);
            assertThat(receiver.received.get(1).id()).isEqualTo(receiver.received.get(0).id());
            assertThat(receiver.received.get(1).body()).isEqualTo(receiver.received.get(0).body());
            assertThat(WebhookReceiver.signedWith(receiver.received.get(1), endpoint.get("secret").asText())).isTrue();
            JsonNode after = log(t, endpoint.get("id").asLong()).get(0);
            assertThat(after.get("state").asText()).isEqualTo("delivered");
            assertThat(after.get("attempts").asInt()).isEqualTo(2);
            assertThat(after.get("lastError").isNull()).isTrue();
        }
    }

    @Test
    void retries_stop_twenty_four_hours_after_the_event_and_the_delivery_is_failed() {
        Tenant t = tenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode endpoint = subscribe(t, receiver.url(), "credential.issued");
            for (int i = 0; i < 10; i++) {
                receiver.answers.add(503);
            }
            issue(t, "giveup@example.org");
            deliver();
            clock.advance(Duration.ofHours(25));
            deliver();
            JsonNode d = log(t, endpoint.get("id").asLong()).get(0);
            assertThat(d.get("state").asText()).isEqualTo("failed");
            assertThat(d.get("attempts").asInt()).isEqualTo(2);
            assertThat(d.get("nextAttemptAt").isNull()).isTrue();
            clock.advance(Duration.ofHours(1));
            deliver();
            assertThat(receiver.received).hasSize(2);
        }
    }

    @Test
    void an_endpoint_answering_410_gone_is_switched_off() {
        Tenant t = tenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            long endpoint = subscribe(t, receiver.url(), "credential.issued").get("id").asLong();
            receiver.answers.add(410);
            issue(t, "gone@example.org");
            deliver();
            JsonNode read = server.send("GET", "/api/v1/webhooks/" + endpoint, t.key(), null).json();
            assertThat(read.get("enabled").asBoolean()).isFalse();
            assertThat(read.get("disabledReason").asText()).contains("410");
            assertThat(log(t, endpoint).get(0).get("state").asText()).isEqualTo("failed");
            issue(t, "gone-again@example.org"); // nothing more is recorded for a switched-off endpoint
            assertThat(log(t, endpoint)).hasSize(1);
            var audit = server.send("GET", "/api/v1/audit", t.key(), null);
            assertThat(audit.body()).contains("webhook.disable").contains("webhook.create");
        }
    }

    @Test
    void a_dead_endpoint_does_not_hold_up_issuance() throws Exception {
        Tenant t = tenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            long endpoint = subscribe(t, receiver.url(), "credential.issued").get("id").asLong();
            receiver.holdRequests(); // the endpoint takes requests and never answers (until released)
            issue(t, "first@example.org");
            CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(WebhooksTest::deliver);
            receiver.arrived.await(); // the sender is now stuck on the endpoint
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                numbers.add(issue(t, "while-stuck-" + i + "@example.org").get("number").asText());
            }
            // every credential was issued while the endpoint had answered nothing; each left a delivery row behind
            assertThat(numbers).hasSize(20).doesNotHaveDuplicates();
            assertThat(receiver.answered).hasValue(0);
            assertThat(server.sql("UPDATE webhook_delivery SET last_error = last_error WHERE endpoint_id = ? AND state = 'pending'", endpoint))
                    .isEqualTo(21);
            receiver.release();
            sending.get();
            for (int round = 0; round < 5 && server.sql("UPDATE webhook_delivery SET state = state WHERE endpoint_id = ? AND state = 'pending'",
                    endpoint) > 0; round++) {
                clock.advance(Duration.ofMinutes(5)); // attempts the sender gave up waiting for are due again
                deliver();
            }
            assertThat(log(t, endpoint)).hasSize(21).allSatisfy(d -> assertThat(d.get("state").asText()).isEqualTo("delivered"));
        }
    }

    @Test
    void redelivery_and_the_test_ping_send_now_and_answer_the_outcome() throws Exception {
        Tenant t = tenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode endpoint = subscribe(t, receiver.url(), "credential.issued");
            long id = endpoint.get("id").asLong();
            issue(t, "redeliver@example.org");
            deliver();
            String delivery = log(t, id).get(0).get("id").asText();

            var again = server.send("POST", "/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/redeliver", t.key(), null);
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().get("state").asText()).isEqualTo("delivered");
            assertThat(again.json().get("attempts").asInt()).isEqualTo(2);
            assertThat(receiver.received).hasSize(2);
            assertThat(receiver.received.get(1).id()).isEqualTo(delivery);

            receiver.answers.add(404);
            var ping = server.send("POST", "/api/v1/webhooks/" + id + "/test", t.key(), null);
            assertThat(ping.status()).as(ping.body()).isEqualTo(200);
            assertThat(ping.json().get("type").asText()).isEqualTo("webhook.test");
            assertThat(ping.json().get("state").asText()).isEqualTo("failed"); // a ping is tried once
            assertThat(ping.json().get("responseStatus").asInt()).isEqualTo(404);
            WebhookReceiver.Received received = receiver.ofType("webhook.test").get(0);
            assertThat(WebhookReceiver.signedWith(received, endpoint.get("secret").asText())).isTrue();

            var rotated = server.send("POST", "/api/v1/webhooks/" + id + "/rotate-secret", t.key(), null);
            String secret = rotated.json().get("secret").asText();
            assertThat(secret).startsWith("whsec_").isNotEqualTo(endpoint.get("secret").asText());
            server.send("POST", "/api/v1/webhooks/" + id + "/test", t.key(), null);
            WebhookReceiver.Received afterRotation = receiver.ofType("webhook.test").get(1);
            assertThat(WebhookReceiver.signedWith(afterRotation, secret)).isTrue();
            assertThat(WebhookReceiver.signedWith(afterRotation, endpoint.get("secret").asText())).isFalse();
            assertThat(server.send("GET", "/api/v1/audit", t.key(), null).body())
                    .contains("webhook.redeliver").contains("webhook.rotate-secret").contains("webhook.test");
        }
    }

    @Test
    void another_tenant_can_neither_see_nor_change_nor_redeliver_an_endpoint() {
        Tenant acme = tenant();
        Tenant globex = tenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            long id = subscribe(acme, receiver.url(), "credential.issued").get("id").asLong();
            issue(acme, "mine@example.org");
            deliver();
            String delivery = log(acme, id).get(0).get("id").asText();
            String path = "/api/v1/webhooks/" + id;

            assertThat(server.send("GET", "/api/v1/webhooks", globex.key(), null).json().get("items")).isEmpty();
            assertThat(server.send("GET", path, globex.key(), null).status()).isEqualTo(404);
            assertThat(server.send("PATCH", path, globex.key(), "{\"enabled\": false}").status()).isEqualTo(404);
            assertThat(server.send("GET", path + "/deliveries", globex.key(), null).status()).isEqualTo(404);
            assertThat(server.send("POST", path + "/deliveries/" + delivery + "/redeliver", globex.key(), null).status()).isEqualTo(404);
            assertThat(server.send("POST", path + "/test", globex.key(), null).status()).isEqualTo(404);
            assertThat(server.send("POST", path + "/rotate-secret", globex.key(), null).status()).isEqualTo(404);
            assertThat(server.send("DELETE", path, globex.key(), null).status()).isEqualTo(404);
            // globex's own endpoint cannot redeliver acme's delivery either
            long theirs = subscribe(globex, receiver.url(), "credential.issued").get("id").asLong();
            assertThat(server.send("POST", "/api/v1/webhooks/" + theirs + "/deliveries/" + delivery + "/redeliver", globex.key(), null).status())
                    .isEqualTo(404);
            // globex's events never reach acme's endpoint
            issue(globex, "theirs@example.org");
            deliver();
            assertThat(log(acme, id)).hasSize(1);
            assertThat(receiver.received).hasSize(2);
            assertThat(server.send("GET", path, acme.key(), null).json().get("enabled").asBoolean()).isTrue();
        }
    }

    @Test
    void only_an_owner_manages_webhooks() {
        Tenant t = tenant();
        String issuer = server.send("POST", "/api/v1/api-keys", t.key(), "{\"label\": \"issuing\", \"scopes\": [\"issue\", \"read\"]}").json().get("key").asText();
        assertThat(server.send("GET", "/api/v1/webhooks", issuer, null).status()).isEqualTo(403);
        assertThat(server.send("POST", "/api/v1/webhooks", issuer, "{\"url\": \"https://8.8.8.8/\", \"events\": [\"credential.issued\"]}").status())
                .isEqualTo(403);
        assertThat(server.send("GET", "/api/v1/webhooks", null, null).status()).isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/webhooks", ServerHarness.ADMIN_KEY, null).status()).isEqualTo(403);
    }

    @Test
    void endpoints_must_be_https_on_public_addresses() {
        Tenant t = tenant();
        List<String> refused = List.of("http://8.8.8.8/hook", "https://169.254.169.254/latest/meta-data/", "https://[fd00:ec2::254]/",
                "https://10.0.0.7/hook", "https://172.16.3.4/hook", "https://192.168.1.1/hook", "https://169.254.10.10/hook",
                "https://[fe80::1]/hook", "https://[::ffff:169.254.169.254]/hook", "https://[::ffff:10.0.0.1]/hook", "https://0.0.0.0/hook",
                "https://100.64.0.1/hook", "https://user:pw@8.8.8.8/hook", "ftp://8.8.8.8/hook", "not a url", "/relative");
        for (String url : refused) {
            var answer = server.send("POST", "/api/v1/webhooks", t.key(), "{\"url\": \"" + url + "\", \"events\": [\"credential.issued\"]}");
            assertThat(answer.status()).as(url + ": " + answer.body()).isEqualTo(422);
            assertThat(answer.json().get("field").asText()).isEqualTo("url");
        }
        var metadata = server.send("POST", "/api/v1/webhooks", t.key(), "{\"url\": \"https://169.254.169.254/\", \"events\": [\"credential.issued\"]}");
        assertThat(metadata.json().get("detail").asText()).contains("metadata");
        assertThat(server.send("POST", "/api/v1/webhooks", t.key(), "{\"url\": \"https://8.8.8.8/hook\", \"events\": [\"credential.nope\"]}")
                .json().get("field").asText()).isEqualTo("events");
        // a change is checked as a creation is
        long id = subscribe(t, "https://8.8.8.8/hook", "credential.issued").get("id").asLong();
        assertThat(server.send("PATCH", "/api/v1/webhooks/" + id, t.key(), "{\"url\": \"http://8.8.4.4/x\"}").status()).isEqualTo(422);
        assertThat(server.send("PATCH", "/api/v1/webhooks/" + id, t.key(), "{\"url\": \"https://192.168.0.1/x\"}").status()).isEqualTo(422);
        assertThat(server.send("GET", "/api/v1/webhooks/" + id, t.key(), null).json().get("url").asText()).isEqualTo("https://8.8.8.8/hook");
    }

    @Test
    void without_the_test_setting_loopback_is_refused_too(@TempDir Path other) {
        try (ServerHarness strict = new ServerHarness(other)) {
            String key = strict.tenant("strict");
            for (String url : List.of("http://127.0.0.1:9/hook", "https://127.0.0.1/hook", "https://localhost/hook", "https://[::1]/hook")) {
                var answer = strict.send("POST", "/api/v1/webhooks", key, "{\"url\": \"" + url + "\", \"events\": [\"credential.issued\"]}");
                assertThat(answer.status()).as(url + ": " + answer.body()).isEqualTo(422);
            }
        }
    }

    @Test
    void claims_state_changes_views_shares_and_verifications_are_events_too() throws Exception {
        Tenant t = tenant();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            subscribe(t, receiver.url(), "credential.claimed", "credential.suspended", "credential.reinstated", "credential.viewed",
                    "credential.shared", "credential.verified");
            JsonNode issued = issue(t, "events@example.org");
            String number = issued.get("number").asText();
            String id = issued.get("id").asText();
            server.send("POST", "/api/v1/credentials/" + id + "/suspend", t.key(), "{\"reason\": \"under review\"}");
            server.send("POST", "/api/v1/credentials/" + id + "/reinstate", t.key(), "{}");
            server.send("GET", "/c/" + number, null, null, "User-Agent", BROWSER);
            server.send("GET", "/api/v1/verify/" + number, null, null, "User-Agent", BROWSER);
            server.send("GET", "/s/" + number + "/linkedin_post", null, null, "User-Agent", BROWSER);
            server.send("GET", "/c/" + number, null, null, "User-Agent", "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient)"); // a bot: not counted, no event
            String token = claimToken("events@example.org");
            var claimed = server.form("/claim/" + token, null, "visibility", "public");
            assertThat(claimed.status()).as(claimed.body()).isLessThan(400);
            deliver();
            assertThat(receiver.countsByType()).containsEntry("credential.claimed", 1L).containsEntry("credential.suspended", 1L)
                    .containsEntry("credential.reinstated", 1L).containsEntry("credential.viewed", 1L).containsEntry("credential.verified", 1L)
                    .containsEntry("credential.shared", 1L).doesNotContainKey("credential.issued");
            JsonNode viewed = ServerHarness.JSON.readTree(receiver.ofType("credential.viewed").get(0).body());
            assertThat(viewed.get("data").get("number").asText()).isEqualTo(number);
            assertThat(viewed.get("data").get("channel").asText()).isEqualTo("credential_page");
        }
    }

    private static String claimToken(String email) {
        server.credence.mailWorker().runDue();
        try (var files = Files.list(data.resolve("outbox"))) {
            for (Path file : files.toList()) {
                String mail = Files.readString(file);
                Matcher m = Pattern.compile("/claim/([A-Za-z0-9_-]{43})").matcher(mail);
                if (mail.contains("To: " + email) && m.find()) {
                    return m.group(1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no claim mail to " + email);
    }

    @Test
    void the_event_types_are_listed_with_their_meaning_in_the_callers_language() {
        Tenant t = tenant();
        JsonNode en = server.send("GET", "/api/v1/webhooks/event-types", t.key(), null).json().get("items");
        assertThat(en).hasSize(11);
        assertThat(en.findValuesAsText("type")).contains("credential.issued", "issuance-job.finished");
        JsonNode nb = server.send("GET", "/api/v1/webhooks/event-types?lang=nb", t.key(), null).json().get("items");
        assertThat(nb.get(0).get("description").asText()).isNotEqualTo(en.get(0).get("description").asText());
    }
}
