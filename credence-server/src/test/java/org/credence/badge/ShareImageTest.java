package org.credence.badge;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ShareImageTest {
    static final Color PRIMARY = new Color(0x1f3a5f);
    static final Color ACCENT = new Color(0xc8a43b);

    static ShareImage.Facts facts(String achievement, String recipient, String language, Optional<byte[]> logo) {
        byte[] badge = RasterDrawing.png(BadgeArt.of(achievement, "certification", "en", PRIMARY, ACCENT));
        return new ShareImage.Facts(achievement, recipient, "Nordic Data Academy", "CRD-7K3M-Q9XP-2F", language, PRIMARY, ACCENT, logo, badge,
                Optional.of(java.time.LocalDate.of(2028, 11, 22)));
    }

    @Test
    void the_share_image_is_1200_by_627_and_the_same_credential_gives_the_same_bytes() throws Exception {
        Path out = Path.of("target", "share");
        Files.createDirectories(out);
        byte[] logo = RasterDrawing.png(new Drawing(400, 120, java.util.List.of(
                new Drawing.Fill(new java.awt.geom.RoundRectangle2D.Double(0, 0, 400, 120, 30, 30), ACCENT),
                new Drawing.Label("NORDIC DATA", 200, 78, Drawing.Anchor.MIDDLE, org.credence.document.BundledFonts.SANS_BOLD, 44, PRIMARY))));
        var cases = java.util.Map.of(
                "plain", facts("Certified Data Steward", "Åse Ødegård", "en", Optional.empty()),
                "logo-nb", facts("Sertifisert dataforvalter", "Åse Ødegård", "nb", Optional.of(logo)),
                "long", facts("Advanced Professional Certificate in Sustainable Infrastructure Project Management and Delivery for the Public Sector",
                        "Maria Fernanda de los Ángeles García-Villanueva y Rodríguez-Montenegro", "en", Optional.of(logo)),
                "rtl-emoji", facts("شهادة علم البيانات 🚀", "מדען נתונים 👩🏽‍💻 <script>", "en", Optional.empty()),
                "cjk", facts("数据管理员 Data Steward", "山田 花子 / 김민준", "en", Optional.empty()));
        for (var entry : cases.entrySet()) {
            byte[] png = RasterDrawing.png(ShareImage.of(entry.getValue()));
            assertThat(RasterDrawing.png(ShareImage.of(entry.getValue()))).as(entry.getKey()).isEqualTo(png);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(1200);
            assertThat(image.getHeight()).isEqualTo(627);
            Files.write(out.resolve(entry.getKey() + ".png"), png);
        }
    }

    @Test
    void chinese_japanese_and_korean_letters_are_drawn_with_the_bundled_noto_fonts_not_replaced() {
        java.awt.Font sans = org.credence.document.BundledFonts.SANS_BOLD.awtFont().deriveFont(40f);
        assertThat(TextFit.drawable("山田 花子 / 김민준 🎓", sans)).isEqualTo("山田 花子 / 김민준");
        assertThat(TextFit.drawable("Somchai สมชาย", sans)).isEqualTo("Somchai \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD");
        // measured in the font that draws them: an ideograph is about one em wide, not DejaVu's missing-glyph box
        assertThat(TextFit.width(sans, "山田花子")).isBetween(4 * 40 * 0.9, 4 * 40 * 1.1);
    }

    @Test
    void an_expiring_credential_says_until_when_it_is_valid_in_its_language() {
        assertThat(labels(ShareImage.of(facts("Data", "Ada", "en", Optional.empty()))))
                .contains("Issued by Nordic Data Academy · valid until 22 November 2028");
        assertThat(labels(ShareImage.of(facts("Data", "Ada", "nb", Optional.empty()))))
                .contains("Utstedt av Nordic Data Academy · gyldig til 22. november 2028");
    }

    static java.util.List<String> labels(Drawing drawing) {
        return drawing.items().stream().filter(i -> i instanceof Drawing.Label).map(i -> ((Drawing.Label) i).text()).toList();
    }

    @Test
    void the_png_writer_adds_no_timestamp_or_text_chunks() {
        byte[] png = RasterDrawing.png(ShareImage.of(facts("Data", "Ada", "en", Optional.empty())));
        String chunks = new String(png, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(chunks).doesNotContain("tIME", "tEXt", "iTXt", "zTXt");
    }
}
