package org.credence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/** The credential page in headless Chromium: what a visitor sees, what the share buttons open. */
@Tag("browser")
class CredentialPageBrowserTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static BrowserHarness browser;
    static JsonNode ase;
    static String script;
    static String arabic;
    static String key;
    static long achievement;

    @BeforeAll
    static void start() {
        browser = BrowserHarness.start(); // first: skips the class before a database starts when Chromium is missing
        server = new ServerHarness(data);
        key = server.tenant("browser");
        achievement = server.achievement(key);
        server.sql("INSERT INTO tenant_branding (tenant_id, linkedin_organization_id) SELECT id, '4242' FROM tenant WHERE slug = 'browser'");
        ase = CredentialPageTest.issue(server, key, achievement, "Åse Ødegård", "ase@example.org");
        script = CredentialPageTest.issue(server, key, achievement, "<script>alert('x')</script>Mallory", "m@example.org").get("number").asText();
        arabic = CredentialPageTest.issue(server, key, achievement, "ليلى حداد", "layla@example.org").get("number").asText();
    }

    @AfterAll
    static void stop() {
        BrowserHarness.closeBoth(browser, server);
    }

    static String page(String number) {
        return server.base() + "/c/" + number;
    }

    /** Where a link on the page redirects to (the share redirect answers 302). */
    static String redirected(String href) {
        URI uri = URI.create(href);
        var response = server.send("GET", uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), null, null);
        assertThat(response.status()).as(href).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    static String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    static void screenshot(TestInfo test) {
        Path shot = browser.screenshot(test.getTestMethod().orElseThrow().getName());
        assertThat(shot).isRegularFile();
    }

    @org.junit.jupiter.api.BeforeEach
    void inTheBrowsersLanguage() {
        // a test that picked Norwegian with ?lang=nb leaves it remembered; each test starts from the browser's English
        if (browser != null) {
            browser.forgetLanguage();
        }
    }

    @Test
    void page_shows_recipient_achievement_and_status(TestInfo test) {
        browser.open(page(ase.get("number").asText()));
        assertThat(browser.driver().getTitle()).isEqualTo("Certified Data Steward · browser Academy");
        assertThat(text("recipient")).isEqualTo("Åse Ødegård");
        assertThat(text("achievement")).isEqualTo("Certified Data Steward");
        assertThat(text("status")).isEqualTo("Valid: this credential is authentic and in force.");
        assertThat(text("number")).isEqualTo(ase.get("number").asText());
        assertThat(text("skills")).contains("Data governance");
        screenshot(test);
    }

    @Test
    void the_page_previews_the_certificate_drawn_from_its_pdf(TestInfo test) {
        browser.open(page(ase.get("number").asText()));
        WebElement preview = browser.driver().findElement(By.cssSelector(".credential-preview img"));
        assertThat(preview.getAttribute("src")).isEqualTo(page(ase.get("number").asText()) + "/certificate.png");
        assertThat(preview.findElement(By.xpath("..")).getAttribute("href")).endsWith("/certificate.pdf");
        // the page load waits for its images: a preview that failed to load has no natural width
        Object width = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "var i = document.querySelector('.credential-preview img'); return i.complete ? i.naturalWidth : 0;");
        assertThat(((Number) width).intValue()).isEqualTo(1200);
        screenshot(test);
    }

    @Test
    void share_buttons_open_the_right_links(TestInfo test) throws Exception {
        String number = ase.get("number").asText();
        browser.open(page(number));
        Map<String, String> hrefs = new LinkedHashMap<>();
        for (WebElement link : browser.driver().findElements(By.cssSelector("a[data-channel]"))) {
            String href = link.getAttribute("href");
            // each button goes through the counting redirect; where it lands is what a visitor gets
            assertThat(href).isEqualTo(server.base() + "/s/" + number + "/" + link.getAttribute("data-channel"));
            hrefs.put(link.getAttribute("data-channel"), redirected(href));
        }
        assertThat(hrefs).containsOnlyKeys("linkedin_profile", "linkedin_post", "x", "facebook", "email");
        String tagged = page(number) + "?utm_source=linkedin&utm_medium=linkedin_profile&utm_campaign=certified-data-steward";
        JsonNode credential = ase.get("credential");
        String issued = credential.get("validFrom").asText();
        String expires = credential.get("validUntil").asText();
        URI profile = URI.create(hrefs.get("linkedin_profile"));
        assertThat(profile.getScheme() + "://" + profile.getHost() + profile.getPath()).isEqualTo("https://www.linkedin.com/profile/add");
        assertThat(query(profile)).containsExactly(
                Map.entry("startTask", "CERTIFICATION_NAME"),
                Map.entry("name", "Certified Data Steward"),
                Map.entry("organizationId", "4242"),
                Map.entry("issueYear", issued.substring(0, 4)),
                Map.entry("issueMonth", String.valueOf(Integer.parseInt(issued.substring(5, 7)))),
                Map.entry("expirationYear", expires.substring(0, 4)),
                Map.entry("expirationMonth", String.valueOf(Integer.parseInt(expires.substring(5, 7)))),
                Map.entry("certUrl", tagged),
                Map.entry("certId", number));
        assertThat(query(URI.create(hrefs.get("linkedin_post")))).containsExactly(Map.entry("url", tagged.replace("=linkedin_profile", "=linkedin_post")));
        assertThat(hrefs.get("x")).startsWith("https://twitter.com/intent/tweet?text=");
        assertThat(query(URI.create(hrefs.get("facebook")))).containsEntry("u", page(number) + "?utm_source=facebook&utm_medium=facebook&utm_campaign=certified-data-steward");
        assertThat(hrefs.get("email")).startsWith("mailto:?subject=My%20credential%3A%20Certified%20Data%20Steward&body=");
        assertThat(browser.driver().findElement(By.id("copy-link")).getAttribute("value"))
                .isEqualTo(page(number) + "?utm_source=copy_link&utm_medium=copy_link&utm_campaign=certified-data-steward");
        assertThat(browser.driver().findElements(By.id("copy-button"))).as("the script adds a copy button").hasSize(1);
        assertThat(String.join(" ", hrefs.values())).doesNotContain("ase", "%C3%85se", "ase%40example.org");
        screenshot(test);
    }

    @Test
    void page_works_with_javascript_disabled(TestInfo test) {
        try (BrowserHarness noScript = BrowserHarness.withoutJavaScript()) {
            noScript.open(page(ase.get("number").asText()));
            var driver = noScript.driver();
            assertThat(driver.findElement(By.id("recipient")).getText()).isEqualTo("Åse Ødegård");
            assertThat(driver.findElements(By.id("copy-button"))).as("no script ran").isEmpty();
            WebElement copy = driver.findElement(By.id("copy-link"));
            assertThat(copy.isDisplayed()).isTrue();
            assertThat(copy.getAttribute("readonly")).isNotNull();
            assertThat(copy.getAttribute("value")).contains("utm_medium=copy_link");
            assertThat(driver.findElements(By.cssSelector("a[data-channel]"))).hasSize(5).allSatisfy(a -> assertThat(a.isDisplayed()).isTrue());
            assertThat(driver.findElements(By.cssSelector("#downloads a"))).extracting(a -> a.getAttribute("href"))
                    .allSatisfy(href -> assertThat(href).contains("/c/" + ase.get("number").asText() + "/"));
            Path shot = noScript.screenshot(test.getTestMethod().orElseThrow().getName());
            assertThat(shot).isRegularFile();
        }
    }

    @Test
    void copying_the_link_counts_as_a_copy_link_share(TestInfo test) throws Exception {
        String number = CredentialPageTest.issue(server, key, achievement, "Kari Nordmann", "kari@example.org").get("number").asText();
        browser.open(page(number));
        browser.driver().findElement(By.id("copy-button")).click();
        var credential = server.credence.tracker().credential(org.credence.tracking.CredentialRef.number(number)).orElseThrow();
        // the beacon is sent without waiting for it: look until its event has been stored
        List<String> channels = List.of();
        for (int attempt = 0; attempt < 100 && channels.isEmpty(); attempt++) {
            Thread.sleep(50);
            channels = server.credence.tracker().engagement(credential.tenantId(), credential.id())
                    .map(e -> List.copyOf(e.sharedChannels())).orElse(List.of());
        }
        assertThat(channels).containsExactly("copy_link");
        screenshot(test);
    }

    @Test
    void on_a_phone_nothing_is_wider_than_the_screen(TestInfo test) {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 1400));
        try {
            browser.open(page(ase.get("number").asText()) + "?lang=nb");
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
            screenshot(test);
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(BrowserHarness.WIDTH, BrowserHarness.HEIGHT));
        }
    }

    @Test
    void norwegian_page_is_in_norwegian(TestInfo test) {
        browser.open(page(ase.get("number").asText()) + "?lang=nb");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nb");
        assertThat(text("status")).isEqualTo("Gyldig: beviset er ekte og gjelder.");
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
                .contains("Tildelt", "Utstedt av", "Legg til i LinkedIn-profilen", "Last ned", "Sertifikat (PDF)", "Lenke til kompetansebeviset");
        assertThat(query(URI.create(redirected(browser.driver().findElement(By.cssSelector("a[data-channel=email]")).getAttribute("href")))))
                .containsEntry("subject", "Mitt kompetansebevis: Certified Data Steward");
        screenshot(test);
    }

    @Test
    void a_name_with_a_script_tag_shows_as_text(TestInfo test) {
        browser.open(page(script));
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(text("recipient")).isEqualTo("<script>alert('x')</script>Mallory");
        screenshot(test);
    }

    @Test
    void an_arabic_name_renders_right_to_left(TestInfo test) {
        browser.open(page(arabic));
        WebElement name = browser.driver().findElement(By.id("recipient"));
        assertThat(name.getText()).isEqualTo("ليلى حداد");
        assertThat(name.getCssValue("direction")).isEqualTo("rtl");
        assertThat(browser.driver().findElement(By.id("achievement")).getCssValue("direction")).isEqualTo("ltr");
        screenshot(test);
    }

    @Test
    void screenshots_are_png_files_under_target_screenshots(TestInfo test) throws Exception {
        browser.open(page(ase.get("number").asText()));
        Path shot = browser.screenshot(test.getTestMethod().orElseThrow().getName());
        assertThat(shot.getParent()).isEqualTo(BrowserHarness.SCREENSHOTS);
        byte[] bytes = Files.readAllBytes(shot);
        assertThat(List.of(bytes[1], bytes[2], bytes[3])).containsExactly((byte) 'P', (byte) 'N', (byte) 'G');
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery() != null ? uri.getRawQuery() : uri.getRawSchemeSpecificPart().substring(uri.getRawSchemeSpecificPart().indexOf('?') + 1);
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
