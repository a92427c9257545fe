package org.credence.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One certificate's fonts, cut down to the characters it draws before anything is drawn, then
 * embedded whole. PDFBox's own subsetting ({@code PDType0Font.load(doc, ttf, true)}) first
 * writes and re-reads the width of every glyph of the full font (about 6,000 for DejaVu Sans)
 * into each document and cuts the font at save; that was half the time of a certificate.
 * Here fontbox's subsetter makes a small TrueType font of the needed glyphs from the parsed
 * font shared by all documents, and PDFBox embeds it as it is. The subset keeps no GSUB table,
 * so no ligatures are substituted: every character is its own glyph, as the layout measured it.
 */
final class EmbeddedFonts implements Canvas.Fonts, AutoCloseable {
    /** The tables a PDF viewer draws from, plus those PDFBox reads to describe the font. */
    private static final List<String> TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm",
            "gasp", "OS/2", "cmap", "name", "post");
    private static final String TAG_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private final Map<BundledFonts, PDType0Font> embedded = new EnumMap<>(BundledFonts.class);
    private final List<TrueTypeFont> subsets = new ArrayList<>();

    /**
     * @param used per font, the code points the certificate draws with it
     * @param parsed the full parsed font (shared, never modified)
     */
    EmbeddedFonts(PDDocument doc, Map<BundledFonts, SortedSet<Integer>> used, Function<BundledFonts, TrueTypeFont> parsed) {
        try {
            for (Map.Entry<BundledFonts, SortedSet<Integer>> entry : used.entrySet()) {
                TrueTypeFont subset = subset(parsed.apply(entry.getKey()), entry.getValue());
                subsets.add(subset);
                embedded.put(entry.getKey(), PDType0Font.load(doc, subset, false));
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public PDType0Font of(BundledFonts font) {
        PDType0Font pdf = embedded.get(font);
        if (pdf == null) {
            throw new IllegalStateException("font " + font.designName() + " is drawn but was not planned for this certificate");
        }
        return pdf;
    }

    private static TrueTypeFont subset(TrueTypeFont full, Set<Integer> codePoints) throws IOException {
        TTFSubsetter subsetter = new TTFSubsetter(full, TABLES);
        subsetter.addAll(codePoints);
        // PDF names a subset font TAG+Name (ISO 32000 9.6.4); the tag follows from the glyphs, so the bytes repeat
        subsetter.setPrefix(tag(codePoints));
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        subsetter.writeToStream(out);
        return new TTFParser(true).parse(new RandomAccessReadBuffer(out.toByteArray()));
    }

    private static String tag(Set<Integer> codePoints) {
        long hash = Integer.toUnsignedLong(codePoints.hashCode() * 31 + codePoints.size());
        StringBuilder tag = new StringBuilder(7);
        for (int i = 0; i < 6; i++) {
            tag.append(TAG_LETTERS.charAt((int) (hash % 26)));
            hash /= 26;
        }
        return tag.append('+').toString();
    }

    /** Releases the subset fonts; the document must be saved by then. */
    @Override
    public void close() {
        for (TrueTypeFont subset : subsets) {
            try {
                subset.close();
            } catch (IOException e) {
                // an in-memory font has nothing to release that could fail
            }
        }
    }
}
