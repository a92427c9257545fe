package org.credence.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.document.CertificateRendererTest.text;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in designs as an issuer uses them: long names, no logo, no signature, no expiry, A4 and Letter. */
class BuiltInDesignsTest {
    static final CertificateRenderer RENDERER = CertificateRendererTest.RENDERER;
    /** As long as an achievement name may be (200 characters). */
    static final String LONGEST_ACHIEVEMENT = "International Professional Certificate in Cloud Security Governance, Risk Management "
            + "and Regulatory Compliance for Enterprise Architects and Auditors of Critical National Infrastructure Systems, Lvl 7";
    static final String LONG_RECIPIENT = "Maximiliana Alexandrina Konstantinopolou-Vanderbilt de la Fuente y Montenegro "
            + "Wilhelmina Augusta von Hohenzollern-Sigmaringen Åsheim Ødegård";

    static CertificateRenderer.Certificate certificate(String recipient, String achievement, Optional<Instant> expires) {
        return new CertificateRenderer.Certificate(recipient, achievement, "diploma", "Northfield Academy",
                Instant.parse("2026-03-12T10:00:00Z"), expires, "CRD-7K3M-Q9XP-2F",
                "https://credence.example/verify/CRD-7K3M-Q9XP-2F", CertificateRendererTest.JSON, "en");
    }

    static Branding bare(String pageSize) {
        return new Branding(pageSize, "#1f3a5f", "#c8a43b", Optional.empty(), Optional.empty(), Optional.empty());
    }

    static String flat(byte[] pdf) throws Exception {
        return text(pdf).replaceAll("\\s+", " ");
    }

    @ParameterizedTest
    @CsvSource({"classic, A4", "classic, Letter", "modern, A4", "modern, Letter", "minimal, A4", "minimal, Letter"})
    void the_longest_achievement_name_and_a_long_recipient_name_print_in_full(String design, String pageSize) throws Exception {
        assertThat(LONGEST_ACHIEVEMENT).hasSize(200);
        assertThat(LONG_RECIPIENT).hasSize(140);
        String text = flat(RENDERER.render(Designs.builtIn(design), bare(pageSize), certificate(LONG_RECIPIENT, LONGEST_ACHIEVEMENT,
                Optional.empty())));
        assertThat(text).contains(LONGEST_ACHIEVEMENT, LONG_RECIPIENT).doesNotContain("…");
    }

    @Test
    void a_label_beside_an_expiry_the_credential_lacks_is_left_out() throws Exception {
        // one renderer for both: the label must not be kept in the layer every certificate of the design shares
        CertificateRenderer renderer = new CertificateRenderer();
        Optional<Instant> expires = Optional.of(Instant.parse("2028-03-11T10:00:00Z"));
        String without = flat(renderer.render(Designs.builtIn("modern"), bare("A4"), certificate("Ada", "Welding", Optional.empty())));
        String with = flat(renderer.render(Designs.builtIn("modern"), bare("A4"), certificate("Ada", "Welding", expires)));
        String againWithout = flat(renderer.render(Designs.builtIn("modern"), bare("A4"), certificate("Ada", "Welding", Optional.empty())));
        assertThat(with).contains("VALID UNTIL", "11 March 2028");
        assertThat(without).doesNotContain("VALID UNTIL");
        assertThat(againWithout).isEqualTo(without);
    }

    @Test
    void without_a_signature_there_is_no_empty_signature_line() throws Exception {
        Branding signed = new Branding("A4", "#1f3a5f", "#c8a43b", Optional.empty(),
                Optional.of(new Branding.Image("image/png", CertificateRendererTest.branding().logo().orElseThrow().bytes())), Optional.empty());
        assertThat(flat(RENDERER.render(Designs.builtIn("classic"), signed, certificate("Ada", "Welding", Optional.empty()))))
                .contains("Authorised signature");
        assertThat(flat(RENDERER.render(Designs.builtIn("classic"), bare("A4"), certificate("Ada", "Welding", Optional.empty()))))
                .doesNotContain("Authorised signature");
    }

    @Test
    void without_a_logo_the_modern_band_names_the_issuer_instead_of_showing_an_empty_white_box() throws Exception {
        Branding withLogo = CertificateRendererTest.branding();
        byte[] logoPdf = RENDERER.render(Designs.builtIn("modern"), withLogo, certificate("Ada", "Welding", Optional.empty()));
        byte[] barePdf = RENDERER.render(Designs.builtIn("modern"), bare("A4"), certificate("Ada", "Welding", Optional.empty()));
        // a point inside the logo's white frame, beside the logo itself
        assertThat(pixel(logoPdf, 0.04, 0.07)).isEqualTo(Color.WHITE);
        assertThat(pixel(barePdf, 0.04, 0.07)).isEqualTo(new Color(0x1f3a5f));
        // the issuer is named under the achievement on both; on the band too when there is no logo
        assertThat(flat(barePdf).split("Northfield Academy", -1)).hasSize(3);
        assertThat(flat(logoPdf).split("Northfield Academy", -1)).hasSize(2);
    }

    /** The colour at a point of the first page, given as fractions of its width and height from the top left. */
    static Color pixel(byte[] pdf, double x, double y) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 36);
            return new Color(image.getRGB((int) (x * image.getWidth()), (int) (y * image.getHeight())));
        }
    }
}
