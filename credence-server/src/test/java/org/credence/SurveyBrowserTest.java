package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.credence.delivery.MailSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The public survey form in Chromium with JavaScript off: every field labelled, answered by clicking labels, once. */
@Tag("integration")
class SurveyBrowserTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static BrowserHarness browser;
    static MovableClock clock = new MovableClock();

    @BeforeAll
    static void start() {
        browser = BrowserHarness.withoutJavaScript(); // first: skips the class before a database starts when Chromium is missing
        server = new ServerHarness(data, new MailSettings(Optional.empty(), MailSettings.OUTBOX.from(), Duration.ZERO), clock);
    }

    @AfterAll
    static void stop() {
        BrowserHarness.closeBoth(browser, server);
    }

    @Test
    void a_norwegian_earner_answers_the_survey_without_javascript_by_clicking_labels() throws Exception {
        String key = server.send("POST", "/api/v1/tenants", ServerHarness.ADMIN_KEY,
                "{\"slug\":\"fjord\",\"name\":\"Fjord Fagskole\",\"url\":\"https://fjord.example\",\"locale\":\"nb\"}").json().get("apiKey").asText();
        long achievement = server.achievement(key);
        server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement
                + ", \"recipient\": {\"name\": \"Kari Nordmann\", \"email\": \"kari@example.no\"}, \"notify\": false}");
        server.send("PUT", "/api/v1/achievements/" + achievement + "/survey", key, """
                {"waveMonths": [6], "items": [{"id": "useful", "type": "scale", "label": {"en": "Useful?", "nb": "Nyttig?"}}]}""");
        clock.advance(Duration.ofDays(184));
        server.credence.surveys().scan().run();
        server.credence.mailWorker().runDue();
        String token;
        try (Stream<Path> mails = Files.list(data.resolve("outbox"))) {
            StringBuilder all = new StringBuilder();
            for (Path file : mails.toList()) {
                try (var in = Files.newInputStream(file)) {
                    var mail = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()), in);
                    all.append(MailDeliveryTest.textPart(mail)).append('\n');
                }
            }
            Matcher m = SurveyTest.FORM_LINK.matcher(all);
            assertThat(m.find()).as(all.toString()).isTrue();
            token = m.group(1);
        }

        browser.driver().get(server.base() + "/s/" + token);
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nb");
        for (WebElement input : browser.driver().findElements(By.cssSelector("form input:not([type=hidden]), form textarea"))) {
            String id = input.getAttribute("id");
            boolean labelled = !input.findElements(By.xpath("ancestor::label")).isEmpty()
                    || id != null && !browser.driver().findElements(By.cssSelector("label[for='" + id + "']")).isEmpty();
            assertThat(labelled).as("label of " + input.getAttribute("name")).isTrue();
        }
        browser.driver().findElement(By.xpath("//label[input[@name='satisfaction' and @value='4']]")).click();
        browser.driver().findElement(By.xpath("//label[input[@name='skill' and @value='yes']]")).click();
        browser.driver().findElement(By.xpath("//label[input[@name='career' and @value='new_responsibilities']]")).click();
        browser.driver().findElement(By.xpath("//label[input[@name='c_useful' and @value='5']]")).click();
        browser.driver().findElement(By.id("impact")).sendKeys("8000");
        browser.driver().findElement(By.id("attribution")).sendKeys("50");
        browser.driver().findElement(By.id("confidence")).sendKeys("70");
        browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Takk");

        browser.driver().get(server.base() + "/s/" + token);
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Allerede besvart");
        assertThat(server.send("GET", "/api/v1/analytics/surveys?achievement=" + achievement, key, null).json().at("/earners/answered").asInt())
                .isEqualTo(1);
    }
}
