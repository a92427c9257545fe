package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.WebElement;

/** The issuer's credentials page in headless Chromium on a phone: signing in, the cards, a search and the Resend button. */
@Tag("browser")
class IssuerCredentialsBrowserTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static BrowserHarness browser;

    @BeforeAll
    static void start() {
        browser = BrowserHarness.start(); // first: skips the class before a database starts when Chromium is missing
        server = new ServerHarness(data, new MailSettings(Optional.empty(), MailSettings.OUTBOX.from(), Duration.ZERO), Clock.systemUTC());
        String fjord = server.send("POST", "/api/v1/tenants", ServerHarness.ADMIN_KEY,
                "{\"slug\":\"fjord\",\"name\":\"Fjord Fagskole\",\"url\":\"https://fjord.example\",\"locale\":\"nb\"}").json().get("apiKey").asText();
        long weld = server.send("POST", "/api/v1/achievements", fjord, """
                {"name": "Sveising på høyt nivå – æøå 🔥 Wolfeschlegelsteinhausenbergerdorff", "kind": "certification", "description": "Bestått.", "criteria": "70 %."}""")
                .json().get("id").asLong();
        for (String name : new String[] {"Kari Nordmann", "<b>Zoë</b> שרה כהן 👩🏽‍🎓 " + "Wolfeschlegelsteinhausenbergerdorff".repeat(2), "Ola Ås"}) {
            var issued = server.send("POST", "/api/v1/credentials", fjord, "{\"achievementId\": " + weld + ", \"recipient\": {\"name\": "
                    + ServerHarness.JSON.valueToTree(name) + ", \"email\": \"" + name.length() + ".a.rather.long.address.for.a.phone@subdomain.fjord.example\"}}");
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        }
        server.credence.mailWorker().runDue();
        server.send("POST", "/api/v1/users", fjord, """
                {"email": "issuer@fjord.example", "name": "Ida", "role": "issuer", "password": "a long enough passphrase"}""");
        browser.driver().manage().window().setSize(new Dimension(390, 1400));
    }

    @AfterAll
    static void stop() {
        BrowserHarness.closeBoth(browser, server);
    }

    @Test
    void an_issuer_on_a_phone_finds_a_credential_and_resends_its_claim_link() {
        browser.open(server.base() + "/app/credentials?lang=nb");
        browser.driver().findElement(By.name("tenant")).sendKeys("fjord");
        browser.driver().findElement(By.name("email")).sendKeys("issuer@fjord.example");
        browser.driver().findElement(By.name("password")).sendKeys("a long enough passphrase");
        submit(browser.driver().findElement(By.cssSelector("form button[type=submit]")));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/app/credentials?lang=nb");
        assertThat(browser.driver().findElements(By.cssSelector("table.credentials tbody tr"))).hasSize(3);
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("<b>Zoë</b>").contains("Sendt").contains("Ikke ennå");
        assertFits();
        browser.assertAccessible("/app/credentials on a phone, in Norwegian");
        browser.screenshot("issuer-credentials-nb-narrow");

        WebElement search = browser.driver().findElement(By.name("q"));
        search.sendKeys("kari");
        submit(browser.driver().findElement(By.cssSelector("form.filter button[type=submit]")));
        assertThat(browser.driver().findElements(By.cssSelector("table.credentials tbody tr"))).hasSize(1);
        // Resend asks first (no JavaScript needed), then comes back to the same search
        submit(browser.driver().findElement(By.cssSelector("table.credentials a.button")));
        assertThat(browser.driver().getCurrentUrl()).contains("/resend?q=kari&from=list");
        browser.assertAccessible("the resend confirmation step on a phone, in Norwegian");
        submit(browser.driver().findElement(By.cssSelector("form.stacked button[type=submit]")));
        assertThat(browser.driver().getCurrentUrl()).contains("q=kari").contains("notice=resent").contains("lang=nb");
        assertThat(browser.driver().findElement(By.cssSelector(".notice")).getText()).contains("En ny hentelenke for CRD-");
        assertThat(browser.driver().findElement(By.cssSelector("table.credentials tbody tr")).getText()).contains("I kø");
        assertFits();
        browser.screenshot("issuer-credentials-resent-nb-narrow");
        browser.driver().manage().window().setSize(new Dimension(BrowserHarness.WIDTH, BrowserHarness.HEIGHT));
        browser.open(server.base() + "/app/credentials");
        assertThat(browser.driver().findElement(By.cssSelector("table.credentials thead")).isDisplayed()).as("a table on a wide screen").isTrue();
        assertFits();
        browser.assertAccessible("/app/credentials on a desktop");
        browser.screenshot("issuer-credentials-en-wide");
    }

    private static void submit(WebElement button) {
        browser.clickAndWaitForNewPage(button);
    }

    /** Nothing wider than the window, long unbroken names too: no sideways scrolling. */
    private static void assertFits() {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long client = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
        assertThat(scroll).as("page width").isLessThanOrEqualTo(client);
    }
}
