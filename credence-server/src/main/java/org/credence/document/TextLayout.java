package org.credence.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;

/**
 * Text as a certificate shows it: plain characters the font can draw, measured once from the
 * font's own advance widths, shrunk to fit and then wrapped, and put in visual order for
 * right-to-left scripts (PDF text is drawn left to right).
 */
final class TextLayout {
    private static final double LEADING = 1.2;

    /**
     * A font and the fonts that stand in for it where it lacks a glyph (DejaVu Serif has no
     * Hebrew or Arabic, DejaVu Sans has): glyph lookup and advance widths in 1/1000 of the size.
     */
    static final class Metrics {
        private final List<BundledFonts> fonts;
        private final List<CmapLookup> cmaps = new ArrayList<>();
        private final List<TrueTypeFont> ttfs;
        private final float[] scales;

        Metrics(List<BundledFonts> fonts, List<TrueTypeFont> ttfs) {
            try {
                this.fonts = List.copyOf(fonts);
                this.ttfs = List.copyOf(ttfs);
                this.scales = new float[ttfs.size()];
                for (int i = 0; i < ttfs.size(); i++) {
                    cmaps.add(ttfs.get(i).getUnicodeCmapLookup());
                    scales[i] = 1000f / ttfs.get(i).getUnitsPerEm();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Which of the fonts draws the character: the first that has it, or -1. */
        int fontFor(int codePoint) {
            for (int i = 0; i < cmaps.size(); i++) {
                if (cmaps.get(i).getGlyphId(codePoint) != 0) {
                    return i;
                }
            }
            return -1;
        }

        BundledFonts font(int index) {
            return fonts.get(index);
        }

        boolean hasGlyph(int codePoint) {
            return fontFor(codePoint) >= 0;
        }

        /** The advance width; none for a character no font has, such as a bidi control the line drops. */
        float width(int codePoint) {
            int font = fontFor(codePoint);
            if (font < 0) {
                return 0;
            }
            try {
                return ttfs.get(font).getAdvanceWidth(cmaps.get(font).getGlyphId(codePoint)) * scales[font];
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The line cut into runs that each one font draws, in order. */
        List<Run> runs(String line) {
            List<Run> runs = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            int currentFont = -1;
            for (int cp : line.codePoints().toArray()) {
                // spaces and marks stay with the run they sit in
                int font = cp == ' ' && currentFont >= 0 ? currentFont : Math.max(0, fontFor(cp));
                if (font != currentFont && current.length() > 0) {
                    runs.add(new Run(fonts.get(currentFont), current.toString()));
                    current.setLength(0);
                }
                currentFont = font;
                current.appendCodePoint(cp);
            }
            if (current.length() > 0) {
                runs.add(new Run(fonts.get(currentFont), current.toString()));
            }
            return runs;
        }
    }

    /** Part of a line drawn in one font. */
    record Run(BundledFonts font, String text) {}

    /** Lines laid out at one size; each line already in visual order. */
    record Laid(double size, List<String> lines, List<Double> widths) {
        double leading() {
            return size * LEADING;
        }
    }

    private TextLayout() {}

    /**
     * What may be drawn of a text a user supplied, by the rule all drawings share
     * ({@link DrawableText}), with Arabic letters shaped first, as PDFBox draws glyphs as given.
     */
    static String drawable(String text, Metrics metrics) {
        return DrawableText.of(text, metrics::hasGlyph, true);
    }

    /**
     * Fits text into {@code maxWidth} points: at {@code size} if it fits, else as large as fits
     * down to {@code minSize}, else wrapped at {@code minSize} into at most {@code maxLines}
     * lines, the last one cut with an ellipsis. Each character is measured once.
     */
    static Laid fit(String text, Metrics metrics, double size, double minSize, int maxLines, double maxWidth) {
        int[] cps = text.codePoints().toArray();
        float[] widths = new float[cps.length];
        double total = 0;
        for (int i = 0; i < cps.length; i++) {
            widths[i] = metrics.width(cps[i]);
            total += widths[i];
        }
        double natural = total * size / 1000;
        if (natural <= maxWidth) {
            return new Laid(size, List.of(visual(text)), List.of(natural));
        }
        double shrunk = maxWidth * 1000 / total;
        if (shrunk >= minSize || maxLines == 1 && shrunk >= minSize * 0.999) {
            return new Laid(shrunk, List.of(visual(text)), List.of(maxWidth));
        }
        return wrap(cps, widths, metrics, minSize, maxLines, maxWidth * 1000 / minSize);
    }

    /** Greedy wrapping at spaces (or anywhere inside a word longer than a line); widths in font units. */
    private static Laid wrap(int[] cps, float[] widths, Metrics metrics, double size, int maxLines, double limit) {
        List<String> lines = new ArrayList<>();
        List<Double> lineWidths = new ArrayList<>();
        int start = 0;
        while (start < cps.length && lines.size() < maxLines) {
            while (start < cps.length && cps[start] == ' ') {
                start++;
            }
            double width = 0;
            int end = start;
            int lastSpace = -1;
            while (end < cps.length && width + widths[end] <= limit) {
                if (cps[end] == ' ') {
                    lastSpace = end;
                }
                width += widths[end];
                end++;
            }
            if (end < cps.length && lastSpace > start) {
                end = lastSpace;
            }
            end = Math.max(end, start + 1);
            boolean last = lines.size() == maxLines - 1;
            if (last && end < cps.length) {
                end = ellipsisEnd(cps, widths, start, metrics, limit);
                lines.add(new String(cps, start, end - start).strip() + "…");
            } else {
                lines.add(new String(cps, start, end - start).strip());
            }
            lineWidths.add(measure(lines.get(lines.size() - 1), metrics) * size / 1000);
            start = end;
        }
        return new Laid(size, lines.stream().map(TextLayout::visual).toList(), lineWidths);
    }

    private static int ellipsisEnd(int[] cps, float[] widths, int start, Metrics metrics, double limit) {
        double room = limit - metrics.width('…');
        double width = 0;
        int end = start;
        while (end < cps.length && width + widths[end] <= room) {
            width += widths[end];
            end++;
        }
        return Math.max(end, start + 1);
    }

    private static double measure(String line, Metrics metrics) {
        double width = 0;
        for (int cp : line.codePoints().toArray()) {
            width += metrics.width(cp);
        }
        return width;
    }

    /** The line in visual (left-to-right drawing) order, per the Unicode bidirectional algorithm. */
    static String visual(String logical) {
        return DrawableText.visual(logical);
    }
}
