package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archiving an achievement over real HTTP on PostgreSQL: it is no longer offered (the issue API and page, bulk rows,
 * course mappings, completions, pathways and renewals each refuse it, naming it), the list hides it unless asked, every
 * credential already issued stays valid, the change is audited, another tenant cannot touch it, and unarchiving restores it.
 */
@Tag("integration")
class AchievementArchiveTest {
    static final String PASSWORD = "a long enough passphrase";
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

    static ServerHarness.Response archive(String key, long achievement, String action) {
        return server.send("POST", "/api/v1/achievements/" + achievement + "/" + action, key, null);
    }

    static ServerHarness.Response issue(String key, long achievement, String email) {
        return server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement
                + ", \"recipient\": {\"name\": \"Ada Lovelace\", \"email\": \"" + email + "\"}, \"notify\": false}");
    }

    static List<Long> listed(String key, String query) {
        var list = server.send("GET", "/api/v1/achievements" + query, key, null);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        list.json().get("items").forEach(a -> ids.add(a.get("id").asLong()));
        return ids;
    }

    @Test
    void archiving_is_audited_hides_the_achievement_from_the_default_list_and_unarchiving_restores_it() {
        var t = server.tenantWithAchievement("arch-api", "en");
        long kept = server.achievement(t.key());

        var archived = archive(t.key(), t.achievement(), "archive");
        assertThat(archived.status()).as(archived.body()).isEqualTo(200);
        OpenApiContractTest.check("/api/v1/achievements/{id}/archive", "post", archived);
        assertThat(archived.json().get("archivedAt").asText()).isNotBlank();
        assertThat(archived.json().get("archivedBy").asText()).startsWith("api-key:");
        assertThat(server.send("GET", "/api/v1/achievements/" + t.achievement(), t.key(), null).json().has("archivedAt")).isTrue();

        assertThat(listed(t.key(), "")).containsExactly(kept);
        assertThat(listed(t.key(), "?state=archived")).containsExactly(t.achievement());
        assertThat(listed(t.key(), "?state=all")).containsExactly(t.achievement(), kept);
        var wrong = server.send("GET", "/api/v1/achievements?state=retired", t.key(), null);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("field").asText()).isEqualTo("state");

        // archiving twice changes nothing and audits nothing more
        assertThat(archive(t.key(), t.achievement(), "archive").json().get("archivedAt")).isEqualTo(archived.json().get("archivedAt"));
        String subject = "achievement:" + t.achievement();
        assertThat(server.count("SELECT count(*) FROM audit_event WHERE tenant_id = ? AND action = 'achievement.archive' AND subject = ?",
                t.id(), subject)).isEqualTo(1);

        var restored = archive(t.key(), t.achievement(), "unarchive");
        assertThat(restored.status()).isEqualTo(200);
        OpenApiContractTest.check("/api/v1/achievements/{id}/unarchive", "post", restored);
        assertThat(restored.json().has("archivedAt")).isFalse();
        assertThat(listed(t.key(), "")).containsExactly(t.achievement(), kept);
        assertThat(server.count("SELECT count(*) FROM audit_event WHERE tenant_id = ? AND action = 'achievement.unarchive' AND subject = ?",
                t.id(), subject)).isEqualTo(1);
        assertThat(issue(t.key(), t.achievement(), "after-unarchive@example.org").status()).isEqualTo(201);
    }

    @Test
    void another_tenants_achievement_cannot_be_archived_or_unarchived() {
        var mine = server.tenantWithAchievement("arch-mine", "en");
        var theirs = server.tenantWithAchievement("arch-theirs", "en");
        for (String action : new String[] {"archive", "unarchive"}) {
            var refused = archive(mine.key(), theirs.achievement(), action);
            assertThat(refused.status()).as(action).isEqualTo(404);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(archive(mine.key(), Long.MAX_VALUE, "archive").status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/achievements/" + theirs.achievement(), theirs.key(), null).json().has("archivedAt")).isFalse();
        assertThat(listed(theirs.key(), "")).containsExactly(theirs.achievement());
    }

    @Test
    void an_archived_achievement_is_not_issued_while_its_credentials_stay_valid_and_a_replay_still_answers() {
        var t = server.tenantWithAchievement("arch-issue", "en");
        var held = issue(t.key(), t.achievement(), "held@example.org");
        assertThat(held.status()).isEqualTo(201);
        archive(t.key(), t.achievement(), "archive");

        var refused = issue(t.key(), t.achievement(), "new@example.org");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("field").asText()).isEqualTo("achievementId");
        assertThat(refused.json().get("detail").asText()).contains("Certified Data Steward").contains("is archived");
        assertThat(server.count("SELECT count(*) FROM credential WHERE tenant_id = ? AND recipient_email = 'new@example.org'", t.id())).isZero();

        // the recipient who holds it is answered with their credential, as before
        var replay = issue(t.key(), t.achievement(), "held@example.org");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("number").asText()).isEqualTo(held.json().get("number").asText());

        var verified = server.send("POST", "/api/v1/verify", null, held.json().get("credential").toString());
        assertThat(verified.json().get("status").asText()).isEqualTo("valid");
        assertThat(server.send("GET", "/api/v1/credentials/" + held.json().get("number").asText(), t.key(), null).json().get("state").asText())
                .isEqualTo("active");
    }

    @Test
    void a_renewal_of_an_archived_achievements_credential_is_refused_and_its_reminders_stop() {
        var t = server.tenantWithAchievement("arch-renew", "en");
        var control = server.tenantWithAchievement("arch-renew-control", "en");
        String expires = Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String archivedNumber = null;
        String controlNumber = null;
        for (var tenant : List.of(t, control)) {
            var issued = server.send("POST", "/api/v1/credentials", tenant.key(), "{\"achievementId\": " + tenant.achievement()
                    + ", \"recipient\": {\"name\": \"Rita\", \"email\": \"rita@example.org\"}, \"notify\": false, \"expiresAt\": \"" + expires + "\"}");
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            if (tenant == t) {
                archivedNumber = issued.json().get("number").asText();
            } else {
                controlNumber = issued.json().get("number").asText();
            }
        }
        archive(t.key(), t.achievement(), "archive");

        var renewal = server.send("POST", "/api/v1/credentials/" + archivedNumber + "/renew", t.key(), "{\"notify\": false}");
        assertThat(renewal.status()).as(renewal.body()).isEqualTo(409);
        assertThat(renewal.json().get("detail").asText()).contains("is archived").contains("no longer renewed");
        assertThat(server.send("GET", "/api/v1/credentials/" + archivedNumber, t.key(), null).json().get("state").asText()).isEqualTo("active");

        server.credence.renewal().scan().run();
        String reminders = "SELECT count(*) FROM expiry_reminder e JOIN credential c ON c.id = e.credential_id WHERE c.number = ?";
        assertThat(server.count(reminders, controlNumber)).as("the offered achievement's reminder is due (20 days left)").isPositive();
        assertThat(server.count(reminders, archivedNumber)).as("the archived achievement's reminders stop").isZero();

        // a renewal link mailed before the achievement was archived no longer renews, and says why
        String token = "archived-renewal-link-" + "x".repeat(21);
        server.sql("INSERT INTO renewal_token (token_hash, tenant_id, credential_id, created_at, expires_at)"
                + " SELECT ?, tenant_id, id, now(), now() + interval '30 days' FROM credential WHERE number = ?",
                org.credence.delivery.Tokens.hash(token), archivedNumber);
        var link = server.page("/renew/" + token, null);
        assertThat(link.status()).as(link.body()).isEqualTo(410);
        assertThat(link.body()).contains("The issuer no longer offers this credential");

        // a re-issue after the recipient's e-mail changed is the same credential, not a renewal: it goes on
        var moved = server.send("POST", "/api/v1/credentials/" + archivedNumber + "/email?reissue=true", t.key(), "{\"email\": \"rita.new@example.org\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("reissued")).hasSize(1);
    }

    @Test
    void a_bulk_file_reports_the_archived_achievements_rows_and_issues_the_others() throws Exception {
        var t = server.tenantWithAchievement("arch-bulk", "en");
        long offered = server.achievement(t.key());
        archive(t.key(), t.achievement(), "archive");
        String csv = "name,email,achievement\n"
                + "Ada,ada@example.org," + offered + "\n"
                + "Bob,bob@example.org," + t.achievement() + "\n"
                + "Cy,cy@example.org," + offered + "\n";

        var preview = server.sendBytes("POST", "/api/v1/issuance-jobs?dryRun=true", t.key(), csv.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/csv");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("issuable").asInt()).isEqualTo(2);
        assertThat(preview.json().get("refused").asInt()).isEqualTo(1);
        JsonNode previewError = preview.json().get("errors").get(0);
        assertThat(previewError.get("line").asInt()).isEqualTo(3);
        assertThat(previewError.get("field").asText()).isEqualTo("achievement");
        assertThat(previewError.get("message").asText()).startsWith("achievement Certified Data Steward (id " + t.achievement() + ") is archived");

        var accepted = server.sendBytes("POST", "/api/v1/issuance-jobs?notify=false", t.key(), csv.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/csv");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode job = server.finishedJob(t.key(), accepted.json().get("id").asLong());
        assertThat(job.get("issued").asInt()).isEqualTo(2);
        assertThat(job.get("failed").asInt()).isEqualTo(1);
        JsonNode error = job.get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("field").asText()).isEqualTo("achievement");
        assertThat(error.get("message").asText()).startsWith("achievement Certified Data Steward (id " + t.achievement() + ") is archived");
        assertThat(server.count("SELECT count(*) FROM credential WHERE tenant_id = ? AND achievement_id = ?", t.id(), offered)).isEqualTo(2);
        assertThat(server.count("SELECT count(*) FROM credential WHERE tenant_id = ? AND achievement_id = ?", t.id(), t.achievement())).isZero();
    }

    @Test
    void a_completion_for_a_course_mapped_to_an_archived_achievement_is_stored_and_reported_but_not_issued() {
        var t = server.tenantWithAchievement("arch-lms", "nb");
        var mapped = server.send("PUT", "/api/v1/integrations/courses/DS-ARCH", t.key(), "{\"achievementId\": " + t.achievement() + "}");
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
        server.credence.jobs().awaitIdle(java.time.Duration.ofSeconds(60));
        archive(t.key(), t.achievement(), "archive");

        String path = "/api/v1/integrations/completions";
        var report = server.send("POST", path, t.key(), "{\"courseId\": \"DS-ARCH\", \"learner\": {\"email\": \"lms@example.org\", \"name\": \"Lise\"},"
                + " \"progress\": 100}", "Accept-Language", "en");
        assertThat(report.status()).as(report.body()).isEqualTo(202);
        OpenApiContractTest.check(path, "post", report);
        assertThat(report.json().get("outcome").asText()).isEqualTo("archived");
        assertThat(report.json().get("message").asText()).contains("DS-ARCH").contains("archived achievement Certified Data Steward");
        assertThat(report.json().get("credential").isNull()).isTrue();
        var norwegian = server.send("POST", path, t.key(), "{\"courseId\": \"DS-ARCH\", \"learner\": {\"email\": \"lms@example.org\", \"name\": \"Lise\"},"
                + " \"progress\": 100}", "Accept-Language", "nb");
        assertThat(norwegian.json().get("message").asText()).contains("arkiverte kompetansen");

        var stored = server.send("GET", path + "?state=archived", t.key(), null);
        assertThat(stored.json().get("items")).hasSize(1);
        assertThat(stored.json().get("items").get(0).get("state").asText()).isEqualTo("archived");
        assertThat(server.send("GET", path + "?state=waiting", t.key(), null).json().get("items")).isEmpty();
        assertThat(server.count("SELECT count(*) FROM credential WHERE tenant_id = ?", t.id())).isZero();

        // no new course can be mapped to it, and it cannot be a pathway's target
        var remap = server.send("PUT", "/api/v1/integrations/courses/DS-OTHER", t.key(), "{\"achievementId\": " + t.achievement() + "}");
        assertThat(remap.status()).isEqualTo(422);
        assertThat(remap.json().get("detail").asText()).contains("is archived");
        long component = server.achievement(t.key());
        var pathway = server.send("PUT", "/api/v1/achievements/" + t.achievement() + "/pathway", t.key(), "{\"requires\": [" + component + "]}");
        assertThat(pathway.status()).as(pathway.body()).isEqualTo(409);
        assertThat(pathway.json().get("detail").asText()).contains("is archived");
    }

    @Test
    void an_owner_archives_from_the_achievements_page_after_confirming_and_the_issue_page_no_longer_offers_it() {
        String key = server.tenant("arch-app");
        long achievement = server.achievement(key);
        server.user(key, "owner@arch-app.example", "owner", PASSWORD);
        server.user(key, "viewer@arch-app.example", "viewer", PASSWORD);
        String owner = server.signIn("arch-app", "owner@arch-app.example", PASSWORD);
        String viewer = server.signIn("arch-app", "viewer@arch-app.example", PASSWORD);
        String path = "/app/achievements/" + achievement;

        String page = server.page(path, owner).body();
        assertThat(page).contains("action=\"" + path + "/archive\"").contains("Archive achievement");
        assertThat(server.page(path, viewer).body()).doesNotContain(path + "/archive");
        String csrf = ProgramPagesTest.csrf(page);

        var unconfirmed = server.form(path + "/archive", owner, "csrf", csrf);
        assertThat(unconfirmed.status()).isEqualTo(303);
        assertThat(unconfirmed.headers().firstValue("Location")).hasValue(path + "?notice=archive_unconfirmed");
        assertThat(listed(key, "")).containsExactly(achievement);
        assertThat(server.form(path + "/archive", viewer, "csrf", ProgramPagesTest.csrf(server.page(path, viewer).body()), "confirm", "1")
                .status()).isEqualTo(403);

        var archived = server.form(path + "/archive", owner, "csrf", csrf, "confirm", "1");
        assertThat(archived.status()).isEqualTo(303);
        assertThat(archived.headers().firstValue("Location")).hasValue(path + "?notice=archived");
        String after = server.page(path + "?notice=archived", owner).body();
        assertThat(after).contains("The achievement is archived").contains("Archived on ").contains("owner@arch-app.example").doesNotContain("by user:")
                .contains("Unarchive achievement").doesNotContain("/app/issue?achievement=");
        assertThat(server.count("SELECT count(*) FROM audit_event WHERE action = 'achievement.archive' AND subject = ? AND actor LIKE 'user:%'",
                "achievement:" + achievement)).isEqualTo(1);

        // the list hides it unless the filter asks; the Norwegian page says so in Norwegian
        assertThat(server.page("/app/achievements", owner).body()).doesNotContain(path + "\"");
        assertThat(server.page("/app/achievements?state=archived", owner).body()).contains(path + "\"").contains(">Archived</span>");
        assertThat(server.page("/app/achievements?state=all&lang=nb", owner).body()).contains(">Arkivert</span>");
        assertThat(server.page(path + "?lang=nb", owner).body()).contains("Arkivert ").contains("Hent fram fra arkivet");

        // analytics keep it, labelled as archived
        var analytics = server.page("/app/analytics", owner);
        assertThat(analytics.status()).isEqualTo(200);
        assertThat(analytics.body()).contains("value=\"" + achievement + "\"").contains("Certified Data Steward (archived)");

        // the issue page offers it no more, and a form sent anyway is refused beside the achievement
        String issuePage = server.page("/app/issue", owner).body();
        assertThat(issuePage).doesNotContain("value=\"" + achievement + "\"");
        var refused = server.form("/app/issue", owner, "csrf", ProgramPagesTest.csrf(issuePage), "achievementId", String.valueOf(achievement),
                "name", "Ada", "email", "ada.app@example.org", "idempotencyKey", UUID.randomUUID().toString());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("is archived");
        var norwegian = server.form("/app/issue", owner, "csrf", ProgramPagesTest.csrf(issuePage), "lang", "nb",
                "achievementId", String.valueOf(achievement), "name", "Ada", "email", "ada.app@example.org", "idempotencyKey", UUID.randomUUID().toString());
        assertThat(norwegian.body()).contains("er arkivert");

        // the LMS page offers it no more for a course, and a mapping sent anyway is refused naming it
        String integrations = server.page("/app/integrations", owner).body();
        assertThat(integrations).doesNotContain("value=\"" + achievement + "\"");
        var mapping = server.form("/app/integrations/courses", owner, "csrf", ProgramPagesTest.csrf(integrations), "courseId", "LMS-ARCH",
                "achievementId", String.valueOf(achievement));
        assertThat(mapping.status()).isEqualTo(422);
        assertThat(mapping.body()).contains("is archived");

        var unarchived = server.form(path + "/unarchive", owner, "csrf", csrf);
        assertThat(unarchived.headers().firstValue("Location")).hasValue(path + "?notice=unarchived");
        assertThat(server.page("/app/issue", owner).body()).contains("value=\"" + achievement + "\"");
    }
}
