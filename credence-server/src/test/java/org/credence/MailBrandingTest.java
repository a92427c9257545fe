package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mails people want to open (issue 15, section 5), through a real SMTP server: the tenant's logo, colours and the
 * credential's badge (inline, by Content-ID), a clear call-to-action button, a plain-text part, and the tenant's sender
 * name and reply-to address; and the same mails previewed at {@code /app/branding/mails}.
 */
@Tag("integration")
class MailBrandingTest {
    static final String PASSWORD = "a long enough passphrase";
    @TempDir
    static Path data;
    static GreenMail smtp;
    static ServerHarness server;
    static String fjord;
    static String plain;
    static long fjordAchievement;
    static long plainAchievement;

    @BeforeAll
    static void start() throws Exception {
        int port = MailDeliveryTest.freePort();
        smtp = MailDeliveryTest.startSmtp(port);
        server = new ServerHarness(data, MailDeliveryTest.smtpOn(port), new MovableClock());
        fjord = server.send("POST", "/api/v1/tenants", ServerHarness.ADMIN_KEY,
                "{\"slug\":\"fjordmail\",\"name\":\"Fjord Fagskole\",\"url\":\"https://fjord.example\",\"locale\":\"nb\"}").json().get("apiKey").asText();
        plain = server.tenant("plainmail");
        fjordAchievement = server.achievement(fjord);
        plainAchievement = server.achievement(plain);
        var branded = server.send("PUT", "/api/v1/branding", fjord, "{\"primaryColour\": \"#0a5c36\", \"accentColour\": \"#f2b705\", "
                + "\"mailSenderName\": \"Fjord Fagskole kursavdeling\", \"mailReplyTo\": \"kurs@fjord.example\"}");
        assertThat(branded.status()).as(branded.body()).isEqualTo(200);
        assertThat(branded.json().get("mailSenderName").asText()).isEqualTo("Fjord Fagskole kursavdeling");
        assertThat(branded.json().get("mailReplyTo").asText()).isEqualTo("kurs@fjord.example");
        var logo = server.sendBytes("PUT", "/api/v1/branding/logo", fjord, BadgeAndBrandingTest.png(900, 300, Color.BLUE), "Content-Type", "image/png");
        assertThat(logo.status()).as(logo.body()).isEqualTo(200);
        server.user(fjord, "owner@fjordmail.example", "owner", PASSWORD);
        server.user(fjord, "viewer@fjordmail.example", "viewer", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
        smtp.stop();
    }

    static MimeMessage issuedMail(String key, long achievement, String email) {
        var issued = server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement
                + ", \"recipient\": {\"name\": \"Kari Nordmann\", \"email\": \"" + email + "\"}}");
        assertThat(issued.status()).as(issued.body()).isIn(200, 201);
        server.credence.mailWorker().runDue();
        List<MimeMessage> mails = MailDeliveryTest.mailTo(smtp, email);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    /** Every part of the message of {@code type}, depth first. */
    static List<Part> parts(Part p, String type) throws Exception {
        List<Part> found = new ArrayList<>();
        if (p.isMimeType(type)) {
            found.add(p);
        }
        if (p.isMimeType("multipart/*")) {
            var multipart = (jakarta.mail.Multipart) p.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                found.addAll(parts(multipart.getBodyPart(i), type));
            }
        }
        return found;
    }

    @Test
    void the_issuance_mail_carries_the_logo_colours_badge_a_button_a_text_part_and_the_sender_name() throws Exception {
        MimeMessage mail = issuedMail(fjord, fjordAchievement, "kari.branded@example.org");
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Fjord Fagskole kursavdeling");
        assertThat(from.getAddress()).isEqualTo("no-reply@credence.example");
        assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).isEqualTo("kurs@fjord.example");

        String html = MailDeliveryTest.part(mail, "text/html");
        assertThat(html).contains("background:#0a5c36", "border-bottom:4px solid #f2b705", "src=\"cid:logo@credence\"", "alt=\"Fjord Fagskole\"",
                "src=\"cid:badge@credence\"", "alt=\"Merket ditt\"");
        // the call to action: a button in the tenant's colour, its text readable on it, linking to the claim
        assertThat(html).containsPattern("<a class=\"cta\" href=\"" + server.base() + "/claim/[A-Za-z0-9_-]{43}\\?lang=nb\" style=\"[^\"]*color:#ffffff");
        assertThat(html).contains("Hent kompetansebeviset ditt");

