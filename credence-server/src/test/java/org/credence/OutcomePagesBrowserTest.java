package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The operations, outcomes and imports pages in headless Chromium with JavaScript off: an owner enters a cost line and
 * uploads a file through the real form controls, every block of the outcome figures renders in English and Norwegian,
 * and each page carries the analytics bar and labels every form field.
 */
@Tag("browser")
class OutcomePagesBrowserTest {
    static final String PASSWORD = "correct horse battery staple";
    static final String SLUG = "outcome-pages";
    @TempDir
    static Path data;
    static ServerHarness server;
    static BrowserHarness browser;
    static OutcomeData outcomes;

    @BeforeAll
    static void start() {
        browser = BrowserHarness.withoutJavaScript(); // first: skips the class before a database starts when Chromium is missing
        server = new ServerHarness(data, new SettableClock(OutcomeData.NOW));
        outcomes = new OutcomeData(server, SLUG).load();
        server.user(outcomes.key(), "owner@" + SLUG + ".example", "owner", PASSWORD);
        String owner = server.signIn(SLUG, "owner@" + SLUG + ".example", PASSWORD);
        browser.open(server.base() + "/health");
        browser.driver().manage().addCookie(new Cookie("credence_session", owner));
    }

    @AfterAll
    static void stop() {
        BrowserHarness.closeBoth(browser, server);
    }

