package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The organisation's settings pages over HTTP: each change is saved, audited as the signed-in user and
 * answered alike by the API; refused roles get 403; another tenant's data is never shown.
 */
class SettingsPagesTest {
    static final String PASSWORD = "a long enough passphrase";
    static final String PUBLIC_HOOK = "https://93.184.216.34/credence-hooks";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static String otherKey;
    static long achievement;
    static String owner;
    static String analyst;
    static String viewer;
    static String otherOwner;

    @BeforeAll
    static void start() {
        // loopback is refused for webhooks here, as in production (CREDENCE_FETCH_PRIVATE_NETWORKS unset)
        server = new ServerHarness(data);
        key = server.tenant("fjell");
        otherKey = server.tenant("dal");
        achievement = server.achievement(key);
        for (String role : new String[] {"owner", "analyst", "viewer"}) {
            server.user(key, role + "@fjell.example", role, PASSWORD);
        }
        server.user(otherKey, "owner@dal.example", "owner", PASSWORD);
        owner = server.signIn("fjell", "owner@fjell.example", PASSWORD);
        analyst = server.signIn("fjell", "analyst@fjell.example", PASSWORD);
        viewer = server.signIn("fjell", "viewer@fjell.example", PASSWORD);
        otherOwner = server.signIn("dal", "owner@dal.example", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ServerHarness.Response page(String path, String cookie) {
        return server.page(path, cookie);
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    /** Posts a form with the CSRF token of {@code from} (a page of the same session). */
    static ServerHarness.Response post(String path, String cookie, String from, String... fields) {
        String[] all = new String[fields.length + 2];
        all[0] = "csrf";
        all[1] = csrf(page(from, cookie).body());
        System.arraycopy(fields, 0, all, 2, fields.length);
        return server.sendBytes("POST", path, null, form(all), "Content-Type", "application/x-www-form-urlencoded",
                "Cookie", "credence_session=" + cookie, "Origin", server.base());
    }

    static byte[] form(String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(fields[i]).append('=')
                    .append(java.net.URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode audit(String apiKey) {
        return server.send("GET", "/api/v1/audit", apiKey, null).json().get("items");
    }

    static boolean audited(String apiKey, String action, String actorPrefix) {
        for (JsonNode event : audit(apiKey)) {
            if (event.path("action").asText().equals(action) && event.path("actor").asText().startsWith(actorPrefix)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void an_owner_changes_the_branding_colours_and_the_api_answers_the_same() throws Exception {
        var shown = page("/app/branding", owner);
        OpenApiContractTest.check("/app/branding", "get", shown);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("class=\"app-bar\"", "Main colour", "LinkedIn organisation id", "/app/branding/mails")
                .doesNotContain("<script");
        var saved = post("/app/branding", owner, "/app/branding", "primaryColour", "#0A5C36", "accentColour", "#f2a900", "pageSize", "Letter",
                "linkedinOrganizationId", "424242", "lang", "en");
        OpenApiContractTest.check("/app/branding", "post", saved);
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).isEqualTo("/app/branding?notice=saved");
        JsonNode api = server.send("GET", "/api/v1/branding", key, null).json();
        assertThat(api.get("primaryColour").asText()).isEqualTo("#0a5c36");
        assertThat(api.get("accentColour").asText()).isEqualTo("#f2a900");
        assertThat(api.get("pageSize").asText()).isEqualTo("Letter");
        assertThat(api.get("linkedinOrganizationId").asText()).isEqualTo("424242");
        assertThat(page("/app/branding?notice=saved", owner).body()).contains("value=\"#0a5c36\"", "Saved.");
        assertThat(audited(key, "branding.update", "user:")).isTrue();

        var bad = post("/app/branding", owner, "/app/branding", "primaryColour", "green", "accentColour", "#f2a900", "pageSize", "A4");
        OpenApiContractTest.check("/app/branding", "post", bad);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("primaryColour must be a colour as #rrggbb", "value=\"green\"", "aria-invalid=\"true\"");

        var language = post("/app/branding/language", owner, "/app/branding", "language", "nb");
        OpenApiContractTest.check("/app/branding/language", "post", language);
        assertThat(language.status()).isEqualTo(303);
        String locale = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT locale FROM tenant WHERE slug = 'fjell'").mapTo(String.class).one());
        assertThat(locale).isEqualTo("nb");
        assertThat(audited(key, "branding.language.set", "user:")).isTrue();
        post("/app/branding/language", owner, "/app/branding", "language", "en");

        String boundary = "----settings-test";
        byte[] png = BadgeAndBrandingTest.png(120, 40, Color.BLUE);
        byte[] head = (OutcomeImportsTest.part(boundary, "csrf", csrf(page("/app/branding", owner).body()))
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"logo.png\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + png.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(png, 0, body, head.length, png.length);
        System.arraycopy(tail, 0, body, head.length + png.length, tail.length);
        var uploaded = server.sendBytes("POST", "/app/branding/logo", null, body, "Content-Type", "multipart/form-data; boundary=" + boundary,
                "Cookie", "credence_session=" + owner, "Origin", server.base());
        OpenApiContractTest.check("/app/branding/logo", "post", uploaded);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(303);
        assertThat(server.send("GET", "/api/v1/branding", key, null).json().get("logo").isObject()).isTrue();
        assertThat(page("/app/branding", owner).body()).contains("src=\"/app/branding/logo\"");
        var image = server.binary("GET", "/app/branding/logo", null, null, "Cookie", "credence_session=" + owner);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");

        var unconfirmed = post("/app/branding/logo/delete", owner, "/app/branding");
        OpenApiContractTest.check("/app/branding/logo/delete", "post", unconfirmed);
        assertThat(unconfirmed.status()).isEqualTo(422);
        assertThat(server.send("GET", "/api/v1/branding", key, null).json().get("logo").isObject()).as("not removed unconfirmed").isTrue();
        assertThat(post("/app/branding/logo/delete", owner, "/app/branding", "confirm", "yes").status()).isEqualTo(303);
        assertThat(server.send("GET", "/api/v1/branding", key, null).json().get("logo").isNull()).isTrue();
        assertThat(audited(key, "branding.logo.delete", "user:")).isTrue();
    }

    @Test
    void only_users_who_may_change_the_settings_open_branding_webhooks_and_integrations() {
        for (String path : new String[] {"/app/branding", "/app/webhooks", "/app/integrations"}) {
            for (String cookie : new String[] {analyst, viewer}) {
                var refused = page(path, cookie);
                OpenApiContractTest.check(path, "get", refused);
                assertThat(refused.status()).as(path).isEqualTo(403);
            }
        }
        assertThat(page("/app/assumptions", viewer).status()).isEqualTo(403);
        assertThat(page("/app/costs", viewer).status()).isEqualTo(403);
        assertThat(page("/app/branding", null).status()).isEqualTo(303);
        // an analyst's own CSRF token does not open the owner's forms
        var posted = post("/app/branding", analyst, "/app/assumptions", "primaryColour", "#000000");
        assertThat(posted.status()).isEqualTo(403);
        var webhook = post("/app/webhooks", analyst, "/app/assumptions", "url", PUBLIC_HOOK, "events", "credential.issued");
        assertThat(webhook.status()).isEqualTo(403);
        var cost = post("/app/costs", analyst, "/app/costs", "category", "design", "incurredOn", "2026-01-02", "amount", "10", "currency", "EUR");
        OpenApiContractTest.check("/app/costs", "post", cost);
        assertThat(cost.status()).isEqualTo(403);
        assertThat(page("/app/costs", analyst).body()).doesNotContain("action=\"/app/costs\" novalidate");
        assertThat(page("/app/assumptions", analyst).body()).doesNotContain("href=\"/app/branding\"", "href=\"/app/webhooks\"");
    }

    @Test
    void a_webhook_to_loopback_or_plain_http_is_refused_beside_the_address_field() {
        var loopback = post("/app/webhooks", owner, "/app/webhooks", "url", "http://127.0.0.1/hook", "events", "credential.issued", "lang", "en");
        OpenApiContractTest.check("/app/webhooks", "post", loopback);
        assertThat(loopback.status()).isEqualTo(422);
        assertThat(loopback.body()).contains("webhooks are not sent to 127.0.0.1", "a loopback address", "value=\"http://127.0.0.1/hook\"",
                "id=\"url-error\"");
        var http = post("/app/webhooks", owner, "/app/webhooks", "url", "http://93.184.216.34/hook", "events", "credential.issued");
        assertThat(http.status()).isEqualTo(422);
        assertThat(http.body()).contains("webhook endpoints must use https");
        var noEvents = post("/app/webhooks", owner, "/app/webhooks", "url", PUBLIC_HOOK);
        assertThat(noEvents.status()).isEqualTo(422);
        assertThat(noEvents.body()).contains("events is required");
        assertThat(server.send("GET", "/api/v1/webhooks", key, null).json().get("items").toString()).doesNotContain("127.0.0.1");
    }

    @Test
    void an_owner_adds_a_webhook_sees_its_secret_once_edits_tests_redelivers_and_deletes_it() {
        var added = post("/app/webhooks", owner, "/app/webhooks", "url", PUBLIC_HOOK, "events", "credential.issued", "events", "credential.revoked",
                "description", "CRM sync");
        OpenApiContractTest.check("/app/webhooks", "post", added);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        Matcher secret = Pattern.compile("<p class=\"secret\">([^<]+)</p>").matcher(added.body());
        assertThat(secret.find()).isTrue();
        JsonNode listed = server.send("GET", "/api/v1/webhooks", key, null).json().get("items");
        JsonNode endpoint = null;
        for (JsonNode e : listed) {
            if (e.get("url").asText().equals(PUBLIC_HOOK)) {
                endpoint = e;
            }
        }
        assertThat(endpoint).isNotNull();
        assertThat(endpoint.get("events").toString()).isEqualTo("[\"credential.issued\",\"credential.revoked\"]");
        assertThat(endpoint.toString()).doesNotContain(secret.group(1));
        long id = endpoint.get("id").asLong();
        String path = "/app/webhooks/" + id;
        var shown = page(path, owner);
        OpenApiContractTest.check("/app/webhooks/{id}", "get", shown);
        assertThat(shown.body()).contains("CRM sync").doesNotContain(secret.group(1));
        assertThat(audited(key, "webhook.create", "user:")).isTrue();

        var edited = post(path, owner, path, "url", PUBLIC_HOOK, "events", "credential.claimed", "description", "CRM", "enabled", "yes");
        OpenApiContractTest.check("/app/webhooks/{id}", "post", edited);
        assertThat(edited.status()).isEqualTo(303);
        assertThat(server.send("GET", "/api/v1/webhooks/" + id, key, null).json().get("events").toString()).isEqualTo("[\"credential.claimed\"]");

        var tested = post(path + "/test", owner, path);
        OpenApiContractTest.check("/app/webhooks/{id}/test", "post", tested);
        assertThat(tested.status()).isEqualTo(303);
        JsonNode log = server.send("GET", "/api/v1/webhooks/" + id + "/deliveries", key, null).json().get("items");
        assertThat(log.size()).isEqualTo(1);
        String delivery = log.get(0).get("id").asText();
        assertThat(page(path, owner).body()).contains("webhook.test", "/deliveries/" + delivery + "/redeliver");
        var again = post(path + "/deliveries/" + delivery + "/redeliver", owner, path);
        OpenApiContractTest.check("/app/webhooks/{id}/deliveries/{delivery}/redeliver", "post", again);
        assertThat(again.status()).isEqualTo(303);
        assertThat(server.send("GET", "/api/v1/webhooks/" + id + "/deliveries", key, null).json().get("items").get(0).get("attempts").asInt())
                .isGreaterThanOrEqualTo(2);
        assertThat(audited(key, "webhook.redeliver", "user:")).isTrue();

        var rotated = post(path + "/rotate-secret", owner, path, "confirm", "yes");
        OpenApiContractTest.check("/app/webhooks/{id}/rotate-secret", "post", rotated);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.body()).contains("class=\"secret\"").doesNotContain(secret.group(1));

        // another organisation's owner neither sees nor touches it
        assertThat(page("/app/webhooks", otherOwner).body()).doesNotContain(PUBLIC_HOOK);
        assertThat(page(path, otherOwner).status()).isEqualTo(404);
        assertThat(post(path + "/delete", otherOwner, "/app/webhooks", "confirm", "yes").status()).isEqualTo(404);

        var unconfirmed = post(path + "/delete", owner, path);
        assertThat(unconfirmed.status()).isEqualTo(422);
        var deleted = post(path + "/delete", owner, path, "confirm", "yes");
        OpenApiContractTest.check("/app/webhooks/{id}/delete", "post", deleted);
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(server.send("GET", "/api/v1/webhooks/" + id, key, null).status()).isEqualTo(404);
        assertThat(audited(key, "webhook.delete", "user:")).isTrue();
    }

    @Test
    void an_owner_maps_an_unmatched_course_in_one_click_and_reads_how_to_report_completions() {
        var reported = server.send("POST", "/api/v1/integrations/completions", key,
                "{\"courseId\": \"LMS-404\", \"learner\": {\"email\": \"kari@example.org\", \"name\": \"Kari\"}, \"progress\": 100}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(202);
        server.send("POST", "/api/v1/integrations/completions", otherKey,
                "{\"courseId\": \"DAL-SECRET\", \"learner\": {\"email\": \"per@example.org\", \"name\": \"Per\"}, \"progress\": 100}");
        var shown = page("/app/integrations", owner);
        OpenApiContractTest.check("/app/integrations", "get", shown);
        assertThat(shown.body()).contains("LMS-404", "/api/v1/integrations/completions", "/api/v1/integrations/xapi/statements", "issue")
                .doesNotContain("DAL-SECRET");
        var mapped = post("/app/integrations/courses", owner, "/app/integrations", "courseId", "LMS-404", "achievementId", Long.toString(achievement));
        OpenApiContractTest.check("/app/integrations/courses", "post", mapped);
        assertThat(mapped.status()).isEqualTo(303);
        assertThat(server.send("GET", "/api/v1/integrations/courses", key, null).json().get("items").toString()).contains("LMS-404");
        assertThat(page("/app/integrations", owner).body()).contains("Every course completions name is mapped.");
        assertThat(audited(key, "integrations.course.mapped", "user:")).isTrue();

        var foreign = post("/app/integrations/courses", otherOwner, "/app/integrations", "courseId", "X", "achievementId", Long.toString(achievement));
        assertThat(foreign.status()).as("another tenant's achievement is not found").isEqualTo(404);
    }

    @Test
    void an_analyst_sets_an_assumption_with_a_reason_and_the_page_shows_who_and_when() {
        var shown = page("/app/assumptions", analyst);
        OpenApiContractTest.check("/app/assumptions", "get", shown);
        assertThat(shown.body()).contains("Credence default", "LinkedIn post", "Minutes per manual certificate");
        var missing = post("/app/assumptions/marketing", analyst, "/app/assumptions", "parameter", "cpm", "channel", "linkedin_post", "value", "12.5");
        OpenApiContractTest.check("/app/assumptions/marketing", "post", missing);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("reason is required", "value=\"12.5\"");
        var saved = post("/app/assumptions/marketing", analyst, "/app/assumptions", "parameter", "cpm", "channel", "linkedin_post", "value", "12,5",
                "reason", "Campaign report Q3");
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        JsonNode api = server.send("GET", "/api/v1/analytics/assumptions", key, null).json();
        assertThat(api.get("history").toString()).contains("Campaign report Q3", "linkedin_post", "12.5");
        assertThat(page("/app/assumptions", owner).body()).as("who set it, by name").contains("Campaign report Q3", "<td>analyst</td>");
        assertThat(audited(key, "analytics.assumption.set", "user:")).isTrue();

        var manual = post("/app/assumptions/cost-avoided", analyst, "/app/assumptions", "parameter", "manual_minutes_per_certificate",
                "value", "20", "reason", "Time study March", "achievementId", Long.toString(achievement));
        OpenApiContractTest.check("/app/assumptions/cost-avoided", "post", manual);
        assertThat(manual.status()).isEqualTo(303);
        assertThat(server.send("GET", "/api/v1/analytics/cost-avoided/assumptions?achievementId=" + achievement, key, null).body())
                .contains("Time study March");
        assertThat(audited(key, "analytics.cost_avoided_assumption.set", "user:")).isTrue();
        assertThat(page("/app/assumptions", otherOwner).body()).doesNotContain("Campaign report Q3", "Time study March");
        assertThat(page("/app/assumptions?lang=nb", analyst).body()).contains("Antakelser", "Begrunnelse");
    }

    @Test
    void an_owner_enters_corrects_and_voids_a_cost_line_and_its_history_stays() {
        var listed = page("/app/costs", owner);
        OpenApiContractTest.check("/app/costs", "get", listed);
        var added = post("/app/costs", owner, "/app/costs", "category", "staff", "incurredOn", "2026-03-02", "hours", "4", "hourlyRate", "50",
                "currency", "EUR", "note", "Exam <b>marking</b>", "achievementId", Long.toString(achievement));
        OpenApiContractTest.check("/app/costs", "post", added);
        assertThat(added.status()).as(added.body()).isEqualTo(303);
        String location = added.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/app/costs/\\d+\\?notice=added");
        long id = Long.parseLong(location.replaceAll("\\D+(\\d+).*", "$1"));
        var one = page(location, owner);
        OpenApiContractTest.check("/app/costs/{id}", "get", one);
        assertThat(one.body()).contains("200.00 EUR", "Exam &lt;b&gt;marking&lt;/b&gt;", "The cost line is added.");

        var noReason = post("/app/costs/" + id, owner, "/app/costs/" + id, "category", "staff", "incurredOn", "2026-03-02", "hours", "5",
                "hourlyRate", "50", "currency", "EUR");
        OpenApiContractTest.check("/app/costs/{id}", "post", noReason);
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("say why");
        var corrected = post("/app/costs/" + id, owner, "/app/costs/" + id, "category", "staff", "incurredOn", "2026-03-02", "hours", "5",
                "hourlyRate", "50", "currency", "EUR", "reason", "Forgot the review hour");
        assertThat(corrected.status()).isEqualTo(303);
        var voided = post("/app/costs/" + id + "/void", owner, "/app/costs/" + id, "voidReason", "Entered twice", "confirm", "yes");
        OpenApiContractTest.check("/app/costs/{id}/void", "post", voided);
        assertThat(voided.status()).isEqualTo(303);

        JsonNode api = server.send("GET", "/api/v1/program-costs/" + id, key, null).json();
        assertThat(api.get("voided").asBoolean()).isTrue();
        assertThat(api.get("history").size()).isEqualTo(3);
        assertThat(api.get("history").get(1).get("amount").decimalValue()).isEqualByComparingTo("250");
        assertThat(page("/app/costs/" + id, analyst).body()).contains("Forgot the review hour", "Entered twice")
                .doesNotContain("action=\"/app/costs/" + id + "/void\"");
        for (String action : new String[] {"program_cost.create", "program_cost.correct", "program_cost.void"}) {
            assertThat(audited(key, action, "user:")).as(action).isTrue();
        }
        assertThat(page("/app/costs/" + id, otherOwner).status()).isEqualTo(404);
        assertThat(page("/app/costs", otherOwner).body()).doesNotContain("Entered twice", "Exam &lt;b&gt;");
    }

    @Test
    void every_settings_page_speaks_norwegian_with_the_bar_and_no_inline_script() {
        String[][] pages = {{"/app/branding", "Hovedfarge"}, {"/app/webhooks", "Legg til en mottakeradresse"}, {"/app/integrations", "Kurs uten oppnåelse"},
                {"/app/assumptions", "Sparte kostnader"}, {"/app/costs", "Programkostnader"}};
        for (String[] p : pages) {
            var shown = page(p[0] + "?lang=nb", owner);
            assertThat(shown.status()).as(p[0]).isEqualTo(200);
            assertThat(shown.body()).as(p[0]).contains("lang=\"nb\"", p[1], "class=\"app-bar\"", "name=\"lang\" value=\"nb\"")
                    .doesNotContain("<script", "onclick=");
        }
    }

    @Test
    void the_surveys_and_imports_pages_carry_the_app_bar() {
        var surveys = page("/app/surveys", analyst);
        assertThat(surveys.body()).contains("class=\"app-bar\"", "href=\"/app/surveys\" aria-current=\"page\"");
        assertThat(page("/app/surveys/" + achievement, analyst).body()).contains("class=\"app-bar\"");
        assertThat(page("/app/surveys", viewer).status()).isEqualTo(403);
        assertThat(page("/app/imports", analyst).body()).contains("class=\"app-bar\"", "href=\"/app/imports\" aria-current=\"page\"");
        var moved = page("/app/analytics/imports/7", analyst);
        OpenApiContractTest.check("/app/analytics/imports/{id}", "get", moved);
        assertThat(moved.headers().firstValue("Location").orElseThrow()).isEqualTo("/app/imports/7");
    }
}
