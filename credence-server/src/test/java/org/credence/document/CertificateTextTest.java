package org.credence.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.document.CertificateRendererTest.certificate;
import static org.credence.document.CertificateRendererTest.text;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Names as people really have them, and names as attackers type them, on a certificate. */
class CertificateTextTest {
    static final CertificateRenderer RENDERER = CertificateRendererTest.RENDERER;

    static String rendered(String name) throws Exception {
        return text(RENDERER.render(Designs.builtIn("classic"), Branding.defaults(), certificate(name, "en")));
    }

    @Test
    void html_in_a_name_is_drawn_as_the_characters_it_is() throws Exception {
        assertThat(rendered("<b>Eve</b> <script>alert(1)</script>")).contains("<b>Eve</b> <script>alert(1)</script>");
    }

    @Test
    void emoji_the_fonts_lack_are_left_out_and_the_rest_renders() throws Exception {
        assertThat(rendered("Zoë 🎓🚀 Smith 👩🏽‍💻")).contains("Zoë Smith").doesNotContain("🎓", "\uFFFD", "?");
    }

    @Test
    void chinese_japanese_and_korean_names_are_drawn_with_the_bundled_noto_fonts() throws Exception {
        assertThat(rendered("Li 李明")).contains("Li 李明");
        assertThat(rendered("山田 はなこ")).contains("山田 はなこ");
        assertThat(rendered("김민준")).contains("김민준");
    }

    @Test
    void letters_of_a_script_the_fonts_lack_show_as_replacement_characters_not_as_a_shorter_name() throws Exception {
        // Thai: neither DejaVu nor the Noto CJK fonts have it
        assertThat(rendered("Somchai สมชาย")).contains("Somchai \uFFFD");
    }

    @Test
    void arabic_names_are_drawn_joined_and_read_back_in_reading_order() throws Exception {
        assertThat(rendered("محمد عبد الله")).contains("محمد عبد الله");
    }

    @Test
    void combining_marks_are_composed_before_drawing() throws Exception {
        // "e" + COMBINING ACUTE and "a" + COMBINING RING ABOVE: drawn as é and å
        assertThat(rendered("Rene\u0301e A\u030Asen")).contains("Renée Åsen");
    }

    @Test
    void right_to_left_names_come_back_in_reading_order() throws Exception {
        assertThat(rendered("דוד כהן")).contains("דוד כהן");
    }

    @Test
    void a_very_long_name_shrinks_then_wraps_and_is_cut_only_past_three_lines() throws Exception {
        String name = ("Maximiliana Wilhelmina Augusta von Hohenzollern-Sigmaringen ").repeat(5).strip();
        assertThat(name.length()).isGreaterThan(290);
        String text = rendered(name);
        assertThat(text).contains("Maximiliana Wilhelmina Augusta").contains("…");
        TextLayout.Metrics metrics = new TextLayout.Metrics(java.util.List.of(BundledFonts.SERIF_BOLD), java.util.List.of(
                new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(BundledFonts.SERIF_BOLD.bytes()))));
        TextLayout.Laid laid = TextLayout.fit(name, metrics, 34, 16, 3, 650);
        assertThat(laid.size()).isEqualTo(16);
        assertThat(laid.lines()).hasSize(3);
        assertThat(laid.widths()).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(650));
        TextLayout.Laid shrunk = TextLayout.fit("Maximiliana Wilhelmina Augusta von Hohenzollern", metrics, 34, 16, 3, 650);
        assertThat(shrunk.lines()).hasSize(1);
        assertThat(shrunk.size()).isBetween(16.0, 34.0);
    }

    @Test
    void a_missing_logo_leaves_its_box_empty() throws Exception {
        Branding broken = new Branding("Letter", "#000000", "#ff0000", Optional.of(new Branding.Image("image/png", new byte[] {1, 2, 3})),
                Optional.empty(), Optional.empty());
        byte[] pdf = RENDERER.render(Designs.builtIn("modern"), broken, certificate("Ada", "en"));
        assertThat(text(pdf)).contains("Ada");
    }
}
