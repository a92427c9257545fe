package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public credential page and its wallet download over real HTTP (the browser tests are in CredentialPageBrowserTest). */
@Tag("integration")
class CredentialPageTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static long achievement;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("pages");
        achievement = server.achievement(key);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode issue(String key, long achievement, String name, String email) {
        return issue(server, key, achievement, name, email);
    }

    /** Issues through the API and returns the 200/201 body: id, number, verifyUrl, credential. */
    static JsonNode issue(ServerHarness server, String key, long achievement, String name, String email) {
        String body = ServerHarness.JSON.createObjectNode().put("achievementId", achievement)
                .set("recipient", ServerHarness.JSON.createObjectNode().put("name", name).put("email", email)).toString();
        var issued = server.send("POST", "/api/v1/credentials", key, body);
        assertThat(issued.status()).as(issued.body()).isIn(200, 201);
        return issued.json();
    }

    /** Where the page's add-to-profile button lands, through the counting redirect. */
    static String profileLink(String number) {
        return server.send("GET", "/s/" + number + "/linkedin_profile", null, null).headers().firstValue("Location").orElseThrow();
    }

    static String meta(String html, String property) {
        Matcher m = Pattern.compile("<meta (?:property|name)=\"" + Pattern.quote(property) + "\" content=\"([^\"]*)\">").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void page_shows_the_credential_with_open_graph_tags_for_its_canonical_url() {
        String number = issue(key, achievement, "Åse Ødegård", "ase@example.org").get("number").asText();
        var page = server.send("GET", "/c/" + number, null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("Åse Ødegård", "Certified Data Steward", "Valid: this credential is authentic and in force.",
                "pages Academy", "Pass the proctored exam with at least 70%.", "Data governance", "level:advanced", "/verify/" + number);
        String canonical = server.base() + "/c/" + number;
        assertThat(meta(page.body(), "og:url")).isEqualTo(canonical);
        assertThat(meta(page.body(), "og:title")).isEqualTo("Certified Data Steward");
        assertThat(meta(page.body(), "og:description")).isEqualTo("pages Academy · Passed the data stewardship exam.");
        assertThat(meta(page.body(), "og:image")).isEqualTo(canonical + "/share.png");
        assertThat(URI.create(meta(page.body(), "og:image")).isAbsolute()).isTrue();
        assertThat(meta(page.body(), "og:image:width")).isEqualTo("1200");
        assertThat(meta(page.body(), "og:image:height")).isEqualTo("627");
        assertThat(meta(page.body(), "twitter:card")).isEqualTo("summary_large_image");
        assertThat(page.body()).contains("<link rel=\"canonical\" href=\"" + canonical + "\">");
        // share links and downloads; no personal data in any link
        assertThat(page.body()).contains("/s/" + number + "/linkedin_profile", "/s/" + number + "/linkedin_post", "/s/" + number + "/x",
                "/s/" + number + "/facebook", "/s/" + number + "/email", "/c/" + number + "/certificate.png",
                "/c/" + number + "/certificate.pdf", "/c/" + number + "/badge.png", "/c/" + number + "/badge.svg", "/c/" + number + "/credential.json");
        Matcher hrefs = Pattern.compile("(?:href|value)=\"([^\"]*)\"").matcher(page.body());
        while (hrefs.find()) {
            assertThat(hrefs.group(1)).doesNotContain("ase@example.org", "ase%40example.org", "%C3%85se", "Åse");
        }
        // no third-party scripts anywhere, and no inline one: the one script is the app's own file
        assertThat(page.body()).contains("<script src=\"/static/copy-link.js\"></script>").doesNotContain("<script>");
    }

    @Test
    void share_buttons_are_counted_on_the_server_and_land_on_the_pages_own_share_links() throws Exception {
        JsonNode issued = issue(key, achievement, "Sindre Deler", "sindre@example.org");
        String number = issued.get("number").asText();
        var profile = server.send("GET", "/s/" + number + "/linkedin_profile", null, null, "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0");
        assertThat(profile.status()).isEqualTo(302);
        String location = profile.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Certified%20Data%20Steward&organization")
                .contains("&issueYear=", "&issueMonth=", "&expirationYear=", "&expirationMonth=", "&certId=" + number)
                .contains("utm_source%3Dlinkedin%26utm_medium%3Dlinkedin_profile%26utm_campaign%3Dcertified-data-steward");
        var mail = server.send("GET", "/s/" + number + "/email?lang=nb", null, null, "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0");
        assertThat(mail.headers().firstValue("Location").orElseThrow()).startsWith("mailto:?subject=Mitt%20kompetansebevis");
        long shares = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT shares FROM tracking_credential WHERE credential_id = CAST(:id AS UUID)")
                .bind("id", issued.get("id").asText()).mapTo(Long.class).one());
        assertThat(shares).isEqualTo(2);
    }

    @Test
    void program_and_issuer_links_go_through_the_counting_redirect_with_the_same_campaign_as_the_share_links() {
        // the achievement is renamed after the credential was signed: every link still carries one campaign, the current name's slug
        String key = server.tenant("pages-referral");
        long achievement = server.achievement(key);
        String put = """
                {"name": "%s", "kind": "certification", "description": "d", "criteria": "c",
                 "programUrl": "https://pages-referral.example/programs/steward"}""";
        assertThat(server.send("PUT", "/api/v1/achievements/" + achievement, key, put.formatted("Certified Data Steward")).status()).isEqualTo(200);
        String number = issue(key, achievement, "Rita Referral", "rita@example.org").get("number").asText();
        assertThat(server.send("PUT", "/api/v1/achievements/" + achievement, key, put.formatted("Data Steward Professional")).status()).isEqualTo(200);
        String page = server.send("GET", "/c/" + number, null, null).body();
        // before the fix the page linked to the issuer's and the program's sites directly, so referral clicks read zero
        assertThat(page).contains("href=\"/r/" + number + "/issuer\"", "href=\"/r/" + number + "/program\"")
                .doesNotContain("href=\"https://pages-referral.example");
        String browser = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0";
        String program = server.send("GET", "/r/" + number + "/program", null, null, "User-Agent", browser).headers().firstValue("Location").orElseThrow();
        String issuer = server.send("GET", "/r/" + number + "/issuer", null, null, "User-Agent", browser).headers().firstValue("Location").orElseThrow();
        assertThat(program).isEqualTo("https://pages-referral.example/programs/steward?utm_source=credence&utm_medium=credential"
                + "&utm_campaign=data-steward-professional");
        assertThat(issuer).endsWith("utm_campaign=data-steward-professional");
        assertThat(profileLink(number)).contains("utm_campaign%3Ddata-steward-professional");
        var referrals = server.credence.jdbi().withHandle(h -> h.createQuery(
                        "SELECT referral_clicks FROM tracking_credential t JOIN credential c ON c.id = t.credential_id WHERE c.number = :n")
                .bind("n", number).mapTo(Long.class).one());
        assertThat(referrals).isEqualTo(2);
    }

    @Test
    void norwegian_page_by_query_or_accept_language() {
        String number = issue(key, achievement, "Kari Nordmann", "kari@example.org").get("number").asText();
        assertThat(server.send("GET", "/c/" + number + "?lang=nb", null, null).body())
                .contains("<html lang=\"nb\">", "Tildelt", "Gyldig: beviset er ekte og gjelder.", "Legg til i LinkedIn-profilen", "Last ned");
        assertThat(server.send("GET", "/c/" + number, null, null, "Accept-Language", "nb-NO,nb;q=0.9").body()).contains("Utstedt av");
    }

    @Test
    void markup_in_a_name_is_escaped_and_right_to_left_names_get_dir_auto() {
        String number = issue(key, achievement, "<script>alert(1)</script> \u0644\u064A\u0644\u0649", "xss@example.org").get("number").asText();
        String body = server.send("GET", "/c/" + number, null, null).body();
        assertThat(body).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(body).contains("<dd dir=\"auto\" id=\"recipient\">");
    }

    @Test
    void unknown_or_mistyped_number_gets_the_same_helpful_page_as_verification() {
        var page = server.send("GET", "/c/CRD-0000-0000-00", null, null);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("There is no credential with this number.")
                .isEqualTo(server.send("GET", "/verify/CRD-0000-0000-00", null, null).body());
        assertThat(server.send("GET", "/c/not-a-number?lang=nb", null, null).body()).contains("Det finnes ikke noe bevis med dette nummeret.");
        assertThat(server.send("GET", "/c/CRD-0000-0000-00/credential.json", null, null).status()).isEqualTo(404);
    }

    @Test
    void private_credential_shows_that_it_is_private_and_nothing_else() {
        String number = issue(key, achievement, "Pia Privat", "pia@example.org").get("number").asText();
        assertThat(server.sql("UPDATE credential SET visibility = 'private' WHERE number = ?", number)).isEqualTo(1);
        var page = server.send("GET", "/c/" + number, null, null);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("This credential is private").doesNotContain("Pia Privat", "Certified Data Steward", "og:", "twitter:", number);
        var json = server.send("GET", "/c/" + number + "/credential.json", null, null);
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.body()).doesNotContain("Pia", "proof");
    }

    @Test
    void revoked_credential_is_marked_revoked_and_offers_no_sharing() {
        JsonNode issued = issue(key, achievement, "Rolf Revoked", "rolf@example.org");
        String number = issued.get("number").asText();
        assertThat(server.send("POST", "/api/v1/credentials/" + number + "/revoke", key, "{\"reason\": \"issued in error\"}").status()).isEqualTo(200);
        var page = server.send("GET", "/c/" + number, null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Rolf Revoked", "class=\"verdict revoked\"", "Revoked by the issuer.", "issued in error",
                        "A credential that is not in force cannot be shared or downloaded here.", "<span class=\"stamp\" id=\"stamp\">Revoked</span>")
                .doesNotContain("linkedin.com", "twitter.com", "facebook.com", "mailto:", "utm_", "copy-link", "id=\"downloads\"");
        // a link preview fetched now shows the status, not the "verified credential" share image
        assertThat(meta(page.body(), "og:image")).isNull();
        assertThat(meta(page.body(), "twitter:card")).isEqualTo("summary");
        assertThat(meta(page.body(), "og:description")).startsWith("Revoked · pages Academy");
        assertThat(server.send("GET", "/c/" + number + "/share.png", null, null).status()).isEqualTo(404);
        var suspended = issue(key, achievement, "Sigrid Suspended", "sigrid@example.org").get("number").asText();
        assertThat(server.send("POST", "/api/v1/credentials/" + suspended + "/suspend", key, "{\"reason\": \"under review\"}").status()).isEqualTo(200);
        assertThat(server.send("GET", "/c/" + suspended + "?lang=nb", null, null).body())
                .contains("<span class=\"stamp\" id=\"stamp\">Suspendert</span>", "kan ikke deles eller lastes ned her")
                .doesNotContain("id=\"downloads\"", "copy-link");
    }

    @Test
    void expired_credential_is_stamped_expired_and_can_still_be_shared_with_its_dates() {
        String body = """
                {"achievementId": %d, "recipient": {"name": "Egil Expired", "email": "egil@example.org"},
                 "issuedAt": "2022-01-01T00:00:00Z", "expiresAt": "2023-01-01T00:00:00Z"}""".formatted(achievement);
        var issued = server.send("POST", "/api/v1/credentials", key, body);
        assertThat(issued.status()).as(issued.body()).isIn(200, 201);
        String number = issued.json().get("number").asText();
        var page = server.send("GET", "/c/" + number, null, null);
        assertThat(page.body()).contains("class=\"verdict expired\"", "<span class=\"stamp\" id=\"stamp\">Expired</span>",
                "<dt>Expired</dt><dd>2023-01-01</dd>", "id=\"downloads\"", "copy-link");
        assertThat(meta(page.body(), "og:description")).startsWith("Expired · ");
        // LinkedIn shows a certification past its expiry as expired: the dates say so
        assertThat(profileLink(number)).contains("expirationYear=2023&expirationMonth=1");
    }

    @Test
    void credential_json_is_the_signed_credential_as_stored_and_verifies() {
        JsonNode issued = issue(key, achievement, "Wenche Wallet", "wenche@example.org");
        String number = issued.get("number").asText();
        var download = server.send("GET", "/c/" + number.toLowerCase() + "/credential.json", null, null);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/ld+json"));
        assertThat(download.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"" + number + ".json\"");
        assertThat(download.json()).isEqualTo(issued.get("credential"));
        var verified = server.send("POST", "/api/v1/verify", null, download.body());
        assertThat(verified.json().get("status").asText()).isEqualTo("valid");
    }

    @Test
    void each_page_carries_only_its_own_tenants_branding() {
        String other = server.tenant("other-pages");
        long otherAchievement = server.achievement(other);
        server.sql("INSERT INTO tenant_branding (tenant_id, linkedin_organization_id) SELECT id, '4242' FROM tenant WHERE slug = 'pages'");
        String ours = issue(key, achievement, "Olga Ours", "olga@example.org").get("number").asText();
        String theirs = issue(other, otherAchievement, "Tore Theirs", "tore@example.org").get("number").asText();
        String ourPage = server.send("GET", "/c/" + ours, null, null).body();
        String theirPage = server.send("GET", "/c/" + theirs, null, null).body();
        assertThat(ourPage).doesNotContain("other-pages Academy", "Tore");
        assertThat(theirPage).doesNotContain("4242", "Olga", ">pages Academy<");
        assertThat(profileLink(ours)).contains("organizationId=4242").doesNotContain("organizationName=", "other-pages");
        assertThat(profileLink(theirs)).contains("organizationName=other-pages%20Academy").doesNotContain("4242");
        // one tenant's private credential does not hide another's
        server.sql("UPDATE credential SET visibility = 'private' WHERE number = ?", ours);
        assertThat(server.send("GET", "/c/" + theirs, null, null).status()).isEqualTo(200);
    }
}
