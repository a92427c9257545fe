package org.credence.document;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * What a certificate, badge or share image can draw of a text a person supplied, the same rule
 * everywhere: NFC-normalised, control characters gone, emoji the bundled fonts lack dropped (a
 * missing decoration goes unnoticed, a box in a name does not), and any other character the fonts
 * lack shown as U+FFFD, so a name is never silently changed into a different name.
 * Nothing is interpreted: {@code <b>} stays the three characters and a letter it is.
 */
public final class DrawableText {
    /** Shown where a text is nothing but what cannot be drawn. */
    public static final String NOTHING_DRAWABLE = "—";
    private static final int REPLACEMENT = 0xFFFD;
    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int COMBINING_KEYCAP = 0x20E3;
    private static final char LAM = '\u0644';
    private static final char LAM_ALEF_FIRST = '\uFEF5';
    private static final char LAM_ALEF_LAST = '\uFEFC';

    private DrawableText() {}

    /**
     * The text as the fonts can draw it, in logical order (see {@link #visual} for drawing order).
     *
     * @param hasGlyph whether one of the fonts has a glyph for a code point
     * @param shapeArabic whether to turn Arabic letters into their joined presentation forms
     *                    first, for drawing with a library that does no shaping (PDFBox); Java2D
     *                    and browsers shape by themselves
     * @return the drawable text, stripped; empty when nothing in it can be drawn
     */
    public static String of(String text, IntPredicate hasGlyph, boolean shapeArabic) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
        String shaped = shapeArabic ? shapeArabic(normalised) : normalised;
        int replacement = hasGlyph.test(REPLACEMENT) ? REPLACEMENT : '?';
        StringBuilder out = new StringBuilder(shaped.length());
        shaped.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                // line breaks, tabs and odd spaces become one plain space
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else if (cp == ZERO_WIDTH_JOINER || UCharacter.hasBinaryProperty(cp, UProperty.VARIATION_SELECTOR)
                    || Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT && !isBidiControl(cp)) {
                // joiners, selectors and other invisible controls steer how an emoji or a font draws; alone they draw nothing
                return;
            } else if (hasGlyph.test(cp) || isBidiControl(cp)) {
                // bidi controls stay for the bidirectional algorithm, which removes them (see visual)
                out.appendCodePoint(cp);
            } else if (!isEmojiPart(cp)) {
                out.appendCodePoint(replacement);
            }
        });
        return out.toString().strip();
    }

    static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
    }

    /** The text, or {@link #NOTHING_DRAWABLE} when none of it can be drawn. */
    public static String orDash(String drawable) {
        return drawable.isEmpty() ? NOTHING_DRAWABLE : drawable;
    }

    /**
     * Part of an emoji: a pictograph, a skin tone, a flag's regional indicator, a keycap, a
     * variation selector or the joiner between an emoji sequence's parts.
     */
    static boolean isEmojiPart(int cp) {
        return UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC)
                || UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_MODIFIER)
                || UCharacter.hasBinaryProperty(cp, UProperty.REGIONAL_INDICATOR)
                || UCharacter.hasBinaryProperty(cp, UProperty.VARIATION_SELECTOR)
                || cp == COMBINING_KEYCAP || cp == ZERO_WIDTH_JOINER
                || (cp >= 0xE0020 && cp <= 0xE007F); // tag characters of subdivision flags
    }

    /**
     * One line in visual (left-to-right drawing) order by the Unicode bidirectional algorithm:
     * right-to-left runs reversed and brackets mirrored, as a PDF draws glyphs left to right. A
     * Hebrew or Arabic mark lands before its letter, where the bundled fonts draw it: their marks
     * have no advance and ink to the right of their origin, over the letter that follows.
     */
    public static String visual(String line) {
        String ordered = Bidi.requiresBidi(line.toCharArray(), 0, line.length())
                ? new Bidi(line, Bidi.LEVEL_DEFAULT_LTR).writeReordered(Bidi.DO_MIRRORING)
                : line;
        // the controls have done their work in the ordering; ICU's own removal misses the Arabic letter mark
        return ordered.codePoints().filter(cp -> !isBidiControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /**
     * Arabic letters in the forms they take beside their neighbours (initial, medial, final,
     * lam-alef). The vowel marks are taken out first and put back after their letters: ICU would
     * shape them into spacing forms on a stretched joining line, while the fonts draw them as
     * marks over the letter. Marks do not break a join, so taking them out changes no letter's form.
     */
    private static String shapeArabic(String text) {
        if (text.codePoints().noneMatch(cp -> UCharacter.UnicodeBlock.of(cp) == UCharacter.UnicodeBlock.ARABIC
                || UCharacter.UnicodeBlock.of(cp) == UCharacter.UnicodeBlock.ARABIC_SUPPLEMENT)) {
            return text;
        }
        StringBuilder letters = new StringBuilder(text.length());
        List<StringBuilder> marks = new ArrayList<>();
        for (char c : text.toCharArray()) {
            if (Character.getType(c) == Character.NON_SPACING_MARK && !marks.isEmpty()) {
                marks.get(marks.size() - 1).append(c);
            } else {
                letters.append(c);
                marks.add(new StringBuilder());
            }
        }
        String shaped;
        try {
            shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL
                    | ArabicShaping.LENGTH_GROW_SHRINK).shape(letters.toString());
        } catch (ArabicShapingException e) {
            // only thrown for fixed-length options, which are not used; unshaped letters still read
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int letter = 0;
        for (char c : shaped.toCharArray()) {
            // a lam that became a lam-alef ligature stands for two letters: the alef's marks follow too
            boolean joined = c >= LAM_ALEF_FIRST && c <= LAM_ALEF_LAST && letters.charAt(letter) == LAM;
            out.append(c).append(marks.get(letter++));
            if (joined) {
                out.append(marks.get(letter++));
            }
        }
        return out.toString();
    }
}