        String text = MailDeliveryTest.textPart(mail);
        assertThat(text).contains("Hei Kari Nordmann,", "Hent kompetansebeviset ditt:", server.base() + "/claim/").doesNotContain("<");

        List<Part> images = parts(mail, "image/png");
        assertThat(images).hasSize(2);
        for (Part image : images) {
            assertThat(image.getDisposition()).isEqualTo(Part.INLINE);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            image.getDataHandler().writeTo(bytes);
            // scaled down for mail: a 900×300 logo is sent at 144×48, the badge at 120 px; both a few kilobytes
            assertThat(bytes.size()).isLessThan(40_000);
        }
        assertThat(images.stream().map(p -> header(p, "Content-ID")).toList()).containsExactlyInAnyOrder("<logo@credence>", "<badge@credence>");
        var logo = BadgeAndBrandingTest.decode(bytes(images.stream().filter(p -> header(p, "Content-ID").equals("<logo@credence>")).findFirst().orElseThrow()));
        assertThat(logo.getHeight()).isEqualTo(48);
        assertThat(logo.getWidth()).isEqualTo(144);
        // the certificate is linked, not attached (drawn on first download; CREDENCE_MAIL_ATTACH_PDF attaches it again)
        assertThat(parts(mail, "application/pdf")).isEmpty();
        assertThat(text).contains(server.base() + "/c/").contains("/certificate.pdf");
    }

    @Test
    void mails_of_two_tenants_sent_in_one_batch_each_carry_their_own_tenants_look() throws Exception {
        // the worker reads the looks of a batch together (issue 14): one tenant's branding must not leak into the other's mail
        for (String[] mail : new String[][] {{fjord, "batch.fjord@example.org"}, {plain, "batch.plain@example.org"}}) {
            long achievement = mail[0].equals(fjord) ? fjordAchievement : plainAchievement;
            var issued = server.send("POST", "/api/v1/credentials", mail[0], "{\"achievementId\": " + achievement
                    + ", \"recipient\": {\"name\": \"Kari Nordmann\", \"email\": \"" + mail[1] + "\"}}");
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        }
        assertThat(server.credence.mailWorker().runDue()).isEqualTo(2);

        MimeMessage fjordMail = MailDeliveryTest.mailTo(smtp, "batch.fjord@example.org").get(0);
        assertThat(((InternetAddress) fjordMail.getFrom()[0]).getPersonal()).isEqualTo("Fjord Fagskole kursavdeling");
        assertThat(MailDeliveryTest.part(fjordMail, "text/html")).contains("background:#0a5c36", "src=\"cid:logo@credence\"", "src=\"cid:badge@credence\"");
        MimeMessage plainMail = MailDeliveryTest.mailTo(smtp, "batch.plain@example.org").get(0);
        assertThat(((InternetAddress) plainMail.getFrom()[0]).getPersonal()).isEqualTo("plainmail Academy");
        assertThat(plainMail.getHeader("Reply-To")).isNull();
        assertThat(MailDeliveryTest.part(plainMail, "text/html")).contains("background:#1f3a5f", "src=\"cid:badge@credence\"")
                .doesNotContain("cid:logo@credence");
    }

    @Test
    void a_tenant_without_mail_settings_sends_under_its_own_name_in_credences_colours_with_no_reply_to() throws Exception {
        MimeMessage mail = issuedMail(plain, plainAchievement, "plain@example.org");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("plainmail Academy");
        assertThat(mail.getHeader("Reply-To")).isNull();
        String html = MailDeliveryTest.part(mail, "text/html");
        assertThat(html).contains("background:#1f3a5f", "plainmail Academy", "src=\"cid:badge@credence\"").doesNotContain("cid:logo@credence");
        assertThat(MailDeliveryTest.textPart(mail)).contains("Hello Kari Nordmann,");
    }

    @Test
    void the_revocation_notice_is_branded_too_with_a_button_and_a_text_part() throws Exception {
        MimeMessage issued = issuedMail(fjord, fjordAchievement, "revoked.branded@example.org");
        assertThat(MailDeliveryTest.textPart(issued)).isNotBlank();
        String number = server.send("GET", "/api/v1/credentials?q=revoked.branded", fjord, null).json().get("items").get(0).get("number").asText();
        assertThat(server.send("POST", "/api/v1/credentials/" + number + "/revoke", fjord, "{\"reason\": \"Feil i eksamen\"}").status()).isEqualTo(200);
        server.credence.mailWorker().runDue();
        List<MimeMessage> mails = MailDeliveryTest.mailTo(smtp, "revoked.branded@example.org");
        assertThat(mails).hasSize(2);
        MimeMessage notice = mails.get(1);
        assertThat(((InternetAddress) notice.getFrom()[0]).getPersonal()).isEqualTo("Fjord Fagskole kursavdeling");
        String html = MailDeliveryTest.part(notice, "text/html");
        assertThat(html).contains("background:#0a5c36", "src=\"cid:logo@credence\"", "src=\"cid:badge@credence\"", "class=\"cta\"",
                "Feil i eksamen");
        assertThat(MailDeliveryTest.textPart(notice)).contains("Feil i eksamen", server.base() + "/c/" + number);
    }

    @Test
    void the_sender_settings_refuse_what_would_break_a_mail_header() {
        var newline = server.send("PUT", "/api/v1/branding", plain, "{\"mailSenderName\": \"Evil\\r\\nBcc: all@example.org\"}");
        assertThat(newline.status()).isEqualTo(422);
        assertThat(newline.body()).contains("mailSenderName");
        var twoAddresses = server.send("PUT", "/api/v1/branding", plain, "{\"mailReplyTo\": \"a@example.org, b@example.org\"}");
        assertThat(twoAddresses.status()).isEqualTo(422);
        assertThat(twoAddresses.body()).contains("mailReplyTo");
        assertThat(server.send("GET", "/api/v1/branding", plain, null).json().get("mailReplyTo").isNull()).isTrue();
    }

    @Test
    void the_mails_are_previewed_in_the_app_with_the_real_branding_in_english_and_norwegian() {
        String owner = server.signIn("fjordmail", "owner@fjordmail.example", PASSWORD);
        var page = server.page("/app/branding/mails?kind=expiry_reminder&lang=nb", owner);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("class=\"app-bar\"", "Påminnelse om utløp", "Fjord Fagskole kursavdeling &lt;no-reply@credence.example&gt;",
                "kurs@fjord.example", "sandbox=\"\"", "src=\"/app/branding/mails/expiry_reminder/html?lang=nb\"", "id=\"mail-text\"",
                "Forny kompetansebeviset");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-src 'self'", "script-src 'self'");

        var frame = server.page("/app/branding/mails/expiry_reminder/html?lang=nb", owner);
        assertThat(frame.status()).isEqualTo(200);
        assertThat(frame.body()).contains("background:#0a5c36", "src=\"data:image/png;base64,", "Certified Data Steward")
                .doesNotContain("cid:");
        assertThat(frame.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("sandbox", "frame-ancestors 'self'", "default-src 'none'").doesNotContain("script-src");
        assertThat(frame.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");

        var english = server.page("/app/branding/mails", owner);
        assertThat(english.body()).contains("Your credential (issuance)", "awarded you", "Hello Kari Nordmann,");
        assertThat(server.page("/app/branding/mails/no_such_mail/html", owner).status()).isEqualTo(404);
        for (String kind : org.credence.delivery.MailPreviews.KINDS) {
            for (String lang : List.of("en", "nb")) {
                var each = server.page("/app/branding/mails?kind=" + kind + "&lang=" + lang, owner);
                assertThat(each.status()).as(kind + " " + lang).isEqualTo(200);
                assertThat(each.body()).as(kind + " " + lang).contains("aria-current=\"page\"", "id=\"mail-text\"").doesNotContainPattern("\\{[a-z]+\\}");
                var html = server.page("/app/branding/mails/" + kind + "/html?lang=" + lang, owner);
                assertThat(html.body()).as(kind + " " + lang).contains("class=\"cta\"", "lang=\"" + lang + "\"");
            }
        }

        String viewer = server.signIn("fjordmail", "viewer@fjordmail.example", PASSWORD);
        assertThat(server.page("/app/branding/mails", viewer).status()).isEqualTo(403);
        assertThat(server.page("/app/branding/mails/credential_issued/html", viewer).status()).isEqualTo(403);
    }

    private static String header(Part part, String name) {
        try {
            return part.getHeader(name)[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Part part) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        part.getDataHandler().writeTo(bytes);
        return bytes.toByteArray();
    }
}
