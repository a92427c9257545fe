package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.delivery.MailSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /app/credentials/{number}} over real HTTP: the signed facts, the timeline, the actions behind their confirmation
 * steps (the same services and audit entries as the API's), roles, tenants, and the list's CSV export.
 */
@Tag("integration")
class CredentialDetailPageTest {
    static final String PASSWORD = "a long enough passphrase";
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String acme;
    static long achievement;
    static long ownerId;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data, new MailSettings(Optional.empty(), MailSettings.OUTBOX.from(), Duration.ZERO), Clock.systemUTC());
        acme = server.tenant("acme");
        achievement = server.achievement(acme);
        for (String role : List.of("owner", "issuer", "viewer")) {
            server.user(acme, role + "@acme.example", role, PASSWORD);
        }
        ownerId = server.send("GET", "/api/v1/users", acme, null).json().get("items").findParents("email").stream()
                .filter(u -> u.get("email").asText().equals("owner@acme.example")).findFirst().orElseThrow().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String issue(String name, String email, boolean notify) {
        var issued = server.send("POST", "/api/v1/credentials", acme, "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \""
                + name + "\", \"email\": \"" + email + "\"}, \"notify\": " + notify + "}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().get("number").asText();
    }

    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static JsonNode api(String number) {
        return server.send("GET", "/api/v1/credentials/" + number, acme, null).json();
    }

    /** Opens an action's confirmation step and confirms it with {@code fields}; returns the answer to the confirmation. */
    static ServerHarness.Response confirm(String cookie, String number, String action, String... fields) {
        var step = server.page("/app/credentials/" + number + "/" + action, cookie);
        assertThat(step.status()).as(step.body()).isEqualTo(200);
        Matcher target = Pattern.compile("<form class=\"stacked\" method=\"post\" action=\"([^\"]+)\"").matcher(step.body());
        assertThat(target.find()).isTrue();
        // what a browser sends: the form's hidden fields (its CSRF token, the confirmation), then what was filled in
        List<String> all = new java.util.ArrayList<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(step.body());
        hidden.region(target.end(), step.body().indexOf("</form>", target.end()));
        while (hidden.find()) {
            all.add(hidden.group(1));
            all.add(hidden.group(2));
        }
        assertThat(all).contains("confirm", "csrf");
        all.addAll(List.of(fields));
        return server.form(target.group(1), cookie, all.toArray(String[]::new));
    }

    /** What a verifier says of the credential's status. */
    static JsonNode status(String number) {
        return server.send("GET", "/api/v1/verify/" + number, null, null).json().get("checks").findParents("check").stream()
                .filter(c -> c.get("check").asText().equals("status")).findFirst().orElseThrow();
    }

    static List<JsonNode> audit(String action) {
        return server.send("GET", "/api/v1/audit?limit=100", acme, null).json().get("items").findParents("action").stream()
                .filter(e -> e.get("action").asText().equals(action)).toList();
    }

    @Test
    void a_row_of_the_list_leads_to_the_credentials_page_with_its_signed_facts_and_links() {
        String number = issue("Dina Detalj", "dina@example.org", false);
        String owner = server.signIn("acme", "owner@acme.example", PASSWORD);
        String list = server.page("/app/credentials?q=Dina", owner).body();
        // the walkthrough's dead end: a row now leads to its credential's own page
        assertThat(list).contains("href=\"/app/credentials/" + number + "\"");
        var page = server.page("/app/credentials/" + number, owner);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Dina Detalj").contains("dina@example.org").contains("Certified Data Steward").contains(number)
                .contains("Active").contains("href=\"/c/" + number + "\"").contains("href=\"/verify/" + number + "\"")
                .contains("href=\"/c/" + number + "/credential.json\"").contains("href=\"/c/" + number + "/certificate.pdf\"")
                .contains("aria-current=\"page\">Credentials<").contains("Issued")
                .contains("href=\"/app/credentials/" + number + "/revoke\"").contains("href=\"/app/credentials/" + number + "/renew\"");
        String norwegian = server.page("/app/credentials/" + number + "?lang=nb", owner).body();
        assertThat(norwegian).contains("<html lang=\"nb\">").contains("Signerte opplysninger").contains("Tidslinje").contains("Gyldig")
                .contains("href=\"/app/credentials/" + number + "/suspend?lang=nb\"");
        // a number as a person may type it finds the same page; a malformed one is no credential
        assertThat(server.page("/app/credentials/" + number.toLowerCase(java.util.Locale.ROOT), owner).status()).isEqualTo(200);
        assertThat(server.page("/app/credentials/not-a-number", owner).status()).isEqualTo(404);
    }

    @Test
    void revoke_suspend_and_reinstate_through_the_page_end_as_the_api_ends_and_are_audited_as_the_user() {
        String owner = server.signIn("acme", "owner@acme.example", PASSWORD);
        String byPage = issue("Paula Page", "paula@example.org", false);
        String byApi = issue("Arne Api", "arne@example.org", false);

        assertThat(confirm(owner, byPage, "suspend", "reason", "under review").status()).isEqualTo(303);
        assertThat(server.send("POST", "/api/v1/credentials/" + byApi + "/suspend", acme, "{\"reason\": \"under review\"}").status()).isEqualTo(200);
        assertThat(api(byPage).get("state")).isEqualTo(api(byApi).get("state"));
        assertThat(api(byPage).get("reason")).isEqualTo(api(byApi).get("reason"));
        assertThat(status(byPage)).isEqualTo(status(byApi));

        var reinstated = confirm(owner, byPage, "reinstate");
        assertThat(reinstated.headers().firstValue("Location")).hasValue("/app/credentials/" + byPage + "?notice=reinstate");
        server.send("POST", "/api/v1/credentials/" + byApi + "/reinstate", acme, null);
        assertThat(api(byPage).get("state").asText()).isEqualTo("active").isEqualTo(api(byApi).get("state").asText());

        assertThat(confirm(owner, byPage, "revoke", "reason", "issued in error").status()).isEqualTo(303);
        server.send("POST", "/api/v1/credentials/" + byApi + "/revoke", acme, "{\"reason\": \"issued in error\"}");
        assertThat(api(byPage).get("state").asText()).isEqualTo("revoked").isEqualTo(api(byApi).get("state").asText());
        assertThat(status(byPage)).isEqualTo(status(byApi));

        // the same audit entries, the user named where the API names its key
        for (String action : List.of("credential.suspend", "credential.reinstate", "credential.revoke")) {
            List<String> actors = audit(action).stream().map(e -> e.get("actor").asText()).toList();
            assertThat(actors).contains("user:" + ownerId).anyMatch(a -> a.startsWith("api-key:"));
        }
        assertThat(audit("credential.revoke").get(1).get("after").get("reason").asText()).isEqualTo("issued in error");

        // the timeline, newest first, grew by each step; a revoked credential offers no action
        String page = server.page("/app/credentials/" + byPage + "?notice=revoke", owner).body();
        assertThat(page).contains("The credential is revoked.").contains("Revoked").doesNotContain("/app/credentials/" + byPage + "/reinstate\"");
        int revoked = page.indexOf("<span class=\"what\">Revoked</span>");
        int reinstatedAt = page.indexOf("<span class=\"what\">Reinstated</span>");
        int suspended = page.indexOf("<span class=\"what\">Suspended</span>");
        int issued = page.indexOf("<span class=\"what\">Issued</span>");
        assertThat(List.of(revoked, reinstatedAt, suspended, issued)).allMatch(i -> i > 0).isSorted();
        assertThat(page).contains("issued in error").contains("under review").contains("by <bdi>owner &lt;owner@acme.example&gt;</bdi>");
    }

    @Test
    void an_action_needs_its_confirmation_and_a_refusal_is_shown_beside_the_field() {
        String owner = server.signIn("acme", "owner@acme.example", PASSWORD);
        String number = issue("Conrad Confirm", "conrad@example.org", false);
        String token = csrf(server.page("/app/credentials/" + number, owner).body());
        // a post that skipped the confirmation step changes nothing and is shown the step
        var unconfirmed = server.form("/app/credentials/" + number + "/revoke", owner, "csrf", token, "reason", "typed");
        assertThat(unconfirmed.status()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("Nothing was changed").contains(">typed</textarea>").contains("Revoke for good");
        assertThat(api(number).get("state").asText()).isEqualTo("active");
        // no reason: the command's own rule, as the API's 422
        var noReason = server.form("/app/credentials/" + number + "/suspend", owner, "csrf", token, "confirm", "yes", "reason", " ");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("id=\"reason-error\">say why the credential is suspended");
        var apiNoReason = server.send("POST", "/api/v1/credentials/" + number + "/suspend", acme, "{}");
        assertThat(apiNoReason.status()).isEqualTo(422);
        assertThat(apiNoReason.json().get("detail").asText()).isEqualTo("say why the credential is suspended");
        assertThat(api(number).get("state").asText()).isEqualTo("active");
        // an action the credential's state does not admit: nothing happens, and the page says so
        var notSuspended = server.form("/app/credentials/" + number + "/reinstate", owner, "csrf", token, "confirm", "yes");
        assertThat(notSuspended.status()).isEqualTo(409);
        assertThat(notSuspended.body()).contains("does not apply to the credential as it stands now");
        assertThat(audit("credential.reinstate").stream().map(e -> e.get("subject").asText()).toList())
                .doesNotContain("credential:" + api(number).get("id").asText());
        // revoked: a second revocation changes nothing
        assertThat(confirm(owner, number, "revoke", "reason", "done").status()).isEqualTo(303);
        var again = server.form("/app/credentials/" + number + "/revoke", owner, "csrf", token, "confirm", "yes", "reason", "twice");
        assertThat(again.status()).isEqualTo(409);
        assertThat(api(number).get("reason").asText()).isEqualTo("done");
        // a refusal of the service, as the API's problem: the new address already holds this achievement
        String holder = issue("Hilde Holder", "hilde@example.org", false);
        var clash = confirm(owner, holder, "email", "email", "conrad@example.org");
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.body()).contains("the new address already holds credential " + number).contains("value=\"conrad@example.org\"");
        // an e-mail address that is none, kept as typed
        String other = issue("Erik Epost", "erik@example.org", false);
        var badEmail = confirm(owner, other, "email", "email", "not an address");
        assertThat(badEmail.status()).isEqualTo(422);
        assertThat(badEmail.body()).contains("id=\"email-error\">email is not an e-mail address").contains("value=\"not an address\"");
        // the forms work without JavaScript: plain posts, a csrf field, no script
        assertThat(server.page("/app/credentials/" + other + "/email", owner).body()).doesNotContain("<script");
    }

    @Test
    void resend_renew_and_an_email_change_go_through_the_apis_services_and_show_in_the_timeline() {
        String issuer = server.signIn("acme", "issuer@acme.example", PASSWORD);
        String number = issue("Rita Renew", "rita@example.org", true);
        server.credence.mailWorker().runDue();
        var resent = confirm(issuer, number, "resend");
        assertThat(resent.headers().firstValue("Location")).hasValue("/app/credentials/" + number + "?notice=resend");
        assertThat(audit("credential.resend")).isNotEmpty();
        String page = server.page("/app/credentials/" + number, issuer).body();
        assertThat(page).contains("Claim mail resent").contains("Mail delivered to the mail server").contains("Mail queued")
                .contains("Your credential").contains("Claim link").contains("rita@example.org");

        var changed = confirm(issuer, number, "email", "email", "rita.new@example.org");
        assertThat(changed.status()).isEqualTo(303);
        assertThat(api(number).get("credential").toString()).doesNotContain("rita.new"); // the signed credential names a hash
        assertThat(server.page("/app/credentials/" + number, issuer).body()).contains("rita.new@example.org").contains("E-mail address changed");
        assertThat(audit("credential.email")).isNotEmpty();

        var renewed = confirm(issuer, number, "renew", "notify", "on");
        assertThat(renewed.status()).isEqualTo(303);
        Matcher renewal = Pattern.compile("renewal=(CRD-[0-9A-Z-]+)").matcher(renewed.headers().firstValue("Location").orElseThrow());
        assertThat(renewal.find()).isTrue();
        String successor = renewal.group(1);
        String old = server.page(renewed.headers().firstValue("Location").get(), issuer).body();
        assertThat(old).contains("The credential is renewed as " + successor).contains("Superseded (renewed)").contains("Renewed as")
                .contains("href=\"/app/credentials/" + successor + "\"");
        assertThat(server.page("/app/credentials/" + successor, issuer).body()).contains("Renews").contains("href=\"/app/credentials/" + number + "\"");
        assertThat(server.send("GET", "/api/v1/credentials/" + successor + "/lineage", acme, null).json().get("items").findValuesAsText("number"))
                .containsExactly(number, successor);
        // an issuer may not revoke? it may: issuers hold REVOKE; but no reinstate is offered for an active credential
        assertThat(server.page("/app/credentials/" + successor, issuer).body()).contains("/revoke\"").doesNotContain("/reinstate\"");
    }

    @Test
    void tracked_events_join_the_timeline() {
        String owner = server.signIn("acme", "owner@acme.example", PASSWORD);
        String number = issue("Thea Track", "thea@example.org", false);
        assertThat(server.send("GET", "/s/" + number + "/linkedin_profile", null, null, "User-Agent", BROWSER).status()).isEqualTo(302);
        String page = server.page("/app/credentials/" + number, owner).body();
        assertThat(page).contains("<span class=\"what\">Shared</span> — <span class=\"detail\"><bdi>linkedin_profile</bdi>").contains("Shares 1");
    }

    @Test
    void a_viewer_sees_the_page_without_actions_and_may_neither_open_nor_post_one() {
        String number = issue("Vera Viewer", "vera@example.org", false);
        String viewer = server.signIn("acme", "viewer@acme.example", PASSWORD);
        var page = server.page("/app/credentials/" + number, viewer);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Vera Viewer").doesNotContain("/revoke\"").doesNotContain("/suspend\"").doesNotContain("/renew\"")
                .doesNotContain("/email\"").doesNotContain("<h2 id=\"actions-title\">");
        for (String action : List.of("revoke", "suspend", "reinstate", "renew", "email", "resend")) {
            assertThat(server.page("/app/credentials/" + number + "/" + action, viewer).status()).as(action).isEqualTo(403);
            assertThat(server.form("/app/credentials/" + number + "/" + action, viewer, "csrf", csrf(page.body()), "confirm", "yes",
                    "reason", "r").status()).as(action).isEqualTo(403);
        }
        assertThat(api(number).get("state").asText()).isEqualTo("active");
        var signedOut = server.page("/app/credentials/" + number, null);
        assertThat(signedOut.status()).isEqualTo(303);
    }

    @Test
    void another_tenants_credential_is_not_found_and_cannot_be_acted_on() {
        String number = issue("Olga Other", "olga@example.org", false);
        String globex = server.tenant("globex");
        server.user(globex, "owner@globex.example", "owner", PASSWORD);
        String stranger = server.signIn("globex", "owner@globex.example", PASSWORD);
        var page = server.page("/app/credentials/" + number, stranger);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("No such credential").doesNotContain("Olga");
        assertThat(server.page("/app/credentials/" + number + "/revoke", stranger).status()).isEqualTo(404);
        String token = csrf(server.page("/app/credentials", stranger).body());
        assertThat(server.form("/app/credentials/" + number + "/revoke", stranger, "csrf", token, "confirm", "yes", "reason", "x").status())
                .isEqualTo(404);
        assertThat(api(number).get("state").asText()).isEqualTo("active");
        // the export is the tenant's own too
        assertThat(server.page("/app/credentials.csv", stranger).body()).doesNotContain(number);
    }

    @Test
    void the_list_exports_its_filtered_credentials_as_csv() {
        String owner = server.signIn("acme", "owner@acme.example", PASSWORD);
        String kept = issue("Cecilie Csv", "cecilie@example.org", false);
        String dropped = issue("Cecilie Csv Two", "cecilie2@example.org", false);
        server.send("POST", "/api/v1/credentials/" + kept + "/suspend", acme, "{\"reason\": \"csv\"}");
        String list = server.page("/app/credentials?q=Cecilie&status=suspended", owner).body();
        Matcher link = Pattern.compile("href=\"(/app/credentials\\.csv\\?[^\"]+)\"").matcher(list);
        assertThat(link.find()).as("a CSV link with the page's filters").isTrue();
        String href = link.group(1).replace("&amp;", "&");
        assertThat(href).contains("q=Cecilie").contains("status=suspended").doesNotContain("cursor");
        var csv = server.page(href, owner);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("credentials.csv");
        assertThat(csv.body()).startsWith("number,id,achievementId").contains(kept).doesNotContain(dropped);
        assertThat(csv.body().lines()).hasSize(2);
        // the same rows as the API's export with the same filters
        assertThat(csv.body()).isEqualTo(server.send("GET", "/api/v1/credentials?format=csv&q=Cecilie&status=suspended", acme, null).body());
        assertThat(server.page(href, null).status()).as("signed out: to the login page").isEqualTo(303);
    }
}
