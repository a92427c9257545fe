package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * A verifier with a file, not a number: the verification page takes a certificate PDF, badge or
 * credential, and says what the credential says under its signature, which the printed page
 * is not.
 */
@Tag("integration")
class VerifyUploadTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static String number;
    static byte[] pdf;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        String key = server.tenant("upload");
        long achievement = server.achievement(key);
        number = CredentialPageTest.issue(server, key, achievement, "Åse Ødegård", "ase.upload@example.org").get("number").asText();
        pdf = server.binary("GET", "/c/" + number + "/certificate.pdf", null, null).body();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A browser's multipart form post of one file. */
    static ServerHarness.Response upload(String path, String filename, byte[] file) {
        return upload(server, path, filename, file);
    }

    /** A browser's multipart form post of one file to {@code on}. */
    static ServerHarness.Response upload(ServerHarness on, String path, String filename, byte[] file) {
        String boundary = "----credence-test-boundary";
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return on.sendBytes("POST", path, null, body.toByteArray(), "Content-Type", "multipart/form-data; boundary=" + boundary,
                "Accept", "text/html");
    }

    @Test
    void the_api_says_what_the_pdf_credential_says_under_its_signature_and_which_number_it_has() {
        var report = server.sendBytes("POST", "/api/v1/verify", null, pdf, "Content-Type", "application/pdf");
        assertThat(report.json().get("status").asText()).isEqualTo("valid");
        assertThat(report.json().get("format").asText()).isEqualTo("pdf");
        assertThat(report.json().get("signed").get("recipient").asText()).isEqualTo("Åse Ødegård");
        assertThat(report.json().get("signed").get("achievement").asText()).isEqualTo("Certified Data Steward");
        assertThat(report.json().get("signed").has("validFrom")).isTrue();
        assertThat(report.json().get("number").asText()).isEqualTo(number);
        OpenApiContractTest.check("/api/v1/verify", "post", report);
    }

    @Test
    void a_tampered_credential_has_no_signed_facts() throws Exception {
        String signed = new String(org.credence.document.CertificatePdf.extractCredential(pdf), StandardCharsets.UTF_8);
        byte[] forged = CertificateTest.withAttachment(pdf, signed.replace("Åse Ødegård", "Mallory Forger"));
        var report = server.sendBytes("POST", "/api/v1/verify", null, forged, "Content-Type", "application/pdf");
        assertThat(report.json().get("status").asText()).isEqualTo("invalid");
        assertThat(report.json().has("signed")).isFalse();
        var page = upload("/verify", "forged.pdf", forged);
        assertThat(page.body()).contains("Not valid").doesNotContain("Mallory Forger").doesNotContain("id=\"pdf-caution\"");
    }

    @Test
    void the_page_verifies_an_uploaded_pdf_and_tells_to_compare_the_printed_text() {
        var page = upload("/verify", "certificate.pdf", pdf);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("Valid: this credential is authentic and in force.", "Åse Ødegård", "Certified Data Steward",
                "id=\"pdf-caution\"", "href=\"/verify/" + number);
        var norsk = upload("/verify?lang=nb", "certificate.pdf", pdf);
        assertThat(norsk.body()).contains("Gyldig: beviset er ekte og gjelder.", "Bare beviset som er vedlagt PDF-en er signert");
    }

    @Test
    void the_page_verifies_the_credential_json_and_baked_badge_too() {
        byte[] json = server.binary("GET", "/c/" + number + "/credential.json", null, null).body();
        assertThat(upload("/verify", "credential.json", json).body()).contains("Valid:", "Åse Ødegård").doesNotContain("id=\"pdf-caution\"");
        byte[] badge = server.binary("GET", "/c/" + number + "/badge.png", null, null).body();
        assertThat(upload("/verify", "badge.png", badge).body()).contains("Valid:", "Åse Ødegård");
    }

    @Test
    void bad_uploads_get_the_form_back_with_what_to_do() throws Exception {
        byte[] plain;
        try (PDDocument doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            plain = out.toByteArray();
        }
        var noAttachment = upload("/verify", "scan.pdf", plain);
        assertThat(noAttachment.status()).isEqualTo(422);
        assertThat(noAttachment.body()).contains("This PDF carries no credential to check", "id=\"by-file\"");

        var empty = upload("/verify", "empty.json", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Choose a file to verify first.");

        var notACredential = upload("/verify", "notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(notACredential.status()).isEqualTo(200);
        assertThat(notACredential.body()).contains("Not a credential.");

        var huge = upload("/verify", "huge.pdf", new byte[3 * 1024 * 1024]);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.body()).contains("larger than 2 MB");
        var hugeApi = upload("/api/v1/verify", "huge.pdf", new byte[3 * 1024 * 1024]);
        assertThat(hugeApi.status()).isEqualTo(413);
        assertThat(hugeApi.json().get("detail").asText()).contains("2 MB");
    }

    /** A browser's 3 MB file gets the form back, not a cut connection: the refused form is read to its end first. */
    @Test
    void an_oversize_upload_is_answered_on_a_connection_that_stays_usable() throws Exception {
        String boundary = "----credence-test-boundary";
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[3 * 1024 * 1024]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        // the form a person uses, and the API (the upload CI once saw cut: "header parser received no bytes")
        for (String[] route : new String[][] {{"/verify", "larger than 2 MB"}, {"/api/v1/verify", "limited to 2 MB"}}) {
            try (java.net.Socket socket = new java.net.Socket("localhost", server.port)) {
                socket.setSoTimeout(30_000);
                var out = socket.getOutputStream();
                var in = new java.io.BufferedInputStream(socket.getInputStream());
                out.write(("POST " + route[0] + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nContent-Type: multipart/form-data; boundary="
                        + boundary + "\r\nContent-Length: " + body.size() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                body.writeTo(out);
                out.flush();
                assertThat(ServerHarness.readResponse(in)).as(route[0]).startsWith("HTTP/1.1 413").contains(route[1])
                        .doesNotContainIgnoringCase("Connection: close");
                out.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(ServerHarness.readResponse(in)).as(route[0]).startsWith("HTTP/1.1 200");
            }
        }
    }

    @Test
    void a_verified_file_counts_as_a_verification_of_its_credential() {
        String key = server.tenant("counted");
        long achievement = server.achievement(key);
        String counted = CredentialPageTest.issue(server, key, achievement, "Counted Person", "counted@example.org").get("number").asText();
        byte[] json = server.binary("GET", "/c/" + counted + "/credential.json", null, null).body();
        var credential = server.credence.tracker().credential(org.credence.tracking.CredentialRef.number(counted)).orElseThrow();
        server.sendBytes("POST", "/api/v1/verify", null, json, "User-Agent", TrackingRoutesTest.BROWSER);
        assertThat(server.credence.tracker().engagement(credential.tenantId(), credential.id()).orElseThrow().verifications()).isEqualTo(1);
    }

    @Test
    void a_private_credential_verifies_by_number_without_its_name_and_by_file_with_it() {
        String key = server.tenant("private");
        long achievement = server.achievement(key);
        String hidden = CredentialPageTest.issue(server, key, achievement, "Hidden Person", "hidden@example.org").get("number").asText();
        byte[] file = server.binary("GET", "/c/" + hidden + "/certificate.pdf", null, null).body();
        server.sql("UPDATE credential SET visibility = 'private' WHERE number = ?", hidden);

        var page = server.send("GET", "/verify/" + hidden, null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Valid:", "id=\"recipient-private\"").doesNotContain("Hidden Person");
        var api = server.send("GET", "/api/v1/verify/" + hidden, null, null);
        assertThat(api.json().get("status").asText()).isEqualTo("valid");
        assertThat(api.json().get("recipientPrivate").asBoolean()).isTrue();
        assertThat(api.body()).doesNotContain("Hidden Person");
        OpenApiContractTest.check("/api/v1/verify/{number}", "get", api);

        assertThat(upload("/verify", "certificate.pdf", file).body()).contains("Valid:", "Hidden Person");
    }

    @Test
    void an_upload_streamed_without_a_length_is_refused_at_2_mb_too() throws Exception {
        // no Content-Length, so the limit is found only while the multipart body is read
        String boundary = "----credence-chunked";
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[3 * 1024 * 1024]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + "/api/v1/verify"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build();
        var response = server.http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("2 MB");
    }

    @Test
    void the_number_form_leads_to_the_number_page() {
        var form = server.send("GET", "/verify", null, null);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"by-number\"", "id=\"by-file\"");
        var found = server.send("GET", "/verify?number=" + number.toLowerCase(java.util.Locale.ROOT), null, null);
        assertThat(found.status()).isEqualTo(303);
        assertThat(found.headers().firstValue("Location").orElseThrow()).endsWith("/verify/" + number.toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    @Tag("browser")
    void a_verifier_uploads_the_pdf_in_a_browser() throws Exception {
        Path file = data.resolve("certificate.pdf");
        Files.write(file, pdf);
        try (BrowserHarness browser = BrowserHarness.start()) {
            browser.open(server.base() + "/verify");
            browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector("#by-file button")));
            assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo("Valid: this credential is authentic and in force.");
            assertThat(browser.driver().findElement(By.id("recipient")).getText()).isEqualTo("Åse Ødegård");
            assertThat(browser.driver().findElement(By.id("number")).getText()).isEqualTo(number);
            assertThat(browser.screenshot("verify_upload_pdf")).isRegularFile();
        }
    }
}
