package org.credence.standards.baking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.credence.standards.baking.BakedPayload.Format;
import org.credence.standards.baking.BakedPayload.Kind;
import org.junit.jupiter.api.Test;

class BakedSvgTest {

    private static final String CREDENTIAL =
            "{\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
                    + "\"credentialSubject\":{\"name\":\"Åse Ødegård 🎓\"}}";

    @Test
    void baked_svg_round_trips_the_credential() {
        String baked = BakedBadge.bakeSvg(TestImages.SVG, CREDENTIAL);

        assertThat(read(baked)).isEqualTo(new BakedPayload(Format.OB3_SVG, Kind.JSON, CREDENTIAL));
    }

    @Test
    void credential_is_the_first_child_of_the_root_in_a_cdata_section() {
        String baked = BakedBadge.bakeSvg(TestImages.SVG, CREDENTIAL);

        assertThat(baked)
                .contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"")
                .containsPattern("<svg[^>]*><openbadges:credential><!\\[CDATA\\[\\{");
    }

    @Test
    void cdata_terminators_and_carriage_returns_inside_the_credential_survive() {
        String tricky = "{\"a\":\"]]>\",\"b\":\"]]]]>>\",\"c\":\"x\r\ny\rz\"}";

        assertThat(read(BakedBadge.bakeSvg(TestImages.SVG, tricky)).content()).isEqualTo(tricky);
    }

    @Test
    void baking_twice_keeps_exactly_one_credential_element_holding_the_newest_credential() {
        String once = BakedBadge.bakeSvg(TestImages.SVG, "{\"id\":\"first\"}");
        String twice = BakedBadge.bakeSvg(once, "{\"id\":\"second\"}");

        assertThat(twice.split("<openbadges:credential", -1)).hasSize(2);
        assertThat(read(twice).content()).isEqualTo("{\"id\":\"second\"}");
    }

    @Test
    void baking_over_an_ob2_badge_replaces_its_assertion_and_rebinds_the_prefix() {
        String ob2 = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\">"
                + "<openbadges:assertion verify=\"https://example.org/a/1\"></openbadges:assertion>"
                + "<rect width=\"1\" height=\"1\"/></svg>";

        String baked = BakedBadge.bakeSvg(ob2, CREDENTIAL);

        assertThat(baked).doesNotContain("assertion", "http://openbadges.org");
        assertThat(read(baked).format()).isEqualTo(Format.OB3_SVG);
    }

    @Test
    void attributes_containing_angle_brackets_do_not_confuse_baking() {
        String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- badge -->\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" data-note=\"a > b\" viewBox=\"0 0 1 1\">"
                + "<title>1 &lt; 2</title></svg>";

        String baked = BakedBadge.bakeSvg(svg, CREDENTIAL);

        assertThat(baked).startsWith("<?xml").contains("data-note=\"a &gt; b\"", "<title>1 &lt; 2</title>");
        assertThat(read(baked).content()).isEqualTo(CREDENTIAL);
    }

    @Test
    void svg_with_a_byte_order_mark_and_leading_whitespace_is_recognised() {
        String baked = BakedBadge.bakeSvg(TestImages.SVG, CREDENTIAL);

        assertThat(read("\uFEFF \n" + baked).content()).isEqualTo(CREDENTIAL);
    }

    @Test
    void svg_without_a_credential_reads_as_empty() {
        assertThat(BakedBadge.read(TestImages.SVG.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    private static BakedPayload read(String svg) {
        return BakedBadge.read(svg.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }
}
