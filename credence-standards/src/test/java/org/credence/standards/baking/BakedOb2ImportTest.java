package org.credence.standards.baking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import org.credence.standards.baking.BakedPayload.Format;
import org.credence.standards.baking.BakedPayload.Kind;
import org.junit.jupiter.api.Test;

class BakedOb2ImportTest {

    private static final String ASSERTION = "{\"type\":\"Assertion\",\"recipient\":{\"identity\":\"Åse\"}}";
    private static final String HOSTED_URL = "https://example.org/assertions/42";

    @Test
    void ob2_png_with_a_json_assertion_is_read_as_json() {
        byte[] png = TestImages.withChunkAfterHeader(TestImages.png(), "iTXt",
                TestImages.itxtData("openbadges", ASSERTION));

        assertThat(BakedBadge.read(png)).contains(new BakedPayload(Format.OB2_PNG, Kind.JSON, ASSERTION));
    }

    @Test
    void ob2_png_with_a_hosted_url_is_read_as_a_url() {
        byte[] png = TestImages.withChunkAfterHeader(TestImages.png(), "iTXt",
                TestImages.itxtData("openbadges", HOSTED_URL));

        assertThat(BakedBadge.read(png)).contains(new BakedPayload(Format.OB2_PNG, Kind.URL, HOSTED_URL));
    }

    @Test
    void ob2_png_with_a_compressed_chunk_is_inflated() {
        byte[] png = TestImages.withChunkAfterHeader(TestImages.png(), "iTXt", compressedItxt(ASSERTION));

        assertThat(BakedBadge.read(png)).map(BakedPayload::content).contains(ASSERTION);
    }

    @Test
    void an_ob3_credential_wins_over_a_leftover_ob2_assertion() {
        byte[] both = TestImages.withChunkAfterHeader(
                BakedBadge.bakePng(TestImages.png(), "{\"ob\":3}"), "iTXt",
                TestImages.itxtData("openbadges", HOSTED_URL));

        assertThat(BakedBadge.read(both)).map(BakedPayload::format).contains(Format.OB3_PNG);
    }

    @Test
    void ob2_svg_with_json_content_is_read_as_json() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\">\n"
                + "  <openbadges:assertion verify=\"" + HOSTED_URL + "\"><![CDATA[\n    " + ASSERTION
                + "\n  ]]></openbadges:assertion>\n  <rect width=\"1\" height=\"1\"/>\n</svg>";

        assertThat(read(svg)).isEqualTo(new BakedPayload(Format.OB2_SVG, Kind.JSON, ASSERTION));
    }

    @Test
    void ob2_svg_with_empty_content_yields_the_verify_url() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\">"
                + "<openbadges:assertion verify=\"" + HOSTED_URL + "\"/></svg>";

        assertThat(read(svg)).isEqualTo(new BakedPayload(Format.OB2_SVG, Kind.URL, HOSTED_URL));
    }

    private static BakedPayload read(String svg) {
        return BakedBadge.read(svg.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    private static byte[] compressedItxt(String text) {
        Deflater deflater = new Deflater();
        deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes("openbadges".getBytes(StandardCharsets.ISO_8859_1));
        data.writeBytes(new byte[] {0, 1, 0, 0, 0}); // NUL, compressed, zlib, empty language and translation
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            data.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return data.toByteArray();
    }
}
