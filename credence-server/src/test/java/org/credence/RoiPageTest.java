package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/** The ROI page over HTTP: tier, ROI by case, payback, revenue, the GET-form calculator, both languages, who may see it. */
class RoiPageTest {
    static final String PASSWORD = "correct horse battery staple";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static String analyst;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("roipage");
        user("analyst@roipage.example", "analyst");
        user("viewer@roipage.example", "viewer");
        analyst = signIn("analyst@roipage.example");
        server.send("POST", "/api/v1/analytics/benefits", key, """
                {"name": "Fewer <b>tickets</b>", "annualAmount": 120000, "currency": "USD", "isolation": "participant_estimate",
                 "attribution": 0.4, "confidence": 0.75, "reason": "survey <script>x</script>"}""");
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
        return server.signIn("roipage", email, PASSWORD);
    }

    static ServerHarness.Response get(String path, String cookie) {
        return server.page(path, cookie);
    }

    @Test
    void the_page_shows_the_tier_the_roi_by_case_with_footnotes_payback_and_the_empty_calculator() {
        var page = get("/app/analytics/roi", analyst);
        OpenApiContractTest.check("/app/analytics/roi", "get", page);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Measurement maturity", "Visibility", "no credentials issued yet", "Issue your first credentials.",
                "ROI by case", "Conservative", "Optimistic", "Benefit–cost ratio", "ROI % = (monetised benefits − fully loaded costs)",
                "The cost ledger holds no costs for this period", "Simple payback", "Revenue model", "No revenue lines imported",
                "ROI calculator", "name=\"benefit\"", "method=\"get\"", "aria-current=\"page\"")
                .doesNotContain("<script>", "calc-label");
        // the benefit's name and reason are escaped
        assertThat(page.body()).contains("Fewer &lt;b&gt;tickets&lt;/b&gt;", "survey &lt;script&gt;x&lt;/script&gt;");
    }

    @Test
    void the_calculator_answers_the_issue_example_without_javascript() {
        var page = get("/app/analytics/roi?benefit=120000&attribution=0.40&confidence=0.75&cost=25000&currency=EUR&upfront=60000&monthly=5000", analyst);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"calc-label\"", "ROI (Phillips)", "EUR 36,000 = EUR 120,000 × 40 % × 75 %", "1.44:1", "44 %",
                "12 months", "13 months", "EUR 89,211.12", "value=\"120000\"");
    }

    @Test
    void a_bad_calculator_input_is_shown_on_the_page_naming_the_field() {
        var page = get("/app/analytics/roi?benefit=120000&attribution=40&confidence=0.75&cost=25000", analyst);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"calc-error\"", "Attribution (0–1)", "is a proportion between 0 and 1");
    }

    @Test
    void it_speaks_norwegian() {
        var page = get("/app/analytics/roi?lang=nb&benefit=120000&attribution=0.40&confidence=0.75&cost=25000&currency=EUR", analyst);
        assertThat(page.body()).contains("lang=\"nb\"", "Målemodenhet", "Synlighet", "Avkastning per scenario", "Forsiktig", "ROI-kalkulator",
                "Tilbakebetaling og nåverdi", "1,44:1", "44 %");
    }

    @Test
    void only_signed_in_users_who_may_see_analytics_get_it() {
        assertThat(get("/app/analytics/roi", null).status()).isEqualTo(303);
        assertThat(get("/app/analytics/roi", signIn("viewer@roipage.example")).status()).isEqualTo(403);
        assertThat(get("/app/analytics", analyst).body()).as("the analytics bar links here").contains("href=\"/app/analytics/roi\"");
    }

    @Test
    void chromium_without_javascript_fills_the_calculator_form_and_reads_the_answer() throws Exception {
        try (BrowserHarness browser = BrowserHarness.withoutJavaScript()) {
            browser.open(server.base() + "/health");
            browser.driver().manage().addCookie(new Cookie("credence_session", analyst));
            browser.open(server.base() + "/app/analytics/roi");
            String[][] typed = {{"benefit", "120000"}, {"attribution", "0.40"}, {"confidence", "0.75"}, {"cost", "25000"}, {"currency", "EUR"},
                    {"upfront", "60000"}, {"monthly", "5000"}};
            for (String[] field : typed) {
                browser.driver().findElement(By.name(field[0])).sendKeys(field[1]);
            }
            browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector("#calculator button[type=submit]")));
            assertThat(browser.driver().findElement(By.id("calc-label")).getText()).startsWith("ROI (Phillips)");
            assertThat(browser.driver().findElement(By.id("calc-cases")).getText()).contains("1.44:1", "44 %", "1.80:1");
            assertThat(browser.driver().findElement(By.id("calculator")).getText()).contains("EUR 89,211.12", "13 months");
            assertThat(Files.size(browser.screenshot("roi-calculator"))).isPositive();
        }
    }
}
