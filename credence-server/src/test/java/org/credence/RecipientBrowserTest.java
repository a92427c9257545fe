package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.credence.delivery.MailSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

/**
 * The recipient's way in headless Chromium, as a newcomer without SMTP takes it: the mail on the
 * outbox page, its claim button, the claim form, their page, the same link used twice, and a
 * sign-in by magic link — on a phone-sized window, with names no one planned for.
 */
@Tag("browser")
class RecipientBrowserTest {
    static final String HARD_NAME = "<b>Zoë</b> שרה כהן 👩🏽‍🎓 Ñ̃o\u0301 " + "Wolfeschlegelsteinhausenbergerdorff".repeat(3);
    @TempDir
    static Path data;
    static ServerHarness server;
    static BrowserHarness browser;
    static String fjord;
    static long weld;

    @BeforeAll
    static void start() {
        browser = BrowserHarness.start(); // first: skips the class before a database starts when Chromium is missing
        // no background sender: the test sends the queue itself, so a mail is on the outbox page when it looks
        server = new ServerHarness(data, new MailSettings(Optional.empty(), MailSettings.OUTBOX.from(), Duration.ZERO), Clock.systemUTC());
        fjord = server.send("POST", "/api/v1/tenants", ServerHarness.ADMIN_KEY,
                "{\"slug\":\"fjord\",\"name\":\"Fjord Fagskole\",\"url\":\"https://fjord.example\",\"locale\":\"nb\"}").json().get("apiKey").asText();
        weld = server.send("POST", "/api/v1/achievements", fjord, """
                {"name": "Sveising på høyt nivå – æøå 🔥", "kind": "certification", "description": "Bestått.", "criteria": "70 %."}""")
                .json().get("id").asLong();
        browser.driver().manage().window().setSize(new Dimension(390, 1100));
    }

    @AfterAll
    static void stop() {
        BrowserHarness.closeBoth(browser, server);
    }

    static JsonNode issue(String key, long achievement, String name, String email) {
        var issued = server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement
                + ", \"recipient\": {\"name\": " + ServerHarness.JSON.valueToTree(name) + ", \"email\": \"" + email + "\"}}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        server.credence.mailWorker().runDue();
        return issued.json();
    }

    /** Opens the newest outbox mail to {@code email} from the outbox page, as a newcomer (the administrator) would. */
    static void openMailTo(String email) {
        server.credence.mailWorker().runDue();
        // the outbox is the administrator's: the browser gives their key as the Basic password, and keeps it for the mail's link
        browser.open("http://admin:" + ServerHarness.ADMIN_KEY + "@localhost:" + server.port + "/outbox");
        WebElement mail = browser.driver().findElements(By.cssSelector("article")).stream()
                .filter(a -> a.getText().contains("To " + email)).findFirst().orElseThrow();
        browser.clickAndWaitForNewPage(mail.findElement(By.cssSelector("h2 a")));
    }

    /** Clicks something that loads a new page, and waits for that page. */
    static void follow(By what) {
        browser.clickAndWaitForNewPage(browser.driver().findElement(what));
    }

    /** Nothing wider than the window: no sideways scrolling on a phone. */
    static void fitsTheWindow() {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long client = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
        assertThat(scroll).as(browser.driver().getCurrentUrl()).isLessThanOrEqualTo(client);
    }

    @Test
    void a_recipient_claims_from_the_outbox_mail_privately_lands_on_their_own_page_and_a_second_click_offers_a_new_link() {
        String number = issue(fjord, weld, HARD_NAME, "zoe@example.org").get("number").asText();
        openMailTo("zoe@example.org");
        browser.screenshot("recipient-mail-nb");
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("Hei " + HARD_NAME + ",");
        follow(By.linkText("Hent kompetansebeviset ditt"));
        String claimUrl = browser.driver().getCurrentUrl();

        assertThat(browser.driver().findElement(By.cssSelector(".verdict")).getText()).contains(HARD_NAME);
        fitsTheWindow();
        // each radio and the checkbox sit on their label's line, not on a line of their own
        for (WebElement label : browser.driver().findElements(By.cssSelector("form label"))) {
            Rectangle box = label.findElement(By.tagName("input")).getRect();
            assertThat(box.getWidth()).as(label.getText()).isLessThan(40);
            assertThat(box.getY()).as(label.getText()).isLessThan(label.getRect().getY() + 24);
        }
        browser.screenshot("recipient-claim-nb-narrow");
        browser.driver().findElement(By.cssSelector("input[value=private]")).click();
        follow(By.cssSelector("button[type=submit]"));

        assertThat(browser.driver().getCurrentUrl()).contains("/me?lang=nb&claimed=" + number);
        String own = browser.driver().findElement(By.tagName("main")).getText();
        assertThat(own).contains("Hentet: Sveising på høyt nivå").contains(number).contains("Side: privat").contains("zoe@example.org");
        assertThat(browser.driver().findElement(By.cssSelector("select[name=visibility]")).getAttribute("value")).isEqualTo("private");
        assertThat(browser.driver().findElement(By.linkText("PDF")).getAttribute("href")).endsWith("/me/credentials/" + number + "/certificate.pdf");
        fitsTheWindow();
        browser.screenshot("recipient-claimed-private-nb-narrow");

        browser.open(claimUrl);
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Denne lenken virker ikke lenger");
        assertThat(browser.driver().findElement(By.id("number")).getAttribute("value")).isEqualTo(number);
        fitsTheWindow();
        browser.screenshot("recipient-claim-reused-nb-narrow");
        follow(By.cssSelector("button[type=submit]"));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Sjekk e-posten din");
    }

    @Test
    void a_recipient_signs_in_from_the_magic_link_mail_and_sees_only_this_organisations_credentials() {
        String acme = server.tenant("acme");
        long steward = server.achievement(acme);
        String here = issue(acme, steward, "مريم العربية", "maryam@example.org").get("number").asText();
        String longName = server.send("POST", "/api/v1/achievements", acme, """
                {"name": "Advanced Certified Enterprise Data Governance and Stewardship Practitioner, Level III (2026 edition)",
                 "kind": "badge", "description": "x", "criteria": "y"}""").json().get("id").asText();
        String second = issue(acme, Long.parseLong(longName), "مريم العربية", "maryam@example.org").get("number").asText();
        String elsewhere = issue(fjord, weld, "مريم العربية", "maryam@example.org").get("number").asText();

        browser.open(server.base() + "/me?tenant=acme");
        browser.driver().findElement(By.id("email")).sendKeys("Maryam@Example.org");
        follow(By.cssSelector("button[type=submit]"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("If we know this address");
        openMailTo("maryam@example.org");
        follow(By.linkText("Sign in"));
        follow(By.cssSelector("button[type=submit]"));

        String page = browser.driver().findElement(By.tagName("main")).getText();
        assertThat(page).contains(here).contains(second).contains("Advanced Certified Enterprise").doesNotContain(elsewhere);
        assertThat(browser.driver().findElements(By.cssSelector("article.held"))).hasSize(2);
        fitsTheWindow();
        browser.screenshot("recipient-dashboard-en-narrow");
        browser.driver().manage().window().setSize(new Dimension(1280, 1024));
        browser.screenshot("recipient-dashboard-en-wide");
        browser.driver().manage().window().setSize(new Dimension(390, 1100));
    }
}
