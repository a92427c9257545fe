package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issuing in a browser: an issuer uploads a CSV, maps its columns, reads the dry run, starts the job, watches it finish
 * and fetches the result file; an owner issues one credential with the form while the preview follows the typing; the
 * form also works without JavaScript. Phone and desktop, each page checked with axe-core.
 */
@Tag("browser")
class IssuingBrowserTest {
    private static final String PASSWORD = "a long enough passphrase";
    @TempDir
    static Path data;
    @TempDir
    static Path files;
    static ServerHarness server;
    static BrowserHarness browser;
    static long achievement;

    @BeforeAll
    static void start() {
        browser = BrowserHarness.start();
        server = new ServerHarness(data);
        String key = server.tenant("fjord");
        achievement = server.achievement(key);
        server.user(key, "owner@fjord.example", "owner", PASSWORD);
        server.user(key, "issuer@fjord.example", "issuer", PASSWORD);
    }

    @AfterAll
    static void stop() {
        BrowserHarness.closeBoth(browser, server);
    }

    @BeforeEach
    void signOut() {
        // each journey signs in as its own person
        browser.open(server.base() + "/login");
        driver().manage().deleteAllCookies();
    }

    private static WebDriver driver() {
        return browser.driver();
    }

    private static void click(String css) {
        browser.clickAndWaitForNewPage(driver().findElement(By.cssSelector(css)));
    }

