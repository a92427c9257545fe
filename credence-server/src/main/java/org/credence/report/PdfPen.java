package org.credence.report;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.credence.document.BundledFonts;

/**
 * One PDF page drawn with the fonts bundled for certificates (DejaVu Sans, embedded as a subset):
 * text at a position, text wrapped to a width, filled rectangles for bars. Everything is vector.
 * Coordinates are PDF points from the bottom left.
 */
final class PdfPen implements AutoCloseable {
    static final Color INK = new Color(0x1b, 0x1f, 0x24);
    static final Color MUTED = new Color(0x5f, 0x63, 0x68);
    static final Color ACCENT = new Color(0x0b, 0x57, 0xd0);
    static final Color LIGHT = new Color(0xa8, 0xc7, 0xfa);
    static final Color WARN = new Color(0x8a, 0x4b, 0x00);

    private final PDDocument doc;
    private final PDPageContentStream content;
    private final PDType0Font regular;
    private final PDType0Font bold;
    final float width;
    final float height;

    PdfPen(String title, boolean landscape) {
        try {
            doc = new PDDocument();
            PDRectangle size = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
            PDPage page = new PDPage(size);
            doc.addPage(page);
            doc.getDocumentInformation().setTitle(title);
            doc.getDocumentInformation().setCreator("Credence");
            regular = PDType0Font.load(doc, new ByteArrayInputStream(BundledFonts.SANS.bytes()), true);
            bold = PDType0Font.load(doc, new ByteArrayInputStream(BundledFonts.SANS_BOLD.bytes()), true);
            content = new PDPageContentStream(doc, page);
            width = size.getWidth();
            height = size.getHeight();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws {@code text} with its baseline at (x, y). */
    void text(String text, float x, float y, float size, boolean isBold, Color color) {
        try {
            PDType0Font font = isBold ? bold : regular;
            content.beginText();
            content.setFont(font, size);
            content.setNonStrokingColor(color);
            content.newLineAtOffset(x, y);
            content.showText(drawable(text, font));
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws {@code text} ending at {@code right}. */
    void textRight(String text, float right, float y, float size, boolean isBold, Color color) {
        text(text, right - width(text, size, isBold), y, size, isBold, color);
    }

    /** Draws {@code text} wrapped to {@code maxWidth}, first baseline at y, and returns the baseline after the last line. */
    float paragraph(String text, float x, float y, float maxWidth, float size, boolean isBold, Color color, float lowest) {
        float lineHeight = size * 1.3f;
        for (String line : wrap(text, maxWidth, size, isBold)) {
            if (y < lowest) {
                return y;
            }
            text(line, x, y, size, isBold, color);
            y -= lineHeight;
        }
        return y;
    }

    /** A filled rectangle: a bar of a chart. */
    void box(float x, float y, float w, float h, Color color) {
        try {
            content.setNonStrokingColor(color);
            content.addRect(x, y, w, h);
            content.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A thin horizontal rule. */
    void rule(float x, float y, float w, Color color) {
        box(x, y, w, 0.5f, color);
    }

    float width(String text, float size, boolean isBold) {
        PDType0Font font = isBold ? bold : regular;
        try {
            return font.getStringWidth(drawable(text, font)) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of at most {@code maxWidth}, broken at spaces (a longer word stands alone). */
    List<String> wrap(String text, float maxWidth, float size, boolean isBold) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(candidate, size, isBold) > maxWidth) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Shortens {@code text} with an ellipsis until it fits {@code maxWidth}. */
    String fit(String text, float maxWidth, float size, boolean isBold) {
        if (width(text, size, isBold) <= maxWidth) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && width(cut + "…", size, isBold) > maxWidth) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    /** The finished document. */
    byte[] finish() {
        try {
            content.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with control characters as spaces and letters the font lacks (CJK in DejaVu) as '?'. */
    private static String drawable(String text, PDType0Font font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
