package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner who completes a course again renews their credential when it is due (LMS report and xAPI statement, over
 * HTTP, time moved with a {@link MovableClock}): once per completion, with lineage; earlier, partial or early reports
 * answer the current credential.
 */
@Tag("integration")
class CompletionRenewalTest {
    static final String PATH = "/api/v1/integrations/completions";
    @TempDir
    static Path data;
    static MovableClock clock = new MovableClock();
    static ServerHarness server;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data, clock);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A tenant with the harness's achievement (valid 730 days) mapped to {@code course}; returns its API key. */
    static String tenantWithCourse(String slug, String course) {
        String key = server.tenant(slug);
        long achievement = server.achievement(key);
        var put = server.send("PUT", "/api/v1/integrations/courses/" + URLEncoder.encode(course, StandardCharsets.UTF_8), key,
                "{\"achievementId\": " + achievement + "}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        return key;
    }

    static ServerHarness.Response report(String key, String course, String email, int progress, Instant completedAt) {
        var response = server.send("POST", PATH, key, "{\"courseId\": \"" + course + "\", \"learner\": {\"email\": \"" + email
                + "\", \"name\": \"Rita Hansen\"}, \"progress\": " + progress + ", \"completedAt\": \"" + completedAt + "\"}");
        OpenApiContractTest.check(PATH, "post", response);
        return response;
    }

    static Instant minutesAgo(long minutes) {
        return clock.instant().minus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    static JsonNode get(String key, String path) {
        var response = server.send("GET", path, key, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static long credentials(String email) {
        return server.credence.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM credential WHERE recipient_email = :e")
                .bind("e", email).mapTo(Long.class).one());
    }

    static String number(ServerHarness.Response response) {
        return response.json().get("credential").get("number").asText();
    }

    @Test
    void a_later_completion_renews_a_credential_due_for_renewal_once_and_other_reports_answer_the_current_one() {
        String key = tenantWithCourse("recert-api", "RECERT-1");
        Instant firstCompletion = minutesAgo(60);
        var issued = report(key, "RECERT-1", "rita@example.org", 100, firstCompletion);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String first = number(issued);

        clock.advance(Duration.ofDays(1));
        var early = report(key, "RECERT-1", "rita@example.org", 100, minutesAgo(1));
        assertThat(early.status()).as("not due: 729 days left").isEqualTo(200);
        assertThat(number(early)).isEqualTo(first);

        clock.advance(Duration.ofDays(700)); // 29 days left: in the renewal window
        var stale = report(key, "RECERT-1", "rita@example.org", 100, firstCompletion);
        assertThat(stale.status()).as("completed before the credential was issued").isEqualTo(200);
        var partial = report(key, "RECERT-1", "rita@example.org", 50, minutesAgo(1));
        assertThat(partial.status()).as("a partial report is no completion").isEqualTo(200);
        assertThat(number(partial)).isEqualTo(first);
        assertThat(credentials("rita@example.org")).isEqualTo(1);

        Instant again = minutesAgo(2);
        var renewed = report(key, "RECERT-1", "rita@example.org", 100, again);
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(201);
        assertThat(renewed.json().get("outcome").asText()).isEqualTo("renewed");
        String second = number(renewed);
        assertThat(second).isNotEqualTo(first);
        assertThat(renewed.json().get("renews").asText()).isEqualTo(first);
        assertThat(renewed.json().get("message").asText()).contains(first).contains(second);
        assertThat(get(key, "/api/v1/credentials/" + second + "/lineage").get("items")).extracting(i -> i.get("number").asText())
                .containsExactly(first, second);
        assertThat(get(key, "/api/v1/credentials/" + first).get("state").asText()).isEqualTo("superseded");
        JsonNode verified = server.send("GET", "/api/v1/verify/" + first, null, null).json();
        assertThat(verified.get("status").asText()).isEqualTo("valid");
        assertThat(verified.at("/supersededBy/number").asText()).isEqualTo(second);

        // the LMS retries the same report: the renewal is named, nothing is renewed twice
        var retry = report(key, "RECERT-1", "rita@example.org", 100, again);
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().get("outcome").asText()).isEqualTo("replayed");
        assertThat(number(retry)).isEqualTo(second);
        assertThat(credentials("rita@example.org")).isEqualTo(2);
        var listed = get(key, PATH + "?state=issued").get("items").get(0);
        assertThat(listed.get("credential").get("number").asText()).isEqualTo(second);
        assertThat(listed.get("completedAt").asText()).isEqualTo(again.toString());
    }

    @Test
    void an_xapi_completed_statement_after_the_credential_was_issued_renews_it_once_when_due() {
        String activity = "https://lms.example/courses/recert";
        String key = tenantWithCourse("recert-xapi", activity);
        var first = xapi(key, "1b0c7a4e-2f49-4c53-9b7e-5d1f0e2a3c01", minutesAgo(60), activity);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(credentials("xavier@example.org")).isEqualTo(1);

        clock.advance(Duration.ofDays(725)); // 5 days left
        Instant again = minutesAgo(1);
        String later = "1b0c7a4e-2f49-4c53-9b7e-5d1f0e2a3c02";
        assertThat(xapi(key, later, again, activity).status()).isEqualTo(200);
        assertThat(credentials("xavier@example.org")).isEqualTo(2);
        // the LRS forwards the statement again: still one renewal
        assertThat(xapi(key, later, again, activity).status()).isEqualTo(200);
        assertThat(credentials("xavier@example.org")).isEqualTo(2);
        String current = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT number FROM credential WHERE recipient_email = 'xavier@example.org' AND superseded_by IS NULL").mapTo(String.class).one());
        assertThat(get(key, "/api/v1/credentials/" + current + "/lineage").get("items")).hasSize(2);
    }

    static ServerHarness.Response xapi(String key, String id, Instant timestamp, String activity) {
        String path = "/api/v1/integrations/xapi/statements";
        var response = server.send("POST", path, key, XapiStatementsTest.statement("completed", "xavier@example.org", activity,
                "\"id\": \"" + id + "\", \"timestamp\": \"" + timestamp + "\""), "X-Experience-API-Version", "1.0.3");
        OpenApiContractTest.check(path, "post", response);
        return response;
    }

    @Test
    void a_learner_renewed_through_the_api_is_named_their_current_credential_by_a_completion_on_a_new_course() {
        String key = tenantWithCourse("recert-held", "HELD-1");
        long achievement = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT achievement_id FROM course_achievement WHERE course_id = 'HELD-1'").mapTo(Long.class).one());
        var direct = server.send("POST", "/api/v1/credentials", key,
                "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"Hilde\", \"email\": \"hilde@example.org\"}, \"notify\": false}");
        assertThat(direct.status()).as(direct.body()).isEqualTo(201);
        var renewed = server.send("POST", "/api/v1/credentials/" + direct.json().get("number").asText() + "/renew", key, "{\"notify\": false}");
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(201);
        // two credentials of the achievement in the lineage: the completion names the current one (it failed on the old one before)
        var completion = server.send("POST", PATH, key,
                "{\"courseId\": \"HELD-1\", \"learner\": {\"email\": \"hilde@example.org\", \"name\": \"Hilde\"}, \"progress\": 100}");
        assertThat(completion.status()).as(completion.body()).isEqualTo(200);
        assertThat(number(completion)).isEqualTo(renewed.json().get("number").asText());

        // once that one is due, a completion on another course of the achievement renews it too
        var put = server.send("PUT", "/api/v1/integrations/courses/HELD-2", key, "{\"achievementId\": " + achievement + "}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        server.credence.jobs().awaitIdle(Duration.ofSeconds(60));
        clock.advance(Duration.ofDays(2 * 730 - 30));
        var again = report(key, "HELD-2", "hilde@example.org", 100, minutesAgo(1));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("renews").asText()).isEqualTo(renewed.json().get("number").asText());
    }
}
