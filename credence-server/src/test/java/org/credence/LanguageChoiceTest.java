package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A language picked with {@code ?lang=} sticks (the {@code lang} cookie) through sign-in, POST-redirect-GET and links
 * without it, on app, public and recipient pages, whatever the browser's Accept-Language prefers. Each journey is a
 * browser-like client over real HTTP: it keeps cookies, follows redirects and sends one Accept-Language throughout.
 */
@Tag("integration")
class LanguageChoiceTest {
    static final String PASSWORD = "a long enough passphrase";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String number;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        String key = server.tenant("lingo");
        server.user(key, "owner@lingo.example", "owner", PASSWORD);
        long achievement = server.achievement(key);
        var issued = server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement
                + ", \"recipient\": {\"name\": \"Kari Nordmann\", \"email\": \"kari@example.org\"}, \"notify\": false}");
        assertThat(issued.status()).isEqualTo(201);
        number = issued.json().get("number").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void english_picked_on_a_norwegian_browser_survives_sign_in_a_form_and_its_redirect() {
        Browser browser = new Browser("nb-NO,nb;q=0.9,en;q=0.5");
        assertThat(language(browser.get("/login").body())).as("the browser's preference first").isEqualTo("nb");
        assertThat(language(browser.get("/login?lang=en").body())).isEqualTo("en");
        // the login form posts to /login?lang=en and redirects to /app, which names no language
        HttpResponse<String> home = browser.post("/login", "tenant", "lingo", "email", "owner@lingo.example", "password", PASSWORD, "next", "/app");
        assertThat(home.uri().getPath()).isEqualTo("/app");
        assertThat(language(home.body())).isEqualTo("en");
        // a form whose redirect drops the language (the chain check's button answers with /app/audit?notice=rechecked)
        String audit = browser.get("/app/audit").body();
        assertThat(language(audit)).isEqualTo("en");
        HttpResponse<String> after = browser.post("/app/audit/recheck", "csrf", csrf(audit), "lang", "en");
        assertThat(after.uri().getQuery()).isEqualTo("notice=rechecked");
        assertThat(language(after.body())).isEqualTo("en");
        // pages outside /app: the public credential page, its verification and the recipient's sign-in
        assertThat(language(browser.get("/c/" + number).body())).isEqualTo("en");
        assertThat(language(browser.get("/verify/" + number).body())).isEqualTo("en");
        assertThat(language(browser.get("/me").body())).isEqualTo("en");
    }

    @Test
    void norwegian_picked_on_an_english_browser_survives_sign_in_and_the_pages_after_it() {
        Browser browser = new Browser("en-GB,en;q=0.9");
        assertThat(language(browser.get("/c/" + number).body())).isEqualTo("en");
        assertThat(language(browser.get("/c/" + number + "?lang=nb").body())).isEqualTo("nb");
        assertThat(language(browser.get("/verify/" + number).body())).isEqualTo("nb");
        assertThat(language(browser.get("/me").body())).isEqualTo("nb");
        HttpResponse<String> home = browser.post("/login", "tenant", "lingo", "email", "owner@lingo.example", "password", PASSWORD, "next", "/app/users");
        assertThat(home.uri().getPath()).isEqualTo("/app/users");
        assertThat(language(home.body())).isEqualTo("nb");
        // ?lang= still wins over the cookie, and changes it
        assertThat(language(browser.get("/app/users?lang=en").body())).isEqualTo("en");
        assertThat(language(browser.get("/app").body())).isEqualTo("en");
    }

    @Test
    void the_app_bars_language_switch_changes_the_language_of_the_pages_after_it() {
        Browser browser = new Browser("en-GB,en;q=0.9");
        String home = browser.post("/login", "tenant", "lingo", "email", "owner@lingo.example", "password", PASSWORD, "next", "/app/audit").body();
        Matcher toNorwegian = Pattern.compile("<a href=\"([^\"]+)\" id=\"app-bar-language\" lang=\"nb\" hreflang=\"nb\">Norsk</a>").matcher(home);
        assertThat(toNorwegian.find()).as("the switch on an English page").isTrue();
        assertThat(toNorwegian.group(1)).isEqualTo("/app/audit?lang=nb");
        String norwegian = browser.get(toNorwegian.group(1)).body();
        assertThat(language(norwegian)).isEqualTo("nb");
        assertThat(norwegian).contains("id=\"app-bar-language\" lang=\"en\" hreflang=\"en\">English</a>");
        assertThat(language(browser.get("/app/credentials").body())).isEqualTo("nb");
    }

    @Test
    void the_cookie_holds_only_a_language_this_server_speaks_and_no_script_or_other_site_reads_it() {
        var answer = server.page("/verify?lang=%3Cscript%3E", null);
        String cookie = answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("lang=")).findFirst().orElseThrow();
        assertThat(cookie).startsWith("lang=en;").contains("Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=");
        // a cookie that already says so is not set again
        var again = server.sendBytes("GET", "/verify?lang=en", null, null, "Cookie", "lang=en");
        assertThat(again.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("lang="));
        // the API remembers nothing
        assertThat(server.page("/api/v1/verify/CRD-NONE-NONE-NO?lang=nb", null).headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("lang="));
        // a cookie with junk in it reads as English
        var junk = server.sendBytes("GET", "/verify", null, null, "Cookie", "lang=xx", "Accept-Language", "nb");
        assertThat(language(junk.body())).isEqualTo("en");
    }

    private static String language(String page) {
        Matcher m = Pattern.compile("<html lang=\"([a-z]+)\"").matcher(page);
        assertThat(m.find()).as("an HTML page").isTrue();
        return m.group(1);
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** A client that behaves as a browser here: keeps cookies, follows redirects (POST then GET), one Accept-Language. */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        private final String acceptLanguage;

        Browser(String acceptLanguage) {
            this.acceptLanguage = acceptLanguage;
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(server.base() + path)).GET());
        }

        HttpResponse<String> post(String path, String... fields) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < fields.length; i += 2) {
                body.append(body.isEmpty() ? "" : "&").append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
            }
            return send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.header("Accept-Language", acceptLanguage).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
