package org.credence.document;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Draws design elements onto one content stream, turning page fractions into points. */
final class Canvas {
    /** Kappa: control-point distance for a quarter circle drawn as a Bézier curve. */
    private static final float KAPPA = 0.5522848f;

    /** The document's embedded font for a bundled font, loaded on first use. */
    interface Fonts {
        PDType0Font of(BundledFonts font);
    }

    private final PDDocument doc;
    private final PDPageContentStream out;
    private final float width;
    private final float height;
    private final Branding branding;
    private final Fonts fonts;
    private final Function<BundledFonts, TextLayout.Metrics> metrics;
    private final PreparedImages images;

    Canvas(PDDocument doc, PDPageContentStream out, PDRectangle page, Branding branding, Fonts fonts,
           Function<BundledFonts, TextLayout.Metrics> metrics, PreparedImages images) {
        this.doc = doc;
        this.out = out;
        this.width = page.getWidth();
        this.height = page.getHeight();
        this.branding = branding;
        this.fonts = fonts;
        this.metrics = metrics;
        this.images = images;
    }

    void background(Optional<String> colour) throws IOException {
        if (colour.isPresent()) {
            out.setNonStrokingColor(colour(colour.get()));
            out.addRect(0, 0, width, height);
            out.fill();
        }
    }

    void draw(Design.Element element, CertificateFields fields, String language) throws IOException {
        // a pattern switch would read better, but it is a preview feature in Java 17
        if (element instanceof Design.Text t) {
            text(t, fields.fill(t.text().get(language), language));
        } else if (element instanceof Design.Image i) {
            image(i);
        } else if (element instanceof Design.Qr q) {
            qr(q, fields.fill("{verifyUrl}", language));
        } else if (element instanceof Design.Line l) {
            out.setStrokingColor(colour(l.colour()));
            out.setLineWidth((float) l.lineWidth());
            out.moveTo(x(l.x1()), y(l.y1()));
            out.lineTo(x(l.x2()), y(l.y2()));
            out.stroke();
        } else if (element instanceof Design.Rect r) {
            out.addRect(x(r.x()), y(r.y() + r.height()), (float) (r.width() * width), (float) (r.height() * height));
            paint(r.fill(), r.stroke(), r.lineWidth());
        } else if (element instanceof Design.Circle c) {
            circle(x(c.x()), y(c.y()), (float) (c.radius() * height));
            paint(c.fill(), c.stroke(), c.lineWidth());
        }
    }

    private void text(Design.Text t, String filled) throws IOException {
        TextLayout.Metrics m = metrics.apply(t.font());
        String text = TextLayout.drawable(filled, m);
        if (text.isEmpty()) {
            return;
        }
        TextLayout.Laid laid = TextLayout.fit(text, m, t.size(), t.minSize(), t.maxLines(), t.maxWidth() * width);
        // a wrapped block stays centred on the place of the single line it replaces
        double baseline = y(t.y()) + (laid.lines().size() - 1) * laid.leading() / 2;
        out.setNonStrokingColor(colour(t.colour()));
        for (int i = 0; i < laid.lines().size(); i++) {
            double lineWidth = laid.widths().get(i);
            double left = switch (t.align()) {
                case LEFT -> x(t.x());
                case CENTER -> x(t.x()) - lineWidth / 2;
                case RIGHT -> x(t.x()) - lineWidth;
            };
            out.beginText();
            out.newLineAtOffset((float) left, (float) (baseline - i * laid.leading()));
            for (TextLayout.Run run : m.runs(laid.lines().get(i))) {
                out.setFont(fonts.of(run.font()), (float) laid.size());
                out.showText(run.text());
            }
            out.endText();
        }
    }

    /** The branding image fitted into its box, centred; no image leaves the box empty. */
    private void image(Design.Image i) throws IOException {
        Optional<Branding.Image> source = switch (i.source()) {
            case LOGO -> branding.logo();
            case SIGNATURE -> branding.signature();
            // the parser checked it is base64 of a PNG or JPEG; PDFBox tells them apart by their first bytes
            case EMBEDDED -> i.data().map(data -> new Branding.Image("image/png", java.util.Base64.getDecoder().decode(data)));
        };
        Optional<PDImageXObject> image = source.flatMap(s -> images.in(doc, s));
        if (image.isEmpty()) {
            return;
        }
        float boxWidth = (float) (i.width() * width);
        float boxHeight = (float) (i.height() * height);
        float scale = Math.min(boxWidth / image.get().getWidth(), boxHeight / image.get().getHeight());
        float w = image.get().getWidth() * scale;
        float h = image.get().getHeight() * scale;
        out.drawImage(image.get(), x(i.x()) + (boxWidth - w) / 2, y(i.y()) - boxHeight + (boxHeight - h) / 2, w, h);
    }

    /** The QR code as vector squares (crisp at any zoom), one rectangle per run of dark modules. */
    private void qr(Design.Qr q, String url) throws IOException {
        BitMatrix matrix = CertificateRenderer.qr(url);
        float side = (float) Math.min(q.width() * width, q.height() * height);
        float module = side / matrix.getWidth();
        float left = x(q.x());
        float top = y(q.y());
        out.setNonStrokingColor(colour(q.colour()));
        for (int row = 0; row < matrix.getHeight(); row++) {
            int col = 0;
            while (col < matrix.getWidth()) {
                if (!matrix.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < matrix.getWidth() && matrix.get(col, row)) {
                    col++;
                }
                out.addRect(left + start * module, top - (row + 1) * module, (col - start) * module, module);
            }
        }
        out.fill();
    }

    private void circle(float cx, float cy, float r) throws IOException {
        float k = r * KAPPA;
        out.moveTo(cx + r, cy);
        out.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        out.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        out.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        out.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        out.closePath();
    }

    private void paint(Optional<String> fill, Optional<String> stroke, double lineWidth) throws IOException {
        if (fill.isPresent()) {
            out.setNonStrokingColor(colour(fill.get()));
        }
        if (stroke.isPresent()) {
            out.setStrokingColor(colour(stroke.get()));
            out.setLineWidth((float) lineWidth);
        }
        if (fill.isPresent() && stroke.isPresent()) {
            out.fillAndStroke();
        } else if (fill.isPresent()) {
            out.fill();
        } else {
            out.stroke();
        }
    }

    private float x(double fraction) {
        return (float) (fraction * width);
    }

    private float y(double fraction) {
        return (float) (height - fraction * height);
    }

    /** A design colour: literal, or the tenant's primary or accent (falling back to Credence's own if unreadable). */
    Color colour(String reference) {
        return switch (reference) {
            case "primary" -> hex(branding.primaryColour(), Branding.DEFAULT_PRIMARY);
            case "accent" -> hex(branding.accentColour(), Branding.DEFAULT_ACCENT);
            default -> hex(reference, "#000000");
        };
    }

    private static Color hex(String value, String fallback) {
        String v = value != null && value.matches("#[0-9a-fA-F]{6}") ? value : fallback;
        return new Color(Integer.parseInt(v.substring(1), 16));
    }
}
