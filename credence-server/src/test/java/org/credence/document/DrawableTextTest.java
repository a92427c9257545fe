package org.credence.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntPredicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The one rule for what a drawing shows of a text a person typed. */
class DrawableTextTest {
    /** Like the bundled fonts: Latin, Hebrew, Arabic and its presentation forms, no CJK and no emoji. */
    private static final IntPredicate FONTS = cp -> cp < 0x2E80 && !DrawableText.isEmojiPart(cp)
            || cp >= 0xFB1D && cp <= 0xFEFC || cp == 0xFFFD;

    @Test
    void arabic_letters_take_their_joined_forms_when_shaping_is_asked_for() {
        // meem-initial, hah-medial, meem-medial, dal-final: "Muhammad" as it is written, not four isolated letters
        assertThat(DrawableText.of("محمد", FONTS, true)).isEqualTo("\uFEE3\uFEA4\uFEE4\uFEAA");
        assertThat(DrawableText.of("محمد", FONTS, false)).isEqualTo("محمد");
    }

    @Test
    void vowel_marks_stay_marks_on_their_shaped_letters() {
        // meem+damma, hah+fatha, meem+fatha+shadda, dal: each mark follows its letter's joined form
        assertThat(DrawableText.of("مُحَمَّد", FONTS, true)).isEqualTo("\uFEE3\u064F\uFEA4\u064E\uFEE4\u064E\u0651\uFEAA");
        // marks on the lam and the alef of a lam-alef both follow the ligature
        assertThat(DrawableText.of("سَلَامٌ", FONTS, true)).isEqualTo("\uFEB3\u064E\uFEFC\u064E\uFEE1\u064C");
    }

    @Test
    void lam_alef_becomes_its_ligature() {
        // seen, lam joined to the alef after it as one glyph (U+FEFC, the final form), meem
        assertThat(DrawableText.of("سلام", FONTS, true)).isEqualTo("\uFEB3\uFEFC\uFEE1");
        // a ligature typed as one character is one letter, marks and all (found by the property below)
        assertThat(DrawableText.of("\uFEFB\u064E\u0628", FONTS, true)).isEqualTo("\uFEFB\u064E\uFE8F");
    }

    @Test
    void right_to_left_runs_are_reversed_and_brackets_mirrored() {
        assertThat(DrawableText.visual("Ada (שלום)")).isEqualTo("Ada (םולש)");
        assertThat(DrawableText.visual("(שלום)")).isEqualTo("(םולש)");
        // shin + shin dot + qamats: the marks come before the shin in drawing order, where DejaVu's marks sit over it
        String shalom = "\u05E9\u05C1\u05B8\u05DC\u05D5\u05B9\u05DD";
        assertThat(DrawableText.visual(shalom)).isEqualTo("\u05DD\u05B9\u05D5\u05DC\u05B8\u05C1\u05E9");
    }

    @Test
    void emoji_sequences_go_whole_and_leave_single_spaces() {
        assertThat(DrawableText.of("Ada 👩🏽‍💻 🇳🇴 1️⃣ Lovelace", FONTS, true)).isEqualTo("Ada 1 Lovelace");
        assertThat(DrawableText.of("🎓🚀", FONTS, true)).isEmpty();
        assertThat(DrawableText.orDash(DrawableText.of("🎓", FONTS, true))).isEqualTo("—");
    }

    @Test
    void controls_go_and_line_breaks_become_spaces() {
        assertThat(DrawableText.of("Ada\u0000\u0007\r\n\tLovelace\u200B", FONTS, false)).isEqualTo("Ada Lovelace");
    }

    @Property
    void the_result_holds_only_drawable_characters_and_single_spaces(@ForAll @StringLength(max = 40) String text) {
        String drawable = DrawableText.of(text, FONTS, true);
        assertThat(drawable).doesNotContain("  ").isEqualTo(drawable.strip());
        assertThat(drawable.codePoints()).allSatisfy(cp -> assertThat(FONTS.test(cp) || DrawableText.isBidiControl(cp)).isTrue());
        assertThat(drawable.codePoints()).noneMatch(Character::isISOControl);
    }

    @Property
    void arabic_text_keeps_every_vowel_mark_through_shaping(
            @ForAll @CharRange(from = '\u0600', to = '\u06FF') @CharRange(from = '\uFB50', to = '\uFDFF')
            @CharRange(from = '\uFE70', to = '\uFEFC') @Chars({' ', 'a'})
            @StringLength(max = 30) String text) {
        String nfc = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
        long marks = nfc.chars().skip(1).filter(c -> Character.getType(c) == Character.NON_SPACING_MARK).count();
        String drawable = DrawableText.of(text, FONTS, true);
        assertThat(drawable.chars().filter(c -> Character.getType(c) == Character.NON_SPACING_MARK).count()).isGreaterThanOrEqualTo(marks);
    }

    @Property
    void drawing_order_keeps_every_character_of_a_line(@ForAll @StringLength(max = 40) String text) {
        String drawable = DrawableText.of(text, FONTS, true);
        String visual = DrawableText.visual(drawable);
        assertThat(visual.codePointCount(0, visual.length()))
                .isEqualTo(drawable.codePoints().filter(cp -> !DrawableText.isBidiControl(cp)).count());
    }
}
