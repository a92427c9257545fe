package org.credence.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;
import org.credence.standards.verification.SignedFacts;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.credence.issuance.CredentialNumber;
import org.credence.issuance.CredentialStore;
import org.credence.issuance.IssuedCredential;
import org.credence.tenant.Tenant;
import org.credence.tenant.Tenants;
import org.jdbi.v3.core.Jdbi;

/**
 * Certificate PDFs of credentials: drawn from the achievement's design (column
 * {@code achievement.design}: a built-in or one of the tenant's own) and the tenant's branding,
 * rendered once and stored, so the same credential gives the same bytes until its design or
 * branding changes (then {@link #forgetDesign} and {@link BrandingUpdates} forget it).
 */
public final class Certificates {
    public static final String PDF_KIND = "certificate.pdf";
    public static final String PREVIEW_KIND = "certificate.png";
    /** The preview's width in pixels: sharp on a page column, light enough to load with it. */
    private static final int PREVIEW_WIDTH = 1200;

    private final Jdbi jdbi;
    private final Designs designs;
    private final Brandings brandings;
    private final Tenants tenants;
    private final StoredDocuments documents;
    private final CertificateRenderer renderer = new CertificateRenderer();
    private final CertificatePreviews previews = new CertificatePreviews(renderer);

    public Certificates(Jdbi jdbi, Designs designs, Brandings brandings, Tenants tenants, StoredDocuments documents) {
        this.jdbi = jdbi;
        this.designs = designs;
        this.brandings = brandings;
        this.tenants = tenants;
        this.documents = documents;
    }

    /** The credential behind a public link (number as typed); empty when unknown or made private by its recipient. */
    public Optional<IssuedCredential> publicCredential(String typed) {
        return CredentialNumber.parse(typed).flatMap(number -> jdbi.withHandle(h -> CredentialStore.publicByNumber(h, number.value())));
    }

    /** One of the tenant's credentials by id, whatever its visibility (for the recipient's own mail). */
    public Optional<IssuedCredential> credential(long tenantId, UUID id) {
        return jdbi.withHandle(h -> CredentialStore.byId(h, tenantId, id));
    }

    /** The credential's certificate PDF, with the signed credential attached. */
    public StoredDocument pdf(IssuedCredential credential) {
        return documents.findOrRender(credential.tenantId(), credential.id(), PDF_KIND,
                () -> new StoredDocuments.Rendered("application/pdf", render(credential)));
    }

    /** The first page of the certificate PDF as a PNG, for the credential page. */
    public StoredDocument preview(IssuedCredential credential) {
        return documents.findOrRender(credential.tenantId(), credential.id(), PREVIEW_KIND,
                () -> new StoredDocuments.Rendered("image/png", firstPage(pdf(credential).bytes(), PREVIEW_WIDTH)));
    }

    /**
     * A certificate drawn from draft values with the tenant's branding, as a PNG {@code width} pixels wide; nothing is
     * stored (the preview of the app's forms). The page as the PDF draws it, rasterised in layers ({@link CertificatePreviews}).
     */
    public byte[] draftPng(long tenantId, Design design, CertificateRenderer.Certificate certificate, int width) {
        return previews.png(design, brandings.find(tenantId), certificate, width);
    }

    /** The verification address a certificate of {@code number} links to. */
    public String verifyUrlOf(String number) {
        return verifyUrl(number);
    }

    /** Forgets the stored certificates of credentials whose achievement uses the tenant's design {@code name}. */
    void forgetDesign(long tenantId, String name) {
        jdbi.useTransaction(h -> {
            StoredDocuments.forgetting(h, tenantId);
            h.createUpdate("""
                        DELETE FROM credential_document
                         WHERE tenant_id = :tenant
                           AND kind IN ('certificate.pdf', 'certificate.png')
                           AND credential_id IN (SELECT c.id
                                                   FROM credential c
                                                   JOIN achievement a ON a.id = c.achievement_id AND a.tenant_id = c.tenant_id
                                                  WHERE c.tenant_id = :tenant
                                                    AND a.design = :name)
                        """).bind("tenant", tenantId).bind("name", name).execute();
        });
    }

    private byte[] render(IssuedCredential credential) {
        Tenant tenant = tenants.byId(credential.tenantId());
        record Row(String design, BigDecimal hours) {}
        // the course's hours are the achievement's, not signed (Open Badges 3.0 has no field for them: docs/app-achievements.md)
        Row row = jdbi.withHandle(h -> h.createQuery("""
                        SELECT design, CAST(details ->> 'hours' AS NUMERIC) AS hours
                          FROM achievement
                         WHERE tenant_id = :tenant
                           AND id = :id
                        """).bind("tenant", credential.tenantId()).bind("id", credential.achievementId())
                .map((rs, ctx) -> new Row(rs.getString("design"), rs.getBigDecimal("hours"))).one());
        String designName = row.design();
        // a design removed from under an achievement must not break its certificates: the default stands in
        Design design = designs.find(credential.tenantId(), designName)
                .or(() -> designs.find(credential.tenantId(), Designs.BUILT_IN.get(0))).orElseThrow().design();
        // names and kind as signed, so the certificate says what a verifier of its attachment sees
        JsonNode achievement = credential.document().path("credentialSubject").path("achievement");
        String language = "nb".equals(tenant.locale()) ? "nb" : "en";
        var certificate = new CertificateRenderer.Certificate(credential.recipientName(), achievement.path("name").asText(),
                achievement.path("achievementType").asText("Certificate").toLowerCase(Locale.ROOT),
                SignedFacts.read(credential.document()).issuer(), credential.issuedAt(),
                Optional.ofNullable(credential.expiresAt()), credential.number(), verifyUrl(credential.number()),
                credential.documentText(), language, achievement.path("description").asText(""),
                credential.document().path("credentialSubject").path("result").path(0).path("value").asText(""), row.hours());
        return renderer.render(design, brandings.find(credential.tenantId()), certificate);
    }

    private String verifyUrl(String number) {
        String base = tenants.publicUrl().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/verify/" + number;
    }

    /** The PDF's first page rasterised {@code width} pixels wide, as a PNG. */
    static byte[] firstPage(byte[] pdf, int width) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            float widthPoints = doc.getPage(0).getMediaBox().getWidth();
            BufferedImage image = new PDFRenderer(doc).renderImage(0, width / widthPoints, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
