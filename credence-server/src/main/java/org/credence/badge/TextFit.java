package org.credence.badge;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedCharacterIterator;
import java.text.AttributedString;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.credence.document.BundledFonts;
import org.credence.document.DrawableText;

/**
 * Fits a name into a box: wraps at spaces, shrinks from the largest size to the smallest, breaks
 * inside a word only when no size fits whole words, and at the smallest size ends the last line
 * with an ellipsis.
 * Measures with the bundled font, so the SVG and PNG badges break lines in the same places.
 */
final class TextFit {
    /** Anti-aliased, fractional metrics: the context the PNG is drawn in. */
    static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
    private static final String ELLIPSIS = "…";
    private static final List<BundledFonts> CJK = List.of(BundledFonts.SANS_SC, BundledFonts.SANS_KR);

    private TextFit() {}

    /** Lines at a font size. */
    record Fitted(List<String> lines, float size) {}

    static Fitted fit(String text, BundledFonts font, double maxWidth, int maxLines, float largest, float smallest) {
        String drawable = drawable(text, font.awtFont());
        // a smaller font reads better than a word cut in two ("arbeidsplass / en")
        for (boolean breakWords : new boolean[] {false, true}) {
            for (float size = largest; size >= smallest; size -= 2) {
                List<String> lines = wrap(drawable, font.awtFont().deriveFont(size), maxWidth, breakWords);
                if (lines != null && lines.size() <= maxLines) {
                    return new Fitted(lines, size);
                }
            }
        }
        Font small = font.awtFont().deriveFont(smallest);
        List<String> lines = new ArrayList<>(wrap(drawable, small, maxWidth, true).subList(0, maxLines));
        String last = lines.get(maxLines - 1);
        BreakIterator graphemes = BreakIterator.getCharacterInstance();
        while (!last.isEmpty() && width(small, last + ELLIPSIS) > maxWidth) {
            graphemes.setText(last);
            last = last.substring(0, graphemes.preceding(last.length()));
        }
        lines.set(maxLines - 1, last.stripTrailing() + ELLIPSIS);
        return new Fitted(lines, smallest);
    }

    /**
     * What the bundled fonts can draw of the text ({@link DrawableText}): {@code font}, or the Noto
     * CJK fonts where it lacks a letter. Java2D shapes Arabic itself. Never empty.
     */
    static String drawable(String text, Font font) {
        return DrawableText.orDash(DrawableText.of(text, cp -> font.canDisplay(cp) || fallback(cp, font.getSize2D()) != null, false));
    }

    static double width(Font font, String text) {
        if (font.canDisplayUpTo(text) < 0) {
            return font.getStringBounds(text, CONTEXT).getWidth();
        }
        return text.isEmpty() ? 0 : new TextLayout(styled(text, font), CONTEXT).getAdvance();
    }

    /**
     * The text for Java2D layout, each letter {@code font} lacks set in the Noto CJK font that has it
     * (Java2D falls back only among the fonts it knows, and the bundled ones are not installed).
     */
    static AttributedCharacterIterator styled(String text, Font font) {
        AttributedString styled = new AttributedString(text);
        styled.addAttribute(TextAttribute.FONT, font);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            Font stand = font.canDisplay(cp) ? null : fallback(cp, font.getSize2D());
            if (stand != null) {
                styled.addAttribute(TextAttribute.FONT, stand, i, next);
            }
            i = next;
        }
        return styled.getIterator();
    }

    /** The bundled font that draws a letter the DejaVu fonts lack, at {@code size}, or null. */
    private static Font fallback(int codePoint, float size) {
        for (BundledFonts font : CJK) {
            if (font.awtFont().canDisplay(codePoint)) {
                return font.awtFont().deriveFont(size);
            }
        }
        return null;
    }

    /** The lines, or null when a word is wider than the box and {@code breakWords} is off. */
    private static List<String> wrap(String text, Font font, double maxWidth, boolean breakWords) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // a word wider than the box is broken between graphemes (never inside a letter with its accents)
            String rest = word;
            if (!breakWords && width(font, rest) > maxWidth) {
                return null;
            }
            BreakIterator graphemes = BreakIterator.getCharacterInstance();
            while (width(font, rest) > maxWidth) {
                graphemes.setText(rest);
                int fits = graphemes.next();
                for (int end = graphemes.next(); end != BreakIterator.DONE && width(font, rest.substring(0, end)) <= maxWidth; end = graphemes.next()) {
                    fits = end;
                }
                if (fits >= rest.length()) {
                    break;
                }
                lines.add(rest.substring(0, fits));
                rest = rest.substring(fits);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
