package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signed-in home {@code /app} (issue 15, section 1): this week's numbers beside last week's from the rollups, what
 * needs attention with links to where it is fixed, quick actions by role, first steps for a new tenant; and never a
 * figure of another tenant. The walkthrough found "three buttons" here: these checks keep it a home.
 */
@Tag("integration")
class AppHomeTest {
    static final String PASSWORD = "a long enough passphrase";
    @TempDir
    static Path data;
    static ServerHarness server;
    static long acmeId;
    static long otherId;
    static String acmeKey;
    static String otherKey;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        String acme = server.tenant("homeacme");
        String other = server.tenant("homeother");
        acmeKey = acme;
        otherKey = other;
        String fresh = server.tenant("homefresh");
        for (String[] user : new String[][] {{acme, "owner@homeacme.example", "owner"}, {acme, "viewer@homeacme.example", "viewer"},
                {other, "owner@homeother.example", "owner"}}) {
            server.user(user[0], user[1], user[2], PASSWORD);
        }
        server.user(fresh, "owner@homefresh.example", "owner", PASSWORD);
        acmeId = tenantId("homeacme");
        otherId = tenantId("homeother");
        long acmeAchievement = server.achievement(acme);
        long otherAchievement = server.achievement(other);
        for (int i = 0; i < 3; i++) {
            issue(acme, acmeAchievement, "acme" + i + "@example.org");
        }
        for (int i = 0; i < 5; i++) {
            issue(other, otherAchievement, "other" + i + "@example.org");
        }
        // one of acme's three was issued last week: the trigger moves it between the weeks' rollup rows
        server.sql("UPDATE credential SET issued_at = issued_at - interval '7 days' WHERE id = "
                + "(SELECT min(id::text)::uuid FROM credential WHERE tenant_id = ?)", acmeId);
        // counted events as the analytics rollup holds them (claims, share clicks, verifications of today)
        daily(acmeId, acmeAchievement, "claim", 2);
        daily(acmeId, acmeAchievement, "share_click", 1);
        daily(acmeId, acmeAchievement, "verification", 1234);
        daily(otherId, otherAchievement, "verification", 999);
        // what needs attention: acme has one of each, the other tenant more of some
        server.sql("UPDATE credential SET expires_at = now() + interval '10 days' WHERE id = "
                + "(SELECT max(id::text)::uuid FROM credential WHERE tenant_id = ?)", acmeId);
        server.sql("UPDATE credential SET expires_at = now() + interval '20 days' WHERE tenant_id = ?", otherId);
        failedMail(acmeId, 1);
        failedMail(otherId, 3);
        server.sql("INSERT INTO job_errors (task_name, task_instance, tenant_id, attempts, last_error, first_failed_at, last_failed_at, gave_up) "
                + "VALUES ('issuance-job', ?, ?, 12, 'boom', now(), now(), true)", acmeId + ":1", acmeId);
        server.sql("INSERT INTO outcome_import (tenant_id, kind, source, format, imported_by, rows_total, rows_upserted, rows_failed, "
                + "rows_with_person, rows_matched) VALUES (?, 'lms_enrolment', 'moodle', 'csv', 'user:1', 12, 10, 2, 10, 7)", acmeId);
        server.sql("INSERT INTO completion (tenant_id, course_id, learner_email_hash, learner_email, learner_name, progress, source, "
                + "received_at, updated_at) VALUES (?, 'moodle-101', 'h1', 'l@example.org', 'L', 100, 'api', now(), now())", acmeId);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static long tenantId(String slug) {
        return server.credence.jdbi().withHandle(h -> h.createQuery("SELECT id FROM tenant WHERE slug = :slug").bind("slug", slug)
                .mapTo(Long.class).one());
    }

