package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Two people in Chromium, each on a phone and a desktop: the first run on a fresh server (the setup code it printed,
 * an organisation and its owner, landing in /app, the owner's account pages) and a viewer refused the owner's pages.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountsBrowserTest {
    static final String PASSWORD = "a long enough passphrase";
    @TempDir
    static Path phoneData;
    @TempDir
    static Path desktopData;
    static BrowserHarness browser;
    static ServerHarness onPhone;
    static ServerHarness onDesktop;

    @BeforeAll
    static void start() {
        browser = BrowserHarness.start(); // first: skips the class before a database starts when Chromium is missing
        onPhone = new ServerHarness(phoneData);
        onDesktop = new ServerHarness(desktopData);
    }

    @AfterAll
    static void stop() {
        BrowserHarness.closeBoth(browser, onPhone);
        if (onDesktop != null) {
            onDesktop.close();
        }
    }

    @Test
    @Order(1)
    void the_first_run_on_a_fresh_server() {
        firstRun(onPhone, browser.phone(), "phone", "en", "fjord", "Fjord Fagskole");
        firstRun(onDesktop, browser.desktop(), "desktop", "nb", "vik", "Vik Akademi");
    }

    @Test
    @Order(2)
    void a_viewer_refused_the_owners_pages() {
        for (ServerHarness server : List.of(onPhone, onDesktop)) {
            String slug = server == onPhone ? "fjord" : "vik";
            var created = server.send("POST", "/api/v1/users?tenant=" + slug, ServerHarness.ADMIN_KEY,
                    "{\"email\": \"viewer@" + slug + ".example\", \"name\": \"Vera Viewer\", \"role\": \"viewer\", \"password\": \"" + PASSWORD + "\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        viewer(onPhone, browser.phone(), "phone", "fjord", "");
        viewer(onDesktop, browser.desktop(), "desktop", "vik", "?lang=nb");

        // every form here works without JavaScript: a reset asked for with scripts off gets its answer
        try (BrowserHarness noScript = BrowserHarness.withoutJavaScript()) {
            noScript.open(onPhone.base() + "/login");
            noScript.clickAndWaitForNewPage(noScript.driver().findElement(By.id("login-reset")));
            noScript.driver().findElement(By.name("organisation")).sendKeys("fjord");
            noScript.driver().findElement(By.name("email")).sendKeys("viewer@fjord.example");
            noScript.clickAndWaitForNewPage(noScript.driver().findElement(By.cssSelector("form button[type=submit]")));
            assertThat(noScript.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Check your e-mail");
        }
        assertThat(AccountsHttp.mailTo(onPhone, "viewer@fjord.example")).contains("/password-reset/");
    }

    private static void firstRun(ServerHarness server, BrowserHarness on, String width, String lang, String slug, String name) {
        WebDriver driver = on.driver();
        String query = lang.equals("en") ? "" : "?lang=" + lang;
        on.open(server.base() + "/" + query);
        on.assertAccessible("/ on a fresh server, " + width);
        on.clickAndWaitForNewPage(driver.findElement(By.id("home-setup")));
        assertThat(driver.getCurrentUrl()).contains("/setup");
        on.assertAccessible("/setup, " + width);
        on.assertFitsWidth("/setup, " + width);
        on.screenshot("accounts-setup-" + width);

        // a wrong code first: refused beside the field, what was typed kept
        fill(driver, "AAAA-BBBB-CCCC-DDDD", name, slug);
        on.clickAndWaitForNewPage(driver.findElement(By.cssSelector("form button[type=submit]")));
        assertThat(driver.findElement(By.id("code-error")).getText()).isNotBlank();
        on.assertAccessible("/setup with a wrong code, " + width);
        assertThat(driver.findElement(By.id("organisation.slug")).getAttribute("value")).isEqualTo(slug);

        driver.findElement(By.id("code")).sendKeys(server.credence.setupCode().orElseThrow());
        driver.findElement(By.id("owner.password")).sendKeys(PASSWORD);
        on.clickAndWaitForNewPage(driver.findElement(By.cssSelector("form button[type=submit]")));
        assertThat(driver.getCurrentUrl()).endsWith("/app" + query);
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(name);
        on.screenshot("accounts-first-run-app-" + width);

        for (String page : List.of("/app/users", "/app/api-keys", "/app/account")) {
            on.open(server.base() + page + query);
            assertThat(driver.findElements(By.cssSelector(".app-bar"))).hasSize(1);
            on.assertAccessible(page + " as the new owner, " + width);
            on.assertFitsWidth(page + ", " + width);
            on.screenshot("accounts-" + page.substring(5) + "-" + width);
        }
        // the owner makes a key: shown once, on the page it was made on
        on.open(server.base() + "/app/api-keys" + query);
        driver.findElement(By.id("label")).sendKeys("LMS");
        driver.findElement(By.cssSelector("input[name=scopes][value=issue]")).click();
        on.clickAndWaitForNewPage(driver.findElement(By.cssSelector("form.stacked button[type=submit]")));
        assertThat(driver.findElement(By.id("new-key")).getAttribute("value")).startsWith("crd_");
        on.assertAccessible("/app/api-keys with a new key, " + width);
        on.screenshot("accounts-api-key-shown-" + width);
        // and sets up the second factor as far as the QR code
        on.open(server.base() + "/app/account" + query);
        on.clickAndWaitForNewPage(driver.findElement(By.cssSelector("form[action^='/app/account/totp'] button")));
        assertThat(driver.findElement(By.id("totp-secret")).getText()).matches("[A-Z2-7]{32}");
        on.assertAccessible("the authenticator set-up, " + width);
        on.screenshot("accounts-totp-" + width);

        on.open(server.base() + "/setup" + query);
        assertThat(driver.findElements(By.id("code"))).isEmpty();
        on.open(server.base() + "/app" + query);
        on.clickAndWaitForNewPage(driver.findElement(By.cssSelector(".app-bar-user button")));
    }

    private static void fill(WebDriver driver, String code, String name, String slug) {
        driver.findElement(By.id("code")).sendKeys(code);
        driver.findElement(By.id("organisation.name")).sendKeys(name);
        driver.findElement(By.id("organisation.slug")).sendKeys(slug);
        driver.findElement(By.id("organisation.url")).sendKeys("https://" + slug + ".example");
        driver.findElement(By.id("owner.name")).sendKeys("Kari Nordmann");
        driver.findElement(By.id("owner.email")).sendKeys("owner@" + slug + ".example");
        driver.findElement(By.id("owner.password")).sendKeys(PASSWORD);
    }

    private static void viewer(ServerHarness server, BrowserHarness on, String width, String slug, String query) {
        WebDriver driver = on.driver();
        on.signIn(server.base(), slug, "viewer@" + slug + ".example", PASSWORD).open(server.base() + "/app" + query);
        assertThat(driver.findElements(By.cssSelector(".app-bar a[href^='/app/users'], .app-bar a[href^='/app/api-keys']"))).isEmpty();
        for (String page : List.of("/app/users", "/app/api-keys")) {
            on.open(server.base() + page + query);
            assertThat(driver.findElement(By.tagName("h1")).getText()).isIn("Not allowed", "Ikke tillatt");
            assertThat(driver.getPageSource()).doesNotContain("owner@" + slug + ".example").doesNotContain("crd_");
            on.assertAccessible(page + " refused to a viewer, " + width);
            on.screenshot("accounts-viewer-refused-" + page.substring(5) + "-" + width);
        }
        on.open(server.base() + "/app/account" + query);
        on.assertAccessible("/app/account as a viewer, " + width);
        on.clickAndWaitForNewPage(driver.findElement(By.cssSelector(".app-bar-user button")));
    }
}
