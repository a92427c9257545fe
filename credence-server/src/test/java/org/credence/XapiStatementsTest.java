package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** xAPI statements over HTTP: completed and passed issue on a mapped activity, others are acknowledged, batches, bad statements, tenants apart. */
@Tag("integration")
class XapiStatementsTest {
    static final String PATH = "/api/v1/integrations/xapi/statements";
    static final String ACTIVITY = "https://lms.example/courses/data-101";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static long tenant;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("xapi");
        tenant = server.tenantId("xapi");
        map(key, ACTIVITY, server.achievement(key));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void map(String key, String activity, long achievement) {
        var put = server.send("PUT", "/api/v1/integrations/courses/" + URLEncoder.encode(activity, StandardCharsets.UTF_8), key,
                "{\"achievementId\": " + achievement + "}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("courseId").asText()).isEqualTo(activity);
    }

    static String statement(String verb, String mbox, String activity, String extra) {
        return """
                {"actor": {"objectType": "Agent", "name": "Ada Lovelace", "mbox": "mailto:%s"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/%s", "display": {"en-US": "%s"}},
                 "object": {"objectType": "Activity", "id": "%s"}%s}""".formatted(mbox, verb, verb, activity, extra == null ? "" : ", " + extra);
    }

    static ServerHarness.Response post(String key, String body) {
        var response = server.send("POST", PATH, key, body, "X-Experience-API-Version", "1.0.3");
        OpenApiContractTest.check(PATH, "post", response);
        assertThat(response.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
        return response;
    }

    long credentials(String email) {
        return server.credence.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM credential WHERE recipient_email = :e")
                .bind("e", email).mapTo(Long.class).one());
    }

    @Test
    void a_completed_statement_on_a_mapped_activity_issues_and_answers_its_id() {
        String id = "6f1d1c2a-8e5b-4b8a-9a51-0c3e2a1f7d10";
        var answer = post(key, statement("completed", "ada@example.org", ACTIVITY, "\"id\": \"" + id + "\", \"timestamp\": \"2026-01-05T10:00:00Z\""));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get(0).asText()).isEqualTo(id);
        assertThat(credentials("ada@example.org")).isEqualTo(1);
        // the LRS forwards it again: still one credential
        assertThat(post(key, statement("completed", "ada@example.org", ACTIVITY, "\"id\": \"" + id + "\"")).status()).isEqualTo(200);
        assertThat(credentials("ada@example.org")).isEqualTo(1);
        String requested = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT to_char(requested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') FROM credential WHERE recipient_email = 'ada@example.org'")
                .mapTo(String.class).one());
        assertThat(requested).isEqualTo("2026-01-05T10:00:00");
    }

    @Test
    void a_statement_without_timestamp_completes_at_its_stored_time_as_the_lrs_set_it() {
        var answer = post(key, statement("completed", "gro@example.org", ACTIVITY, "\"stored\": \"2026-02-03T08:15:00Z\""));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String requested = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT to_char(requested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') FROM credential WHERE recipient_email = 'gro@example.org'")
                .mapTo(String.class).one());
        assertThat(requested).isEqualTo("2026-02-03T08:15:00");
    }

    @Test
    void a_batch_issues_completed_and_passed_and_acknowledges_the_rest() {
        String batch = "[" + statement("completed", "bo@example.org", ACTIVITY, null) + ","
                + statement("experienced", "cy@example.org", ACTIVITY, null) + ","
                + statement("passed", "di@example.org", ACTIVITY, "\"result\": {\"success\": true, \"score\": {\"scaled\": 0.92}}") + ","
                + statement("completed", "ed@example.org", "https://lms.example/courses/unmapped", null) + ","
                + """
                {"actor": {"account": {"homePage": "https://lms.example", "name": "fi@example.org"}},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"}, "object": {"id": "%s"}}""".formatted(ACTIVITY) + "]";
        var answer = post(key, batch);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json()).hasSize(5);
        assertThat(credentials("bo@example.org")).isEqualTo(1);
        assertThat(credentials("cy@example.org")).isZero();
        assertThat(credentials("di@example.org")).isEqualTo(1);
        assertThat(credentials("ed@example.org")).isZero();
        assertThat(credentials("fi@example.org")).isEqualTo(1);
        var unmatched = server.send("GET", "/api/v1/integrations/completions?state=unmatched", key, null);
        assertThat(unmatched.json().get("items").findValuesAsText("courseId")).contains("https://lms.example/courses/unmapped");
        double score = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT score FROM completion WHERE learner_email = 'di@example.org'")
                .mapTo(Double.class).one());
        assertThat(score).isEqualTo(92.0);
    }

    @Test
    void a_malformed_statement_refuses_the_batch_naming_its_field() {
        String good = statement("completed", "gil@example.org", ACTIVITY, null);
        var noVerb = post(key, "[" + good + ", {\"actor\": {\"mbox\": \"mailto:hu@example.org\"}, \"verb\": {}, \"object\": {\"id\": \"" + ACTIVITY + "\"}}]");
        assertThat(noVerb.status()).isEqualTo(400);
        assertThat(noVerb.json().get("field").asText()).isEqualTo("[1].verb.id");
        assertThat(credentials("gil@example.org")).as("nothing of a refused batch is kept").isZero();
        assertThat(post(key, statement("completed", "not-an-address", ACTIVITY, null)).json().get("field").asText()).isEqualTo("actor.mbox");
        assertThat(post(key, statement("completed", "x@example.org", "not an iri", null)).json().get("field").asText()).isEqualTo("object.id");
        assertThat(post(key, statement("completed", "x@example.org", ACTIVITY, "\"id\": \"nope\"")).json().get("field").asText()).isEqualTo("id");
        assertThat(post(key, statement("completed", "x@example.org", ACTIVITY, "\"result\": {\"score\": {\"scaled\": 2}}")).json().get("field").asText())
                .isEqualTo("result.score.scaled");
        var hashed = post(key, """
                {"actor": {"mbox_sha1sum": "ebd31e95054c018b10727ccffd2ef2ec3a016ee9"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
                 "object": {"id": "%s"}}""".formatted(ACTIVITY));
        assertThat(hashed.json().get("field").asText()).isEqualTo("actor.mbox_sha1sum");
        assertThat(post(key, "[]").status()).isEqualTo(400);
        assertThat(post(key, "42").status()).isEqualTo(400);
        var oldVersion = server.send("POST", PATH, key, good, "X-Experience-API-Version", "0.95");
        assertThat(oldVersion.status()).isEqualTo(400);
        assertThat(credentials("x@example.org")).isZero();
    }

    @Test
    void a_statement_for_another_tenants_activity_never_issues_there() {
        String other = server.tenant("xapi-other");
        var answer = post(other, statement("completed", "ivy@example.org", ACTIVITY, null));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(credentials("ivy@example.org")).isZero();
        var theirs = server.send("GET", "/api/v1/integrations/completions?state=unmatched", other, null);
        assertThat(theirs.json().get("items").findValuesAsText("courseId")).containsExactly(ACTIVITY);
        var ours = server.send("GET", "/api/v1/integrations/completions", key, null);
        assertThat(ours.json().get("items").findValuesAsText("email")).doesNotContain("ivy@example.org");
    }

    @Test
    void statements_take_the_issue_scope() {
        var readOnly = server.send("POST", "/api/v1/api-keys", key, "{\"scopes\": [\"read\"], \"label\": \"lrs\"}");
        assertThat(post(readOnly.json().get("key").asText(), statement("completed", "jo@example.org", ACTIVITY, null)).status()).isEqualTo(403);
        assertThat(credentials("jo@example.org")).isZero();
    }
}
