package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /app/credentials} over real HTTP with a real SMTP server (GreenMail, and one that refuses): every delivery
 * status and claim as the issuer sees it, search, filters, paging, the resend button, roles, CSRF and tenants.
 */
@Tag("integration")
class IssuerCredentialsPageTest {
    static final String PASSWORD = "a long enough passphrase";
    static final Pattern NUMBER = Pattern.compile("href=\"/c/(CRD-[0-9A-Z-]+)[?\"]");
    @TempDir
    static Path data;
    static int smtpPort;
    static GreenMail smtp;
    static MovableClock clock = new MovableClock();
    static ServerHarness server;
    static String acme;
    static long welding;
    static long firstAid;
    static String failed;
    static String expired;
    static String bounced;
    static String retrying;
    static String claimed;
    static String silent;
    static String revoked;
    static String escaped;
    static String retryingRow;
    static int total;

    @BeforeAll
    static void start() throws Exception {
        smtpPort = MailDeliveryTest.freePort();
        server = new ServerHarness(data, MailDeliveryTest.smtpOn(smtpPort), clock);
        acme = server.tenant("acme");
        welding = server.achievement(acme);
        user(acme, "owner@acme.example", "owner");
        user(acme, "viewer@acme.example", "viewer");
        firstAid = server.send("POST", "/api/v1/achievements", acme,
                "{\"name\": \"First aid\", \"kind\": \"certification\", \"description\": \"d\", \"criteria\": \"c\", \"validityDays\": 1}")
                .json().get("id").asLong();
        // no SMTP server yet: the first mail is tried until it is given up; the day-long credential expires meanwhile
        failed = issue(welding, "Failing Person", "failing@example.org", true);
        expired = issue(firstAid, "Expired Person", "expired@example.org", false);
        for (int attempt = 1; attempt <= 13; attempt++) {
            server.credence.mailWorker().runDue();
            clock.advance(Duration.ofHours(3));
        }
        try (RefusingSmtpServer refusing = new RefusingSmtpServer(smtpPort)) {
            bounced = issue(welding, "Bounced Person", "bounced@example.org", true);
            server.credence.mailWorker().runDue();
        }
        retrying = issue(welding, "Retrying Person", "retrying@example.org", true);
        server.credence.mailWorker().runDue(); // refused to connect: queued again with the reason
        // seen now: its retry falls due in a minute of real time, and a later test's sending may take it out
        retryingRow = row(get("/app/credentials?q=retrying", signIn("acme", "owner@acme.example")).body(), retrying);
        smtp = MailDeliveryTest.startSmtp(smtpPort);
        claimed = issue(firstAid, "Claiming Person", "claiming@example.org", true);
        server.credence.mailWorker().runDue();
        String token = MailDeliveryTest.claimToken(MailDeliveryTest.textPart(mailsTo("claiming@example.org").get(0)));
        assertThat(form("/claim/" + token, null, "visibility", "public").status()).isEqualTo(303);
        silent = issue(welding, "Silent Person", "silent@example.org", false);
        revoked = issue(firstAid, "Revoked Person", "revoked@example.org", false);
        assertThat(server.send("POST", "/api/v1/credentials/" + revoked + "/revoke", acme, "{\"reason\": \"issued in error\"}").status()).isEqualTo(200);
        escaped = issue(firstAid, "<script>alert(1)</script> Zoë 100%_done", "odd+name@example.org", false);
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(1)); // each filler newer than the last: on one instant the order is the ids'
            issue(welding, "Filler " + i, "filler" + i + "@example.org", false);
        }
        total = 8 + 20;
    }

    @AfterAll
    static void stop() {
        server.close();
        if (smtp != null) {
            smtp.stop();
        }
    }

    static String issue(long achievement, String name, String email, boolean notify) {
        var issued = server.send("POST", "/api/v1/credentials", acme, "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": "
                + ServerHarness.JSON.valueToTree(name) + ", \"email\": \"" + email + "\"}, \"notify\": " + notify + "}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().get("number").asText();
    }

    static JsonNode user(String key, String email, String role) {
        var created = server.send("POST", "/api/v1/users", key,
                "{\"email\": \"" + email + "\", \"name\": \"" + role + "\", \"role\": \"" + role + "\", \"password\": \"" + PASSWORD + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    static ServerHarness.Response form(String path, String cookie, String... fields) {
        return server.form(path, cookie, fields);
    }

    static ServerHarness.Response get(String path, String cookie) {
        return server.sendBytes("GET", path, null, null, "Cookie", "credence_session=" + cookie);
    }

    static String signIn(String slug, String email) {
        var response = form("/login", null, "tenant", slug, "email", email, "password", PASSWORD, "next", "/app");
        assertThat(response.status()).as(response.body()).isEqualTo(303);
        String header = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("credence_session=")).findFirst().orElseThrow();
        return header.substring("credence_session=".length(), header.indexOf(';'));
    }

    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static List<String> numbers(String page) {
        List<String> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(page);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The row (or card) of one credential on the page. */
    static String row(String page, String number) {
        int start = page.indexOf("href=\"/c/" + number);
        assertThat(start).as(number + " on the page").isPositive();
        return page.substring(page.lastIndexOf("<tr>", start), page.indexOf("</tr>", start));
    }

    @Test
    void the_page_shows_each_credentials_state_latest_mail_with_its_reason_and_claim() {
        String owner = signIn("acme", "owner@acme.example");
        String page = get("/app/credentials", owner).body();
        assertThat(numbers(page)).hasSize(25);
        String failedRow = row(get("/app/credentials?q=failing", owner).body(), failed);
        assertThat(failedRow).contains("Failed").contains("gave up after 12 attempts").contains("12 attempts")
                .contains("Certified Data Steward").contains("Active").contains("href=\"/app/credentials/" + failed + "/resend?q=failing&amp;from=list\"");
        String all = get("/app/credentials?status=expired", owner).body() + get("/app/credentials?q=Person", owner).body();
        assertThat(row(all, expired)).contains("Expired").contains("No mail sent");
        assertThat(row(all, bounced)).contains("Bounced").contains("550").contains("no such user");
        assertThat(retryingRow).contains("Queued again after a failed attempt").containsIgnoringCase("connect");
        assertThat(row(all, claimed)).contains("Sent").containsPattern("<div><time>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC</time>")
                .doesNotContain("Not yet");
        assertThat(row(all, silent)).contains("No mail sent").contains("Not yet").contains("/verify/" + silent);
        assertThat(row(all, revoked)).contains("Revoked").doesNotContain("Resend");
        String odd = get("/app/credentials?q=" + URLEncoder.encode("100%_done", StandardCharsets.UTF_8), owner).body();
        assertThat(numbers(odd)).containsExactly(escaped);
        assertThat(odd).contains("&lt;script&gt;alert(1)&lt;/script&gt; Zoë").doesNotContain("<script>alert");
        String norwegian = get("/app/credentials?lang=nb&q=Person", owner).body();
        assertThat(norwegian).contains("<html lang=\"nb\">").contains("Avvist").contains("Feilet").contains("Tilbakekalt").contains("Utløpt")
                .contains("Ingen e-post sendt").contains("Send på nytt")
                .contains("href=\"/c/" + bounced + "?lang=nb\"");
        assertThat(get("/app", owner).body()).contains("href=\"/app/credentials\"");
        assertThat(get("/app?lang=nb", owner).body()).contains("href=\"/app/credentials?lang=nb\"").contains("Kompetansebevis");
    }

    @Test
    void search_and_filters_use_the_listing_and_a_bad_filter_is_named() {
        String owner = signIn("acme", "owner@acme.example");
        assertThat(numbers(get("/app/credentials?status=revoked", owner).body())).containsExactly(revoked);
        assertThat(numbers(get("/app/credentials?status=expired", owner).body())).containsExactly(expired);
        assertThat(numbers(get("/app/credentials?achievementId=" + firstAid + "&status=active", owner).body()))
                .containsExactlyInAnyOrder(claimed, escaped);
        // a number as a person types it: lower case, without hyphens; part of an e-mail; part of a name, any case
        String typed = bounced.toLowerCase(java.util.Locale.ROOT).replace("-", "");
        assertThat(numbers(get("/app/credentials?q=" + typed, owner).body())).containsExactly(bounced);
        assertThat(numbers(get("/app/credentials?q=odd%2Bname%40", owner).body())).containsExactly(escaped);
        assertThat(numbers(get("/app/credentials?q=RETRYING+PERSON", owner).body())).containsExactly(retrying);
        assertThat(numbers(get("/app/credentials?q=%25_d", owner).body())).as("wildcards are characters").containsExactly(escaped);
        // the filter form sends empty values for "all"; the form keeps what was chosen
        String blank = get("/app/credentials?q=&achievementId=&status=", owner).body();
        assertThat(numbers(blank)).hasSize(25);
        String chosen = get("/app/credentials?q=Person&status=revoked&achievementId=" + firstAid, owner).body();
        assertThat(chosen).contains("value=\"Person\"").contains("<option value=\"revoked\" selected>")
                .contains("<option value=\"" + firstAid + "\" selected>");
        // a hand-edited link: the page says what was wrong and shows everything, not a JSON error
        var lost = get("/app/credentials?status=lost", owner);
        assertThat(lost.status()).isEqualTo(200);
        assertThat(lost.body()).contains("These filters cannot be used (").contains("lost");
        assertThat(numbers(lost.body())).hasSize(25);
        assertThat(get("/app/credentials?q=nobody-has-this", owner).body()).contains("No credentials match.");
        // the API takes the same search
        JsonNode api = server.send("GET", "/api/v1/credentials?q=" + typed, acme, null).json();
        assertThat(api.get("items").findValuesAsText("number")).containsExactly(bounced);
    }

    @Test
    void pages_run_newest_first_and_together_hold_every_credential_once() {
        String owner = signIn("acme", "owner@acme.example");
        String first = get("/app/credentials?q=example", owner).body(); // every recipient's address
        List<String> firstNumbers = numbers(first);
        assertThat(firstNumbers).hasSize(25).contains(numbers(get("/app/credentials?q=Filler+19", owner).body()).get(0));
        Matcher older = Pattern.compile("href=\"(/app/credentials\\?q=example&amp;cursor=[^\"]+)\"").matcher(first);
        assertThat(older.find()).as("a link to older credentials that keeps the search").isTrue();
        String second = get(older.group(1).replace("&amp;", "&"), owner).body();
        assertThat(numbers(second)).hasSize(total - 25).doesNotContainAnyElementsOf(firstNumbers).contains(failed);
        // no older page (a row's resend step keeps the cursor, to come back to this page)
        assertThat(second).contains("href=\"/app/credentials?q=example\"").doesNotContain("href=\"/app/credentials?q=example&amp;cursor=");
        List<String> api = server.send("GET", "/api/v1/credentials?limit=200", acme, null).json().get("items").findValuesAsText("number");
        List<String> both = new ArrayList<>(firstNumbers);
        both.addAll(numbers(second));
        assertThat(both).isEqualTo(api);
    }

    @Test
    void resend_queues_a_new_claim_link_audited_as_the_user_and_returns_to_the_same_page() throws Exception {
        String owner = signIn("acme", "owner@acme.example");
        String page = get("/app/credentials?lang=nb&q=Bounced", owner).body();
        // the row's Resend leads to the confirmation step, the list's filters kept
        String step = "/app/credentials/" + bounced + "/resend?q=Bounced&from=list&lang=nb";
        assertThat(row(page, bounced)).contains("href=\"" + step.replace("&", "&amp;") + "\"");
        String confirm = get(step, owner).body();
        assertThat(confirm).contains("name=\"confirm\" value=\"yes\"", "name=\"from\" value=\"list\"", "name=\"q\" value=\"Bounced\"")
                .contains("href=\"/app/credentials?q=Bounced&amp;lang=nb\"");
        int before = mailsTo("bounced@example.org").size();
        var resent = form("/app/credentials/" + bounced + "/resend", owner, "csrf", csrf(confirm), "confirm", "yes", "from", "list", "q", "Bounced",
                "lang", "nb");
        assertThat(resent.status()).isEqualTo(303);
        String back = resent.headers().firstValue("Location").orElseThrow();
        assertThat(back).isEqualTo("/app/credentials?q=Bounced&notice=resent&number=" + bounced + "&lang=nb");
        String after = get(back, owner).body();
        assertThat(after).contains("En ny hentelenke for " + bounced + " er lagt i kø");
        assertThat(row(after, bounced)).contains("I kø").doesNotContain("Avvist");
        server.credence.mailWorker().runDue();
        assertThat(mailsTo("bounced@example.org")).hasSize(before + 1);
        assertThat(row(get("/app/credentials?q=Bounced", owner).body(), bounced)).contains("Sent");
        // the same action and actor as the API's resend, the user named
        long ownerId = server.send("GET", "/api/v1/users", acme, null).json().get("items").findValues("id").get(0).asLong();
        JsonNode audit = server.send("GET", "/api/v1/audit?limit=5", acme, null).json().get("items");
        JsonNode event = audit.findParents("action").stream().filter(e -> e.get("action").asText().equals("credential.resend")).findFirst().orElseThrow();
        assertThat(event.get("actor").asText()).isEqualTo("user:" + ownerId);
        // a revoked credential has no button; a forged post says why nothing was sent
        var refused = form("/app/credentials/" + revoked + "/resend", owner, "csrf", csrf(page), "confirm", "yes");
        assertThat(refused.headers().firstValue("Location")).hasValue("/app/credentials?notice=revoked&number=" + revoked);
        assertThat(get(refused.headers().firstValue("Location").get(), owner).body()).contains(revoked + " is revoked");
    }

    @Test
    void a_resend_posted_without_its_confirmation_sends_nothing_and_is_shown_the_step() {
        // the list's button used to post straight away: one click resent the claim mail and voided the recipient's link
        String owner = signIn("acme", "owner@acme.example");
        String page = get("/app/credentials?q=Silent", owner).body();
        int mails = mailCount(silent);
        var unconfirmed = form("/app/credentials/" + silent + "/resend", owner, "csrf", csrf(page), "q", "Silent");
        assertThat(unconfirmed.status()).isEqualTo(303);
        assertThat(unconfirmed.headers().firstValue("Location")).hasValue("/app/credentials/" + silent + "/resend?q=Silent&from=list");
        assertThat(mailCount(silent)).isEqualTo(mails);
        assertThat(get(unconfirmed.headers().firstValue("Location").get(), owner).body()).contains("Resend the claim mail?");
    }

    @Test
    void resend_without_the_csrf_token_or_from_another_site_is_refused_and_sends_nothing() {
        String owner = signIn("acme", "owner@acme.example");
        String token = csrf(get("/app/credentials", owner).body());
        int mails = mailCount(silent);
        assertThat(form("/app/credentials/" + silent + "/resend", owner).status()).isEqualTo(403);
        assertThat(form("/app/credentials/" + silent + "/resend", owner, "csrf", "not-the-token").body()).contains("This form was not accepted");
        var crossSite = server.sendBytes("POST", "/app/credentials/" + silent + "/resend", null, ("csrf=" + token).getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", "credence_session=" + owner, "Origin", "https://evil.example");
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(form("/app/credentials/" + silent + "/resend", null, "csrf", token).status()).as("signed out: to the login page").isEqualTo(303);
        assertThat(mailCount(silent)).isEqualTo(mails);
    }

    @Test
    void a_viewer_sees_the_list_without_resend_buttons_and_may_not_resend() {
        String viewer = signIn("acme", "viewer@acme.example");
        String page = get("/app/credentials", viewer).body();
        assertThat(numbers(page)).hasSize(25);
        assertThat(page).doesNotContain("/resend").doesNotContain(">Resend<");
        var refused = form("/app/credentials/" + silent + "/resend", viewer, "csrf", csrf(get("/app", viewer).body()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Not allowed");
        assertThat(mailCount(silent)).isZero();
        var signedOut = server.sendBytes("GET", "/app/credentials?status=revoked", null, null);
        assertThat(signedOut.status()).isEqualTo(303);
        assertThat(signedOut.headers().firstValue("Location")).hasValue("/login?next=%2Fapp%2Fcredentials%3Fstatus%3Drevoked");
    }

    @Test
    void a_user_of_another_tenant_can_neither_see_nor_resend_these_credentials() {
        String globex = server.tenant("globex");
        issue(server.achievement(globex), globex, "Globex Person", "person@globex.example");
        user(globex, "owner@globex.example", "owner");
        String other = signIn("globex", "owner@globex.example");
        String page = get("/app/credentials", other).body();
        assertThat(numbers(page)).hasSize(1).doesNotContain(bounced);
        assertThat(page).contains("Globex Person").doesNotContain("example.org").doesNotContain("Bounced Person");
        assertThat(numbers(get("/app/credentials?q=" + bounced, other).body())).isEmpty();
        assertThat(numbers(get("/app/credentials?achievementId=" + welding, other).body())).isEmpty();
        var resend = form("/app/credentials/" + silent + "/resend", other, "csrf", csrf(page), "confirm", "yes");
        assertThat(resend.status()).isEqualTo(404);
        assertThat(get("/app/credentials/" + silent + "/resend?from=list", other).status()).isEqualTo(404);
        assertThat(mailCount(silent)).isZero();
    }

    static void issue(long achievement, String key, String name, String email) {
        assertThat(server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \""
                + name + "\", \"email\": \"" + email + "\"}, \"notify\": false}").status()).isEqualTo(201);
    }

    static List<jakarta.mail.internet.MimeMessage> mailsTo(String address) {
        return MailDeliveryTest.mailTo(smtp, address);
    }

    static int mailCount(String number) {
        return server.send("GET", "/api/v1/credentials/" + number + "/delivery", acme, null).json().get("mails").size();
    }
}
