package org.credence.badge;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class BadgeArtTest {
    static final Color PRIMARY = new Color(0x1f3a5f);
    static final Color ACCENT = new Color(0xc8a43b);

    @Test
    void generated_badges_are_deterministic_600_square_pngs_and_well_formed_svgs() throws Exception {
        Path out = Path.of("target", "badges");
        Files.createDirectories(out);
        for (String kind : new String[] {"certificate", "certification", "badge", "diploma"}) {
            Drawing drawing = BadgeArt.of("Certified Data Steward — Advanced Level", kind, "en", PRIMARY, ACCENT);
            byte[] png = RasterDrawing.png(drawing);
            assertThat(RasterDrawing.png(BadgeArt.of("Certified Data Steward — Advanced Level", kind, "en", PRIMARY, ACCENT))).isEqualTo(png);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(decoded.getWidth()).isEqualTo(600);
            assertThat(decoded.getHeight()).isEqualTo(600);
            assertThat(new Color(decoded.getRGB(300, 300), true).getAlpha()).as("the face is painted").isEqualTo(255);
            assertThat(new Color(decoded.getRGB(2, 2), true).getAlpha()).as("the corners stay transparent").isZero();
            String svg = SvgDrawing.write(drawing);
            assertThat(svg).contains("<svg", "DejaVu Sans", "Certified Data", kind.toUpperCase());
            assertThat(SvgDrawing.write(drawing)).isEqualTo(svg);
            // the sanitiser used for uploads accepts our own drawing unchanged in content
            assertThat(org.credence.standards.baking.SafeSvg.sanitize(svg.getBytes(StandardCharsets.UTF_8)).removed()).isEmpty();
            Files.write(out.resolve(kind + ".png"), png);
            Files.writeString(out.resolve(kind + ".svg"), svg);
        }
    }

    @Test
    void the_ribbon_names_the_kind_in_the_issuers_language() {
        assertThat(labels(BadgeArt.of("Sveising", "certificate", "nb", PRIMARY, ACCENT))).contains("KURSBEVIS").doesNotContain("CERTIFICATE");
        assertThat(labels(BadgeArt.of("Sveising", "diploma", "nb", PRIMARY, ACCENT))).contains("DIPLOM");
        assertThat(labels(BadgeArt.of("Welding", "certificate", "en", PRIMARY, ACCENT))).contains("CERTIFICATE");
    }

    static java.util.List<String> labels(Drawing drawing) {
        return drawing.items().stream().filter(Drawing.Label.class::isInstance).map(i -> ((Drawing.Label) i).text()).toList();
    }

    @Test
    void names_in_any_script_with_emoji_markup_or_extreme_length_draw_without_failing() {
        for (String name : new String[] {"شهادة علم البيانات المتقدمة", "מדען נתונים", "Data 🚀 Steward 👩🏽‍💻", "<script>alert(1)</script> & co",
                "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇", "x".repeat(200), "🚀🚀🚀", "Ω".repeat(3) + " " + "Supercalifragilisticexpialidocious".repeat(5)}) {
            Drawing drawing = BadgeArt.of(name, "badge", "en", PRIMARY, ACCENT);
            assertThat(RasterDrawing.png(drawing)).isNotEmpty();
            assertThat(SvgDrawing.write(drawing)).doesNotContain("<script>");
        }
    }

    @Test
    void long_names_shrink_and_wrap_and_end_with_an_ellipsis_when_they_cannot_fit() {
        TextFit.Fitted shortName = TextFit.fit("Python", org.credence.document.BundledFonts.SANS_BOLD, 340, 3, 50, 24);
        assertThat(shortName.lines()).containsExactly("Python");
        assertThat(shortName.size()).isEqualTo(50f);
        TextFit.Fitted longName = TextFit.fit("Advanced Certificate in Sustainable Infrastructure Project Management and Delivery",
                org.credence.document.BundledFonts.SANS_BOLD, 340, 3, 50, 24);
        assertThat(longName.lines()).hasSizeBetween(2, 3);
        assertThat(longName.size()).isLessThan(50f);
        TextFit.Fitted huge = TextFit.fit("word ".repeat(100), org.credence.document.BundledFonts.SANS_BOLD, 340, 3, 50, 24);
        assertThat(huge.lines()).hasSize(3);
        assertThat(huge.lines().get(2)).endsWith("…");
        assertThat(TextFit.fit("🚀🚀", org.credence.document.BundledFonts.SANS_BOLD, 340, 3, 50, 24).lines()).containsExactly("—");
    }

    @Test
    void a_smaller_font_is_chosen_before_a_word_is_cut_in_two() {
        TextFit.Fitted fitted = TextFit.fit("Sikkerhet på arbeidsplassen", org.credence.document.BundledFonts.SANS_BOLD, 250, 3, 34, 18);
        assertThat(fitted.lines()).allSatisfy(line -> assertThat("Sikkerhet på arbeidsplassen".split(" ")).contains(line.split(" ")));
        TextFit.Fitted unbreakable = TextFit.fit("Donaudampfschifffahrtsgesellschaftskapitänsmütze", org.credence.document.BundledFonts.SANS_BOLD, 250, 3, 34, 18);
        assertThat(unbreakable.lines()).hasSizeGreaterThan(1);
    }
}
