package org.credence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: real pages in a real browser.
 * Tests that use it are tagged {@code @Tag("browser")}; on a machine without the two packages
 * they are skipped (an assumption, with the fix in its message), so a plain {@code mvn verify}
 * still passes there; under {@code CI=true} they fail instead. {@code .ci/run} installs both. Nothing is
 * downloaded at test time.
 */
final class BrowserHarness implements AutoCloseable {
    static final Path CHROMEDRIVER = Path.of(System.getProperty("credence.chromedriver", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getProperty("credence.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int WIDTH = 1280;
    static final int HEIGHT = 1024;

    private final ChromeDriver driver;

    private BrowserHarness(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A headless Chromium with JavaScript on; skips the calling test when Chromium is not installed. */
    static BrowserHarness start() {
        return start(true);
    }

    /** The same browser with JavaScript off, to prove a page works without it. */
    static BrowserHarness withoutJavaScript() {
        return start(false);
    }

    private static BrowserHarness start(boolean javascript) {
        requireBrowser(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM), System.getenv());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start;
        // --disable-dev-shm-usage: containers give /dev/shm 64 MB, too little for a renderer;
        // a fixed window and scale factor make screenshots comparable from run to run
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + WIDTH + "," + HEIGHT, "--force-device-scale-factor=1", "--hide-scrollbars",
                "--no-first-run", "--disable-extensions", "--disable-background-networking", "--lang=en-GB");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        // the driver is given, so Selenium Manager never looks for (or downloads) one
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new BrowserHarness(driver);
    }

    /**
     * Skips the calling test when the browser is not installed, except under {@code CI=true}: there a skipped
     * browser test would pass the build without having run, so it fails instead.
     */
    static void requireBrowser(boolean installed, Map<String, String> env) {
        String missing = "no " + CHROMEDRIVER + " or " + CHROMIUM
                + " — run .ci/run (it installs Debian's chromium and chromium-driver), or apt-get install chromium chromium-driver";
        if (!installed && "true".equalsIgnoreCase(env.getOrDefault("CI", ""))) {
            throw new AssertionError("CI=true, so browser tests must run, but there is " + missing);
        }
        Assumptions.assumeTrue(installed, "browser test skipped: " + missing);
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a URL and waits for the page to load. */
    BrowserHarness open(String url) {
        driver.get(url);
        return this;
    }

    /**
     * Clicks something that loads a new page and waits until the old page is gone. While the old
     * document is torn down chromedriver may say "Node with given id does not belong to the
     * document" instead of a stale element: that means gone too.
     */
    void clickAndWaitForNewPage(org.openqa.selenium.WebElement target) {
        org.openqa.selenium.WebElement old = driver.findElement(org.openqa.selenium.By.tagName("html"));
        target.click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    /**
     * Forgets a language picked with {@code ?lang=} (the server remembers it in the {@code lang} cookie), so the next
     * page is in the browser's own language again: for a test that expects English after another test picked Norwegian.
     */
    BrowserHarness forgetLanguage() {
        if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith("http")) {
            driver.manage().deleteCookieNamed("lang");
        }
        return this;
    }

    /** The width of a phone (an iPhone 12–15 in portrait), for the pages' small-screen checks. */
    static final int PHONE_WIDTH = 390;

    /** Shows pages as a phone would: 390 px wide. */
    BrowserHarness phone() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(PHONE_WIDTH, 844));
        return this;
    }

    /** Shows pages as a desktop would: the default 1280 × 1024. */
    BrowserHarness desktop() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(WIDTH, HEIGHT));
        return this;
    }

    /**
     * Checks the page shown with axe-core against WCAG 2.1 A and AA and fails on any serious or
     * critical violation, naming each rule and the elements it found.
     */
    void assertAccessible(String page) {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        java.util.List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(5).toList())
                .toList();
        if (!serious.isEmpty()) {
            throw new AssertionError(page + " has accessibility violations:\n" + String.join("\n", serious));
        }
    }

    /** Signs in at {@code base}/login as the given user and waits for the page after it. */
    BrowserHarness signIn(String base, String tenant, String email, String password) {
        open(base + "/login");
        driver.findElement(org.openqa.selenium.By.name("tenant")).sendKeys(tenant);
        driver.findElement(org.openqa.selenium.By.name("email")).sendKeys(email);
        driver.findElement(org.openqa.selenium.By.name("password")).sendKeys(password);
        clickAndWaitForNewPage(driver.findElement(org.openqa.selenium.By.cssSelector("form button[type=submit]")));
        return this;
    }

    /** Fails when the page is wider than the window (sideways scrolling on a phone). */
    void assertFitsWidth(String page) {
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long client = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
        if (scroll > client) {
            throw new AssertionError(page + " is " + scroll + " px wide in a " + client + " px window");
        }
    }

    /** Saves what the browser shows now as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        Path target = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Ends a browser test class: its browser and its server, either of which may never have started. */
    static void closeBoth(BrowserHarness browser, ServerHarness server) {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
