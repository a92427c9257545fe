package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.text.PDFTextStripper;
import org.credence.document.CertificatePdf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificate PDFs over real HTTP: served from the achievement's design and the tenant's branding, stored once, tenant designs. */
@Tag("integration")
class CertificateTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static long achievement;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("certs");
        achievement = server.achievement(key);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String issue(String key, long achievement, String name, String email) {
        return CredentialPageTest.issue(server, key, achievement, name, email).get("number").asText();
    }

    static HttpResponse<byte[]> get(String path, String... headers) {
        return server.binary("GET", path, null, null, headers);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static String builtInDesign(String name) throws IOException {
        try (InputStream in = org.credence.document.Designs.class.getResourceAsStream("designs/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The achievement as stored, as a PUT body choosing {@code design}. */
    static String withDesign(String key, long achievement, String design) {
        var stored = (com.fasterxml.jackson.databind.node.ObjectNode) server.send("GET", "/api/v1/achievements/" + achievement, key, null).json();
        stored.remove("id");
        return stored.put("design", design).toString();
    }

    @Test
    void certificate_pdf_is_the_same_bytes_every_time_with_an_etag_and_a_download_name() throws Exception {
        String number = issue(key, achievement, "Åse Ødegård", "ase.pdf@example.org");
        var first = get("/c/" + number + "/certificate.pdf");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(text(first.body())).contains("Åse Ødegård", "Certified Data Steward", number);
        var second = get("/c/" + number + "/certificate.pdf");
        assertThat(second.body()).isEqualTo(first.body());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/c/" + number + "/certificate.pdf", "If-None-Match", etag).statusCode()).isEqualTo(304);
        var download = get("/c/" + number + "/certificate.pdf?download=1");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"" + number + "-certificate.pdf\"");
        var preview = get("/c/" + number + "/certificate.png");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void a_certificate_drawn_by_an_older_edition_is_drawn_again_once() {
        String number = issue(key, achievement, "Upgraded Person", "upgraded.pdf@example.org");
        byte[] first = get("/c/" + number + "/certificate.pdf").body();
        // as an earlier release left it: drawn with other designs or code, and (to tell) other bytes
        server.sql("""
                UPDATE credential_document SET drawn_with = 'older', bytes = '\\x00'::bytea, sha256 = 'old'
                 WHERE credential_id = (SELECT id FROM credential WHERE number = ?) AND kind = 'certificate.pdf'""", number);
        var redrawn = get("/c/" + number + "/certificate.pdf");
        assertThat(redrawn.body()).isEqualTo(first);
        assertThat(redrawn.headers().firstValue("ETag").orElseThrow()).isNotEqualTo("\"old\"");
        assertThat(server.sql("UPDATE credential_document SET bytes = bytes WHERE drawn_with = 'older'")).isZero();
        assertThat(get("/c/" + number + "/certificate.pdf").body()).isEqualTo(first);
    }

    @Test
    void certificate_and_design_routes_answer_as_documented() throws Exception {
        String number = issue(key, achievement, "Contract Person", "contract.pdf@example.org");
        for (String file : java.util.List.of("certificate.pdf", "certificate.png")) {
            OpenApiContractTest.check("/c/{number}/" + file, "get", server.send("GET", "/c/" + number + "/" + file, null, null));
            OpenApiContractTest.check("/c/{number}/" + file, "get", server.send("GET", "/c/CRD-0000-0000-00/" + file, null, null));
        }
        OpenApiContractTest.check("/api/v1/designs", "get", server.send("GET", "/api/v1/designs", key, null));
        OpenApiContractTest.check("/api/v1/designs/{name}", "get", server.send("GET", "/api/v1/designs/modern", key, null));
        OpenApiContractTest.check("/api/v1/designs/{name}", "get", server.send("GET", "/api/v1/designs/nothing", key, null));
        OpenApiContractTest.check("/api/v1/designs/{name}", "put", server.send("PUT", "/api/v1/designs/contract", key, builtInDesign("modern")));
        OpenApiContractTest.check("/api/v1/designs/{name}", "put", server.send("PUT", "/api/v1/designs/contract", key, builtInDesign("modern")));
        OpenApiContractTest.check("/api/v1/designs/{name}", "put", server.send("PUT", "/api/v1/designs/contract", key, "{\"page\": {}}"));
        OpenApiContractTest.check("/api/v1/designs/{name}", "put", server.send("PUT", "/api/v1/designs/contract", key, "x", "Content-Type", "text/plain"));
    }

    @Test
    void the_served_pdf_verifies_and_a_tampered_attachment_does_not() throws Exception {
        String number = issue(key, achievement, "Verified Person", "verified.pdf@example.org");
        byte[] pdf = get("/c/" + number + "/certificate.pdf").body();
        var report = server.sendBytes("POST", "/api/v1/verify", null, pdf, "Content-Type", "application/pdf");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("status").asText()).isEqualTo("valid");
        OpenApiContractTest.check("/api/v1/verify", "post", report);

        String signed = new String(CertificatePdf.extractCredential(pdf), StandardCharsets.UTF_8);
        assertThat(signed).contains("Certified Data Steward");
        byte[] tampered = withAttachment(pdf, signed.replace("Certified Data Steward", "Certified Data Overlord"));
        assertThat(new String(CertificatePdf.extractCredential(tampered), StandardCharsets.UTF_8)).contains("Overlord");
        var forged = server.sendBytes("POST", "/api/v1/verify", null, tampered, "Content-Type", "application/pdf");
        assertThat(forged.status()).isEqualTo(200);
        assertThat(forged.json().get("status").asText()).isEqualTo("invalid");

        byte[] plain;
        try (PDDocument doc = new PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(out);
            plain = out.toByteArray();
        }
        var refused = server.sendBytes("POST", "/api/v1/verify", null, plain, "Content-Type", "application/pdf");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).contains("carries no attached credential.json");
        OpenApiContractTest.check("/api/v1/verify", "post", refused);
    }

    /** The PDF with its credential.json attachment replaced, as a forger would edit it. */
    static byte[] withAttachment(byte[] pdf, String json) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf); var out = new java.io.ByteArrayOutputStream()) {
            var spec = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get(CertificatePdf.ATTACHMENT);
            var file = new PDEmbeddedFile(doc, new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void unknown_and_private_credentials_have_no_certificate() {
        String number = issue(key, achievement, "Private Person", "private.pdf@example.org");
        server.sql("UPDATE credential SET visibility = 'private' WHERE number = ?", number);
        assertThat(get("/c/" + number + "/certificate.pdf").statusCode()).isEqualTo(404);
        assertThat(get("/c/" + number + "/certificate.png").statusCode()).isEqualTo(404);
        assertThat(get("/c/CRD-0000-0000-00/certificate.pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void a_branding_change_redraws_the_certificate() throws Exception {
        String tenant = server.tenant("rebrand");
        long own = server.achievement(tenant);
        String number = issue(tenant, own, "Kari Nordmann", "kari.pdf@example.org");
        byte[] before = get("/c/" + number + "/certificate.pdf").body();
        assertThat(server.send("PUT", "/api/v1/branding", tenant, "{\"pageSize\": \"Letter\", \"primaryColour\": \"#aa0000\"}").status())
                .isEqualTo(200);
        byte[] after = get("/c/" + number + "/certificate.pdf").body();
        assertThat(after).isNotEqualTo(before);
        try (PDDocument doc = Loader.loadPDF(after)) {
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isCloseTo(215.9f * 72 / 25.4f, org.assertj.core.data.Offset.offset(0.5f));
        }
    }

    @Test
    void a_render_that_began_before_a_branding_change_does_not_store_the_old_look() {
        // the interleaving behind a flaky failure: the mail worker draws the certificate for the issuing mail,
        // the branding changes (forgetting stored documents) while it draws, and its old-look drawing was stored after
        String tenant = server.tenant("race");
        String number = issue(tenant, server.achievement(tenant), "Kari Nordmann", "kari.race@example.org");
        var jdbi = server.credence.jdbi();
        var ids = jdbi.withHandle(h -> h.createQuery("SELECT tenant_id, id FROM credential WHERE number = :number")
                .bind("number", number).mapToMap().one());
        long tenantId = ((Number) ids.get("tenant_id")).longValue();
        java.util.UUID credentialId = (java.util.UUID) ids.get("id");
        var documents = new org.credence.document.StoredDocuments(jdbi, org.credence.document.DocumentEdition.current());
        java.util.concurrent.atomic.AtomicInteger renders = new java.util.concurrent.atomic.AtomicInteger();

        var answered = documents.findOrRender(tenantId, credentialId, "share.png", () -> {
            if (renders.incrementAndGet() == 1) {
                // the first drawing has read the old branding when the branding changes
                assertThat(server.send("PUT", "/api/v1/branding", tenant, "{\"primaryColour\": \"#aa0000\"}").status()).isEqualTo(200);
                return new org.credence.document.StoredDocuments.Rendered("image/png", "old look".getBytes(StandardCharsets.UTF_8));
            }
            return new org.credence.document.StoredDocuments.Rendered("image/png", "new look".getBytes(StandardCharsets.UTF_8));
        });

        assertThat(renders).hasValue(2);
        assertThat(new String(answered.bytes(), StandardCharsets.UTF_8)).isEqualTo("new look");
        assertThat(documents.find(tenantId, credentialId, "share.png")).hasValueSatisfying(
                stored -> assertThat(new String(stored.bytes(), StandardCharsets.UTF_8)).isEqualTo("new look"));
    }

    @Test
    void a_tenant_uploads_its_own_design_and_an_achievement_chooses_it() throws Exception {
        String tenant = server.tenant("designer");
        String other = server.tenant("copycat");
        long own = server.achievement(tenant);
        String number = issue(tenant, own, "Ola Nordmann", "ola.pdf@example.org");
        byte[] classic = get("/c/" + number + "/certificate.pdf").body();

        String broken = builtInDesign("minimal").replace("\"font\": \"sans-bold\", ", "");
        var refused = server.send("PUT", "/api/v1/designs/stamp", tenant, broken);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).contains("elements[3].font is missing");
        assertThat(refused.json().get("field").asText()).isEqualTo("elements[3].font");
        assertThat(server.send("PUT", "/api/v1/designs/stamp", tenant, builtInDesign("minimal"), "Content-Type", "text/plain")
                .status()).isEqualTo(415);

        String design = builtInDesign("minimal").replace("White space", "Our own stamp");
        assertThat(server.send("PUT", "/api/v1/designs/stamp", tenant, design).status()).isEqualTo(201);
        assertThat(server.send("PUT", "/api/v1/designs/classic", tenant, design).status()).isEqualTo(422);
        assertThat(server.send("GET", "/api/v1/designs/stamp", tenant, null).json().get("description").asText()).startsWith("Our own stamp");
        assertThat(server.send("GET", "/api/v1/designs", tenant, null).json().get("items").findValuesAsText("name"))
                .containsExactly("classic", "modern", "minimal", "stamp");

        var chosen = server.send("PUT", "/api/v1/achievements/" + own, tenant, withDesign(tenant, own, "stamp"));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(chosen.json().get("design").asText()).isEqualTo("stamp");
        byte[] stamped = get("/c/" + number + "/certificate.pdf").body();
        assertThat(stamped).isNotEqualTo(classic);
        assertThat(text(stamped)).contains("Ola Nordmann");

        // another tenant neither sees the design nor can choose it
        assertThat(server.send("GET", "/api/v1/designs/stamp", other, null).status()).isEqualTo(404);
        long theirs = server.achievement(other);
        var foreign = server.send("PUT", "/api/v1/achievements/" + theirs, other, withDesign(other, theirs, "stamp"));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().get("field").asText()).isEqualTo("design");
        assertThat(server.send("PUT", "/api/v1/designs/stamp", other, design).status()).isEqualTo(201);
        assertThat(server.send("GET", "/api/v1/designs/stamp", tenant, null).json().get("description").asText()).startsWith("Our own stamp");

        // deleting: refused while an achievement chooses it, and each tenant deletes only its own
        var inUse = server.send("DELETE", "/api/v1/designs/stamp", tenant, null);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("detail").asText()).contains("achievements still use design 'stamp'", "Certified Data Steward");
        OpenApiContractTest.check("/api/v1/designs/{name}", "delete", inUse);
        assertThat(server.send("DELETE", "/api/v1/designs/classic", tenant, null).status()).isEqualTo(422);
        assertThat(server.send("DELETE", "/api/v1/designs/stamp", other, null).status()).isEqualTo(204);
        assertThat(server.send("GET", "/api/v1/designs/stamp", other, null).status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/designs/stamp", tenant, null).status()).isEqualTo(200);
        assertThat(server.send("PUT", "/api/v1/achievements/" + own, tenant, withDesign(tenant, own, "modern")).status()).isEqualTo(200);
        assertThat(server.send("DELETE", "/api/v1/designs/stamp", tenant, null).status()).isEqualTo(204);
        assertThat(server.send("DELETE", "/api/v1/designs/stamp", tenant, null).status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/audit", tenant, null).body()).contains("design.delete");
    }
}