    @Test
    void an_issuer_uploads_a_csv_maps_its_columns_reads_the_dry_run_and_watches_the_job_finish() throws Exception {
        Path csv = files.resolve("spring-cohort.csv");
        Files.writeString(csv, """
                Full Name,Mail,Cohort,Score
                Nora Berg,nora@fjord.example,Spring,A
                Ola Nordmann,not an address,Spring,B
                Kari Holm,kari@fjord.example,Spring,C
                """, StandardCharsets.UTF_8);
        browser.desktop().signIn(server.base(), "fjord", "issuer@fjord.example", PASSWORD).open(server.base() + "/app/issuance-jobs");
        browser.assertAccessible("/app/issuance-jobs");
        browser.phone().assertFitsWidth("/app/issuance-jobs on a phone");
        browser.assertAccessible("/app/issuance-jobs on a phone");
        browser.desktop();
        driver().findElement(By.id("file")).sendKeys(csv.toString());
        click("form[enctype] button[type=submit]");

        // the mapping step: the matcher's guesses filled in, the person keeps the cohort as a custom field
        assertThat(driver().getCurrentUrl()).contains("/app/issuance-jobs/uploads/");
        assertThat(new Select(driver().findElement(By.id("column-0"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("name");
        assertThat(new Select(driver().findElement(By.id("column-1"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("email");
        assertThat(new Select(driver().findElement(By.id("column-3"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("grade");
        new Select(driver().findElement(By.id("column-2"))).selectByValue("custom");
        new Select(driver().findElement(By.id("achievementForAll"))).selectByValue(String.valueOf(achievement));
        browser.assertAccessible("column mapping");
        browser.phone().assertFitsWidth("column mapping on a phone");
        browser.assertAccessible("column mapping on a phone");
        browser.screenshot("issuing-mapping-phone");
        browser.desktop();
        click("form.stacked button[type=submit]");

        // the dry run: counts, and the bad row by its line
        assertThat(driver().findElement(By.id("count-total")).getText()).isEqualTo("3");
        assertThat(driver().findElement(By.id("count-issuable")).getText()).isEqualTo("2");
        assertThat(driver().findElement(By.id("problems")).getText()).contains("3", "not an address");
        browser.assertAccessible("dry run");
        browser.screenshot("issuing-dry-run-desktop");
        browser.phone().assertFitsWidth("dry run on a phone");
        browser.assertAccessible("dry run on a phone");
        browser.desktop();
        click("#start");

        // the job page follows the job by itself until it is over, then shows the final counts
        assertThat(driver().getCurrentUrl()).matches(".*/app/issuance-jobs/\\d+\\?notice=started");
        new WebDriverWait(driver(), Duration.ofSeconds(90)).until(d -> {
            try {
                return "true".equals(d.findElement(By.id("job")).getAttribute("data-over"));
            } catch (org.openqa.selenium.WebDriverException reloading) {
                return false;
            }
        });
        assertThat(driver().findElement(By.id("job-issued")).getText()).isEqualTo("2");
        assertThat(driver().findElement(By.id("job-failed")).getText()).isEqualTo("1");
        assertThat(driver().findElement(By.id("job-progress")).getAttribute("value")).isEqualTo("3");
        assertThat(driver().findElements(By.id("cancel"))).isEmpty();
        browser.assertAccessible("finished job");
        browser.screenshot("issuing-job-finished-desktop");
        browser.phone().assertFitsWidth("finished job on a phone");
        browser.assertAccessible("finished job on a phone");
        browser.screenshot("issuing-job-finished-phone");

        // the result file, fetched as the browser's download would be, with the page's session
        String href = driver().findElement(By.id("result")).getAttribute("href");
        String result = (String) ((JavascriptExecutor) driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", href);
        assertThat(result).contains("custom_Cohort", "issued,Nora Berg", "failed,Ola Nordmann", "Spring");
        browser.desktop();
    }

    @Test
    void an_owner_issues_one_credential_with_the_form_and_the_preview_follows_the_typing() {
        browser.phone().signIn(server.base(), "fjord", "owner@fjord.example", PASSWORD).open(server.base() + "/app/issue");
        browser.assertFitsWidth("/app/issue on a phone");
        browser.assertAccessible("/app/issue on a phone");
        String before = driver().findElement(By.id("certificate-preview")).getAttribute("src");
        driver().findElement(By.id("name")).sendKeys("Ingrid Fjell");
        driver().findElement(By.id("grade")).sendKeys("Distinction");
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> d.findElement(By.id("certificate-preview")).getAttribute("src")
                .contains("name=Ingrid%20Fjell"));
        String after = driver().findElement(By.id("certificate-preview")).getAttribute("src");
        assertThat(after).isNotEqualTo(before).contains("achievement=" + achievement, "grade=Distinction");
        browser.screenshot("issuing-form-phone");
        browser.desktop();
        driver().findElement(By.id("email")).sendKeys("ingrid@fjord.example");
        browser.assertAccessible("/app/issue filled in");
        browser.screenshot("issuing-form-desktop");
        click("#issue-form button[type=submit]");
        assertThat(driver().getCurrentUrl()).matches(".*/app/credentials/CRD-[0-9A-Z-]+\\?notice=issued");
    }

    @Test
    void the_form_works_without_javascript_field_errors_included() {
        try (BrowserHarness plain = BrowserHarness.withoutJavaScript()) {
            plain.desktop().signIn(server.base(), "fjord", "owner@fjord.example", PASSWORD).open(server.base() + "/app/issue?lang=nb");
            plain.driver().findElement(By.id("name")).sendKeys("Per Uten Skript");
            plain.driver().findElement(By.id("email")).sendKeys("ikke en adresse");
            plain.clickAndWaitForNewPage(plain.driver().findElement(By.cssSelector("#issue-form button[type=submit]")));
            assertThat(plain.driver().findElement(By.id("email-error")).getText()).contains("e-postadresse");
            assertThat(plain.driver().findElement(By.id("name")).getAttribute("value")).isEqualTo("Per Uten Skript");
            plain.assertAccessible("/app/issue with a field error, without JavaScript");
            plain.screenshot("issuing-form-error-nojs");
            plain.driver().findElement(By.id("email")).clear();
            plain.driver().findElement(By.id("email")).sendKeys("per@fjord.example");
            plain.clickAndWaitForNewPage(plain.driver().findElement(By.cssSelector("#issue-form button[type=submit]")));
            assertThat(plain.driver().getCurrentUrl()).matches(".*/app/credentials/CRD-[0-9A-Z-]+\\?notice=issued&lang=nb");
        }
    }
}
