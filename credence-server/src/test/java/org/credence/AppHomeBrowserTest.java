package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The walkthrough's home in Chromium: an owner's {@code /app} on a phone and a desktop has the week's numbers, what
 * needs attention, quick actions and the bar, accessibly; a viewer's has no issue or upload action; a new tenant is
 * shown its first steps; the mail previews render in their sandboxed frame.
 */
@Tag("browser")
class AppHomeBrowserTest {
    static final String PASSWORD = "a long enough passphrase";
    @TempDir
    static Path data;
    static ServerHarness server;
    static BrowserHarness browser;

    @BeforeAll
    static void start() {
        browser = BrowserHarness.start();
        server = new ServerHarness(data);
        String key = server.send("POST", "/api/v1/tenants", ServerHarness.ADMIN_KEY,
                "{\"slug\":\"fjordhome\",\"name\":\"Fjord Fagskole\",\"url\":\"https://fjord.example\"}").json().get("apiKey").asText();
        server.user(key, "owner@fjordhome.example", "owner", PASSWORD);
        server.user(key, "viewer@fjordhome.example", "viewer", PASSWORD);
        long achievement = server.achievement(key);
        server.send("PUT", "/api/v1/branding", key, "{\"primaryColour\": \"#0a5c36\", \"accentColour\": \"#f2b705\", \"mailSenderName\": \"Fjord Fagskole\"}");
        try {
            server.sendBytes("PUT", "/api/v1/branding/logo", key, BadgeAndBrandingTest.png(600, 200, java.awt.Color.WHITE), "Content-Type", "image/png");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < 3; i++) {
            server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement
                    + ", \"recipient\": {\"name\": \"R\", \"email\": \"r" + i + "@example.org\"}, \"notify\": false}");
        }
        server.sql("UPDATE credential SET expires_at = now() + interval '12 days' WHERE tenant_id = (SELECT id FROM tenant WHERE slug = 'fjordhome')");
        String fresh = server.tenant("freshhome");
        server.user(fresh, "owner@freshhome.example", "owner", PASSWORD);
    }

    @AfterAll
    static void stop() {
        BrowserHarness.closeBoth(browser, server);
    }

    @org.junit.jupiter.api.BeforeEach
    void inTheBrowsersLanguage() {
        // a test that picked Norwegian with ?lang=nb leaves it remembered; each test starts from the browser's English
        if (browser != null) {
            browser.forgetLanguage();
        }
    }

    @Test
    void an_owners_home_has_numbers_attention_and_actions_on_a_desktop_and_a_phone() {
        browser.desktop().signIn(server.base(), "fjordhome", "owner@fjordhome.example", PASSWORD).open(server.base() + "/app");
        assertThat(browser.driver().findElements(By.cssSelector("#this-week .home-figure"))).hasSize(4);
        assertThat(browser.driver().findElement(By.cssSelector("#week-issued .value")).getText()).isEqualTo("3");
        assertThat(browser.driver().findElement(By.id("attention-expiring")).getText()).contains("3");
        assertThat(browser.driver().findElements(By.cssSelector(".app-bar nav a"))).hasSizeGreaterThan(10);
        assertThat(browser.driver().findElement(By.id("action-issue")).getAttribute("href")).endsWith("/app/issue");
        assertThat(browser.driver().findElement(By.id("action-upload")).getAttribute("href")).endsWith("/app/issuance-jobs");
        browser.assertAccessible("/app home as owner");
        browser.screenshot("app-home-owner-desktop");
        browser.phone().assertFitsWidth("/app home on a phone");
        browser.assertAccessible("/app home as owner on a phone");
        browser.screenshot("app-home-owner-phone");

        browser.desktop().open(server.base() + "/app/branding/mails?kind=credential_issued&lang=nb");
        browser.assertAccessible("/app/branding/mails");
        browser.driver().switchTo().frame(browser.driver().findElement(By.id("mail-html")));
        assertThat(browser.driver().findElement(By.cssSelector("a.cta")).getText()).isEqualTo("Hent kompetansebeviset ditt");
        browser.driver().switchTo().defaultContent();
        browser.screenshot("app-branding-mails");
        // the mail itself, as its own page (the frame's source), for the screenshot
        browser.open(server.base() + "/app/branding/mails/credential_issued/html?lang=nb");
        browser.screenshot("mail-credential-issued-nb");
        browser.open(server.base() + "/app");
        browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector(".app-bar-user button")));
    }

    @Test
    void a_viewers_home_offers_no_issue_or_upload_and_a_new_tenant_sees_its_first_steps() {
        browser.desktop().signIn(server.base(), "fjordhome", "viewer@fjordhome.example", PASSWORD).open(server.base() + "/app?lang=nb");
        assertThat(browser.driver().findElements(By.id("action-issue"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("action-upload"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("action-credentials"))).hasSize(1);
        assertThat(browser.driver().findElements(By.id("this-week"))).hasSize(1);
        browser.assertAccessible("/app home as viewer in Norwegian");
        browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector(".app-bar-user button")));

        // another person, whose browser has not picked Norwegian
        browser.phone().forgetLanguage().signIn(server.base(), "freshhome", "owner@freshhome.example", PASSWORD).open(server.base() + "/app");
        assertThat(browser.driver().findElement(By.id("getting-started")).getText()).contains("Create your first achievement");
        assertThat(browser.driver().findElement(By.id("first-achievement")).getAttribute("href")).endsWith("/app/achievements/new");
        browser.assertAccessible("/app home of a new tenant on a phone");
        browser.screenshot("app-home-new-tenant-phone");
        browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector(".app-bar-user button")));
    }
}