    static void issue(String key, long achievement, String email) {
        var issued = server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement
                + ", \"recipient\": {\"name\": \"R\", \"email\": \"" + email + "\"}, \"notify\": false}");
        assertThat(issued.status()).as(issued.body()).isIn(200, 201);
    }

    static void daily(long tenant, long achievement, String type, long counted) {
        server.sql("INSERT INTO analytics_daily (tenant_id, day, achievement_id, type, channel, counted) "
                + "VALUES (?, (now() AT TIME ZONE 'UTC')::date, ?, ?, '', ?)", tenant, achievement, type, counted);
    }

    static void failedMail(long tenant, int count) {
        for (int i = 0; i < count; i++) {
            server.sql("INSERT INTO mail (tenant_id, credential_id, kind, recipient, language, status, attempts, next_attempt_at, created_at, "
                    + "last_error) SELECT tenant_id, id, 'claim_link', 'x@example.org', 'en', 'failed', 12, now(), now(), '550 no such user' "
                    + "FROM credential WHERE tenant_id = ? LIMIT 1", tenant);
        }
    }

    static String home(String slug, String email, String query) {
        var page = server.page("/app" + query, server.signIn(slug, email, PASSWORD));
        assertThat(page.status()).isEqualTo(200);
        return page.body();
    }

    /** The value and the "last week" line of one of the week's figures. */
    static String[] figure(String page, String id) {
        Matcher m = Pattern.compile("id=\"week-" + id + "\".*?class=\"value\">([^<]*)<.*?class=\"last\">([^<]*)<", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as(id + " in " + page).isTrue();
        return new String[] {m.group(1), m.group(2)};
    }

    static String attention(String page, String id) {
        Matcher m = Pattern.compile("<li id=\"attention-" + id + "\">(.*?)</li>", Pattern.DOTALL).matcher(page);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void the_home_is_a_home_not_three_buttons_numbers_attention_actions_and_the_bar() {
        String page = home("homeacme", "owner@homeacme.example", "");
        assertThat(page).contains("class=\"app-bar\"", "id=\"this-week\"", "id=\"attention\"", "id=\"actions\"", "id=\"account\"");
        assertThat(Pattern.compile("class=\"home-figure\"").matcher(page).results().count()).isEqualTo(4);
        assertThat(page).contains("id=\"action-issue\" href=\"/app/issue\"", "id=\"action-upload\" href=\"/app/issuance-jobs\"",
                "id=\"action-achievement\" href=\"/app/achievements/new\"", "id=\"action-board\" href=\"/app/reports/board\"");
        assertThat(page).doesNotContain("id=\"getting-started\"");
    }

    @Test
    void this_weeks_numbers_come_from_the_rollups_beside_last_week_and_only_the_tenants_own() {
        String acme = home("homeacme", "owner@homeacme.example", "");
        assertThat(figure(acme, "issued")).containsExactly("2", "Last week: 1");
        assertThat(figure(acme, "claimed")).containsExactly("2", "Last week: 0");
        assertThat(figure(acme, "shared")).containsExactly("1", "Last week: 0");
        assertThat(figure(acme, "verified")).containsExactly("1,234", "Last week: 0");
        String other = home("homeother", "owner@homeother.example", "");
        assertThat(figure(other, "issued")).containsExactly("5", "Last week: 0");
        assertThat(figure(other, "verified")[0]).isEqualTo("999");
        assertThat(figure(other, "claimed")[0]).isEqualTo("0");

        String norwegian = home("homeacme", "owner@homeacme.example", "?lang=nb");
        assertThat(figure(norwegian, "verified")).containsExactly(NumberFormat.getIntegerInstance(Locale.forLanguageTag("nb-NO")).format(1234),
                "Forrige uke: 0");
        assertThat(norwegian).contains("Denne uken", "Trenger oppmerksomhet", "Snarveier", "href=\"/app/issue?lang=nb\"");
    }

    @Test
    void what_needs_attention_is_counted_per_tenant_and_links_to_where_it_is_fixed() {
        String acme = home("homeacme", "owner@homeacme.example", "");
        assertThat(attention(acme, "failed_mails")).contains("<span class=\"count\">1</span>", "href=\"/app/credentials?mail=failed\"");
        assertThat(attention(acme, "expiring")).contains("<span class=\"count\">1</span>", "href=\"/app/credentials?expiring=30\"");
        assertThat(attention(acme, "failed_jobs")).contains("<span class=\"count\">1</span>", "href=\"/app/issuance-jobs\"");
        assertThat(attention(acme, "unmatched_rows")).contains("<span class=\"count\">5</span>", "href=\"/app/imports\"");
        assertThat(attention(acme, "unmapped_courses")).contains("<span class=\"count\">1</span>", "href=\"/app/integrations\"");

        String other = home("homeother", "owner@homeother.example", "?lang=nb");
        assertThat(attention(other, "failed_mails")).contains("<span class=\"count\">3</span>", "href=\"/app/credentials?lang=nb&amp;mail=failed\"");
        assertThat(attention(other, "expiring")).contains("<span class=\"count\">5</span>");
        assertThat(attention(other, "failed_jobs")).isNull();
        assertThat(attention(other, "unmatched_rows")).isNull();
        assertThat(attention(other, "unmapped_courses")).isNull();
    }

    @Test
    void the_attention_links_open_the_list_with_exactly_the_credentials_counted() {
        String cookie = server.signIn("homeacme", "owner@homeacme.example", PASSWORD);
        var expiring = server.page("/app/credentials?expiring=30", cookie);
        assertThat(expiring.status()).isEqualTo(200);
        assertThat(rows(expiring.body())).isEqualTo(1);
        assertThat(expiring.body()).contains("<option value=\"30\" selected>");
        var failed = server.page("/app/credentials?mail=failed", cookie);
        assertThat(failed.status()).isEqualTo(200);
        assertThat(rows(failed.body())).isEqualTo(1);
        assertThat(rows(server.page("/app/credentials", cookie).body())).isEqualTo(3);
        // the API takes the same filters, tenant-scoped: the other tenant's three failed mails name one credential of theirs, not acme's
        assertThat(server.send("GET", "/api/v1/credentials?mail=failed", acmeKey, null).json().get("items")).hasSize(1);
        assertThat(server.send("GET", "/api/v1/credentials?expiring=30", otherKey, null).json().get("items")).hasSize(5);
        assertThat(server.send("GET", "/api/v1/credentials?expiring=0", acmeKey, null).status()).isEqualTo(422);
    }

    static int rows(String page) {
        return (int) Pattern.compile("<tr[^>]*>\\s*<td").matcher(page).results().count();
    }

    @Test
    void a_viewer_gets_no_issue_or_upload_action_and_no_attention_it_cannot_act_on() {
        String viewer = home("homeacme", "viewer@homeacme.example", "");
        assertThat(viewer).contains("id=\"this-week\"", "id=\"action-credentials\"")
                .doesNotContain("id=\"action-issue\"", "id=\"action-upload\"", "id=\"action-achievement\"", "id=\"action-board\"");
        assertThat(attention(viewer, "failed_mails")).isNotNull();
        assertThat(attention(viewer, "failed_jobs")).isNull();
        assertThat(attention(viewer, "unmapped_courses")).isNull();
    }

    @Test
    void a_new_tenant_is_shown_its_first_steps_and_nothing_to_fix() {
        String fresh = home("homefresh", "owner@homefresh.example", "");
        assertThat(fresh).contains("id=\"getting-started\"", "Create your first achievement", "id=\"first-achievement\" href=\"/app/achievements/new\"",
                "Issue your first credential", "Nothing needs attention right now.");
        assertThat(figure(fresh, "issued")).containsExactly("0", "Last week: 0");
    }

    @Test
    void signed_out_the_home_sends_to_the_sign_in() {
        var page = server.page("/app", null);
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
    }
}
