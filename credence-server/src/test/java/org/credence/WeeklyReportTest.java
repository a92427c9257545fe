package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.credence.report.IsoWeek;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weekly program report: PDF and CSV over the API, subscribers, and one mail per subscriber each Monday through a real SMTP server. */
@Tag("integration")
class WeeklyReportTest {
    @TempDir
    static Path data;
    static GreenMail smtp;
    static MovableClock clock = new MovableClock();
    static ServerHarness server;
    static String key;
    static long analyst;
    static long viewer;
    /** The week the credentials were issued in (the Monday test moves the clock on). */
    static IsoWeek issuedWeek;

    @BeforeAll
    static void start() throws Exception {
        int port = MailDeliveryTest.freePort();
        smtp = MailDeliveryTest.startSmtp(port);
        server = new ServerHarness(data, MailDeliveryTest.smtpOn(port), clock);
        key = server.tenant("weekly");
        long achievement = server.achievement(key);
        for (int i = 0; i < 6; i++) {
            server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement
                    + ", \"recipient\": {\"name\": \"R\", \"email\": \"w" + i + "@example.org\"}, \"notify\": false}");
        }
        issuedWeek = thisWeek();
        analyst = user("analyst@weekly.example", "analyst");
        viewer = user("viewer@weekly.example", "viewer");
    }

    @AfterAll
    static void stop() {
        server.close();
        smtp.stop();
    }

    static long user(String email, String role) {
        var created = server.send("POST", "/api/v1/users", key,
                "{\"email\": \"" + email + "\", \"name\": \"" + role + "\", \"role\": \"" + role + "\", \"password\": \"correct horse battery staple\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    static IsoWeek thisWeek() {
        return IsoWeek.of(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void the_weekly_report_comes_as_pdf_and_csv_with_the_week_before_beside_it() throws Exception {
        IsoWeek week = issuedWeek;
        HttpResponse<byte[]> pdf = server.binary("GET", "/api/v1/reports/weekly?week=" + week, key, null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(pdfText(pdf.body())).contains("Weekly program report", week.toString(), week.previous().toString(), "L1 Operations",
                "L2 Engagement", "Credentials issued");
        var csv = server.send("GET", "/api/v1/reports/weekly?week=" + week + "&format=csv", key, null);
        OpenApiContractTest.check("/api/v1/reports/weekly", "get", csv);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("section,layer,metric,period,value").contains("operations,L1,operations.credentials_issued," + week + ",6,")
                .contains("operations,L1,operations.credentials_issued," + week.previous() + ",0,").contains("engagement.claim_rate")
                .contains("issued-by-achievement");
        var json = server.send("GET", "/api/v1/reports/weekly?week=" + week + "&format=json", key, null);
        OpenApiContractTest.check("/api/v1/reports/weekly", "get", json);
        assertThat(json.json().get("report").asText()).isEqualTo("weekly");
        for (String bad : new String[] {"2026-W54", "2026W48", "2026-w48", "2026-W1"}) {
            var problem = server.send("GET", "/api/v1/reports/weekly?week=" + bad, key, null);
            assertThat(problem.status()).as(bad).isEqualTo(422);
            assertThat(problem.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
    }

    @Test
    void the_norwegian_weekly_pdf_writes_the_formulas_in_norwegian() throws Exception {
        HttpResponse<byte[]> pdf = server.binary("GET", "/api/v1/reports/weekly?week=" + issuedWeek + "&lang=nb", key, null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        // PDFBox breaks lines where the PDF does: join them to look for phrases
        String text = pdfText(pdf.body()).replaceAll("\\s+", " ");
        assertThat(text).contains("Ukentlig programrapport", "kompetansebevis med utstedelsestidspunkt i perioden");
        BoardReportTest.LIBRARY_ENGLISH.forEach(english -> assertThat(text).doesNotContain(english));
    }

    @Test
    void subscribers_are_the_tenants_owners_and_analysts() {
        var refused = server.send("PUT", "/api/v1/reports/weekly/subscribers/" + viewer, key, null);
        OpenApiContractTest.check("/api/v1/reports/weekly/subscribers/{userId}", "put", refused);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(server.send("PUT", "/api/v1/reports/weekly/subscribers/999999", key, null).status()).isEqualTo(404);
        String otherKey = server.tenant("weekly-other");
        assertThat(server.send("PUT", "/api/v1/reports/weekly/subscribers/" + analyst, otherKey, null).status()).isEqualTo(404);
        assertThat(server.send("PUT", "/api/v1/reports/weekly/subscribers/" + analyst, key, "{\"language\": \"de\"}").status()).isEqualTo(422);
        assertThat(server.send("GET", "/api/v1/reports/weekly/subscribers", otherKey, null).json().get("subscribers")).isEmpty();
    }

    @Test
    void each_subscriber_gets_one_mail_each_monday_with_the_pdf_attached() throws Exception {
        var subscribed = server.send("PUT", "/api/v1/reports/weekly/subscribers/" + analyst, key, "{\"language\": \"nb\"}");
        OpenApiContractTest.check("/api/v1/reports/weekly/subscribers/{userId}", "put", subscribed);
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(200);
        var list = server.send("GET", "/api/v1/reports/weekly/subscribers", key, null);
        OpenApiContractTest.check("/api/v1/reports/weekly/subscribers", "get", list);
        assertThat(list.json().at("/subscribers/0/email").asText()).isEqualTo("analyst@weekly.example");
        var scan = server.credence.reports().scan();
        // subscribed this week: nothing until Monday
        assertThat(scan.run(clock.instant())).isZero();

        moveTo(nextMonday().plus(Duration.ofMinutes(5)));
        IsoWeek reported = thisWeek().previous();
        assertThat(scan.run(clock.instant())).isEqualTo(1);
        assertThat(scan.run(clock.instant())).isZero();
        server.credence.mailWorker().runDue();
        assertThat(MailDeliveryTest.mailTo(smtp, "analyst@weekly.example")).hasSize(1);
        MimeMessage mail = MailDeliveryTest.mailTo(smtp, "analyst@weekly.example").get(0);
        assertThat(mail.getSubject()).isEqualTo("Ukentlig programrapport, " + reported + ": weekly Academy");
        byte[] pdf = attachment(mail);
        assertThat(pdfText(pdf)).contains("Ukentlig programrapport", reported.toString(), reported.previous().toString());

        clock.advance(Duration.ofDays(1));
        assertThat(scan.run(clock.instant())).isZero();
        clock.advance(Duration.ofDays(6));
        assertThat(scan.run(clock.instant())).isEqualTo(1);
        server.credence.mailWorker().runDue();
        assertThat(MailDeliveryTest.mailTo(smtp, "analyst@weekly.example")).hasSize(2);

        var gone = server.send("DELETE", "/api/v1/reports/weekly/subscribers/" + analyst, key, null);
        OpenApiContractTest.check("/api/v1/reports/weekly/subscribers/{userId}", "delete", gone);
        assertThat(gone.status()).isEqualTo(204);
        assertThat(server.send("DELETE", "/api/v1/reports/weekly/subscribers/" + analyst, key, null).status()).isEqualTo(404);
        clock.advance(Duration.ofDays(7));
        assertThat(scan.run(clock.instant())).isZero();
    }

    static Instant nextMonday() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static void moveTo(Instant at) {
        clock.advance(Duration.between(clock.instant(), at));
    }

    static byte[] attachment(MimeMessage mail) throws Exception {
        Multipart mixed = (Multipart) mail.getContent();
        for (int i = 0; i < mixed.getCount(); i++) {
            Part part = mixed.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                assertThat(part.getFileName()).endsWith(".pdf");
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no attachment");
    }
}
