package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.credence.analytics.AnalyticsFilter;
import org.credence.analytics.AnalyticsFolder;
import org.credence.analytics.AnalyticsReports;
import org.credence.analytics.DashboardAnswers;
import org.credence.analytics.EngagementJson;
import org.credence.analytics.EngagementQueries;
import org.credence.analytics.MarketingAssumptionStore;
import org.credence.analytics.Report;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engagement dashboard's kept answers (issue 15's speed work): a kept answer is exactly the one computed from the same data,
 * and a change to the rollups (a credential issued, folded) or an audited setting (a marketing assumption) is seen by the next
 * read, in this process and on the page.
 */
@Tag("integration")
class DashboardAnswersTest {
    private static final String PASSWORD = "correct horse battery staple";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static long achievement;
    static long tenant;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("kept");
        achievement = server.achievement(key);
        tenant = server.tenantId("kept");
        for (int i = 0; i < 3; i++) {
            issue("r" + i + "@example.org");
        }
        server.user(key, "analyst@kept.example", "analyst", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String issue(String email) {
        var issued = server.send("POST", "/api/v1/credentials", key,
                "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"R\", \"email\": \"" + email + "\"}}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String number = issued.json().get("number").asText();
        server.send("GET", "/s/" + number + "/linkedin_post", null, null, "User-Agent", TrackingRoutesTest.BROWSER);
        return number;
    }

    @Test
    void a_kept_answer_equals_the_computed_one_until_the_rollups_or_an_audited_setting_change() {
        Jdbi jdbi = server.credence.jdbi();
        AnalyticsFolder folder = new AnalyticsFolder(jdbi);
        DashboardAnswers answers = new DashboardAnswers(jdbi, new AnalyticsReports(new EngagementQueries(jdbi),
                new MarketingAssumptionStore(jdbi, Clock.systemUTC())));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        AnalyticsFilter filter = AnalyticsFilter.of(name -> null, today);
        AnalyticsFilter oneAchievement = AnalyticsFilter.of(name -> name.equals("achievementId") ? Long.toString(achievement) : null, today);
        folder.foldPending(tenant);

        Map<String, Report> first = answers.reports(tenant, filter, today);
        assertThat(answers.reports(tenant, filter, today)).as("kept").isSameAs(first);
        assertThat(first).as("the same figures as computed afresh").isEqualTo(answers.computed(tenant, filter, today));
        assertThat(answers.reports(tenant, oneAchievement, today)).as("each filter its own answer")
                .isEqualTo(answers.computed(tenant, oneAchievement, today));
        long issued = EngagementJson.of(first.get("funnel")).at("/steps/0/credentials").asLong();

        String before = answers.fingerprint(tenant);
        issue("late@example.org");
        folder.foldPending(tenant);
        assertThat(answers.fingerprint(tenant)).isNotEqualTo(before);
        Map<String, Report> afterIssue = answers.reports(tenant, filter, today);
        assertThat(afterIssue).isNotSameAs(first).isEqualTo(answers.computed(tenant, filter, today));
        assertThat(EngagementJson.of(afterIssue.get("funnel")).at("/steps/0/credentials").asLong()).isEqualTo(issued + 1);

        var set = server.send("POST", "/api/v1/analytics/assumptions", key, "{\"parameter\": \"cpm\", \"value\": 41, \"reason\": \"our own figure\"}");
        assertThat(set.status()).as(set.body()).isLessThan(300);
        Map<String, Report> afterAssumption = answers.reports(tenant, filter, today);
        assertThat(afterAssumption).isNotSameAs(afterIssue).isEqualTo(answers.computed(tenant, filter, today));
        assertThat(EngagementJson.of(afterAssumption.get("marketing")).toString()).contains("our own figure");
    }

    @Test
    void the_page_shows_a_credential_issued_after_it_was_first_read() {
        String analyst = server.signIn("kept", "analyst@kept.example", PASSWORD);
        String first = server.page("/app/analytics", analyst).body();
        assertThat(server.page("/app/analytics", analyst).body()).as("unchanged data, the same page").isEqualTo(first);
        issue("later-" + URLEncoder.encode(Long.toString(System.nanoTime()), StandardCharsets.UTF_8) + "@example.org");
        assertThat(server.page("/app/analytics", analyst).body()).as("the new credential is counted").isNotEqualTo(first);
    }
}
