package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.credence.delivery.MailSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * An owner in Chromium manages credentials: from the list to a credential's page, suspends and reinstates it, revokes
 * another on a phone, watches the timeline grow, and reads the audit trail; on a desktop and a phone, accessibly; and
 * the confirmation forms work without JavaScript.
 */
@Tag("browser")
class CredentialManagementBrowserTest {
    static final String PASSWORD = "a long enough passphrase";
    @TempDir
    static Path data;
    static ServerHarness server;
    static BrowserHarness browser;
    static List<String> numbers = new java.util.ArrayList<>();

    @BeforeAll
    static void start() {
        browser = BrowserHarness.start(); // first: skips the class before a database starts when Chromium is missing
        server = new ServerHarness(data, new MailSettings(Optional.empty(), MailSettings.OUTBOX.from(), Duration.ZERO), Clock.systemUTC());
        String key = server.send("POST", "/api/v1/tenants", ServerHarness.ADMIN_KEY,
                "{\"slug\":\"fjord\",\"name\":\"Fjord Fagskole\",\"url\":\"https://fjord.example\"}").json().get("apiKey").asText();
        server.user(key, "owner@fjord.example", "owner", PASSWORD);
        long achievement = server.achievement(key);
        for (String name : List.of("Kari Nordmann", "Ola Ås", "Zoë Wolfeschlegelsteinhausenbergerdorff")) {
            var issued = server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \""
                    + name + "\", \"email\": \"" + name.length() + ".a.rather.long.address@subdomain.fjord.example\"}}");
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            numbers.add(issued.json().get("number").asText());
        }
        server.credence.mailWorker().runDue();
    }

    @AfterAll
    static void stop() {
        BrowserHarness.closeBoth(browser, server);
    }

    private static int timeline() {
        return browser.driver().findElements(By.cssSelector("ol.timeline li")).size();
    }

    private static void click(String css) {
        browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector(css)));
    }

    private static String state() {
        return browser.driver().findElement(By.cssSelector(".facts .state")).getText();
    }

    @Test
    void an_owner_suspends_and_reinstates_a_credential_revokes_another_and_reads_the_audit_trail() {
        String base = server.base();
        browser.desktop().signIn(base, "fjord", "owner@fjord.example", PASSWORD).open(base + "/app/credentials");
        // the list is no dead end: a row leads to its credential's page
        String first = numbers.get(2);
        click("a.detail[href='/app/credentials/" + first + "']");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/app/credentials/" + first);
        assertThat(state()).isEqualTo("Active");
        int before = timeline();
        assertThat(before).isPositive();
        browser.assertAccessible("credential page");
        browser.screenshot("credential-page-desktop");

        click("a[href='/app/credentials/" + first + "/suspend']");
        browser.assertAccessible("suspend confirmation");
        browser.driver().findElement(By.id("reason")).sendKeys("Under review by the exam board");
        browser.screenshot("credential-suspend-confirmation-desktop");
        click("form.stacked button[type=submit]");
        assertThat(browser.driver().findElement(By.cssSelector("p.notice")).getText()).isEqualTo("The credential is suspended.");
        assertThat(state()).isEqualTo("Suspended");
        int suspended = timeline();
        assertThat(suspended).isGreaterThan(before);
        // newest first: the suspension and the recipient's notice mail it queued lead the timeline
        assertThat(browser.driver().findElements(By.cssSelector("ol.timeline li")).subList(0, 2)).extracting(e -> e.getText())
                .anySatisfy(text -> assertThat(text).contains("Suspended — Under review by the exam board"));

        click("a[href='/app/credentials/" + first + "/reinstate']");
        click("form.stacked button[type=submit]");
        assertThat(state()).isEqualTo("Active");
        assertThat(timeline()).isGreaterThan(suspended);
        assertThat(browser.driver().findElements(By.cssSelector("ol.timeline li")).subList(0, 2)).extracting(e -> e.getText())
                .anySatisfy(text -> assertThat(text).contains("Reinstated"));
        browser.assertAccessible("credential page after reinstating");
        browser.screenshot("credential-timeline-desktop");

        // on a phone: another credential revoked for good
        String second = numbers.get(1);
        browser.phone().open(base + "/app/credentials/" + second);
        browser.assertFitsWidth("credential page on a phone");
        browser.assertAccessible("credential page on a phone");
        click("a[href='/app/credentials/" + second + "/revoke']");
        browser.assertFitsWidth("revoke confirmation on a phone");
        browser.assertAccessible("revoke confirmation on a phone");
        browser.driver().findElement(By.id("reason")).sendKeys("Issued in error");
        browser.screenshot("credential-revoke-confirmation-phone");
        click("form.stacked button[type=submit]");
        assertThat(state()).isEqualTo("Revoked");
        assertThat(browser.driver().findElements(By.cssSelector(".actions a"))).isEmpty();
        browser.screenshot("credential-revoked-phone");

        // the audit trail shows what was done, and its chain is intact (as the background check, run here, found it)
        new org.credence.audit.AuditChecks(server.credence.jdbi(), new org.credence.audit.AuditTrail(server.credence.jdbi()), Clock.systemUTC())
                .advanceAll();
        browser.desktop().open(base + "/app/audit");
        assertThat(browser.driver().findElement(By.cssSelector(".chain")).getAttribute("class")).contains("chain-intact");
        new Select(browser.driver().findElement(By.id("f-action"))).selectByValue("credential.suspend");
        click("form.filter button[type=submit]");
        assertThat(browser.driver().findElements(By.cssSelector("table.audit tbody tr"))).hasSize(1);
        assertThat(browser.driver().findElement(By.cssSelector("table.audit tbody tr")).getText()).contains(first).contains("owner");
        browser.assertAccessible("audit page");
        browser.screenshot("audit-desktop");
        browser.phone().open(base + "/app/audit");
        browser.assertFitsWidth("audit page on a phone");
        browser.assertAccessible("audit page on a phone");
        browser.screenshot("audit-phone");
    }

    @Test
    void the_confirmation_step_works_without_javascript() {
        try (BrowserHarness plain = BrowserHarness.withoutJavaScript()) {
            String number = numbers.get(0);
            plain.desktop().signIn(server.base(), "fjord", "owner@fjord.example", PASSWORD).open(server.base() + "/app/credentials/" + number + "?lang=nb");
            plain.clickAndWaitForNewPage(plain.driver().findElement(By.cssSelector("a[href='/app/credentials/" + number + "/suspend?lang=nb']")));
            plain.driver().findElement(By.id("reason")).sendKeys("Til vurdering");
            plain.clickAndWaitForNewPage(plain.driver().findElement(By.cssSelector("form.stacked button[type=submit]")));
            assertThat(plain.driver().findElement(By.cssSelector(".facts .state")).getText()).isEqualTo("Suspendert");
            assertThat(plain.driver().findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Kompetansebeviset er suspendert.");
        }
    }
}
