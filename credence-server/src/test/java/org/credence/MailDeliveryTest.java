package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
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

/** Mail through a real SMTP server (GreenMail): what is sent, in which language, and what happens when the server is away or refuses. */
@Tag("integration")
class MailDeliveryTest {
    static final Pattern CLAIM_LINK = Pattern.compile("/claim/([A-Za-z0-9_-]{43})");
    @TempDir
    static Path data;
    static int smtpPort;
    static GreenMail smtp;
    static MovableClock clock = new MovableClock();
    static ServerHarness server;
    static String acme;
    static String fjord;
    static long acmeAchievement;

    @BeforeAll
    static void start() throws Exception {
        smtpPort = freePort();
        smtp = startSmtp();
        server = new ServerHarness(data, smtpOn(smtpPort), clock);
        acme = server.tenant("acme");
        acmeAchievement = server.achievement(acme);
        var created = server.send("POST", "/api/v1/tenants", ServerHarness.ADMIN_KEY,
                "{\"slug\":\"fjord\",\"name\":\"Fjord Fagskole\",\"url\":\"https://fjord.example\",\"locale\":\"nb\"}");
        fjord = created.json().get("apiKey").asText();
    }

    static int freePort() throws java.io.IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** Mail to an SMTP server on this machine's {@code port}, with no background worker: each test sends the queue itself, so nothing races the assertions. */
    static MailSettings smtpOn(int port) {
        return new MailSettings(Optional.of(new MailSettings.Smtp("127.0.0.1", port, Optional.empty(), Optional.empty(), MailSettings.Tls.NONE)),
                "Credence <no-reply@credence.example>", Duration.ZERO);
    }

    static GreenMail startSmtp() {
        return startSmtp(smtpPort);
    }

    static GreenMail startSmtp(int port) {
        awaitFree(port);
        // restarted by several tests; 2 s (the default) is too little on a busy two-core machine
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(15_000);
        GreenMail mail = new GreenMail(setup);
        mail.start();
        return mail;
    }

