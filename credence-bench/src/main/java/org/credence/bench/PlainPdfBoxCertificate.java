package org.credence.bench;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.credence.document.Branding;
import org.credence.document.BundledFonts;
import org.credence.document.CertificateRenderer.Certificate;
import org.credence.document.Design;

/**
 * The baseline for {@link PdfBenchmark}: a certificate built with PDFBox the way most code does
 * it, from scratch for every document. Each font is parsed from its TrueType bytes into every
 * document ({@code PDType0Font.load}), every string is measured with {@code getStringWidth} as
 * it is drawn, the logo PNG is decoded and deflated again, every element of the design is drawn
 * straight onto the page, the QR code is one rectangle per dark module, and the credential is
 * attached. It draws the same design elements with the same content as the real renderer, so
 * only the technique differs.
 *
 * <p>Generous to the baseline: fonts come from bytes already in memory (no file or jar reads),
 * and text is shrunk to fit but never wrapped (the benchmark's names fit on one line anyway).
 */
final class PlainPdfBoxCertificate {
    private static final Map<String, DateTimeFormatter> DATES = Map.of(
            "en", DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC),
            "nb", DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("nb-NO")).withZone(ZoneOffset.UTC));

    private PlainPdfBoxCertificate() {}

    static byte[] render(Design design, Branding branding, Certificate certificate) {
        try (PDDocument doc = new PDDocument()) {
            PDRectangle a4 = PDRectangle.A4;
            PDRectangle size = design.landscape() ? new PDRectangle(a4.getHeight(), a4.getWidth()) : a4;
            PDPage page = new PDPage(size);
            doc.addPage(page);
            Map<BundledFonts, PDType0Font> fonts = new EnumMap<>(BundledFonts.class);
            for (Design.Element element : design.elements()) {
                if (unconditional(element) instanceof Design.Text text && !fonts.containsKey(text.font())) {
                    fonts.put(text.font(), PDType0Font.load(doc, new ByteArrayInputStream(text.font().bytes())));
                }
            }
            float w = size.getWidth();
            float h = size.getHeight();
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                if (design.background().isPresent()) {
                    out.setNonStrokingColor(colour(design.background().get(), branding));
                    out.addRect(0, 0, w, h);
                    out.fill();
                }
                for (Design.Element element : design.elements()) {
                    // the plain way draws every element, conditional or not: no less work than the renderer does
                    draw(doc, out, unconditional(element), fonts, branding, certificate, w, h);
                }
            }
            doc.getDocumentInformation().setTitle(certificate.achievementName() + " — " + certificate.recipientName());
            attach(doc, certificate.credentialJson());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Design.Element unconditional(Design.Element element) {
        return element instanceof Design.Conditional c ? unconditional(c.element()) : element;
    }

    private static void draw(PDDocument doc, PDPageContentStream out, Design.Element element, Map<BundledFonts, PDType0Font> fonts,
                             Branding branding, Certificate c, float w, float h) throws IOException {
        if (element instanceof Design.Text t) {
            String text = fill(t.text().getOrDefault(c.language(), t.text().values().iterator().next()), c);
            if (text.isEmpty()) {
                return;
            }
            PDType0Font font = fonts.get(t.font());
            float fontSize = (float) t.size();
            float width = font.getStringWidth(text) / 1000 * fontSize;
            float room = (float) (t.maxWidth() * w);
            if (width > room) {
                fontSize = Math.max((float) t.minSize(), fontSize * room / width);
                width = font.getStringWidth(text) / 1000 * fontSize;
            }
            float x = (float) (t.x() * w);
            x = switch (t.align()) {
                case LEFT -> x;
                case CENTER -> x - width / 2;
                case RIGHT -> x - width;
            };
            out.setNonStrokingColor(colour(t.colour(), branding));
            out.beginText();
            out.setFont(font, fontSize);
            out.newLineAtOffset(x, (float) (h - t.y() * h));
            out.showText(text);
            out.endText();
        } else if (element instanceof Design.Image i) {
            Optional<Branding.Image> source = i.source() == Design.Source.LOGO ? branding.logo() : branding.signature();
            if (source.isPresent()) {
                PDImageXObject image = PDImageXObject.createFromByteArray(doc, source.get().bytes(), "logo");
                float boxW = (float) (i.width() * w);
                float boxH = (float) (i.height() * h);
                float scale = Math.min(boxW / image.getWidth(), boxH / image.getHeight());
                out.drawImage(image, (float) (i.x() * w), (float) (h - i.y() * h) - boxH, image.getWidth() * scale, image.getHeight() * scale);
            }
        } else if (element instanceof Design.Qr q) {
            BitMatrix matrix = qr(c.verifyUrl());
            float module = (float) Math.min(q.width() * w, q.height() * h) / matrix.getWidth();
            float left = (float) (q.x() * w);
            float top = (float) (h - q.y() * h);
            out.setNonStrokingColor(colour(q.colour(), branding));
            for (int row = 0; row < matrix.getHeight(); row++) {
                for (int col = 0; col < matrix.getWidth(); col++) {
                    if (matrix.get(col, row)) {
                        out.addRect(left + col * module, top - (row + 1) * module, module, module);
                    }
                }
            }
            out.fill();
        } else if (element instanceof Design.Line l) {
            out.setStrokingColor(colour(l.colour(), branding));
            out.setLineWidth((float) l.lineWidth());
            out.moveTo((float) (l.x1() * w), (float) (h - l.y1() * h));
            out.lineTo((float) (l.x2() * w), (float) (h - l.y2() * h));
            out.stroke();
        } else if (element instanceof Design.Rect r) {
            out.addRect((float) (r.x() * w), (float) (h - (r.y() + r.height()) * h), (float) (r.width() * w), (float) (r.height() * h));
            paint(out, r.fill(), r.stroke(), r.lineWidth(), branding);
        } else if (element instanceof Design.Circle ci) {
            circle(out, (float) (ci.x() * w), (float) (h - ci.y() * h), (float) (ci.radius() * h));
            paint(out, ci.fill(), ci.stroke(), ci.lineWidth(), branding);
        }
    }

    private static String fill(String template, Certificate c) {
        if (template.contains("{expiresOn}") && c.expiresAt().isEmpty()) {
            return "";
        }
        DateTimeFormatter dates = DATES.get(c.language());
        return template.replace("{recipient.name}", c.recipientName())
                .replace("{achievement.name}", c.achievementName())
                .replace("{achievement.kind}", c.achievementKind().substring(0, 1).toUpperCase(Locale.ROOT) + c.achievementKind().substring(1))
                .replace("{issuer.name}", c.issuerName())
                .replace("{issuedOn}", dates.format(c.issuedAt()))
                .replace("{expiresOn}", c.expiresAt().map(dates::format).orElse(""))
                .replace("{number}", c.number())
                .replace("{verifyUrl}", c.verifyUrl());
    }

    private static BitMatrix qr(String url) {
        try {
            return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void circle(PDPageContentStream out, float cx, float cy, float r) throws IOException {
        float k = r * 0.5522848f;
        out.moveTo(cx + r, cy);
        out.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        out.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        out.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        out.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        out.closePath();
    }

    private static void paint(PDPageContentStream out, Optional<String> fill, Optional<String> stroke, double lineWidth,
                              Branding branding) throws IOException {
        if (fill.isPresent()) {
            out.setNonStrokingColor(colour(fill.get(), branding));
        }
        if (stroke.isPresent()) {
            out.setStrokingColor(colour(stroke.get(), branding));
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

    private static Color colour(String reference, Branding branding) {
        String hex = switch (reference) {
            case "primary" -> branding.primaryColour();
            case "accent" -> branding.accentColour();
            default -> reference;
        };
        return Color.decode(hex);
    }

    private static void attach(PDDocument doc, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(bytes), COSName.FLATE_DECODE);
        file.setSubtype("application/ld+json");
        file.setSize(bytes.length);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile("credential.json");
        spec.setEmbeddedFile(file);
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of("credential.json", spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        doc.getDocumentCatalog().setNames(names);
    }
}
