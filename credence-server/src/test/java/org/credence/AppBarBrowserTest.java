package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The bar on top of every staff page: each role sees the areas it may open, on a phone and a desktop, accessibly. */
@Tag("browser")
class AppBarBrowserTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static BrowserHarness browser;

    @BeforeAll
    static void start() {
        browser = BrowserHarness.start();
        server = new ServerHarness(data);
        String key = server.send("POST", "/api/v1/tenants", ServerHarness.ADMIN_KEY,
                "{\"slug\":\"fjord\",\"name\":\"Fjord Fagskole\",\"url\":\"https://fjord.example\"}").json().get("apiKey").asText();
        for (String role : List.of("owner", "viewer")) {
            server.send("POST", "/api/v1/users", key, "{\"email\": \"" + role + "@fjord.example\", \"name\": \"" + role
                    + "\", \"role\": \"" + role + "\", \"password\": \"a long enough passphrase\"}");
        }
    }

    @AfterAll
    static void stop() {
        BrowserHarness.closeBoth(browser, server);
    }

    @Test
    void an_owner_sees_every_area_and_a_viewer_only_what_a_viewer_may_open() {
        browser.desktop().signIn(server.base(), "fjord", "owner@fjord.example", "a long enough passphrase").open(server.base() + "/app");
        assertThat(barLinks()).contains("/app", "/app/achievements", "/app/credentials", "/app/users", "/app/branding", "/app/audit");
        assertThat(browser.driver().findElement(By.cssSelector(".app-bar [aria-current=page]")).getAttribute("href")).endsWith("/app");
        browser.assertAccessible("/app as owner");
        browser.phone().assertFitsWidth("/app on a phone");
        browser.assertAccessible("/app as owner on a phone");
        browser.screenshot("app-bar-owner-phone");
        browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector(".app-bar-user button")));

        browser.desktop().signIn(server.base(), "fjord", "viewer@fjord.example", "a long enough passphrase").open(server.base() + "/app?lang=nb");
        assertThat(barLinks()).contains("/app", "/app/credentials", "/app/achievements")
                .doesNotContain("/app/users", "/app/branding", "/app/audit", "/app/issue", "/app/analytics");
        assertThat(browser.driver().findElement(By.cssSelector(".app-bar nav")).getAttribute("aria-label")).isEqualTo("Programområder");
        browser.assertAccessible("/app as viewer in Norwegian");
    }

    private static List<String> barLinks() {
        return browser.driver().findElements(By.cssSelector(".app-bar nav a")).stream()
                .map((WebElement a) -> a.getAttribute("href").replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "")).toList();
    }
}