    /**
     * Waits (at most 10 s) until the port can be bound again. A test that stands a refusing server in for GreenMail hands
     * the port back; its last connection can keep the port a moment longer, and GreenMail, which binds once and then
     * waits its whole start-up timeout, failed the rest of the class with "Address already in use".
     */
    static void awaitFree(int port) {
        for (int attempt = 0; ; attempt++) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new java.net.InetSocketAddress("127.0.0.1", port));
                return;
            } catch (java.io.IOException busy) {
                if (attempt >= 100) {
                    throw new IllegalStateException("port " + port + " stayed busy for 10 s", busy);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        smtp.stop();
    }

    static JsonNode issue(String key, long achievement, String name, String email, String extra) {
        var response = server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement
                + ", \"recipient\": {\"name\": " + ServerHarness.JSON.valueToTree(name) + ", \"email\": \"" + email + "\"}" + extra + "}");
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json();
    }

    static List<MimeMessage> mailTo(String address) {
        return mailTo(smtp, address);
    }

    static List<MimeMessage> mailTo(GreenMail server, String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static String claimToken(String body) {
        Matcher m = CLAIM_LINK.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    static JsonNode delivery(String key, String number) {
        return server.send("GET", "/api/v1/credentials/" + number + "/delivery", key, null).json();
    }

    @Test
    void issuance_sends_one_mail_with_name_achievement_and_claim_link_and_a_reissue_sends_none() throws Exception {
        JsonNode issued = issue(acme, acmeAchievement, "Åse Ødegård", "ase@example.org", "");
        server.credence.mailWorker().runDue();
        issue(acme, acmeAchievement, "Åse Ødegård", "ase@example.org", "");
        server.credence.mailWorker().runDue();

        List<MimeMessage> mails = mailTo("ase@example.org");
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("acme Academy awarded you: Certified Data Steward");
        String body = GreenMailUtil.getBody(mail);
        String text = textPart(mail);
        assertThat(text).contains("Hello Åse Ødegård,").contains("Certified Data Steward").contains(issued.get("number").asText())
                .contains(server.base() + "/claim/").contains(server.base() + "/c/" + issued.get("number").asText() + "/certificate.pdf");
        assertThat(body).contains("text/html");
        String token = claimToken(text);
        assertThat(server.send("GET", "/claim/" + token, null, null).body()).contains("Åse Ødegård").contains("Certified Data Steward");
        JsonNode history = delivery(acme, issued.get("number").asText());
        assertThat(history.get("mails")).hasSize(1);
        assertThat(history.get("mails").get(0).get("status").asText()).isEqualTo("sent");
        assertThat(history.get("mails").get(0).get("history").findValuesAsText("status")).containsExactly("queued", "sent");
    }

    @Test
    void the_issuance_mail_links_to_the_certificate_pdf_drawn_on_first_download_and_the_same_file_afterwards() throws Exception {
        String number = issue(acme, acmeAchievement, "Pål Ærlig", "pdf.linked@example.org", "").get("number").asText();
        server.credence.mailWorker().runDue();

        MimeMessage mail = mailTo("pdf.linked@example.org").get(0);
        // by default (CREDENCE_MAIL_ATTACH_PDF unset) no PDF is drawn for the mail: it links to the certificate
        assertThat(find(mail, "application/pdf")).isNull();
        String link = server.base() + "/c/" + number + "/certificate.pdf";
        assertThat(textPart(mail)).contains(link);
        assertThat(part(mail, "text/html")).contains("href=\"" + link + "\"");
        byte[] first = server.binary("GET", link.substring(server.base().length()), null, null).body();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(first)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Pål Ærlig", number);
        }
        // drawn once and stored: every later download (and an attachment, where one is configured) is this very file
        assertThat(server.binary("GET", link.substring(server.base().length()), null, null).body()).isEqualTo(first);
        int stored = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM credential_document d JOIN credential c ON c.id = d.credential_id WHERE c.number = :n AND d.kind = 'certificate.pdf'")
                .bind("n", number).mapTo(Integer.class).one());
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void a_norwegian_tenant_mails_in_norwegian() throws Exception {
        long achievement = server.achievement(fjord);
        issue(fjord, achievement, "Kari Nordmann", "kari@example.no", "");
        server.credence.mailWorker().runDue();
        MimeMessage mail = mailTo("kari@example.no").get(0);
        assertThat(mail.getSubject()).isEqualTo("fjord Academy har tildelt deg: Certified Data Steward".replace("fjord Academy", "Fjord Fagskole"));
        assertThat(textPart(mail)).contains("Hei Kari Nordmann,").contains("Hent kompetansebeviset ditt").contains("?lang=nb")
                .as("the way to the recipient's own page, with the short name it asks for")
                .contains("Alle kompetansebevisene dine fra Fjord Fagskole:").contains(server.base() + "/me?lang=nb&tenant=fjord");
    }

    @Test
    void a_subject_with_norwegian_letters_and_emoji_is_encoded_for_any_mail_server_and_reads_back_exactly() throws Exception {
        long achievement = server.send("POST", "/api/v1/achievements", fjord, """
                {"name": "Sveising på høyt nivå – ÆØÅ 🔥", "kind": "certification", "description": "Bestått.", "criteria": "70 %."}""")
                .json().get("id").asLong();
        issue(fjord, achievement, "Åse 👩🏽‍🎓", "emoji@example.no", "");
        server.credence.mailWorker().runDue();
        MimeMessage mail = mailTo("emoji@example.no").get(0);
        assertThat(mail.getHeader("Subject")[0]).as("RFC 2047 encoded words: plain ASCII on the wire").matches("\\p{ASCII}+").contains("=?UTF-8?");
        assertThat(mail.getSubject()).isEqualTo("Fjord Fagskole har tildelt deg: Sveising på høyt nivå – ÆØÅ 🔥");
        assertThat(textPart(mail)).startsWith("Hei Åse 👩🏽‍🎓,");
    }

    @Test
    void notify_false_sends_nothing() {
        JsonNode issued = issue(acme, acmeAchievement, "Quiet Person", "quiet@example.org", ", \"notify\": false");
        server.credence.mailWorker().runDue();
        assertThat(mailTo("quiet@example.org")).isEmpty();
        assertThat(delivery(acme, issued.get("number").asText()).get("mails")).isEmpty();
        var wrong = server.send("POST", "/api/v1/credentials", acme, "{\"achievementId\": " + acmeAchievement
                + ", \"recipient\": {\"name\": \"N\", \"email\": \"n@example.org\"}, \"notify\": \"no\"}");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("field").asText()).isEqualTo("notify");
    }

    @Test
    void the_history_reads_queued_and_sent_from_the_mail_itself_and_shows_steps_stored_by_earlier_versions_once() throws Exception {
        String number = issue(acme, acmeAchievement, "Historic Person", "historic@example.org", "").get("number").asText();
        server.credence.mailWorker().runDue();
        long mailId = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT id FROM mail WHERE recipient = 'historic@example.org'")
                .mapTo(Long.class).one());
        // issue 14: queuing and sending write no history rows (two rows and their index entries per mail)
        int historyRows = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM mail_event WHERE mail_id = :mail")
                .bind("mail", mailId).mapTo(Integer.class).one());
        assertThat(historyRows).isZero();
        JsonNode sent = delivery(acme, number).get("mails").get(0);
        String messageId = mailTo("historic@example.org").get(0).getMessageID();
        assertThat(sent.get("history").findValuesAsText("status")).containsExactly("queued", "sent");
        assertThat(sent.get("history").get(1).get("detail").asText()).isEqualTo(messageId);
        assertThat(sent.get("history").get(0).get("at").asText()).isEqualTo(sent.get("createdAt").asText());

        // the rows an earlier version wrote for the same steps are not shown a second time
        server.credence.jdbi().useHandle(h -> h.execute("""
                INSERT INTO mail_event (tenant_id, mail_id, status, detail, at)
                SELECT tenant_id, id, 'queued', NULL, created_at FROM mail WHERE id = ?
                UNION ALL
                SELECT tenant_id, id, 'sent', message_id, sent_at FROM mail WHERE id = ?""", mailId, mailId));
        assertThat(delivery(acme, number).get("mails").get(0).get("history")).isEqualTo(sent.get("history"));
    }

    @Test
    void mail_waits_while_smtp_is_down_survives_a_restart_and_is_sent_when_it_is_back() throws Exception {
        smtp.stop();
        try {
            JsonNode issued = issue(acme, acmeAchievement, "Patient Person", "patient@example.org", "");
            String number = issued.get("number").asText();
            server.credence.mailWorker().runDue();
            JsonNode waiting = delivery(acme, number).get("mails").get(0);
            assertThat(waiting.get("status").asText()).isEqualTo("queued");
            assertThat(waiting.get("attempts").asInt()).isEqualTo(1);
            assertThat(waiting.get("lastError").asText()).containsIgnoringCase("connect");
            server.restart();
        } finally {
            smtp = startSmtp();
        }
        // the retry is not due yet: backoff
        assertThat(server.credence.mailWorker().runDue()).isZero();
        clock.advance(Duration.ofHours(3));
        server.credence.mailWorker().runDue();
        assertThat(mailTo("patient@example.org")).hasSize(1);
        JsonNode sent = delivery(acme, claimNumberOf("patient@example.org")).get("mails").get(0);
        assertThat(sent.get("status").asText()).isEqualTo("sent");
        assertThat(sent.get("history").findValuesAsText("status")).containsExactly("queued", "retry", "sent");
    }

    @Test
    void mail_is_given_up_as_failed_with_its_reason_after_the_last_attempt_and_a_resend_gets_it_out() throws Exception {
        smtp.stop();
        String number;
        try {
            number = issue(acme, acmeAchievement, "Unlucky Person", "unlucky@example.org", "").get("number").asText();
            for (int attempt = 1; attempt <= 13; attempt++) {
                server.credence.mailWorker().runDue();
                clock.advance(Duration.ofHours(3));
            }
        } finally {
            smtp = startSmtp();
        }
        JsonNode failed = delivery(acme, number).get("mails").get(0);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("attempts").asInt()).isEqualTo(12);
        assertThat(failed.get("lastError").asText()).startsWith("gave up after 12 attempts: ").containsIgnoringCase("connect");
        assertThat(failed.get("history").findValuesAsText("status")).hasSize(13).startsWith("queued", "retry").endsWith("retry", "failed");
        // failed is final: the server back does not revive it, the issuer's resend does
        server.credence.mailWorker().runDue();
        assertThat(mailTo("unlucky@example.org")).isEmpty();
        assertThat(server.send("POST", "/api/v1/credentials/" + number + "/resend", acme, null).status()).isEqualTo(202);
        server.credence.mailWorker().runDue();
        assertThat(mailTo("unlucky@example.org")).hasSize(1);
        JsonNode mails = delivery(acme, number).get("mails");
        assertThat(List.of(mails.get(0).get("status").asText(), mails.get(1).get("status").asText())).containsExactly("failed", "sent");
    }

    @Test
    void a_permanent_refusal_is_a_bounce_with_the_servers_reason() throws Exception {
        smtp.stop();
        String number;
        try (RefusingSmtpServer refusing = new RefusingSmtpServer(smtpPort)) {
            number = issue(acme, acmeAchievement, "Nobody", "nobody@example.org", "").get("number").asText();
            server.credence.mailWorker().runDue();
        } finally {
            smtp = startSmtp();
        }
        JsonNode bounced = delivery(acme, number).get("mails").get(0);
        assertThat(bounced.get("status").asText()).isEqualTo("bounced");
        assertThat(bounced.get("lastError").asText()).contains("550").contains("no such user");
        clock.advance(Duration.ofHours(3));
        server.credence.mailWorker().runDue();
        assertThat(mailTo("nobody@example.org")).isEmpty();
    }

    @Test
    void resend_mails_a_new_claim_link_and_the_old_one_stops_working() throws Exception {
        String number = issue(acme, acmeAchievement, "Twice Mailed", "twice@example.org", "").get("number").asText();
        server.credence.mailWorker().runDue();
        String first = claimToken(textPart(mailTo("twice@example.org").get(0)));
        var resent = server.send("POST", "/api/v1/credentials/" + number + "/resend", acme, null);
        assertThat(resent.status()).isEqualTo(202);
        assertThat(server.send("GET", "/claim/" + first, null, null).status()).isEqualTo(410);
        server.credence.mailWorker().runDue();
        List<MimeMessage> mails = mailTo("twice@example.org");
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).getSubject()).isEqualTo("Your new link for Certified Data Steward");
        String second = claimToken(textPart(mails.get(1)));
        assertThat(server.send("GET", "/claim/" + second, null, null).status()).isEqualTo(200);
        assertThat(delivery(acme, number).get("mails").findValuesAsText("kind")).containsExactly("credential_issued", "claim_link");
    }

    @Test
    void an_issuance_mail_and_a_resend_sent_in_one_batch_leave_only_the_later_link_working() throws Exception {
        String number = issue(acme, acmeAchievement, "Batched Twice", "batched.twice@example.org", "").get("number").asText();
        assertThat(server.send("POST", "/api/v1/credentials/" + number + "/resend", acme, null).status()).isEqualTo(202);
        server.credence.mailWorker().runDue();
        List<MimeMessage> mails = mailTo("batched.twice@example.org");
        assertThat(mails).hasSize(2);
        MimeMessage issued = mails.stream().filter(m -> subject(m).startsWith("acme Academy awarded you")).findFirst().orElseThrow();
        MimeMessage resent = mails.stream().filter(m -> subject(m).startsWith("Your new link")).findFirst().orElseThrow();
        assertThat(server.send("GET", "/claim/" + claimToken(textPart(issued)), null, null).status()).isEqualTo(410);
        assertThat(server.send("GET", "/claim/" + claimToken(textPart(resent)), null, null).status()).isEqualTo(200);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void another_tenants_key_can_neither_read_the_delivery_nor_resend() {
        JsonNode issued = issue(acme, acmeAchievement, "Private Person", "private@example.org", "");
        for (String id : List.of(issued.get("number").asText(), issued.get("id").asText())) {
            assertThat(server.send("GET", "/api/v1/credentials/" + id + "/delivery", fjord, null).status()).isEqualTo(404);
            assertThat(server.send("POST", "/api/v1/credentials/" + id + "/resend", fjord, null).status()).isEqualTo(404);
        }
        assertThat(server.send("GET", "/api/v1/credentials/" + issued.get("id").asText() + "/delivery", null, null).status()).isEqualTo(401);
    }

    @Test
    void names_with_html_emoji_right_to_left_text_and_great_length_are_escaped_in_html_and_plain_in_text() throws Exception {
        String name = "<script>alert('x')</script> Zoë 👩🏽‍🎓 مريم العربية " + "L".repeat(240);
        issue(acme, acmeAchievement, name, "unusual@example.org", "");
        server.credence.mailWorker().runDue();
        MimeMessage mail = mailTo("unusual@example.org").get(0);
        assertThat(textPart(mail)).contains("Hello " + name + ",");
        String html = part(mail, "text/html");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;").contains("👩🏽‍🎓").contains("مريم العربية");
        String page = server.send("GET", "/claim/" + claimToken(textPart(mail)), null, null).body();
        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;").contains("مريم العربية");
    }

    private static String claimNumberOf(String email) throws Exception {
        Matcher m = Pattern.compile("CRD-[0-9A-Z-]+").matcher(textPart(mailTo(email).get(0)));
        assertThat(m.find()).isTrue();
        return m.group();
    }

    static String textPart(MimeMessage mail) throws Exception {
        return part(mail, "text/plain");
    }

    static String part(jakarta.mail.Part p, String type) throws Exception {
        jakarta.mail.Part found = find(p, type);
        return found == null ? null : (String) found.getContent();
    }

    /** The first part of the type, depth first. */
    static jakarta.mail.Part find(jakarta.mail.Part p, String type) throws Exception {
        if (p.isMimeType(type)) {
            return p;
        }
        if (p.isMimeType("multipart/*")) {
            jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) p.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.Part found = find(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
