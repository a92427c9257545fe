package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/** The program manager's dashboard over HTTP, in English and Norwegian, its CSV downloads, who may see it, and one Chromium screenshot. */
@Tag("integration")
class AnalyticsDashboardTest {
    static final String PASSWORD = "correct horse battery staple";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static long achievement;
    static String analyst;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("dash");
        achievement = server.achievement(key);
        server.send("PUT", "/api/v1/achievements/" + achievement, key, """
                {"name": "Data <script>alert(1)</script> Steward", "kind": "certification", "description": "d", "criteria": "c"}""");
        for (int i = 0; i < 3; i++) {
            var issued = server.send("POST", "/api/v1/credentials", key,
                    "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"R " + i + "\", \"email\": \"r" + i + "@example.org\"}}");
            server.send("GET", "/s/" + issued.json().get("number").asText() + "/linkedin_post", null, null, "User-Agent", TrackingRoutesTest.BROWSER);
        }
        user("analyst@dash.example", "analyst");
        user("viewer@dash.example", "viewer");
        analyst = signIn("analyst@dash.example");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void user(String email, String role) {
        var created = server.send("POST", "/api/v1/users", key,
                "{\"email\": \"" + email + "\", \"name\": \"" + role + "\", \"role\": \"" + role + "\", \"password\": \"" + PASSWORD + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    static String signIn(String email) {
        return signIn("dash", email);
    }

    static String signIn(String slug, String email) {
        String form = "tenant=" + slug + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&next=%2Fapp";
        var response = server.sendBytes("POST", "/login", null, form.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(response.status()).as(response.body()).isEqualTo(303);
        String header = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("credence_session=")).findFirst().orElseThrow();
        return header.substring("credence_session=".length(), header.indexOf(';'));
    }

    static ServerHarness.Response get(String path, String cookie) {
        return server.sendBytes("GET", path, null, null, "Cookie", cookie == null ? null : "credence_session=" + cookie);
    }

    @Test
    void the_weekly_view_shows_every_section_with_its_note_tables_and_csv_links() {
        var page = get("/app/analytics", analyst);
        OpenApiContractTest.check("/app/analytics", "get", page);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Funnel: issued", "Share rate by channel", "Weekly trends", "Top achievements", "Verifications",
                "advertising-equivalent value (not revenue)", "Assumptions in force", "Credence default", "How is this computed?",
                "/webjars/chart.js/4.4.1/dist/chart.umd.js", "data-chart=", "/app/analytics/export/funnel?from=", "(measured)")
                .doesNotContain("simulated-banner");
        // the achievement's name is escaped wherever it appears
        assertThat(page.body()).contains("Data &lt;script&gt;alert(1)&lt;/script&gt; Steward").doesNotContain("<script>alert(1)");
        // without JavaScript the funnel's numbers are in a table: 3 issued, 3 shared
        assertThat(page.body()).contains("<td>Issued</td><td>3</td>", "<td>Shared</td><td>3</td>");
    }

    @Test
    void tables_show_rates_as_percentages_with_their_interval_and_name_things_in_words() {
        String body = get("/app/analytics", analyst).body();
        // 3 of 3 shared: the Wilson interval of 3/3 is 43.9 % to 100 %
        assertThat(body).contains("<td>Shared</td><td>3</td><td>100.0 % (43.9–100.0 %)</td>", "<td>Share rate: LinkedIn post</td>",
                "<td>LinkedIn post</td>", "<td>Measured: counted</td>", "<td>Derived: computed from counts</td>");
        // before: raw floats, channel ids and booleans as the code names them
        assertThat(body).doesNotContainPattern("<td>0\\.[0-9]{4,}").doesNotContainPattern("<td>[0-9]\\.[0-9]{5,}")
                .doesNotContain("<td>linkedin_post</td>", "<td>linkedin_profile</td>", "<td>false</td>", "<td>true</td>",
                        "<td>proportion</td>", "<td>derived</td>", "<td>conservative</td>", "wilson_score");
        assertThat(get("/app/analytics?lang=nb", analyst).body()).contains("<td>Delt</td><td>3</td><td>100,0 % (43,9–100,0 %)</td>",
                "<td>LinkedIn-innlegg</td>");
    }

    @Test
    void the_funnel_says_what_each_step_counts_and_why_a_later_step_can_be_larger() {
        String body = get("/app/analytics", analyst).body();
        assertThat(body).contains("<th>What it counts</th>", "The steps are not nested, so a later step can be larger than an earlier one",
                "can exceed viewed, since sharing does not need a view first", "Rate: referral ÷ shared, not ÷ issued.");
        assertThat(get("/app/analytics?lang=nb", analyst).body()).contains("Trinnene ligger ikke inni hverandre");
    }

    @Test
    void the_home_page_links_to_the_dashboard_for_those_who_may_see_it() {
        assertThat(get("/app", analyst).body()).contains("href=\"/app/analytics\"", "Program dashboard");
        assertThat(get("/app?lang=nb", analyst).body()).contains("href=\"/app/analytics?lang=nb\"", "Programdashbord");
        assertThat(get("/app", signIn("viewer@dash.example")).body()).doesNotContain("/app/analytics");
    }

    @Test
    void the_analytics_pages_are_listed_in_one_bar_in_english_and_norwegian() {
        String body = get("/app/analytics", analyst).body();
        assertThat(body).contains("<nav class=\"analytics-nav\" aria-label=\"Analytics pages\">",
                "<a href=\"/app/analytics\" aria-current=\"page\">Engagement and marketing</a>",
                "href=\"/app/analytics/operations\"", "href=\"/app/analytics/outcomes\"", "href=\"/app/analytics/roi\"",
                "href=\"/app/imports\"", "href=\"/app/surveys\"", "href=\"/app/reports/board\">Board report</a>");
        assertThat(get("/app/analytics?lang=nb", analyst).body()).contains("aria-label=\"Analysesider\"",
                "href=\"/app/reports/board?lang=nb\">Styrerapport</a>");
    }

    @Test
    void it_speaks_norwegian() {
        var page = get("/app/analytics?lang=nb", analyst);
        assertThat(page.body()).contains("Programdashbord", "Trakt: utstedt", "Hvordan regnes dette ut?", "Last ned CSV", "lang=\"nb\"");
    }

    @Test
    void tables_download_as_csv_with_the_pages_filter() {
        var csv = get("/app/analytics/export/achievements?from=2020-01-01", analyst);
        OpenApiContractTest.check("/app/analytics/export/{table}", "get", csv);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("achievements-2020-01-01-");
        assertThat(csv.body()).startsWith("achievementId,name,issued").contains(",Data <script>alert(1)</script> Steward,3,");
        // machine-readable columns first, readable ones after them
        assertThat(csv.body().lines().findFirst().orElseThrow()).endsWith(",referralClicks,claimRateShown,shareRateShown");
        assertThat(csv.body()).contains(",100.0 % (43.9–100.0 %)");
        assertThat(get("/app/analytics/export/funnel", analyst).body()).contains("shared,3,Share rate,1,", "100.0 % (43.9–100.0 %)");
        assertThat(get("/app/analytics/export/nothing", analyst).status()).isEqualTo(404);
        assertThat(get("/app/analytics?from=yesterday", analyst).status()).isEqualTo(422);
    }

    @Test
    void only_signed_in_users_who_may_see_analytics_get_it_and_only_for_their_tenant() {
        assertThat(get("/app/analytics", null).status()).isEqualTo(303);
        assertThat(get("/app/analytics/export/funnel", null).status()).isEqualTo(303);
        String viewer = signIn("viewer@dash.example");
        assertThat(get("/app/analytics", viewer).status()).isEqualTo(403);
        String otherKey = server.tenant("dash-other");
        long foreign = server.achievement(otherKey);
        assertThat(get("/app/analytics?achievementId=" + foreign, analyst).status()).isEqualTo(404);
        assertThat(get("/app/analytics", analyst).body()).doesNotContain("dash-other");
    }

    @Test
    void a_simulated_tenant_says_so_on_the_page() {
        String simulatedKey = server.tenant("dash-sim");
        long tenant = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT id FROM tenant WHERE slug = 'dash-sim'").mapTo(Long.class).one());
        server.sql("INSERT INTO simulated_tenant (tenant_id, seed, recipients, months, period_end, credentials, events) VALUES (?, 1, 1, 1, current_date, 0, 0)", tenant);
        var created = server.send("POST", "/api/v1/users", simulatedKey,
                "{\"email\": \"a@sim.example\", \"name\": \"A\", \"role\": \"analyst\", \"password\": \"" + PASSWORD + "\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(get("/app/analytics", signIn("dash-sim", "a@sim.example")).body()).contains("simulated-banner", "Simulated data");
    }

    @Test
    void chromium_draws_the_charts() throws Exception {
        try (BrowserHarness browser = BrowserHarness.start()) {
            browser.open(server.base() + "/health");
            browser.driver().manage().addCookie(new Cookie("credence_session", analyst));
            browser.open(server.base() + "/app/analytics");
            assertThat(browser.driver().findElements(By.cssSelector("canvas[data-chart]"))).hasSizeGreaterThanOrEqualTo(4);
            Object drawn = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return window.Chart && Chart.getChart('chart-funnel') ? Chart.getChart('chart-funnel').data.datasets[0].data : null");
            assertThat(drawn).asString().contains("3");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.getElementById('funnel').scrollIntoView()");
            Path shot = browser.screenshot("analytics-dashboard");
            assertThat(Files.size(shot)).isPositive();
        }
    }
}
