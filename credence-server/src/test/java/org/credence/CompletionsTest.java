package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completions from learning systems over HTTP: issuing at 100 % or the pass mark, retries, unmapped courses, scopes, bad input. */
@Tag("integration")
class CompletionsTest {
    static final String PATH = "/api/v1/integrations/completions";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static long tenant;
    static long achievement;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("lms");
        tenant = tenantId("lms");
        achievement = server.achievement(key);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static long tenantId(String slug) {
        return server.tenantId(slug);
    }

    static long count(String sql, Object... binds) {
        return server.count(sql, binds);
    }

    static void map(String key, String course, long achievement) {
        var put = server.send("PUT", "/api/v1/integrations/courses/" + course, key, "{\"achievementId\": " + achievement + "}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        // the mapping's job issues stored completions: let it finish, so it does not race the test's first report
        server.credence.jobs().awaitIdle(java.time.Duration.ofSeconds(60));
    }

    static ServerHarness.Response report(String key, String course, String email, Object progress, String extra) {
        var response = server.send("POST", PATH, key, "{\"courseId\": \"" + course + "\", \"learner\": {\"email\": \"" + email + "\", \"name\": \"Ada Lovelace\"},"
                + " \"progress\": " + progress + (extra == null ? "" : ", " + extra) + "}");
        OpenApiContractTest.check(PATH, "post", response);
        return response;
    }

    @Test
    void a_full_completion_issues_once_and_retries_name_the_same_credential() {
        map(key, "DS-101", achievement);
        Instant completed = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        var first = report(key, "DS-101", "ada@example.org", 100, "\"completedAt\": \"" + completed + "\"");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("outcome").asText()).isEqualTo("issued");
        String number = first.json().get("credential").get("number").asText();
        assertThat(first.json().get("message").asText()).contains(number);
        var retry = report(key, "DS-101", "ADA@example.org", 100, "\"completedAt\": \"" + completed + "\"");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("outcome").asText()).isEqualTo("replayed");
        assertThat(retry.json().get("credential").get("number").asText()).isEqualTo(number);
        assertThat(count("SELECT count(*) FROM credential WHERE tenant_id = ? AND recipient_email = 'ada@example.org'", tenant)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM completion WHERE tenant_id = ? AND course_id = 'DS-101'", tenant)).isEqualTo(1);
        // time-to-issue runs from the learning system's completion time
        Instant requested = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT requested_at FROM credential WHERE number = :n")
                .bind("n", number).mapTo(Instant.class).one());
        assertThat(requested).isEqualTo(completed);
    }

    @Test
    void progress_is_stored_until_it_reaches_one_hundred() {
        map(key, "DS-102", achievement);
        var partway = report(key, "DS-102", "bob@example.org", 40, null);
        assertThat(partway.status()).isEqualTo(202);
        assertThat(partway.json().get("outcome").asText()).isEqualTo("stored");
        assertThat(partway.json().get("credential").isNull()).isTrue();
        var done = report(key, "DS-102", "bob@example.org", 100, null);
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        // a late, stale report does not undo the completion
        var stale = report(key, "DS-102", "bob@example.org", 60, null);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.json().get("credential").get("number").asText()).isEqualTo(done.json().get("credential").get("number").asText());
    }

    @Test
    void a_score_at_the_pass_mark_issues_before_full_progress() {
        var created = server.send("POST", "/api/v1/achievements", key, """
                {"name": "Safety exam", "kind": "certificate", "description": "Passed the safety exam.", "criteria": "Score 70 or more.",
                 "passMark": 70}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("passMark").asDouble()).isEqualTo(70.0);
        map(key, "SAFE-1", created.json().get("id").asLong());
        assertThat(report(key, "SAFE-1", "cy@example.org", 80, "\"score\": 69.5").status()).isEqualTo(202);
        assertThat(report(key, "SAFE-1", "cy@example.org", 80, "\"score\": 70").status()).isEqualTo(201);
        var badMark = server.send("POST", "/api/v1/achievements", key, """
                {"name": "X", "kind": "certificate", "description": "X", "criteria": "X", "passMark": 101}""");
        assertThat(badMark.status()).isEqualTo(422);
        assertThat(badMark.json().get("field").asText()).isEqualTo("passMark");
    }

    @Test
    void completions_for_unmapped_courses_are_stored_reported_and_issued_once_the_course_is_mapped() {
        var early = report(key, "LATE-1", "dee@example.org", 100, null);
        assertThat(early.status()).isEqualTo(202);
        assertThat(early.json().get("outcome").asText()).isEqualTo("unmatched");
        report(key, "LATE-1", "eve@example.org", 30, null);
        var unmatched = server.send("GET", PATH + "?state=unmatched", key, null);
        OpenApiContractTest.check(PATH, "get", unmatched);
        assertThat(unmatched.json().get("items").findValuesAsText("courseId")).containsOnly("LATE-1");
        assertThat(unmatched.json().get("items")).hasSize(2);
        map(key, "LATE-1", achievement);
        server.credence.jobs().awaitIdle(java.time.Duration.ofSeconds(60));
        var issued = server.send("GET", PATH + "?state=issued", key, null);
        JsonNode dee = null;
        for (JsonNode item : issued.json().get("items")) {
            if (item.get("learner").get("email").asText().equals("dee@example.org")) {
                dee = item;
            }
        }
        assertThat(dee).as(issued.body()).isNotNull();
        assertThat(dee.get("credential").get("number").asText()).startsWith("CRD-");
        var waiting = server.send("GET", PATH + "?state=waiting", key, null);
        assertThat(waiting.json().get("items").findValuesAsText("courseId")).contains("LATE-1");
        // the retry the LMS sends later names the credential the mapping issued
        var retry = report(key, "LATE-1", "dee@example.org", 100, null);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("credential").get("number").asText()).isEqualTo(dee.get("credential").get("number").asText());
    }

    @Test
    void a_learner_who_already_holds_the_achievement_is_named_their_credential() {
        map(key, "DS-103", achievement);
        var direct = server.send("POST", "/api/v1/credentials", key,
                "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"Fay\", \"email\": \"fay@example.org\"}}");
        assertThat(direct.status()).isEqualTo(201);
        var completion = report(key, "DS-103", "fay@example.org", 100, null);
        assertThat(completion.status()).as(completion.body()).isEqualTo(200);
        assertThat(completion.json().get("credential").get("number").asText()).isEqualTo(direct.json().get("number").asText());
    }

    @Test
    void reporting_takes_the_issue_scope() {
        var readOnly = server.send("POST", "/api/v1/api-keys", key, "{\"scopes\": [\"read\"], \"label\": \"lms\"}");
        assertThat(readOnly.status()).as(readOnly.body()).isEqualTo(201);
        var refused = report(readOnly.json().get("key").asText(), "DS-101", "gus@example.org", 100, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(report(null, "DS-101", "gus@example.org", 100, null).status()).isEqualTo(401);
    }

    @Test
    void bad_reports_are_problems_naming_the_field() {
        assertThat(report(key, "DS-101", "not-an-address", 100, null).json().get("field").asText()).isEqualTo("learner.email");
        assertThat(report(key, "DS-101", "hal@example.org", 101, null).json().get("field").asText()).isEqualTo("progress");
        assertThat(report(key, "DS-101", "hal@example.org", "\"all\"", null).json().get("field").asText()).isEqualTo("progress");
        assertThat(report(key, "DS-101", "hal@example.org", 100, "\"score\": -1").json().get("field").asText()).isEqualTo("score");
        var later = report(key, "DS-101", "hal@example.org", 100, "\"completedAt\": \"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"");
        assertThat(later.status()).isEqualTo(422);
        assertThat(later.json().get("field").asText()).isEqualTo("completedAt");
        assertThat(report(key, "", "hal@example.org", 100, null).json().get("field").asText()).isEqualTo("courseId");
        var unknown = server.send("POST", PATH, key, "{\"courseId\": \"DS-101\", \"learner\": {\"email\": \"hal@example.org\", \"name\": \"H\"}, \"progress\": 1, \"grade\": 1}");
        OpenApiContractTest.check(PATH, "post", unknown);
        assertThat(unknown.json().get("field").asText()).isEqualTo("grade");
        assertThat(count("SELECT count(*) FROM completion WHERE learner_email = 'hal@example.org'")).isZero();
        assertThat(server.send("GET", PATH + "?state=lost", key, null).json().get("field").asText()).isEqualTo("state");
    }

    @Test
    void a_completion_whose_issuing_was_interrupted_is_issued_by_the_retry_or_the_sweep() {
        map(key, "CRASH-1", achievement);
        server.credence.jobs().awaitIdle(java.time.Duration.ofSeconds(60));
        // as a crash leaves it: the completion committed, no credential made
        for (String email : java.util.List.of("ian@example.org", "jan@example.org")) {
            server.sql("""
                    INSERT INTO completion (tenant_id, course_id, learner_email_hash, learner_email, learner_name, progress, source, received_at, updated_at)
                    VALUES (?, 'CRASH-1', ?, ?, 'I', 100, 'api', now() - interval '5 minutes', now() - interval '5 minutes')""",
                    tenant, org.credence.issuance.Issuance.emailHash(email), email);
        }
        var retry = report(key, "CRASH-1", "ian@example.org", 100, null);
        assertThat(retry.status()).isEqualTo(201);
        server.credence.completions().sweep(); // the scheduler's own sweep may have come first
        assertThat(server.credence.completions().sweep()).isZero();
        assertThat(count("SELECT count(*) FROM completion WHERE course_id = 'CRASH-1' AND credential_id IS NOT NULL")).isEqualTo(2);
    }
}