    static WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    static List<String> texts(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** The text of the first table row on the page that holds {@code text}. */
    static String ledgerRow(String text) {
        return browser.driver().findElements(By.cssSelector("table tbody tr")).stream().map(WebElement::getText).filter(r -> r.contains(text))
                .findFirst().orElseThrow(() -> new AssertionError("no row with " + text));
    }

    /** The analytics bar is on the page, with the page shown marked current, and every visible form field has a label with words. */
    static void hasTheBarAndLabelsEveryField(String path) {
        WebElement nav = find("nav.analytics-nav");
        assertThat(nav.getAttribute("aria-label")).as("the bar's name").isNotBlank();
        assertThat(nav.findElements(By.cssSelector("a"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(nav.findElement(By.cssSelector("a[aria-current=page]")).getAttribute("href")).as("current page").contains(path);
        List<WebElement> fields = browser.driver().findElements(By.cssSelector("form input:not([type=hidden]), form select, form textarea"));
        assertThat(fields).as("the page has a form").isNotEmpty();
        for (WebElement field : fields) {
            String id = field.getAttribute("id");
            List<WebElement> labels = new ArrayList<>(field.findElements(By.xpath("ancestor::label")));
            if (id != null && !id.isEmpty()) {
                labels.addAll(browser.driver().findElements(By.cssSelector("label[for='" + id + "']")));
            }
            assertThat(labels).as("label of " + field.getAttribute("name") + " on " + path).isNotEmpty();
            // a wrapping label's text includes the select's options, so the label's own words are what is left without them
            String words = labels.get(0).getText();
            for (WebElement option : field.findElements(By.tagName("option"))) {
                words = words.replace(option.getText(), "");
            }
            assertThat(words).as("words of the label of " + field.getAttribute("name") + " on " + path).isNotBlank();
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void inTheBrowsersLanguage() {
        // a test that picked Norwegian with ?lang=nb leaves it remembered; each test starts from the browser's English
        if (browser != null) {
            browser.forgetLanguage();
        }
    }

    @Test
    void an_owner_adds_a_cost_line_through_the_form_and_the_figures_render_in_english_and_norwegian() throws Exception {
        browser.open(server.base() + "/app/analytics/operations");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Operations and costs");
        hasTheBarAndLabelsEveryField("/app/analytics/operations");
        assertThat(texts("#figures .figure .value")).as("every figure shows a value").isNotEmpty().allSatisfy(v -> assertThat(v).isNotBlank());

        WebElement form = find("form.cost");
        new Select(form.findElement(By.name("category"))).selectByValue("staff");
        WebElement date = form.findElement(By.name("incurredOn"));
        date.sendKeys("11112026"); // the date field's order (day or month first) follows Chromium's locale; 11 11 reads the same either way
        assertThat(date.getAttribute("value")).isEqualTo("2026-11-11");
        form.findElement(By.name("hours")).sendKeys("3");
        form.findElement(By.name("hourlyRate")).sendKeys("55.50");
        form.findElement(By.name("note")).sendKeys("Exam marking");
        browser.clickAndWaitForNewPage(form.findElement(By.cssSelector("button[type=submit]")));

        assertThat(find("#notice").getText()).isEqualTo("Cost line added.");
        assertThat(ledgerRow("Exam marking")).contains("166.50", "Staff (hours × rate)");
        assertThat(Files.size(browser.screenshot("operations-cost-added"))).isPositive();

        browser.open(server.base() + "/app/analytics/operations?lang=nb");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nb");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Drift og kostnader");
        hasTheBarAndLabelsEveryField("/app/analytics/operations");
        assertThat(texts("#figures .figure .value")).isNotEmpty().allSatisfy(v -> assertThat(v).isNotBlank());
        assertThat(find("#figures").getText()).contains("Tid til utstedelse (median)").doesNotContain("Time to issue");
        assertThat(ledgerRow("Exam marking")).contains("166,50");
    }

    @Test
    void every_outcome_block_renders_and_comparisons_show_both_groups_and_a_rate_with_its_interval() throws Exception {
        String query = "/app/analytics/outcomes?from=2023-01-01&to=2025-12-31";
        browser.open(server.base() + query);
        hasTheBarAndLabelsEveryField("/app/analytics/outcomes");
        List<WebElement> blocks = browser.driver().findElements(By.cssSelector("section .block"));
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(10);
        for (WebElement block : blocks) {
            assertThat(block.findElement(By.tagName("h3")).getText()).as("title of " + block.getAttribute("id")).isNotBlank();
            boolean hasContent = !block.findElements(By.cssSelector("table tbody tr")).isEmpty()
                    || !block.findElements(By.cssSelector(".comparison")).isEmpty() || !block.findElements(By.cssSelector(".footnotes li")).isEmpty();
            assertThat(hasContent).as("content of " + block.getAttribute("id")).isTrue();
        }
        List<WebElement> comparisons = browser.driver().findElements(By.cssSelector(".comparison"));
        assertThat(comparisons).isNotEmpty();
        for (WebElement comparison : comparisons) {
            List<WebElement> groups = comparison.findElements(By.cssSelector("tbody tr"));
            assertThat(groups).as("both groups").hasSize(2);
            for (WebElement group : groups) {
                List<WebElement> cells = group.findElements(By.tagName("td"));
                assertThat(cells.get(0).getText()).as("n of " + group.getText()).matches("\\d[\\d ,]*");
                assertThat(cells.get(1).getText()).as("measure of " + group.getText()).matches("(?s).*\\d.*\\(.*\\d.*(–| to ).*\\d.*\\).*");
            }
            assertThat(comparison.findElement(By.cssSelector(".comparison-sentence")).getText()).isNotBlank();
        }
        // the completion comparison in particular: a rate per group with its interval
        assertThat(comparisons.get(0).findElement(By.cssSelector("thead")).getText()).contains("95 %");
        assertThat(comparisons.get(0).findElement(By.cssSelector("tbody")).getText()).contains("%");
        Set<String> english = new HashSet<>(texts("main h2, main h3, .comparison th"));
        assertThat(Files.size(browser.screenshot("outcomes-en"))).isPositive();

        browser.open(server.base() + query + "&lang=nb");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nb");
        hasTheBarAndLabelsEveryField("/app/analytics/outcomes");
        assertThat(browser.driver().findElements(By.cssSelector("section .block"))).hasSameSizeAs(blocks);
        List<String> norwegian = texts("main h2, main h3, .comparison th");
        assertThat(norwegian).isNotEmpty();
        // every heading mixes words with any name it holds, so one the same in both languages is left in English
        List<String> leftovers = norwegian.stream().filter(english::contains).toList();
        assertThat(leftovers).as("English headings on the Norwegian page").isEmpty();
        assertThat(String.join("\n", norwegian)).doesNotContainIgnoringCase("earners").doesNotContain("Completion", "Renewal", "Attrition", "Pipeline");
        // the small-sample warnings name their unit in Norwegian too ("bygger på 17 kurspåmeldinger")
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).doesNotContain(" enrolments");
        assertThat(Files.size(browser.screenshot("outcomes-nb"))).isPositive();
    }

    @Test
    void an_import_uploaded_through_the_file_input_lists_its_match_rate_and_its_errors_by_line() throws Exception {
        Path csv = data.resolve("lms-enrolments.csv");
        Files.writeString(csv, "id,email,course_id,enrolled_at\n"
                + "b1," + OutcomeData.email(1) + ",C-A,2026-01-01\n"
                + "b2,nobody@example.org,C-A,yesterday\n"
                + "b3,stranger@example.org,C-A,2026-01-02\n");
        browser.open(server.base() + "/app/imports");
        hasTheBarAndLabelsEveryField("/app/imports");
        new Select(find("#kind")).selectByValue("lms_enrolment");
        find("#source").sendKeys("browser-upload");
        find("#file").sendKeys(csv.toAbsolutePath().toString());
        browser.clickAndWaitForNewPage(find("form[enctype] button[type=submit]"));

        assertThat(browser.driver().getCurrentUrl()).matches(".*/app/imports/\\d+");
        hasTheBarAndLabelsEveryFieldOrNoForm("/app/imports");
        WebElement errors = find("table.errors");
        assertThat(errors.findElement(By.cssSelector("tbody tr td")).getText()).isEqualTo("line 3");
        assertThat(errors.getText()).contains("enrolled_at");
        assertThat(Files.size(browser.screenshot("imports-detail"))).isPositive();

        browser.open(server.base() + "/app/imports");
        WebElement row = browser.driver().findElements(By.cssSelector("table.imports tbody tr")).stream()
                .filter(r -> r.getText().contains("browser-upload")).findFirst().orElseThrow();
        // two good rows name a person, one of them holds a credential: 50 % with the Wilson interval
        assertThat(row.getText()).contains("50.0 % (95 % CI 9.5–90.5 %, n = 2)");

        browser.open(server.base() + "/app/imports?lang=nb");
        hasTheBarAndLabelsEveryField("/app/imports");
        assertThat(find("table.imports").getText()).contains("50,0 % (95 % KI");
    }

    /** An import's own page has no upload form; it still carries the bar. */
    static void hasTheBarAndLabelsEveryFieldOrNoForm(String path) {
        if (browser.driver().findElements(By.cssSelector("form[enctype]")).isEmpty()) {
            assertThat(find("nav.analytics-nav a[aria-current=page]").getAttribute("href")).contains(path);
        } else {
            hasTheBarAndLabelsEveryField(path);
        }
    }
}
