package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.events.CredentialEvent;
import org.credence.issuance.IssueCommand;
import org.credence.renewal.ExpiryScan;
import org.credence.renewal.Renewals;
import org.credence.tenant.Caller;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Expiry, recertification and renewal end to end over HTTP on PostgreSQL, mail through GreenMail, time moved with a
 * {@link MovableClock}: reminders at 90/30/7 days sent once each, expiry shown and recorded once, renewal through the
 * API, the reminder's link (with its fee as a revenue line) and a new completion, notices of revocation and suspension
 * in English and Norwegian, the audited e-mail change, and tenant isolation.
 */
@Tag("integration")
class RenewalTest extends WithMailedServer {
    static final Pattern RENEW_LINK = Pattern.compile("/renew/([A-Za-z0-9_-]{43})");

    /** Issues without mail, expiring {@code days} from the clock's now; returns the answer. */
    static JsonNode issue(ServerHarness.TestTenant t, String email, long days) {
        Instant expires = clock.instant().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        var response = server.send("POST", "/api/v1/credentials", t.key(), "{\"achievementId\": " + t.achievement()
                + ", \"recipient\": {\"name\": \"Kari Nordmann\", \"email\": \"" + email + "\"}, \"notify\": false, \"expiresAt\": \"" + expires + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    static ExpiryScan.Ran scan() {
        ExpiryScan.Ran ran = server.credence.renewal().scan().run();
        server.credence.mailWorker().runDue();
        return ran;
    }

    static long count(String sql, Object... binds) {
        return server.count(sql, binds);
    }

    static List<MimeMessage> mailTo(String address) {
        return MailDeliveryTest.mailTo(smtp, address);
    }

    static JsonNode get(ServerHarness.TestTenant t, String path) {
        var response = server.send("GET", path, t.key(), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void reminders_go_out_90_30_and_7_days_before_expiry_once_each_and_a_late_start_sends_only_the_nearest() throws Exception {
        ServerHarness.TestTenant t = tenant("remind", "en");
        String number = issue(t, "remind@example.org", 100).get("number").asText();
        issue(t, "late@example.org", 20);
        scan();
        assertThat(mailTo("remind@example.org")).isEmpty();

        clock.advance(Duration.ofDays(11)); // 89 days left
        scan();
        scan(); // a second scan finds nothing more to do
        assertThat(mailTo("remind@example.org")).hasSize(1);
        MimeMessage first = mailTo("remind@example.org").get(0);
        assertThat(first.getSubject()).isEqualTo("Your Certified Data Steward expires on "
                + clock.instant().plus(89, ChronoUnit.DAYS).toString().substring(0, 10));
        assertThat(MailDeliveryTest.textPart(first)).contains(number).contains("in 89 days").containsPattern(RENEW_LINK);
        // issued 20 days before expiry: the 90- and 30-day reminders were both due; only the 30-day one was sent
        assertThat(mailTo("late@example.org")).hasSize(1);

        clock.advance(Duration.ofDays(60)); // 29 days left
        scan();
        clock.advance(Duration.ofDays(23)); // 6 days left
        scan();
        scan();
        assertThat(mailTo("remind@example.org")).hasSize(3);
        assertThat(count("""
                SELECT count(*) FROM expiry_reminder r JOIN credential c ON c.id = r.credential_id
                 WHERE c.number = ? AND r.mail_id IS NOT NULL""", number)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM expiry_reminder WHERE tenant_id = ? AND mail_id IS NULL", t.id())).isEqualTo(1);
    }

    @Test
    void a_backlog_larger_than_one_batch_is_reminded_once_each_reading_forward_through_expiry_order() {
        ServerHarness.TestTenant t = tenant("renew-backlog", "en");
        Caller caller = new Caller(t.id(), Set.of("issue"), "test");
        Instant expires = clock.instant().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        // more than two batches of 500, many sharing one expiry second, so the scan's cursor must order by id as well
        List<IssueCommand> commands = new java.util.ArrayList<>();
        for (int i = 0; i < 1_150; i++) {
            commands.add(new IssueCommand(t.achievement(), "Kari Nordmann", "backlog-" + i + "@example.org", null,
                    expires.plusSeconds(i % 7), null, List.of(), false, null));
        }
        assertThat(server.credence.issuance().issueAll(caller, commands)).allSatisfy(r -> assertThat(r.error()).isNull());

        server.credence.renewal().scan().run();
        server.credence.renewal().scan().run();

        assertThat(count("SELECT count(*) FROM expiry_reminder r JOIN credential c ON c.id = r.credential_id "
                + "WHERE c.tenant_id = ? AND r.offset_days = 30", t.id())).as("the 30-day reminder, once each").isEqualTo(1_150);
        assertThat(count("SELECT count(DISTINCT credential_id) FROM expiry_reminder r JOIN credential c ON c.id = r.credential_id "
                + "WHERE c.tenant_id = ?", t.id())).isEqualTo(1_150);
    }

    @Test
    void an_expired_credential_is_shown_expired_and_recorded_once() {
        ServerHarness.TestTenant t = tenant("lapse", "en");
        String number = issue(t, "lapse@example.org", 1).get("number").asText();
        clock.advance(Duration.ofDays(2));
        List<CredentialEvent> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExpiryScan watched = server.credence.renewal().scanTelling((h, event) -> heard.add(event));
        watched.run();
        watched.run();
        server.credence.renewal().scan().run(); // a second scanner: the expiry is recorded already
        assertThat(heard).filteredOn(e -> number.equals(e.number())).singleElement().satisfies(e -> {
            assertThat(e.type().wireName()).isEqualTo("credential.expired");
            assertThat(e.tenantId()).isEqualTo(t.id());
            assertThat(e.subject()).isEqualTo(Long.toString(t.achievement()));
        });
        assertThat(count("SELECT count(*) FROM credential_expiry WHERE tenant_id = ?", t.id())).isEqualTo(1);

        JsonNode verified = server.send("GET", "/api/v1/verify/" + number, null, null).json();
        assertThat(verified.get("status").asText()).isEqualTo("expired");
        JsonNode expired = get(t, "/api/v1/credentials?status=expired");
        assertThat(expired.get("items")).extracting(i -> i.get("number").asText()).containsExactly(number);
        // the API names the standing, as the pages do: an expired credential is not "active" (regression: it used to be)
        assertThat(expired.get("items").get(0).get("state").asText()).isEqualTo("expired");
        assertThat(get(t, "/api/v1/credentials/" + number).get("state").asText()).isEqualTo("expired");
        assertThat(server.send("GET", "/c/" + number, null, null).body()).contains("expired");
    }

    @Test
    void the_issuer_renews_through_the_api_and_the_old_credential_is_superseded_and_still_verifies() {
        ServerHarness.TestTenant t = tenant("renew-api", "en");
        JsonNode old = issue(t, "api@example.org", 40);
        String oldNumber = old.get("number").asText();
        var renewed = server.send("POST", "/api/v1/credentials/" + oldNumber + "/renew", t.key(), "{\"notify\": false}");
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(201);
        String newNumber = renewed.json().get("number").asText();
        assertThat(renewed.json().get("renews").asText()).isEqualTo(oldNumber);
        assertThat(renewed.json().get("state").asText()).isEqualTo("active");
        // the new validity counts the achievement's 730 days from the old expiry, still ahead
        Instant oldExpiry = Instant.parse(old.at("/credential/validUntil").asText());
        assertThat(Instant.parse(renewed.json().at("/credential/validUntil").asText())).isEqualTo(oldExpiry.plus(730, ChronoUnit.DAYS));
        assertThat(renewed.json().at("/credential/evidence/0/id").asText()).endsWith("/verify/" + oldNumber);

        assertThat(get(t, "/api/v1/credentials/" + oldNumber).get("state").asText()).isEqualTo("superseded");
        JsonNode verified = server.send("GET", "/api/v1/verify/" + oldNumber, null, null).json();
        assertThat(verified.get("status").asText()).isEqualTo("valid");
        assertThat(verified.at("/supersededBy/number").asText()).isEqualTo(newNumber);
        assertThat(verified.at("/supersededBy/verifyUrl").asText()).endsWith("/verify/" + newNumber);
        assertThat(server.send("GET", "/verify/" + oldNumber, null, null).body()).contains("Renewed, replaced by")
                .contains("href=\"/verify/" + newNumber + "?lang=en\"");
        // not revoked: its bit in the status list stays unset
        assertThat(count("SELECT count(*) FROM credential WHERE number = ? AND state IN ('revoked', 'suspended')", oldNumber)).isZero();
        assertThat(get(t, "/api/v1/credentials/" + newNumber + "/lineage").get("items")).extracting(i -> i.get("number").asText())
                .containsExactly(oldNumber, newNumber);
        assertThat(get(t, "/api/v1/audit").get("items")).anySatisfy(entry -> {
            assertThat(entry.get("action").asText()).isEqualTo("credential.renew");
            assertThat(entry.at("/after/renews").asText()).isEqualTo(oldNumber);
        });

        // renewed once only; issuing again answers the renewal, the recipient's current credential
        assertThat(server.send("POST", "/api/v1/credentials/" + oldNumber + "/renew", t.key(), null).status()).isEqualTo(409);
        var again = server.send("POST", "/api/v1/credentials", t.key(), "{\"achievementId\": " + t.achievement()
                + ", \"recipient\": {\"name\": \"Kari Nordmann\", \"email\": \"api@example.org\"}, \"notify\": false}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("number").asText()).isEqualTo(newNumber);
        // history cannot be suspended back into being current
        assertThat(server.send("POST", "/api/v1/credentials/" + oldNumber + "/suspend", t.key(), "{\"reason\": \"x\"}").status()).isEqualTo(409);

        String revoked = issue(t, "revoked@example.org", 40).get("number").asText();
        server.send("POST", "/api/v1/credentials/" + revoked + "/revoke", t.key(), "{\"reason\": \"fraud\"}");
        assertThat(server.send("POST", "/api/v1/credentials/" + revoked + "/renew", t.key(), null).status()).isEqualTo(409);
    }

    @Test
    void the_reminder_link_renews_once_and_records_the_fee_as_a_renewal_revenue_line() throws Exception {
        ServerHarness.TestTenant t = tenant("renew-link", "en");
        var policy = server.send("PUT", "/api/v1/achievements/" + t.achievement() + "/renewal", t.key(),
                "{\"reminderDays\": [30], \"fee\": {\"amount\": 150, \"currency\": \"EUR\"}}");
        assertThat(policy.status()).as(policy.body()).isEqualTo(200);
        assertThat(policy.json().at("/fee/amount").asText()).isEqualTo("150.00");
        String oldNumber = issue(t, "link@example.org", 20).get("number").asText();
        scan();
        List<MimeMessage> mails = mailTo("link@example.org");
        assertThat(mails).hasSize(1);
        Matcher link = RENEW_LINK.matcher(MailDeliveryTest.textPart(mails.get(0)));
        assertThat(link.find()).isTrue();
        String path = "/renew/" + link.group(1);

        var page = server.send("GET", path, null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("150.00 EUR").contains(oldNumber);
        assertThat(server.sendBytes("POST", path, null, new byte[0], "Origin", "https://elsewhere.example").status()).isEqualTo(403);
        var done = server.sendBytes("POST", path, null, new byte[0], "Origin", server.base());
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(server.sendBytes("POST", path, null, new byte[0], "Origin", server.base()).status()).isEqualTo(410);
        assertThat(server.send("GET", path, null, null).status()).isEqualTo(410);

        assertThat(get(t, "/api/v1/credentials/" + oldNumber).get("state").asText()).isEqualTo("superseded");
        assertThat(count("""
                SELECT count(*) FROM revenue_line
                 WHERE tenant_id = ? AND kind = 'renewal' AND source = 'credence' AND amount = 150.00 AND currency = 'EUR' AND achievement_id = ?""",
                t.id(), t.achievement())).isEqualTo(1);
        server.credence.mailWorker().runDue();
        // the renewal goes to the recipient with its claim link
        assertThat(mailTo("link@example.org")).hasSize(2);
        assertThat(server.send("GET", "/renew/" + "x".repeat(43), null, null).status()).isEqualTo(404);
    }

    @Test
    void a_renewals_mail_says_renewed_not_awarded_in_english_and_norwegian() throws Exception {
        for (String lang : List.of("en", "nb")) {
            ServerHarness.TestTenant t = tenant("renew-mail-" + lang, lang);
            String email = "renewed-" + lang + "@example.org";
            String oldNumber = issue(t, email, 40).get("number").asText();
            var renewed = server.send("POST", "/api/v1/credentials/" + oldNumber + "/renew", t.key(), "{\"notify\": true}");
            assertThat(renewed.status()).as(renewed.body()).isEqualTo(201);
            server.credence.mailWorker().runDue();
            List<MimeMessage> mails = mailTo(email);
            assertThat(mails).hasSize(1);
            String text = MailDeliveryTest.textPart(mails.get(0));
            if (lang.equals("en")) {
                assertThat(mails.get(0).getSubject()).isEqualTo("renew-mail-en Akademi renewed your Certified Data Steward");
                assertThat(text).contains("renew-mail-en Akademi has renewed your credential Certified Data Steward").doesNotContain("awarded");
            } else {
                assertThat(mails.get(0).getSubject()).isEqualTo("renew-mail-nb Akademi har fornyet Certified Data Steward");
                assertThat(text).contains("har fornyet kompetansebeviset ditt").doesNotContain("tildelt");
            }
            assertThat(text).contains(renewed.json().get("number").asText());
        }
    }

    @Test
    void a_new_completion_renews_a_credential_in_its_window_or_expired_and_otherwise_answers_the_current_one() {
        ServerHarness.TestTenant t = tenant("renew-lms", "en");
        Renewals renewals = server.credence.renewal().renewals();
        Caller caller = new Caller(t.id(), Set.of("issue"), "test");
        String early = issue(t, "early@example.org", 200).get("number").asText();
        issue(t, "window@example.org", 60);
        issue(t, "gone@example.org", 1);
        clock.advance(Duration.ofDays(2));

        Renewals.Outcome notDue = renewals.issueOrRenew(caller, command(t, "early@example.org"));
        assertThat(notDue.renewed()).isFalse();
        assertThat(notDue.created()).isFalse();
        assertThat(notDue.credential().number()).isEqualTo(early);
        Renewals.Outcome inWindow = renewals.issueOrRenew(caller, command(t, "window@example.org"));
        assertThat(inWindow.renewed()).isTrue();
        Renewals.Outcome lapsed = renewals.issueOrRenew(caller, command(t, "gone@example.org"));
        assertThat(lapsed.renewed()).isTrue();
        // the LMS retries: the renewal is current and not due, so it is answered
        Renewals.Outcome retried = renewals.issueOrRenew(caller, command(t, "gone@example.org"));
        assertThat(retried.renewed()).isFalse();
        assertThat(retried.credential().number()).isEqualTo(lapsed.credential().number());
        Renewals.Outcome fresh = renewals.issueOrRenew(caller, command(t, "new@example.org"));
        assertThat(fresh.created()).isTrue();
        assertThat(fresh.renewed()).isFalse();
        assertThat(count("SELECT count(*) FROM credential WHERE tenant_id = ? AND state = 'superseded'", t.id())).isEqualTo(2);
    }

    static IssueCommand command(ServerHarness.TestTenant t, String email) {
        return new IssueCommand(t.achievement(), "Kari Nordmann", email, null, null, null, List.of(), false, null);
    }

    @Test
    void revocation_and_suspension_notices_reach_the_recipient_in_the_tenants_language_unless_turned_off() throws Exception {
        ServerHarness.TestTenant en = tenant("notice-en", "en");
        ServerHarness.TestTenant nb = tenant("notice-nb", "nb");
        String enNumber = issueMailed(en, "en-notice@example.org");
        String nbNumber = issueMailed(nb, "nb-notice@example.org");
        String silent = issue(en, "silent@example.org", 400).get("number").asText(); // issued without mail: never announced, nor withdrawn
        server.credence.mailWorker().runDue();
        assertThat(server.send("POST", "/api/v1/credentials/" + silent + "/revoke", en.key(), "{\"reason\": \"x\"}").status()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/credentials/" + enNumber + "/suspend", en.key(), "{\"reason\": \"audit pending\"}").status()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/credentials/" + nbNumber + "/revoke", nb.key(), "{\"reason\": \"juks\"}").status()).isEqualTo(200);
        server.credence.mailWorker().runDue();
        assertThat(mailTo("en-notice@example.org")).extracting(MimeMessage::getSubject)
                .containsExactly("notice-en Akademi awarded you: Certified Data Steward", "notice-en Akademi has suspended your Certified Data Steward");
        assertThat(MailDeliveryTest.textPart(mailTo("en-notice@example.org").get(1))).contains("Reason given: audit pending").contains(enNumber);
        assertThat(mailTo("nb-notice@example.org")).extracting(MimeMessage::getSubject)
                .endsWith("notice-nb Akademi har trukket tilbake Certified Data Steward").hasSize(2);
        assertThat(MailDeliveryTest.textPart(mailTo("nb-notice@example.org").get(1))).contains("Oppgitt grunn: juks");
        assertThat(mailTo("silent@example.org")).isEmpty();

        var off = server.send("PUT", "/api/v1/settings/state-notices", en.key(), "{\"revoked\": false, \"suspended\": true}");
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/credentials/" + enNumber + "/revoke", en.key(), "{\"reason\": \"final\"}").status()).isEqualTo(200);
        server.credence.mailWorker().runDue();
        assertThat(mailTo("en-notice@example.org")).hasSize(2);
    }

    @Test
    void reinstating_tells_the_recipient_under_the_suspension_notices_setting_in_their_language() throws Exception {
        ServerHarness.TestTenant en = tenant("reinstate-en", "en");
        ServerHarness.TestTenant nb = tenant("reinstate-nb", "nb");
        String enNumber = issueMailed(en, "en-back@example.org");
        String nbNumber = issueMailed(nb, "nb-back@example.org");
        for (var c : List.of(Map.entry(en, enNumber), Map.entry(nb, nbNumber))) {
            assertThat(server.send("POST", "/api/v1/credentials/" + c.getValue() + "/suspend", c.getKey().key(), "{\"reason\": \"audit pending\"}").status()).isEqualTo(200);
            assertThat(server.send("POST", "/api/v1/credentials/" + c.getValue() + "/reinstate", c.getKey().key(), "{}").status()).isEqualTo(200);
        }
        server.credence.mailWorker().runDue();
        assertThat(mailTo("en-back@example.org")).extracting(MimeMessage::getSubject).containsExactly(
                "reinstate-en Akademi awarded you: Certified Data Steward", "reinstate-en Akademi has suspended your Certified Data Steward",
                "reinstate-en Akademi has reinstated your Certified Data Steward");
        assertThat(MailDeliveryTest.textPart(mailTo("en-back@example.org").get(2))).contains("verifies as valid again").contains(enNumber)
                .doesNotContain("Reason given");
        assertThat(mailTo("nb-back@example.org")).extracting(MimeMessage::getSubject).endsWith("reinstate-nb Akademi har gjeninnsatt Certified Data Steward");

        // the suspension notice turned off: neither the suspension nor its end is told
        var off = server.send("PUT", "/api/v1/settings/state-notices", en.key(), "{\"revoked\": true, \"suspended\": false}");
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/credentials/" + enNumber + "/suspend", en.key(), "{\"reason\": \"again\"}").status()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/credentials/" + enNumber + "/reinstate", en.key(), "{}").status()).isEqualTo(200);
        server.credence.mailWorker().runDue();
        assertThat(mailTo("en-back@example.org")).hasSize(3);
    }

    /** Issues with the "your credential" mail, sent at once. */
    static String issueMailed(ServerHarness.TestTenant t, String email) {
        var response = server.send("POST", "/api/v1/credentials", t.key(), "{\"achievementId\": " + t.achievement()
                + ", \"recipient\": {\"name\": \"Kari Nordmann\", \"email\": \"" + email + "\"}}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        server.credence.mailWorker().runDue();
        return response.json().get("number").asText();
    }

    @Test
    void the_issuer_changes_a_recipients_address_audited_and_the_credentials_follow_and_keep_verifying() {
        ServerHarness.TestTenant t = tenant("email-change", "en");
        String number = issue(t, "old@example.org", 300).get("number").asText();
        var changed = server.send("POST", "/api/v1/credentials/" + number + "/email", t.key(), "{\"email\": \"new@example.org\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("moved")).extracting(JsonNode::asText).containsExactly(number);
        assertThat(get(t, "/api/v1/credentials?q=new@example.org").get("items")).hasSize(1);
        assertThat(server.send("GET", "/api/v1/verify/" + number, null, null).json().get("status").asText()).isEqualTo("valid");
        JsonNode audit = get(t, "/api/v1/audit").get("items");
        assertThat(audit).anySatisfy(entry -> assertThat(entry.get("action").asText()).isEqualTo("credential.email"));
        assertThat(audit.toString()).doesNotContain("old@example.org");
        server.credence.mailWorker().runDue();
        assertThat(mailTo("new@example.org")).singleElement().satisfies(m -> assertThat(MailDeliveryTest.textPart(m)).contains("/claim/"));

        // re-issue on request: a new credential in the lineage names the new address; the old one still verifies
        var reissued = server.send("POST", "/api/v1/credentials/" + number + "/email?reissue=true", t.key(), "{\"email\": \"newer@example.org\"}");
        assertThat(reissued.status()).as(reissued.body()).isEqualTo(200);
        String copy = reissued.json().get("reissued").get(0).asText();
        assertThat(get(t, "/api/v1/credentials/" + copy + "/lineage").get("items")).extracting(i -> i.get("number").asText())
                .containsExactly(number, copy);
        assertThat(server.send("GET", "/api/v1/verify/" + number, null, null).json().get("status").asText()).isEqualTo("valid");

        // the new address already holds this achievement: refused, nothing moved
        String other = issue(t, "taken@example.org", 300).get("number").asText();
        assertThat(server.send("POST", "/api/v1/credentials/" + other + "/email", t.key(), "{\"email\": \"newer@example.org\"}").status())
                .isEqualTo(409);
        assertThat(server.send("POST", "/api/v1/credentials/" + other + "/email", t.key(), "{\"email\": \"not an address\"}").status())
                .isEqualTo(422);
    }

    @Test
    void another_tenant_can_neither_renew_nor_read_nor_change_a_credential_or_policy() {
        ServerHarness.TestTenant owner = tenant("iso-owner", "en");
        ServerHarness.TestTenant stranger = tenant("iso-stranger", "en");
        String number = issue(owner, "iso@example.org", 30).get("number").asText();
        assertThat(server.send("POST", "/api/v1/credentials/" + number + "/renew", stranger.key(), null).status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/credentials/" + number + "/lineage", stranger.key(), null).status()).isEqualTo(404);
        assertThat(server.send("POST", "/api/v1/credentials/" + number + "/email", stranger.key(), "{\"email\": \"x@example.org\"}").status())
                .isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/achievements/" + owner.achievement() + "/renewal", stranger.key(), null).status()).isEqualTo(404);
        assertThat(server.send("PUT", "/api/v1/achievements/" + owner.achievement() + "/renewal", stranger.key(), "{}").status()).isEqualTo(404);
        assertThat(get(owner, "/api/v1/credentials/" + number).get("state").asText()).isEqualTo("active");
    }

    @Test
    void the_renewal_rate_counts_credences_own_renewals_once_beside_imported_renewal_lines() throws Exception {
        ServerHarness.TestTenant t = tenant("renew-rate", "en");
        server.send("PUT", "/api/v1/achievements/" + t.achievement() + "/renewal", t.key(), "{\"reminderDays\": [30], \"fee\": {\"amount\": 90, \"currency\": \"EUR\"}}");
        String renewedNumber = issue(t, "rate@example.org", 20).get("number").asText();
        issue(t, "lapsing@example.org", 20);
        scan();
        Matcher link = RENEW_LINK.matcher(MailDeliveryTest.textPart(mailTo("rate@example.org").get(0)));
        assertThat(link.find()).isTrue();
        assertThat(server.sendBytes("POST", "/renew/" + link.group(1), null, new byte[0]).status()).isEqualTo(200);
        // the same renewal also booked by the tenant's shop, imported as outcome data: still one renewal
        server.sql("""
                INSERT INTO revenue_line (tenant_id, source, source_id, achievement_id, person_id, kind, amount, currency, booked_on)
                SELECT ?, 'shop', 'r-1', ?, id, 'renewal', 90, 'EUR', ? FROM outcome_person WHERE tenant_id = ? AND email_hash = ?""",
                t.id(), t.achievement(), java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC), t.id(),
                org.credence.issuance.Issuance.emailHash("rate@example.org"));
        var queries = new org.credence.analytics.outcomes.OutcomeQueries(server.credence.jdbi());
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        var first = queries.renewals(new org.credence.analytics.outcomes.OutcomeQueries.Scope(t.id(), today.minusDays(100), today.plusDays(1),
                java.util.OptionalLong.empty(), clock.instant()));
        assertThat(first.stream().mapToLong(c -> c.eligible()).sum()).isEqualTo(2);
        assertThat(first.stream().mapToLong(c -> c.renewed()).sum()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM credential WHERE number = ? AND state = 'superseded'", renewedNumber)).isEqualTo(1);

        // two years on, the renewal's own window has opened: the lines booked the day it was issued paid for it, not renewed it
        clock.advance(Duration.ofDays(760));
        java.time.LocalDate later = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        var second = queries.renewals(new org.credence.analytics.outcomes.OutcomeQueries.Scope(t.id(), later.minusDays(110), later.plusDays(1),
                java.util.OptionalLong.empty(), clock.instant()));
        assertThat(second.stream().mapToLong(c -> c.eligible()).sum()).isEqualTo(1);
        assertThat(second.stream().mapToLong(c -> c.renewed()).sum()).isZero();
    }

    @Test
    void the_expiry_scan_is_a_recurring_job() {
        assertThat(count("SELECT count(*) FROM scheduled_tasks WHERE task_name = ?", org.credence.renewal.RenewalModule.SCAN_TASK)).isEqualTo(1);
    }

    @Test
    void concurrent_renewals_of_one_credential_make_exactly_one() throws Exception {
        ServerHarness.TestTenant t = tenant("renew-race", "en");
        String number = issue(t, "race@example.org", 30).get("number").asText();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return server.send("POST", "/api/v1/credentials/" + number + "/renew", t.key(), "{\"notify\": false}").status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(get(t, "/api/v1/credentials/" + number + "/lineage").get("items")).hasSize(2);
        assertThat(count("SELECT count(*) FROM credential WHERE tenant_id = ? AND superseded_by IS NULL", t.id())).isEqualTo(1);
    }

    @Test
    void concurrent_completions_due_for_renewal_renew_once_and_answer_the_renewal() throws Exception {
        ServerHarness.TestTenant t = tenant("renew-lms-race", "en");
        issue(t, "lms-race@example.org", 10);
        Caller caller = new Caller(t.id(), Set.of("issue"), "test");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Renewals.Outcome>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return server.credence.renewal().renewals().issueOrRenew(caller, command(t, "lms-race@example.org"));
                }));
            }
            start.countDown();
            List<Renewals.Outcome> done = new java.util.ArrayList<>();
            for (var outcome : outcomes) {
                done.add(outcome.get());
            }
            assertThat(done).filteredOn(Renewals.Outcome::renewed).hasSize(1);
            assertThat(done).extracting(o -> o.credential().number()).containsOnly(done.stream().filter(Renewals.Outcome::renewed)
                    .findFirst().orElseThrow().credential().number());
        } finally {
            pool.shutdownNow();
        }
    }
}
