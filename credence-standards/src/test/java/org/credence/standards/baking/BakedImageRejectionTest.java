package org.credence.standards.baking;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BakedImageRejectionTest {

    private static final String CREDENTIAL = "{\"id\":\"urn:uuid:1\"}";

    @Test
    void a_corrupted_header_is_reported_as_a_bad_crc() {
        byte[] png = TestImages.png();
        png[16] ^= 0x01; // first byte of the IHDR width

        assertThatThrownBy(() -> BakedBadge.read(png))
                .isInstanceOf(BakingException.class)
                .hasMessage("PNG chunk IHDR has a bad CRC — the file is corrupt");
    }

    @Test
    void a_png_cut_short_anywhere_is_rejected_cleanly() {
        byte[] baked = BakedBadge.bakePng(TestImages.png(), CREDENTIAL);

        for (int length = 0; length < baked.length; length++) {
            byte[] truncated = Arrays.copyOf(baked, length);
            assertThatThrownBy(() -> BakedBadge.read(truncated)).isInstanceOf(BakingException.class);
            assertThatThrownBy(() -> BakedBadge.bakePng(truncated, CREDENTIAL)).isInstanceOf(BakingException.class);
        }
    }

    @Test
    void random_bytes_are_not_an_image() {
        byte[] noise = new byte[512];
        new Random(42).nextBytes(noise);
        noise[0] = 0x00;

        assertThatThrownBy(() -> BakedBadge.read(noise))
                .isInstanceOf(BakingException.class)
                .hasMessage("not a PNG or SVG image");
    }

    @Test
    void an_svg_given_to_the_png_baker_is_not_a_png() {
        assertThatThrownBy(() -> BakedBadge.bakePng(TestImages.SVG.getBytes(StandardCharsets.UTF_8), CREDENTIAL))
                .isInstanceOf(BakingException.class)
                .hasMessage("not a PNG image");
    }

    @Test
    void xml_that_is_not_svg_is_not_an_image() {
        assertThatThrownBy(() -> BakedBadge.read("<html><body/></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BakingException.class)
                .hasMessage("not a PNG or SVG image");
    }

    @Test
    void an_svg_with_an_external_entity_is_refused_before_anything_is_fetched() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY leak SYSTEM \"file:///etc/passwd\">]>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\">"
                + "<openbadges:credential>&leak;</openbadges:credential></svg>";

        assertThatThrownBy(() -> BakedBadge.read(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BakingException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:");
        assertThatThrownBy(() -> BakedBadge.bakeSvg(xxe, CREDENTIAL))
                .isInstanceOf(BakingException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void malformed_svg_is_reported_as_not_well_formed() {
        assertThatThrownBy(() -> BakedBadge.bakeSvg("<svg><g></svg>", CREDENTIAL))
                .isInstanceOf(BakingException.class)
                .hasMessageStartingWith("the SVG is not well-formed XML");
    }

    @Test
    void two_credentials_in_one_png_are_ambiguous() {
        byte[] doubled = TestImages.withChunkAfterHeader(
                BakedBadge.bakePng(TestImages.png(), CREDENTIAL), "iTXt",
                TestImages.itxtData("openbadgecredential", "{\"id\":\"other\"}"));

        assertThatThrownBy(() -> BakedBadge.read(doubled))
                .isInstanceOf(BakingException.class)
                .hasMessageContaining("more than one");
    }

    @Test
    void a_credential_chunk_without_its_header_fields_is_malformed() {
        byte[] png = TestImages.withChunkAfterHeader(TestImages.png(), "iTXt",
                "openbadgecredential\0".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> BakedBadge.read(png))
                .isInstanceOf(BakingException.class)
                .hasMessageContaining("malformed openbadgecredential iTXt chunk");
    }

    @Test
    void images_over_five_megabytes_are_refused() {
        byte[] huge = Arrays.copyOf(TestImages.png(), 5 * 1024 * 1024 + 1);

        assertThatThrownBy(() -> BakedBadge.read(huge)).hasMessage("the image is larger than 5 MB");
        assertThatThrownBy(() -> BakedBadge.bakePng(huge, CREDENTIAL)).hasMessage("the image is larger than 5 MB");
    }

    @Test
    void baked_text_over_one_megabyte_is_refused_when_reading() {
        byte[] png = TestImages.withChunkAfterHeader(TestImages.png(), "iTXt",
                TestImages.itxtData("openbadgecredential", "x".repeat(1024 * 1024 + 1)));

        assertThatThrownBy(() -> BakedBadge.read(png)).hasMessage("the baked credential is larger than 1 MB");
    }

    @Test
    void credentials_over_one_megabyte_are_refused_when_baking() {
        String huge = "{\"x\":\"" + "é".repeat(600 * 1024) + "\"}";

        assertThatThrownBy(() -> BakedBadge.bakePng(TestImages.png(), huge))
                .hasMessage("the baked credential is larger than 1 MB");
        assertThatThrownBy(() -> BakedBadge.bakeSvg(TestImages.SVG, huge))
                .hasMessage("the baked credential is larger than 1 MB");
    }

    @Test
    void blank_credentials_are_refused() {
        assertThatThrownBy(() -> BakedBadge.bakePng(TestImages.png(), " \n"))
                .hasMessage("the credential to bake is empty");
    }

    @Test
    void broken_utf16_is_refused_rather_than_baked_as_question_marks() {
        assertThatThrownBy(() -> BakedBadge.bakePng(TestImages.png(), "{\"x\":\"\uD800\"}"))
                .hasMessage("the credential to bake is not valid Unicode text");
    }

    @Test
    void characters_xml_cannot_hold_are_refused_for_svg() {
        assertThatThrownBy(() -> BakedBadge.bakeSvg(TestImages.SVG, "{\"x\":\"\u0000\"}"))
                .hasMessage("the credential contains U+0000, which an SVG (XML 1.0) cannot hold");
    }
}
