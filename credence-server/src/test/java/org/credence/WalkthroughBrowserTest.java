package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** What the walkthrough met only in a browser: layouts that did not fit a 390 px phone. */
@Tag("browser")
class WalkthroughBrowserTest {
    static final String PASSWORD = "a long enough passphrase";
    @TempDir
    static Path data;
    static ServerHarness server;
    static BrowserHarness browser;

    @BeforeAll
    static void start() {
        browser = BrowserHarness.start();
        server = new ServerHarness(data);
        String key = server.tenant("fjord");
        server.achievement(key);
        server.user(key, "owner@fjord.example", "owner", PASSWORD);
    }

    @AfterAll
    static void stop() {
        BrowserHarness.closeBoth(browser, server);
    }

    @Test
    void the_board_report_fits_a_phone_in_english_and_norwegian() {
        // its two columns were 3fr 2fr at every width and its figure tables had no scroll box: 1,092 px wide on a phone
        browser.phone().signIn(server.base(), "fjord", "owner@fjord.example", PASSWORD);
        for (String lang : new String[] {"en", "nb"}) {
            browser.open(server.base() + "/app/reports/board?lang=" + lang);
            assertThat(browser.driver().findElement(By.id("section-operations")).isDisplayed()).isTrue();
            browser.assertFitsWidth("/app/reports/board?lang=" + lang + " on a phone");
            browser.assertAccessible("/app/reports/board?lang=" + lang + " on a phone");
            browser.screenshot("walkthrough-board-phone-" + lang);
        }
        browser.desktop().open(server.base() + "/app/reports/board");
        browser.assertFitsWidth("/app/reports/board on a desktop");
    }
}
