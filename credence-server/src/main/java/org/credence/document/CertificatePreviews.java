package org.credence.document;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Certificates drawn as screen-sized PNGs for the app's live previews, fast enough to follow typing. The page is the
 * same {@link CertificateRenderer} draws into the PDF, in two parts: the part every certificate of a design, look and
 * language shares (background, frames, logo, signature, labels) is rasterised once and kept; each preview rasterises
 * only the rest (names, dates, the QR code) onto a transparent layer and lays it over a copy. Nothing is saved or
 * re-read as a PDF, the credential is not attached, and the PNG is written with fast compression: a preview is
 * looked at once, not stored. docs/benchmarks.md has the numbers.
 */
final class CertificatePreviews {
    /** Rasters of the shared part; 840 px wide is 2 MB each, so 48 MB keeps a couple of dozen looks. */
    private static final long MAX_BYTES = 48L * 1024 * 1024;
    private final CertificateRenderer renderer;
    private final Cache<Key, BufferedImage> fixed = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((Key key, BufferedImage image) -> image.getWidth() * image.getHeight() * 4)
            .build();

    private record Key(FixedLayers.Key layer, int width) {}

    CertificatePreviews(CertificateRenderer renderer) {
        this.renderer = renderer;
    }

    /** The first page of the certificate, {@code width} pixels wide, as a PNG. */
    byte[] png(Design design, Branding branding, CertificateRenderer.Certificate certificate, int width) {
        return Png.encodeQuickly(image(design, branding, certificate, width));
    }

    /** The first page of the certificate, {@code width} pixels wide, as PDFBox rasterises the whole page at that scale. */
    BufferedImage image(Design design, Branding branding, CertificateRenderer.Certificate certificate, int width) {
        PDRectangle size = CertificateRenderer.pageSize(branding.pageSize(), design.landscape());
        float scale = width / size.getWidth();
        BufferedImage shared = fixed.get(new Key(FixedLayers.Key.of(design, branding, certificate.language()), width),
                key -> rasterise(design, branding, certificate, CertificateRenderer.Part.FIXED, scale, ImageType.RGB));
        BufferedImage page = new BufferedImage(shared.getColorModel(), shared.copyData(null), false, null);
        BufferedImage own = rasterise(design, branding, certificate, CertificateRenderer.Part.VARIABLE, scale, ImageType.ARGB);
        Graphics2D g = page.createGraphics();
        try {
            g.drawImage(own, 0, 0, null);
        } finally {
            g.dispose();
        }
        return page;
    }

    private BufferedImage rasterise(Design design, Branding branding, CertificateRenderer.Certificate certificate, CertificateRenderer.Part part,
                                    float scale, ImageType type) {
        try (CertificateRenderer.Drawn drawn = renderer.draw(design, branding, certificate, part)) {
            return new PDFRenderer(drawn.document()).renderImage(0, scale, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
