package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.credence.analytics.outcomes.OutcomeWarmer;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import warms the tenant's outcome answers off the request; a reader during the recompute gets the previous answer, marked stale. */
@Tag("integration")
class OutcomeWarmingTest {
    static final Duration PATIENCE = Duration.ofMinutes(2);
    @TempDir
    static Path dir;
    static ServerHarness server;

    @BeforeAll
    static void start() {
        server = new ServerHarness(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static OutcomeWarmer warmer() {
        return server.credence.outcomeWarmer();
    }

    static JsonNode get(String path, String key) {
        var response = server.send("GET", path, key, null);
        OpenApiContractTest.check(path.replaceAll("\\?.*", ""), "get", response);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Two enrolments of {@code prefix} in a course mapped to no achievement (the "without an offer" arm). */
    static void importEnrolments(String key, String prefix) {
        String csv = "id,email,external_id,course,enrolled,completed,progress\n"
                + prefix + "1,a-" + prefix + "@example.org,,UNMAPPED,2025-01-05,2025-02-01,100\n"
                + prefix + "2,b-" + prefix + "@example.org,,UNMAPPED,2025-01-06,,40\n";
        var response = server.sendBytes("POST", "/api/v1/outcomes/imports?kind=lms_enrolment&source=lms", key, csv.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/csv");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    static long enrolmentsWithoutOffer(JsonNode completion) {
        return completion.at("/offer/without/inputs/total/value").asLong();
    }

    @Test
    void an_import_recomputes_the_default_answers_and_the_next_read_is_served_from_them() {
        String key = server.tenant("warm-a");
        JsonNode before = get("/api/v1/analytics/completion", key);
        assertThat(before.get("stale").asBoolean()).isFalse();
        long warmed = warmer().completed();

        importEnrolments(key, "wa");
        assertThat(warmer().awaitIdle(PATIENCE)).isTrue();
        Instant afterWarming = Instant.now();

        assertThat(warmer().completed()).isGreaterThan(warmed);
        assertThat(warmer().failed()).isZero();
        JsonNode after = get("/api/v1/analytics/completion", key);
        // computed by the warmer, before this read: a reader computing it would stamp its own, later, time
        assertThat(Instant.parse(after.get("computedAt").asText())).isBefore(afterWarming);
        assertThat(after.get("stale").asBoolean()).isFalse();
        assertThat(enrolmentsWithoutOffer(after)).isEqualTo(enrolmentsWithoutOffer(before) + 2);
    }

    @Test
    void a_reader_during_the_recompute_gets_the_previous_answer_marked_stale_then_the_new_one() {
        staleWhileRecomputing(server.tenant("warm-b"), "/api/v1/analytics/retention", "wb");
    }

    /** Reads {@code path}, imports while the warmer is held inside its retention query, reads again (stale), then after it (new). */
    static void staleWhileRecomputing(String key, String path, String prefix) {
        JsonNode first = get(path, key);
        JsonNode stale;
        // holding the employees table keeps the warmer inside its retention query, so the read below lands mid-recompute
        try (Handle lock = server.credence.jdbi().open()) {
            lock.begin();
            lock.execute("LOCK TABLE hris_employee IN ACCESS EXCLUSIVE MODE");
            importEnrolments(key, prefix);
            stale = get(path, key);
            lock.rollback();
        }
        assertThat(stale.get("stale").asBoolean()).isTrue();
        assertThat(stale.get("computedAt").asText()).isEqualTo(first.get("computedAt").asText());

        assertThat(warmer().awaitIdle(PATIENCE)).isTrue();
        JsonNode fresh = get(path, key);
        assertThat(fresh.get("stale").asBoolean()).isFalse();
        assertThat(Instant.parse(fresh.get("computedAt").asText())).isAfter(Instant.parse(first.get("computedAt").asText()));
    }

    @Test
    void a_recompute_waits_while_an_import_of_its_tenant_is_writing_and_runs_once_it_ended() {
        String busy = server.tenant("warm-h");
        server.tenant("warm-i");
        long importingId = server.tenantId("warm-i");
        long completed;
        long deferred;
        Runnable ended;
        // holding the employees table keeps the warmer inside another tenant's recompute, so this tenant's waits in the queue
        try (Handle lock = server.credence.jdbi().open()) {
            lock.begin();
            lock.execute("LOCK TABLE hris_employee IN ACCESS EXCLUSIVE MODE");
            importEnrolments(busy, "wh");
            ended = warmer().writing(importingId); // an import of the tenant starts writing
            warmer().changed(importingId); // and something else of it changed: a recompute is due, queued behind the busy tenant's
            completed = warmer().completed();
            deferred = warmer().deferred();
            lock.rollback();
        }
        assertThat(warmer().awaitIdle(PATIENCE)).isTrue();
        assertThat(warmer().deferred()).isEqualTo(deferred + 1);
        assertThat(warmer().completed()).isEqualTo(completed + 1); // the busy tenant's only

        ended.run(); // the import ended: the recompute that waited is queued again
        assertThat(warmer().awaitIdle(PATIENCE)).isTrue();
        assertThat(warmer().completed()).isEqualTo(completed + 2);
        assertThat(warmer().failed()).isZero();
    }

    @Test
    void retention_answers_for_job_titles_with_spaces_and_the_warmer_does_not_fail_on_them() {
        // a job title as an HRIS exports it used to make an invalid metric id: the retention read failed with 500
        String key = server.tenant("warm-e");
        long failed = warmer().failed();
        String json = "[{\"employeeId\": \"h1\", \"workEmail\": \"h1@example.org\", \"jobTitle\": \"Data analyst (Oslo)\","
                + " \"hireDate\": \"2025-01-06\", \"productivityMilestoneDate\": \"2025-04-01\"}]";
        var response = server.sendBytes("POST", "/api/v1/outcomes/imports?kind=hris_employee&source=workday", key, json.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(warmer().awaitIdle(PATIENCE)).isTrue();
        assertThat(warmer().failed()).isEqualTo(failed);
        JsonNode retention = get("/api/v1/analytics/retention?from=2025-01-01&to=2025-12-31", key);
        assertThat(retention.at("/timeToProductivity/0/role").asText()).isEqualTo("Data analyst (Oslo)");
        assertThat(retention.at("/timeToProductivity/0/productiveByHorizonEarners/id").asText())
                .isEqualTo("retention.productive_by_day.Data_analyst_Oslo_.earners");
    }

    @Test
    void filtered_reads_are_never_stale_and_other_tenants_are_not_touched() {
        String key = server.tenant("warm-c");
        String other = server.tenant("warm-d");
        String filtered = "/api/v1/analytics/completion?from=2025-01-01&to=2025-12-31";
        JsonNode otherBefore = get("/api/v1/analytics/completion", other);
        get(filtered, key);
        importEnrolments(key, "wc");
        // whether or not the warmer is still running, a filtered read computes for itself: never stale, never old
        JsonNode read = get(filtered, key);
        assertThat(read.get("stale").asBoolean()).isFalse();
        assertThat(enrolmentsWithoutOffer(read)).isEqualTo(2);
        assertThat(warmer().awaitIdle(PATIENCE)).isTrue();
        JsonNode otherAfter = get("/api/v1/analytics/completion", other);
        assertThat(otherAfter.get("computedAt")).isEqualTo(otherBefore.get("computedAt"));
        assertThat(enrolmentsWithoutOffer(otherAfter)).isZero();
    }

    @Test
    void an_import_recomputes_each_achievements_view_too_so_a_filtered_read_after_it_is_served_warm_and_correct() {
        String key = server.tenant("warm-f");
        long achievement = server.achievement(key);
        String path = "/api/v1/analytics/completion?achievementId=" + achievement;
        JsonNode before = get(path, key);
        assertThat(warmer().awaitIdle(PATIENCE)).isTrue();

        importEnrolments(key, "wf");
        assertThat(warmer().awaitIdle(PATIENCE)).isTrue();
        Instant afterWarming = Instant.now();
        for (String outcome : new String[] {"completion", "retention", "business"}) {
            JsonNode read = get("/api/v1/analytics/" + outcome + "?achievementId=" + achievement, key);
            // computed by the warmer, before this read: a reader computing it would stamp its own, later, time
            assertThat(Instant.parse(read.get("computedAt").asText())).as(outcome).isBefore(afterWarming);
            assertThat(read.get("stale").asBoolean()).isFalse();
            assertThat(read.at("/filter/achievement").asLong()).isEqualTo(achievement);
        }
        // the filtered answer counts the new data: the two enrolments in an unmapped course are the "without an offer" arm
        assertThat(enrolmentsWithoutOffer(get(path, key))).isEqualTo(enrolmentsWithoutOffer(before) + 2);
    }

    @Test
    void a_reader_of_an_achievements_view_during_the_recompute_gets_the_previous_answer_marked_stale() {
        String key = server.tenant("warm-g");
        staleWhileRecomputing(key, "/api/v1/analytics/retention?achievementId=" + server.achievement(key), "wg");
    }
}
