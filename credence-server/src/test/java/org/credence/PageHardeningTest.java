package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTML pages carry a Content-Security-Policy that runs no inline script, refuse framing and MIME
 * sniffing, name only our origin to other sites; signed-in pages are not cached; the recipient's
 * forms refuse a post from another site even without Sec-Fetch-Site; {@code /} is a page.
 */
@Tag("integration")
class PageHardeningTest {
    static final String FORM = "application/x-www-form-urlencoded";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static String number;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("pages");
        long achievement = server.achievement(key);
        number = server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement
                + ", \"recipient\": {\"name\": \"Ada\", \"email\": \"ada@example.org\"}}").json().get("number").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String header(ServerHarness.Response response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void every_page_has_a_policy_without_inline_script_and_no_framing_or_sniffing() {
        for (String path : List.of("/", "/?lang=nb", "/verify", "/verify/" + number, "/c/" + number, "/login", "/me", "/api/docs",
                "/claim/unknown-token", "/me/sign-in/unknown-token")) {
            var page = server.send("GET", path, null, null);
            assertThat(header(page, "Content-Type")).as(path).startsWith("text/html");
            String policy = header(page, "Content-Security-Policy");
            assertThat(policy).as(path).contains("script-src 'self'").contains("frame-ancestors 'none'").contains("default-src 'none'")
                    .doesNotContain("unsafe-eval");
            assertThat(policy.replaceAll("style-src[^;]*", "")).as(path).doesNotContain("unsafe-inline");
            assertThat(header(page, "X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(header(page, "Referrer-Policy")).as(path).isIn("strict-origin-when-cross-origin", "same-origin");
            // no inline script: every <script> has a src, and no element has an on… handler
            Matcher script = Pattern.compile("<script([^>]*)>").matcher(page.body());
            while (script.find()) {
                assertThat(script.group(1)).as(path + ": " + script.group()).contains("src=");
            }
            assertThat(page.body()).as(path).doesNotContainPattern("\\son[a-z]+=\"").doesNotContain("javascript:");
        }
    }

    @Test
    void a_head_request_for_a_page_carries_the_same_protective_headers_as_its_get() {
        for (String path : List.of("/", "/verify", "/verify/" + number, "/c/" + number, "/login")) {
            var head = server.send("HEAD", path, null, null);
            assertThat(head.status()).as(path).isEqualTo(200);
            assertThat(header(head, "Content-Security-Policy")).as(path).contains("frame-ancestors 'none'");
            assertThat(header(head, "X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(header(head, "X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(header(head, "Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
        }
    }

    @Test
    void the_scripts_the_pages_name_are_served_by_the_app() {
        for (String path : List.of("/static/copy-link.js", "/static/charts.js", "/static/api-docs.js")) {
            var script = server.send("GET", path, null, null);
            assertThat(script.status()).as(path).isEqualTo(200);
            assertThat(header(script, "Content-Type")).as(path).contains("javascript");
        }
        assertThat(server.send("GET", "/c/" + number, null, null).body()).contains("<script src=\"/static/copy-link.js\"></script>");
    }

    @Test
    void api_answers_are_not_sniffed_either() {
        assertThat(header(server.send("GET", "/api/v1/credentials", key, null), "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(server.send("GET", "/api/v1/nothing-here", key, null), "X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void signed_in_pages_are_never_cached() {
        server.send("POST", "/api/v1/users", key, "{\"email\": \"owner@pages.example\", \"name\": \"O\", \"role\": \"owner\", \"password\": \"correct horse battery\"}");
        var login = server.form("/login", null, "tenant", "pages", "email", "owner@pages.example", "password", "correct horse battery");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("credence_session=")).findFirst().orElseThrow();
        cookie = cookie.substring(0, cookie.indexOf(';'));
        for (String path : List.of("/app", "/app/credentials", "/app/users", "/app/analytics", "/me")) {
            var page = server.sendBytes("GET", path, null, null, "Cookie", cookie);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(header(page, "Cache-Control")).as(path).contains("no-store");
        }
    }

    @Test
    void a_recipient_form_from_another_site_is_refused_without_sec_fetch_site() {
        String[][] foreign = {{"Origin", "https://evil.example"}, {"Origin", "null"}, {"Referer", "https://evil.example/page"},
                {"Origin", "http://localhost:1"}};
        for (String[] from : foreign) {
            for (String path : List.of("/claim", "/me/sign-in", "/me/sign-in/" + "A".repeat(43), "/claim/" + "A".repeat(43),
                    "/me/logout", "/me/credentials/" + number + "/privacy")) {
                var refused = server.send("POST", path, null, "number=x&tenant=pages&email=a%40example.org&visibility=public", "Content-Type", FORM,
                        from[0], from[1]);
                assertThat(refused.status()).as(path + " from " + from[1]).isEqualTo(403);
                assertThat(refused.body()).as(path).contains("another website");
            }
        }
        // a browser that sends Sec-Fetch-Site is believed: under no-referrer it sends "Origin: null" with our own forms
        assertThat(server.send("POST", "/claim", null, "number=x", "Content-Type", FORM, "Origin", "null", "Sec-Fetch-Site", "same-origin").status())
                .isEqualTo(200);
        assertThat(server.send("POST", "/claim", null, "number=x", "Content-Type", FORM, "Origin", server.base(), "Sec-Fetch-Site", "same-site").status())
                .isEqualTo(403);
        // our own origin, or no origin at all (an old browser), goes through to the form's own checks
        assertThat(server.send("POST", "/claim", null, "number=x", "Content-Type", FORM, "Origin", server.base()).status()).isEqualTo(200);
        assertThat(server.send("POST", "/claim", null, "number=x", "Content-Type", FORM, "Referer", server.base() + "/claim/x").status()).isEqualTo(200);
        assertThat(server.send("POST", "/claim", null, "number=x", "Content-Type", FORM).status()).isEqualTo(200);
    }

    @Test
    void the_front_page_links_to_verifying_signing_in_and_the_api_in_english_and_norwegian() {
        var en = server.send("GET", "/", null, null);
        assertThat(en.status()).isEqualTo(200);
        assertThat(en.body()).contains("<html lang=\"en\"").contains("href=\"/verify\"").contains("href=\"/login\"").contains("href=\"/api/docs\"")
                .contains("Verify a credential");
        var nb = server.send("GET", "/", null, null, "Accept-Language", "nb-NO,nb;q=0.9");
        assertThat(nb.body()).contains("<html lang=\"nb\"").contains("Verifiser et kompetansebevis").contains("href=\"/verify?lang=nb\"");
        assertThat(server.send("GET", "/?lang=nb", null, null).body()).contains("Logg inn");
    }
}
