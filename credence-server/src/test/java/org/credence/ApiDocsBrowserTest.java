package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Under the pages' Content-Security-Policy (no inline script) Swagger UI and the front page still work in Chromium. */
@Tag("browser")
class ApiDocsBrowserTest {
    @TempDir
    Path data;

    @Test
    void swagger_ui_draws_the_contract_and_the_front_page_links_to_it() {
        try (BrowserHarness browser = BrowserHarness.start(); ServerHarness server = new ServerHarness(data)) {
            browser.open(server.base() + "/");
            browser.clickAndWaitForNewPage(browser.driver().findElement(By.id("home-api")));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .info .title")));
            assertThat(browser.driver().findElement(By.cssSelector(".swagger-ui .info .title")).getText()).contains("Credence");
            assertThat(browser.driver().findElements(By.cssSelector(".opblock"))).hasSizeGreaterThan(20);
        }
    }
}
