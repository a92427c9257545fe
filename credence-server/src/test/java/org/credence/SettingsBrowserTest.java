package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The settings and reports pages in Chromium: an analyst reads the reports (analytics, board report,
 * imports) and is refused branding and webhooks; an owner changes the branding colours and adds a
 * webhook (once without JavaScript); on a phone and a desktop, each page checked with axe-core.
 */
@Tag("browser")
class SettingsBrowserTest {
    static final String PASSWORD = "a long enough passphrase";
    @TempDir
    static Path data;
    static ServerHarness server;
    static BrowserHarness browser;

    @BeforeAll
    static void start() {
        browser = BrowserHarness.start(); // first: skips the class before a database starts when Chromium is missing
        server = new ServerHarness(data);
        String key = server.tenant("vestland");
        server.achievement(key);
        for (String role : List.of("owner", "analyst")) {
            server.user(key, role + "@vestland.example", role, PASSWORD);
        }
    }

    @AfterAll
    static void stop() {
        BrowserHarness.closeBoth(browser, server);
    }

    @Test
    void an_analyst_reads_the_reports_and_may_not_open_branding_or_webhooks() throws Exception {
        for (String width : List.of("phone", "desktop")) {
            BrowserHarness b = width.equals("phone") ? browser.phone() : browser.desktop();
            b.signIn(server.base(), "vestland", "analyst@vestland.example", PASSWORD).open(server.base() + "/app/analytics");
            browser.assertAccessible("/app/analytics on a " + width);
            browser.clickAndWaitForNewPage(link("/app/reports/board"));
            assertThat(browser.driver().getCurrentUrl()).contains("/app/reports/board");
            browser.assertAccessible("/app/reports/board on a " + width);
            browser.open(server.base() + "/app/analytics");
            browser.clickAndWaitForNewPage(link("/app/imports"));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/app/imports");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains("Outcome data imports");
            assertThat(barLinks()).contains("/app/analytics", "/app/reports/board", "/app/imports", "/app/assumptions")
                    .doesNotContain("/app/branding", "/app/webhooks", "/app/integrations");
            browser.assertAccessible("/app/imports on a " + width);
            if (width.equals("phone")) {
                browser.assertFitsWidth("/app/imports on a phone");
            }
            assertThat(Files.size(browser.screenshot("settings-analyst-imports-" + width))).isPositive();
            browser.clickAndWaitForNewPage(barLink("/app/assumptions"));
            browser.assertAccessible("/app/assumptions on a " + width);
            if (width.equals("phone")) {
                browser.assertFitsWidth("/app/assumptions on a phone");
            }
            browser.screenshot("settings-assumptions-" + width);
            browser.open(server.base() + "/app/branding");
            assertThat(browser.driver().getPageSource()).doesNotContain("Main colour");
            browser.open(server.base() + "/app/webhooks");
            assertThat(browser.driver().findElements(By.id("f-url"))).isEmpty();
            browser.open(server.base() + "/app");
            browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector(".app-bar-user button")));
        }
    }

    @Test
    void an_owner_changes_the_branding_colours_and_adds_a_webhook_on_a_phone_and_a_desktop() throws Exception {
        for (String width : List.of("phone", "desktop")) {
            BrowserHarness b = width.equals("phone") ? browser.phone() : browser.desktop();
            b.signIn(server.base(), "vestland", "owner@vestland.example", PASSWORD).open(server.base() + "/app/branding");
            browser.assertAccessible("/app/branding on a " + width);
            String colour = width.equals("phone") ? "#0a5c36" : "#5c0a36";
            // a colour input takes its value from the picker, which WebDriver cannot drive: set it as the picker would
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", browser.driver().findElement(By.id("f-primaryColour")), colour);
            browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector("form[action='/app/branding'] button[type=submit]")));
            assertThat(browser.driver().findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Saved.");
            assertThat(browser.driver().findElement(By.id("f-primaryColour")).getAttribute("value")).isEqualTo(colour);
            if (width.equals("phone")) {
                browser.assertFitsWidth("/app/branding on a phone");
            }
            assertThat(Files.size(browser.screenshot("settings-branding-" + width))).isPositive();

            browser.clickAndWaitForNewPage(barLink("/app/webhooks"));
            browser.assertAccessible("/app/webhooks on a " + width);
            browser.driver().findElement(By.id("f-url")).sendKeys("http://127.0.0.1/hooks");
            browser.driver().findElement(By.cssSelector("input[name=events][value='credential.issued']")).click();
            browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector("form[action='/app/webhooks'] button[type=submit]")));
            assertThat(browser.driver().findElement(By.id("url-error")).getText()).contains("a loopback address");
            browser.assertAccessible("/app/webhooks refused on a " + width);
            WebElement url = browser.driver().findElement(By.id("f-url"));
            url.clear();
            url.sendKeys("https://93.184.216.34/" + width);
            browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector("form[action='/app/webhooks'] button[type=submit]")));
            assertThat(browser.driver().findElement(By.cssSelector(".secret")).getText()).startsWith("whsec_");
            browser.assertAccessible("/app/webhooks/{id} on a " + width);
            if (width.equals("phone")) {
                browser.assertFitsWidth("/app/webhooks/{id} on a phone");
            }
            assertThat(Files.size(browser.screenshot("settings-webhook-" + width))).isPositive();
            for (String path : List.of("/app/integrations", "/app/costs")) {
                browser.clickAndWaitForNewPage(barLink(path));
                browser.assertAccessible(path + " on a " + width);
                if (width.equals("phone")) {
                    browser.assertFitsWidth(path + " on a phone");
                }
                browser.screenshot("settings" + path.replace('/', '-') + "-" + width);
            }
            browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector(".app-bar-user button")));
        }
    }

    @Test
    void the_cost_form_works_without_javascript() {
        try (BrowserHarness noScript = BrowserHarness.withoutJavaScript()) {
            noScript.desktop().signIn(server.base(), "vestland", "owner@vestland.example", PASSWORD).open(server.base() + "/app/costs?lang=nb");
            new org.openqa.selenium.support.ui.Select(noScript.driver().findElement(By.id("f-category"))).selectByValue("platform");
            noScript.driver().findElement(By.id("f-amount")).sendKeys("1200,50");
            noScript.driver().findElement(By.id("f-note")).sendKeys("Lisens");
            noScript.clickAndWaitForNewPage(noScript.driver().findElement(By.cssSelector("form[action='/app/costs'][method=post] button[type=submit]")));
            assertThat(noScript.driver().getCurrentUrl()).matches(".*/app/costs/\\d+\\?notice=added&lang=nb");
            assertThat(noScript.driver().findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Kostnadslinjen er lagt til.");
            assertThat(noScript.driver().findElement(By.tagName("dl")).getText()).contains("1200.50 EUR", "Lisens");
            noScript.assertAccessible("/app/costs/{id} without JavaScript");
        }
    }

    /** The first link on the page to {@code path} (the analytics pages link each other in their own navigation). */
    private static WebElement link(String path) {
        return browser.driver().findElements(By.cssSelector("a[href]")).stream()
                .filter(a -> a.getAttribute("href").replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "").equals(path) && a.isDisplayed())
                .findFirst().orElseThrow(() -> new AssertionError("no link to " + path));
    }

    private static WebElement barLink(String path) {
        return browser.driver().findElements(By.cssSelector(".app-bar nav a")).stream()
                .filter(a -> a.getAttribute("href").replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "").equals(path))
                .findFirst().orElseThrow(() -> new AssertionError("no bar link to " + path));
    }

    private static List<String> barLinks() {
        return browser.driver().findElements(By.cssSelector(".app-bar nav a")).stream()
                .map(a -> a.getAttribute("href").replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "")).toList();
    }
}
