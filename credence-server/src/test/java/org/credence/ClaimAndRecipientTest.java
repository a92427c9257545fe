package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.delivery.MailSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recipient's side over HTTP, with mail going to the outbox folder (no SMTP): claiming, new links, the dashboard. */
@Tag("integration")
class ClaimAndRecipientTest {
    static final String FORM = "application/x-www-form-urlencoded";
    @TempDir
    static Path data;
    static MovableClock clock = new MovableClock();
    static ServerHarness server;
    static String acme;
    static String globex;
    static long achievement;

    @BeforeAll
    static void start() {
        // certificates attached (CREDENCE_MAIL_ATTACH_PDF=true), as the outbox page shows them
        server = new ServerHarness(data, new MailSettings(java.util.Optional.empty(), MailSettings.OUTBOX.from(), Duration.ZERO, true), clock);
        acme = server.tenant("acme");
        globex = server.tenant("globex");
        achievement = server.achievement(acme);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode issue(String key, long achievement, String email) {
        var issued = server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement
                + ", \"recipient\": {\"name\": \"Ola <b>Nordmann</b>\", \"email\": \"" + email + "\"}}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json();
    }

    /** The newest outbox mail to {@code email}, after sending the queue. */
    static String outboxMailTo(String email) {
        server.credence.mailWorker().runDue();
        try (var files = Files.list(data.resolve("outbox"))) {
            return files.filter(p -> p.toString().endsWith(".eml"))
                    .sorted(java.util.Comparator.comparingLong((Path p) -> Long.parseLong(p.getFileName().toString().replaceAll("\\D", ""))).reversed())
                    .map(ClaimAndRecipientTest::read).filter(mail -> mail.contains("To: " + email)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long outboxCount() {
        if (!Files.isDirectory(data.resolve("outbox"))) {
            return 0;
        }
        try (var files = Files.list(data.resolve("outbox"))) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            // quoted-printable soft line breaks would split a link
            return Files.readString(p).replace("=\r\n", "").replace("=3D", "=");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String link(String mail, String path) {
        Matcher m = Pattern.compile(Pattern.quote(path) + "([A-Za-z0-9_-]{43})").matcher(mail);
        assertThat(m.find()).as(mail).isTrue();
        return m.group(1);
    }

    static ServerHarness.Response form(String path, String cookie, String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return server.send("POST", path, null, body.toString(), "Content-Type", FORM, "Cookie", cookie);
    }

    @Test
    void without_smtp_mail_is_an_eml_file_listed_on_the_outbox_page_for_the_administrator_only() {
        JsonNode issued = issue(acme, achievement, "outbox@example.org");
        String mail = outboxMailTo("outbox@example.org");
        assertThat(mail).contains("Subject: acme Academy awarded you: Certified Data Steward").contains("/claim/")
                .contains("href=\"" + server.base() + "/me?tenant=acme\"");
        var list = server.send("GET", "/outbox", ServerHarness.ADMIN_KEY, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("outbox@example.org").contains("awarded you: Certified Data Steward")
                .containsPattern("attached: " + issued.get("number").asText() + "\\.pdf \\([0-9]+ kB\\)");
        Matcher file = Pattern.compile("/outbox/(mail-[0-9]+\\.eml)").matcher(list.body());
        assertThat(file.find()).isTrue();
        var one = server.send("GET", "/outbox/" + file.group(1), ServerHarness.ADMIN_KEY, null);
        assertThat(one.body()).contains("href=\"" + server.base() + "/claim/").contains("/c/" + issued.get("number").asText());
        assertThat(one.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(server.send("GET", "/outbox", null, null).status()).isEqualTo(401);
        assertThat(server.send("GET", "/outbox/..%2Fpg%2Fpostgresql.conf", ServerHarness.ADMIN_KEY, null).status()).isIn(400, 404);
    }

    @Test
    void claim_stores_the_choices_once_and_a_used_or_expired_link_gets_a_page_that_offers_a_new_one() {
        String number = issue(acme, achievement, "claim@example.org").get("number").asText();
        String token = link(outboxMailTo("claim@example.org"), "/claim/");

        var page = server.send("GET", "/claim/" + token, null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Ola &lt;b&gt;Nordmann&lt;/b&gt;").contains("Certified Data Steward").contains("acme Academy")
                .contains("name=\"visibility\"").contains("name=\"tracking\"");
        assertThat(server.send("GET", "/claim/" + token + "?lang=nb", null, null).body()).contains("Hent kompetansebeviset ditt");

        var claimed = form("/claim/" + token + "?lang=nb", null, "visibility", "private", "tracking", "on");
        assertThat(claimed.status()).isEqualTo(303);
        // private: its public page says only that it is private, so the recipient lands on their own page, signed in by the claim
        assertThat(claimed.headers().firstValue("Location")).hasValue("/me?lang=nb&claimed=" + number);
        String session = claimed.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String own = server.send("GET", "/me?lang=nb&claimed=" + number, null, null, "Cookie", session).body();
        assertThat(own).contains("Hentet:").contains(number).contains("Side: privat")
                .contains("href=\"/me/credentials/" + number + "/certificate.pdf\"").doesNotContain("href=\"/c/" + number);
        var pdf = server.send("GET", "/me/credentials/" + number + "/certificate.pdf", null, null, "Cookie", session);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF-");
        assertThat(server.send("GET", "/c/" + number + "/certificate.pdf", null, null).status()).as("private to everyone else").isEqualTo(404);
        JsonNode claim = server.send("GET", "/api/v1/credentials/" + number + "/delivery", acme, null).json().get("claim");
        assertThat(claim.get("visibility").asText()).isEqualTo("private");
        assertThat(claim.get("trackingAllowed").asBoolean()).isTrue();
        String firstClaim = claim.get("claimedAt").asText();
        // the claim is also a tracking event, so the weekly claims trend sees it
        long claimEvents = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM tracking_event e JOIN credential c ON c.id = e.credential_id WHERE c.number = :n AND e.type = 'claim' AND e.is_recipient")
                .bind("n", number).mapTo(Long.class).one());
        assertThat(claimEvents).isEqualTo(1);

        var reused = form("/claim/" + token, null, "visibility", "public");
        assertThat(reused.status()).isEqualTo(410);
        assertThat(reused.body()).contains("This link no longer works").contains("action=\"/claim?lang=en\"").doesNotContain("Exception")
                .as("the number filled in, and the way to the recipient's own page").contains("value=\"" + number + "\"").contains("href=\"/me?tenant=acme\"");
        assertThat(server.send("GET", "/claim/not-a-token", null, null).status()).isEqualTo(404);

        // a new link by number, to the address on record, once per 10 minutes; the answer reveals nothing
        long before = outboxCount();
        var asked = form("/claim", null, "number", number);
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body()).contains("If the number is right").doesNotContain("claim@example.org");
        String fresh = link(outboxMailTo("claim@example.org"), "/claim/");
        assertThat(fresh).isNotEqualTo(token);
        assertThat(form("/claim", null, "number", number).body()).isEqualTo(asked.body());
        assertThat(form("/claim", null, "number", "CRD-0000-0000-00").body()).isEqualTo(asked.body());
        server.credence.mailWorker().runDue();
        assertThat(outboxCount()).isEqualTo(before + 1);

        // claiming again keeps the first claim time
        clock.advance(Duration.ofMinutes(1));
        var reclaimed = form("/claim/" + fresh + "?lang=nb", null, "visibility", "public");
        assertThat(reclaimed.status()).isEqualTo(303);
        assertThat(reclaimed.headers().firstValue("Location")).as("public: its page, in the claim page's language").hasValue("/c/" + number + "?lang=nb");
        JsonNode again = server.send("GET", "/api/v1/credentials/" + number + "/delivery", acme, null).json().get("claim");
        assertThat(again.get("claimedAt").asText()).isEqualTo(firstClaim);
        assertThat(again.get("visibility").asText()).isEqualTo("public");
        assertThat(again.get("trackingAllowed").asBoolean()).isFalse();
    }

    @Test
    void an_expired_claim_link_gets_the_page_that_offers_a_new_one() {
        issue(acme, achievement, "late@example.org");
        String token = link(outboxMailTo("late@example.org"), "/claim/");
        clock.advance(Duration.ofDays(31));
        var expired = server.send("GET", "/claim/" + token, null, null);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired");
        assertThat(server.send("GET", "/claim/" + token + "?lang=nb", null, null).body()).contains("Denne lenken er utløpt");
    }

    @Test
    void a_recipient_signs_in_by_magic_link_sees_their_credentials_and_switches_privacy() {
        String number = issue(acme, achievement, "me@example.org").get("number").asText();
        String foreign = issue(globex, server.achievement(globex), "me@example.org").get("number").asText();
        outboxMailTo("me@example.org");

        var known = form("/me/sign-in", null, "tenant", "acme", "email", "Me@Example.org");
        var unknown = form("/me/sign-in", null, "tenant", "acme", "email", "stranger@example.org");
        var noTenant = form("/me/sign-in", null, "tenant", "nope", "email", "me@example.org");
        assertThat(known.status()).isEqualTo(200);
        assertThat(known.body()).contains("If we know this address, a link is on its way").isEqualTo(unknown.body()).isEqualTo(noTenant.body());
        String mail = outboxMailTo("me@example.org");
        assertThat(mail).contains("Subject: Sign in to your credentials from acme Academy");
        String token = link(mail, "/me/sign-in/");

        // opening the link (as a mail scanner does) does not use it
        assertThat(server.send("GET", "/me/sign-in/" + token, null, null).body()).contains("method=\"post\"");
        var signedIn = form("/me/sign-in/" + token, null);
        assertThat(signedIn.status()).isEqualTo(303);
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/;");
        String cookie = setCookie.split(";")[0];
        assertThat(form("/me/sign-in/" + token, null).status()).isEqualTo(410);

        var dashboard = server.send("GET", "/me", null, null, "Cookie", cookie);
        assertThat(dashboard.body()).contains(number).contains("Certified Data Steward").contains("Valid")
                .contains("/me/credentials/" + number + "/certificate.pdf").doesNotContain(foreign);
        String csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(dashboard.body()).results().findFirst().orElseThrow().group(1);

        assertThat(shareTarget(number)).startsWith("https://twitter.com/intent/tweet?"); // now cached by the share redirect
        assertThat(form("/me/credentials/" + number + "/privacy", cookie, "visibility", "private", "csrf", "wrong").status()).isEqualTo(403);
        assertThat(form("/me/credentials/" + number + "/privacy", cookie, "visibility", "private", "tracking", "on", "csrf", csrf).status()).isEqualTo(303);
        assertThat(shareTarget(number)).as("private at once: no share dialog").endsWith("/c/" + number);
        JsonNode claim = server.send("GET", "/api/v1/credentials/" + number + "/delivery", acme, null).json().get("claim");
        assertThat(claim.get("visibility").asText()).isEqualTo("private");
        assertThat(claim.get("trackingAllowed").asBoolean()).isTrue();
        // a session at acme cannot touch the same person's credential at globex
        form("/me/credentials/" + foreign + "/privacy", cookie, "visibility", "private", "csrf", csrf);
        assertThat(server.send("GET", "/api/v1/credentials/" + foreign + "/delivery", globex, null).json().get("claim").get("visibility").asText())
                .isEqualTo("public");
        for (String file : new String[] {"certificate.pdf", "badge.png", "credential.json"}) {
            assertThat(server.send("GET", "/me/credentials/" + foreign + "/" + file, null, null, "Cookie", cookie).status()).as(file).isEqualTo(404);
            assertThat(server.send("GET", "/me/credentials/" + number + "/" + file, null, null, "Cookie", cookie).status()).as(file).isEqualTo(200);
        }
        assertThat(server.send("GET", "/me/credentials/" + number + "/secrets.txt", null, null, "Cookie", cookie).status()).isEqualTo(404);
        // the private page's address: its recipient lands on their own page, everyone else learns nothing
        var own = server.send("GET", "/c/" + number, null, null, "Cookie", cookie);
        assertThat(own.status()).isEqualTo(303);
        assertThat(own.headers().firstValue("Location").orElseThrow()).isEqualTo("/me?private=" + number + "#" + number);
        assertThat(server.send("GET", "/me?private=" + number, null, null, "Cookie", cookie).body())
                .contains("id=\"private-page\"", "You keep this credential private");
        assertThat(server.send("GET", "/c/" + number, null, null).status()).isEqualTo(404);
        assertThat(server.send("GET", "/me/credentials/" + number + "/certificate.pdf", null, null).status()).as("signed out: to the sign-in")
                .isEqualTo(303);

        assertThat(form("/me/logout", cookie, "csrf", csrf).status()).isEqualTo(303);
        assertThat(server.send("GET", "/me", null, null, "Cookie", cookie).body()).contains("name=\"email\"").doesNotContain(number);
    }

    @Test
    void a_revocation_stops_the_share_redirect_at_once() {
        String number = issue(acme, achievement, "revoked.share@example.org").get("number").asText();
        assertThat(shareTarget(number)).startsWith("https://twitter.com/intent/tweet?"); // now cached by the share redirect
        var revoked = server.send("POST", "/api/v1/credentials/" + number + "/revoke", acme, "{\"reason\": \"issued in error\"}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(shareTarget(number)).as("no share dialog for a revoked credential, not even from the cache").endsWith("/c/" + number);
    }

    @Test
    void the_sign_in_form_finds_the_organisation_by_its_full_name_too() {
        issue(acme, achievement, "by.name@example.org");
        outboxMailTo("by.name@example.org");
        form("/me/sign-in", null, "tenant", " ACME academy ", "email", "by.name@example.org");
        assertThat(outboxMailTo("by.name@example.org")).contains("Subject: Sign in to your credentials from acme Academy");
    }

    static long tenantId(String slug) {
        return server.credence.jdbi().withHandle(h -> h.createQuery("SELECT id FROM tenant WHERE slug = :slug").bind("slug", slug).mapTo(Long.class).one());
    }

    /** Signs in on /me by magic link and returns the session cookie ({@code name=value}). */
    static String signIn(String tenant, String email) {
        outboxMailTo(email);
        form("/me/sign-in", null, "tenant", tenant, "email", email);
        String token = link(outboxMailTo(email), "/me/sign-in/");
        return form("/me/sign-in/" + token, null).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static String shareTarget(String number) {
        return server.send("GET", "/s/" + number + "/x", null, null, "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0")
                .headers().firstValue("Location").orElseThrow();
    }

    @Test
    void views_verifications_and_shares_are_counted_on_the_server_without_the_recipients_own_and_shown_on_the_dashboard() {
        JsonNode issued = issue(acme, achievement, "counted@example.org");
        String number = issued.get("number").asText();
        String cookie = signIn("acme", "counted@example.org");
        // each visitor a browser of its own (the same browser within 30 s counts once)
        java.util.function.IntFunction<String> browser = i -> "Mozilla/5.0 (X11; Linux x86_64; visitor " + i + ") Firefox/128.0";
        assertThat(server.send("GET", "/c/" + number, null, null, "User-Agent", browser.apply(1), "Cookie", cookie).status()).isEqualTo(200);
        assertThat(server.send("GET", "/verify/" + number, null, null, "User-Agent", browser.apply(1), "Cookie", cookie).status()).isEqualTo(200);
        assertThat(server.send("GET", "/c/" + number, null, null, "User-Agent", browser.apply(2)).status()).isEqualTo(200);
        assertThat(server.send("GET", "/c/" + number + "/certificate.pdf", null, null, "User-Agent", browser.apply(3)).status()).isEqualTo(200);
        assertThat(server.send("GET", "/c/" + number + "/badge.png?download=1", null, null, "User-Agent", browser.apply(4)).status()).isEqualTo(200);
        assertThat(server.send("GET", "/verify/" + number, null, null, "User-Agent", browser.apply(5)).status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/verify/" + number, null, null, "User-Agent", browser.apply(6)).status()).isEqualTo(200);
        assertThat(server.send("GET", "/s/" + number + "/x", null, null, "User-Agent", browser.apply(1), "Cookie", cookie).status()).isEqualTo(302);
        // a link preview is a machine, not a view
        server.send("GET", "/c/" + number, null, null, "User-Agent", "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)");

        var engagement = server.credence.tracker().engagement(tenantId("acme"), java.util.UUID.fromString(issued.get("id").asText())).orElseThrow();
        assertThat(engagement.views()).as("page and PDF by others; not the recipient's own, not the bot").isEqualTo(2);
        assertThat(engagement.verifications()).as("page and API by others").isEqualTo(2);
        assertThat(engagement.shares()).isEqualTo(1);
        assertThat(engagement.downloads()).isEqualTo(1);
        String dashboard = server.send("GET", "/me", null, null, "Cookie", cookie).body();
        assertThat(dashboard).contains("<dd class=\"views\">2</dd>").contains("<dd class=\"shares\">1</dd>")
                .contains("<dd class=\"verifications\">2</dd>");
        // the same person signed in at another organisation is not this credential's recipient there: the view counts
        issue(globex, server.achievement(globex), "counted@example.org");
        String elsewhere = signIn("globex", "counted@example.org");
        server.send("GET", "/c/" + number, null, null, "User-Agent", browser.apply(7), "Cookie", elsewhere);
        assertThat(server.credence.tracker().engagement(tenantId("acme"), engagement.credentialId())
                .orElseThrow().views()).isEqualTo(3);
    }

    @Test
    void a_credential_revoked_before_its_mail_went_out_is_not_announced() {
        String number = issue(acme, achievement, "revoked@example.org").get("number").asText();
        server.send("POST", "/api/v1/credentials/" + number + "/revoke", acme, "{\"reason\": \"issued in error\"}");
        long before = outboxCount();
        server.credence.mailWorker().runDue();
        assertThat(outboxCount()).isEqualTo(before);
        JsonNode mail = server.send("GET", "/api/v1/credentials/" + number + "/delivery", acme, null).json().get("mails").get(0);
        assertThat(mail.get("status").asText()).isEqualTo("failed");
        assertThat(mail.get("lastError").asText()).contains("revoked");
        assertThat(server.send("POST", "/api/v1/credentials/" + number + "/resend", acme, null).status()).isEqualTo(409);
    }

    @Test
    void a_claim_link_of_a_credential_revoked_since_says_so_and_claims_nothing() {
        String number = issue(acme, achievement, "withdrawn@example.org").get("number").asText();
        String token = link(outboxMailTo("withdrawn@example.org"), "/claim/");
        server.send("POST", "/api/v1/credentials/" + number + "/revoke", acme, "{\"reason\": \"issued in error\"}");
        var page = server.send("GET", "/claim/" + token, null, null);
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("revoked this credential").doesNotContain("Send me a new link");
        assertThat(form("/claim/" + token, null, "visibility", "public").status()).isEqualTo(410);
        assertThat(server.send("GET", "/api/v1/credentials/" + number + "/delivery", acme, null).json().get("claim").get("claimedAt").isNull()).isTrue();
    }

    @Test
    void a_withdrawn_credentials_files_are_withdrawn_on_the_recipients_page_too() {
        String revoked = issue(acme, achievement, "mine.withdrawn@example.org").get("number").asText();
        // one credential per achievement and recipient: the second needs an achievement of its own
        String suspended = issue(acme, server.achievement(acme), "mine.withdrawn@example.org").get("number").asText();
        String cookie = signIn("acme", "mine.withdrawn@example.org");
        assertThat(server.send("GET", "/me/credentials/" + revoked + "/certificate.pdf", null, null, "Cookie", cookie).status()).isEqualTo(200);
        server.send("POST", "/api/v1/credentials/" + revoked + "/revoke", acme, "{\"reason\": \"issued in error\"}");
        server.send("POST", "/api/v1/credentials/" + suspended + "/suspend", acme, "{\"reason\": \"under review\"}");
        String page = server.send("GET", "/me", null, null, "Cookie", cookie).body();
        assertThat(page).contains("Its files are withdrawn").doesNotContain("/me/credentials/" + revoked + "/certificate.pdf")
                .doesNotContain("/me/credentials/" + suspended + "/badge.png");
        for (String file : new String[] {"certificate.pdf", "badge.png", "credential.json"}) {
            var gone = server.send("GET", "/me/credentials/" + revoked + "/" + file, null, null, "Cookie", cookie);
            assertThat(gone.status()).as(file).isEqualTo(410);
            assertThat(gone.body()).contains("withdrawn").doesNotContain("proof");
            assertThat(server.send("GET", "/me/credentials/" + suspended + "/" + file, null, null, "Cookie", cookie).status()).as(file).isEqualTo(404);
        }
    }

    @Test
    void a_form_posted_from_another_site_is_refused() {
        var forged = server.send("POST", "/me/sign-in/" + "A".repeat(43), null, "", "Content-Type", FORM, "Sec-Fetch-Site", "cross-site");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(forged.body()).contains("This form was not accepted").contains("another website");
        assertThat(server.send("POST", "/claim?lang=nb", null, "number=x", "Content-Type", FORM, "Sec-Fetch-Site", "cross-site").body())
                .contains("Skjemaet ble ikke godtatt");
        assertThat(server.send("POST", "/claim", null, "number=x", "Content-Type", FORM, "Sec-Fetch-Site", "same-origin").status()).isEqualTo(200);
    }

    @Test
    void a_sign_in_link_works_for_fifteen_minutes() {
        issue(acme, achievement, "slow@example.org");
        outboxMailTo("slow@example.org");
        form("/me/sign-in", null, "tenant", "acme", "email", "slow@example.org");
        String token = link(outboxMailTo("slow@example.org"), "/me/sign-in/");
        clock.advance(Duration.ofMinutes(16));
        var late = form("/me/sign-in/" + token, null);
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.body()).contains("expired");
    }
}
