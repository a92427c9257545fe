package org.credence.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The live preview drawn in layers shows what the certificate PDF shows: compared pixel by pixel with the PDF's page
 * rasterised at the same width (close, not equal: the per-recipient part is blended over the shared part rather than
 * drawn onto it; in practice equal), whatever was previewed before with the same look. Another recipient's name alone
 * differs by about 1.0 per channel and 0.6 % of pixels, so the bounds below would catch a stale layer.
 */
class CertificatePreviewsTest {
    private static final int WIDTH = 840;
    private final CertificateRenderer renderer = new CertificateRenderer();
    private final CertificatePreviews previews = new CertificatePreviews(renderer);

    @ParameterizedTest
    @ValueSource(strings = {"classic", "modern", "minimal"})
    void a_preview_matches_the_certificate_pdf_rasterised_at_the_same_width(String name) throws Exception {
        Design design = Designs.builtIn(name);
        Branding branding = branding("#1f3a5f");
        for (String recipient : new String[] {"Kari Nordmann", "Bjørn Ødegård-Åsen with a much longer name than most", "李小龙"}) {
            for (String language : new String[] {"en", "nb"}) {
                var certificate = certificate(recipient, language);
                assertClose(previews.image(design, branding, certificate, WIDTH), pdfPage(design, branding, certificate),
                        name + " for " + recipient + " in " + language);
            }
        }
    }

    @Test
    void a_changed_look_is_drawn_anew_and_not_taken_from_the_last_preview() throws Exception {
        Design design = Designs.builtIn("classic");
        var certificate = certificate("Kari Nordmann", "en");
        previews.image(design, branding("#1f3a5f"), certificate, WIDTH);
        Branding red = branding("#aa1111");
        BufferedImage preview = previews.image(design, red, certificate, WIDTH);
        assertClose(preview, pdfPage(design, red, certificate), "after a change of colour");
        assertThat(difference(preview, pdfPage(design, branding("#1f3a5f"), certificate)).meanPerChannel())
                .as("the old colour's preview differs").isGreaterThan(0.5);
    }

    @Test
    void a_preview_is_a_png_whose_qr_code_reads_as_the_verification_address() throws Exception {
        var certificate = certificate("Kari Nordmann", "en");
        byte[] png = previews.png(Designs.builtIn("classic"), branding("#1f3a5f"), certificate, WIDTH);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        assertThat(read).isEqualTo(certificate.verifyUrl());
    }

    private static CertificateRenderer.Certificate certificate(String recipient, String language) {
        return new CertificateRenderer.Certificate(recipient, "Førstehjelp grunnkurs", "certificate", "Northfield Academy",
                Instant.parse("2026-03-12T10:00:00Z"), Optional.of(Instant.parse("2028-03-11T10:00:00Z")), "CRD-7K3M-Q9XP-2F",
                "https://credence.example/verify/CRD-7K3M-Q9XP-2F", "{}", language, "Passed the practical exam.", "A");
    }

    private static Branding branding(String primary) {
        return new Branding("A4", primary, "#c8a43b", Optional.of(new Branding.Image("image/png", Png.encode(PreviewTiming.picture(600, 240)))),
                Optional.of(new Branding.Image("image/png", Png.encode(PreviewTiming.picture(400, 160)))), Optional.empty());
    }

    private BufferedImage pdfPage(Design design, Branding branding, CertificateRenderer.Certificate certificate) throws Exception {
        try (PDDocument doc = Loader.loadPDF(renderer.render(design, branding, certificate))) {
            return new PDFRenderer(doc).renderImage(0, WIDTH / doc.getPage(0).getMediaBox().getWidth(), ImageType.RGB);
        }
    }

    /** How far two images are apart: the mean absolute difference per channel (0–255) and the share of pixels far apart. */
    record Difference(double meanPerChannel, double farShare) {}

    static Difference difference(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        long sum = 0;
        long far = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                int most = 0;
                for (int shift = 0; shift < 24; shift += 8) {
                    int d = Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                    sum += d;
                    most = Math.max(most, d);
                }
                if (most > 48) {
                    far++;
                }
            }
        }
        double pixels = (double) a.getWidth() * a.getHeight();
        return new Difference(sum / (pixels * 3), far / pixels);
    }

    private static void assertClose(BufferedImage preview, BufferedImage pdf, String what) {
        Difference d = difference(preview, pdf);
        assertThat(d.meanPerChannel()).as(what + ": mean difference per channel").isLessThan(0.05);
        assertThat(d.farShare()).as(what + ": share of pixels far apart").isLessThan(0.0005);
    }
}
