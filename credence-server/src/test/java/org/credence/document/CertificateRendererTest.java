package org.credence.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Certificates drawn from each built-in design, read back as a verifier or a person would read them. */
class CertificateRendererTest {
    static final CertificateRenderer RENDERER = new CertificateRenderer();
    static final String JSON = "{\"id\":\"urn:uuid:1\",\"name\":\"Ærlig Øvelse på Ås\"}";

    static CertificateRenderer.Certificate certificate(String name, String language) {
        return new CertificateRenderer.Certificate(name, "Ærlig Øvelse på Ås", "certification", "Northfield Academy",
                Instant.parse("2026-03-12T10:00:00Z"), Optional.of(Instant.parse("2028-03-11T10:00:00Z")), "CRD-7K3M-Q9XP-2F",
                "https://credence.example/verify/CRD-7K3M-Q9XP-2F", JSON, language);
    }

    static Branding branding() throws IOException {
        BufferedImage logo = new BufferedImage(300, 100, BufferedImage.TYPE_INT_ARGB);
        var g = logo.createGraphics();
        g.setColor(new java.awt.Color(0x1f3a5f));
        g.fillRoundRect(0, 0, 300, 100, 30, 30);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(logo, "png", png);
        return new Branding("A4", "#1f3a5f", "#c8a43b", Optional.of(new Branding.Image("image/png", png.toByteArray())),
                Optional.empty(), Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "modern", "minimal"})
    void each_built_in_design_renders_text_a_verifier_can_read_and_a_qr_code_to_the_verify_url(String design) throws Exception {
        byte[] pdf = RENDERER.render(Designs.builtIn(design), branding(), certificate("Bjørn Ødegård-Åsen", "en"));
        String text = text(pdf);
        assertThat(text).contains("Bjørn Ødegård-Åsen", "Ærlig Øvelse på Ås", "CRD-7K3M-Q9XP-2F", "12 March 2026", "11 March 2028");
        assertThat(qr(pdf, design)).isEqualTo("https://credence.example/verify/CRD-7K3M-Q9XP-2F");
    }

    @Test
    void norwegian_certificates_have_norwegian_labels_and_dates() throws Exception {
        String text = text(RENDERER.render(Designs.builtIn("classic"), branding(), certificate("Kari Nordmann", "nb")));
        assertThat(text).contains("Det bekreftes herved at", "Sertifisering", "12. mars 2026", "Gyldig til 11. mars 2028");
    }

    @Test
    void the_same_credential_gives_the_same_bytes() throws Exception {
        CertificateRenderer renderer = new CertificateRenderer();
        byte[] first = renderer.render(Designs.builtIn("classic"), branding(), certificate("Ada Lovelace", "en"));
        // the second copies the fixed layer the first drew; a new renderer draws it afresh
        byte[] second = renderer.render(Designs.builtIn("classic"), branding(), certificate("Ada Lovelace", "en"));
        byte[] third = new CertificateRenderer().render(Designs.builtIn("classic"), branding(), certificate("Ada Lovelace", "en"));
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
    }

    @Test
    void certificates_rendered_at_once_on_many_threads_match_those_rendered_one_by_one() throws Exception {
        // one renderer serves every request: its shared fonts and fixed layers must hold up under concurrency
        CertificateRenderer shared = new CertificateRenderer();
        Branding branding = branding();
        List<CertificateRenderer.Certificate> certificates = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            certificates.add(certificate("Åse Ødegård " + i, i % 2 == 0 ? "en" : "nb"));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<byte[]>> concurrent = new ArrayList<>();
            for (CertificateRenderer.Certificate c : certificates) {
                concurrent.add(pool.submit(() -> shared.render(Designs.builtIn(c.language().equals("en") ? "classic" : "modern"), branding, c)));
            }
            CertificateRenderer alone = new CertificateRenderer();
            for (int i = 0; i < certificates.size(); i++) {
                CertificateRenderer.Certificate c = certificates.get(i);
                byte[] expected = alone.render(Designs.builtIn(c.language().equals("en") ? "classic" : "modern"), branding, c);
                assertThat(concurrent.get(i).get()).as(c.recipientName()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_fixed_layer_drawn_for_one_look_is_not_used_for_another() throws Exception {
        CertificateRenderer renderer = new CertificateRenderer();
        renderer.render(Designs.builtIn("classic"), branding(), certificate("Ada Lovelace", "en"));
        byte[] plain = renderer.render(Designs.builtIn("classic"), Branding.defaults(), certificate("Ada Lovelace", "en"));
        byte[] norwegian = renderer.render(Designs.builtIn("classic"), branding(), certificate("Ada Lovelace", "nb"));
        assertThat(images(plain)).as("a tenant without a logo gets no other tenant's logo").isZero();
        assertThat(images(norwegian)).isOne();
        assertThat(text(norwegian)).contains("Det bekreftes herved at").doesNotContain("This is to certify that");
    }

    private static int images(byte[] pdf) throws IOException {
        int images = 0;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDResources page = doc.getPage(0).getResources();
            for (COSName name : page.getXObjectNames()) {
                if (page.getXObject(name) instanceof PDFormXObject form) {
                    for (COSName inner : form.getResources().getXObjectNames()) {
                        images += form.getResources().isImageXObject(inner) ? 1 : 0;
                    }
                }
            }
        }
        return images;
    }

    @Test
    void the_credential_is_attached_byte_for_byte() throws Exception {
        byte[] pdf = RENDERER.render(Designs.builtIn("minimal"), branding(), certificate("Ada", "en"));
        assertThat(new String(CertificatePdf.extractCredential(pdf), StandardCharsets.UTF_8)).isEqualTo(JSON);
    }

    @Test
    void each_font_is_embedded_as_a_tagged_subset_of_the_glyphs_drawn() throws Exception {
        byte[] pdf = RENDERER.render(Designs.builtIn("classic"), branding(), certificate("Ada Lovelace", "en"));
        List<String> names = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDResources page = doc.getPage(0).getResources();
            fontNames(page, names);
            for (COSName form : page.getXObjectNames()) {
                if (page.getXObject(form) instanceof PDFormXObject xobject) {
                    fontNames(xobject.getResources(), names);
                }
            }
        }
        assertThat(names).hasSize(3).allMatch(name -> name.matches("[A-Z]{6}\\+DejaVuSerif.*"), "TAG+DejaVuSerif…");
        // three whole DejaVu Serif fonts would be over 1 MB; the subsets of a few dozen glyphs each are a few KB
        assertThat(pdf.length).isLessThan(60_000);
    }

    private static void fontNames(PDResources resources, List<String> names) throws IOException {
        for (COSName font : resources.getFontNames()) {
            names.add(resources.getFont(font).getName());
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The QR code as a phone would read it: the page rendered to pixels, then decoded. */
    static String qr(byte[] pdf, String name) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            Path out = Path.of("target", "certificates");
            Files.createDirectories(out);
            ImageIO.write(page, "png", out.resolve(name + ".png").toFile());
            Files.write(out.resolve(name + ".pdf"), pdf);
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)))).getText();
        }
    }
}
