package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An owner designs a certificate (moves a field by dragging it on the preview and another with the number inputs, saves
 * the design) and creates an achievement using it, watching the previews follow the typing; on a desktop and a phone,
 * accessibly; and the achievement form without JavaScript.
 */
@Tag("browser")
class ProgramBrowserTest {
    static final String PASSWORD = "a long enough passphrase";
    @TempDir
    static Path data;
    static ServerHarness server;
    static BrowserHarness browser;
    static String key;

    @BeforeAll
    static void start() {
        browser = BrowserHarness.start(); // first: skips the class before a database starts when Chromium is missing
        server = new ServerHarness(data);
        key = server.tenant("fjord");
        server.user(key, "owner@fjord.example", "owner", PASSWORD);
    }

    @AfterAll
    static void stop() {
        BrowserHarness.closeBoth(browser, server);
    }

    @Test
    void an_owner_retires_an_achievement_and_brings_it_back_on_a_phone_and_a_desktop() {
        long achievement = server.achievement(key);
        String page = server.base() + "/app/achievements/" + achievement;
        // signed out first: the other tests of the class may have left a session in the browser
        browser.phone().open(server.base() + "/login").driver().manage().deleteAllCookies();
        browser.signIn(server.base(), "fjord", "owner@fjord.example", PASSWORD).open(page);
        browser.assertAccessible("/app/achievements/{id} before archiving");
        browser.assertFitsWidth("/app/achievements/{id} on a phone");
        // the confirmation box is required: the browser keeps the form until it is ticked
        browser.driver().findElement(By.cssSelector("form[action$='/archive'] input[name=confirm]")).click();
        browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector("form[action$='/archive'] button")));
        assertThat(browser.driver().findElement(By.id("archived")).getText()).contains("owner@fjord.example");
        assertThat(browser.driver().findElements(By.cssSelector("a[href^='/app/issue?achievement=']"))).as("no issue link").isEmpty();
        browser.assertAccessible("/app/achievements/{id} archived");
        browser.assertFitsWidth("/app/achievements/{id} archived, on a phone");
        browser.screenshot("achievement-archived-phone");

        browser.desktop().open(page);
        browser.screenshot("achievement-archived-desktop");
        browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector("form[action$='/unarchive'] button")));
        assertThat(browser.driver().findElements(By.id("archived"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("a[href^='/app/issue?achievement=']"))).isNotEmpty();
    }

    @Test
    void an_owner_designs_a_certificate_and_creates_an_achievement_with_it_watching_the_preview() throws Exception {
        browser.desktop().signIn(server.base(), "fjord", "owner@fjord.example", PASSWORD).open(server.base() + "/app/designs?design=classic");
        browser.assertAccessible("/app/designs");
        WebElement preview = browser.driver().findElement(By.id("design-preview"));
        String before = preview.getAttribute("src");

        // drag the recipient's name (element 8) down and to the right on the preview
        WebElement x8 = input("e8.x");
        WebElement y8 = input("e8.y");
        String x8Before = x8.getAttribute("value");
        String y8Before = y8.getAttribute("value");
        WebElement box = browser.driver().findElement(By.cssSelector(".box[data-index='8']"));
        new Actions(browser.driver()).moveToElement(box).clickAndHold().moveByOffset(40, 25).moveByOffset(20, 10).release().perform();
        assertThat(x8.getAttribute("value")).isNotEqualTo(x8Before);
        assertThat(y8.getAttribute("value")).isNotEqualTo(y8Before);
        assertThat(Double.parseDouble(x8.getAttribute("value")) % 0.5).as("snapped to the half-per-cent grid").isZero();
        waitUntil(() -> !preview.getAttribute("src").equals(before) && preview.getAttribute("src").startsWith("data:image/png"));
        browser.screenshot("designer-dragged-desktop");

        // move the date (element 16) with the keyboard: open its settings, type its position
        WebElement details = browser.driver().findElement(By.id("element-16"));
        details.findElement(By.tagName("summary")).sendKeys(Keys.ENTER);
        WebElement y16 = input("e16.y");
        y16.sendKeys(Keys.chord(Keys.CONTROL, "a"), "76.5");
        WebElement x16 = input("e16.x");
        x16.sendKeys(Keys.chord(Keys.CONTROL, "a"), "10");
        String afterDrag = preview.getAttribute("src");
        waitUntil(() -> !preview.getAttribute("src").equals(afterDrag));
        browser.assertAccessible("/app/designs while editing");

        String draggedX = x8.getAttribute("value");
        input("name").sendKeys("fjord-autumn");
        browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector("button[value=save]")));
        assertThat(browser.driver().findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("The design is saved.");
        JsonNode saved = ServerHarness.JSON.readTree(server.send("GET", "/api/v1/designs/fjord-autumn", key, null).body());
        assertThat(saved.get("elements").get(8).get("x").asDouble()).isEqualTo(Double.parseDouble(draggedX) / 100, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(saved.get("elements").get(16).get("y").asDouble()).isEqualTo(0.765);
        assertThat(saved.get("elements").get(16).get("x").asDouble()).isEqualTo(0.1);
        browser.screenshot("designer-saved-desktop");

        // an achievement with the new design: the previews follow the typing
        browser.open(server.base() + "/app/achievements/new");
        browser.assertAccessible("/app/achievements/new");
        WebElement certificate = browser.driver().findElement(By.id("preview-certificate"));
        WebElement badge = browser.driver().findElement(By.id("preview-badge"));
        input("name").sendKeys("Fjordguide");
        new Select(browser.driver().findElement(By.id("design"))).selectByValue("fjord-autumn");
        new Select(browser.driver().findElement(By.id("kind"))).selectByValue("diploma");
        waitUntil(() -> certificate.getAttribute("src").contains("title=Fjordguide") && certificate.getAttribute("src").contains("design=fjord-autumn")
                && badge.getAttribute("src").contains("kind=diploma"));
        waitUntil(() -> loaded(certificate) && loaded(badge));
        browser.screenshot("achievement-preview-desktop");
        browser.driver().findElement(By.id("description")).sendKeys("Guides visitors safely along the fjord.");
        browser.driver().findElement(By.id("criteria")).sendKeys("Complete the guide course and a supervised tour.");
        input("skill0.name").sendKeys("Guiding");
        input("skill0.url").sendKeys("https://esco.example/guiding");
        input("validityDays").sendKeys("365");
        browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector("form[data-preview-form] button.primary")));
        assertThat(browser.driver().findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Saved.");
        browser.assertAccessible("/app/achievements/{id}");
        JsonNode created = null;
        for (JsonNode a : server.send("GET", "/api/v1/achievements", key, null).json().get("items")) {
            created = a.get("name").asText().equals("Fjordguide") ? a : created;
        }
        assertThat(created).isNotNull();
        assertThat(created.get("design").asText()).isEqualTo("fjord-autumn");
        assertThat(created.get("kind").asText()).isEqualTo("diploma");
        assertThat(created.get("alignments").get(0).get("targetName").asText()).isEqualTo("Guiding");

        browser.phone();
        for (String page : new String[] {"/app/achievements", "/app/achievements/" + created.get("id").asLong(),
                "/app/achievements/new?lang=nb", "/app/designs?design=fjord-autumn"}) {
            browser.open(server.base() + page);
            browser.assertAccessible(page + " on a phone");
            browser.assertFitsWidth(page + " on a phone");
        }
        browser.screenshot("designer-phone");
        browser.open(server.base() + "/app/achievements/new");
        browser.screenshot("achievement-new-phone");
        browser.desktop();
    }

    @Test
    void the_achievement_form_previews_and_saves_without_javascript() {
        try (BrowserHarness noScript = BrowserHarness.withoutJavaScript()) {
            noScript.signIn(server.base(), "fjord", "owner@fjord.example", PASSWORD).open(server.base() + "/app/achievements/new?lang=nb");
            noScript.driver().findElement(By.id("name")).sendKeys("Uten skript");
            noScript.driver().findElement(By.id("description")).sendKeys("Laget uten JavaScript.");
            noScript.driver().findElement(By.id("criteria")).sendKeys("Fullfør kurset.");
            noScript.clickAndWaitForNewPage(noScript.driver().findElement(By.cssSelector("button[name=preview]")));
            assertThat(noScript.driver().findElement(By.id("preview-certificate")).getAttribute("src")).contains("title=Uten+skript");
            assertThat(noScript.driver().findElement(By.id("name")).getAttribute("value")).isEqualTo("Uten skript");
            noScript.assertAccessible("/app/achievements preview without JavaScript");
            noScript.clickAndWaitForNewPage(noScript.driver().findElement(By.cssSelector("form[data-preview-form] button.primary")));
            assertThat(noScript.driver().findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Lagret.");
            noScript.screenshot("achievement-saved-without-javascript");
        }
    }

    private static WebElement input(String name) {
        return browser.driver().findElement(By.name(name));
    }

    private static boolean loaded(WebElement img) {
        Object width = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return arguments[0].complete && arguments[0].naturalWidth", img);
        return width instanceof Number n && n.intValue() > 0;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> condition.getAsBoolean());
    }
}
