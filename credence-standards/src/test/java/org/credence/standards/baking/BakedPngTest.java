package org.credence.standards.baking;

import static org.assertj.core.api.Assertions.assertThat;

import org.credence.standards.baking.BakedPayload.Format;
import org.credence.standards.baking.BakedPayload.Kind;
import org.junit.jupiter.api.Test;

class BakedPngTest {

    private static final String CREDENTIAL =
            "{\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
                    + "\"credentialSubject\":{\"name\":\"Åse Ødegård 🎓\"}}";

    @Test
    void baked_png_round_trips_the_credential() {
        byte[] baked = BakedBadge.bakePng(TestImages.png(), CREDENTIAL);

        assertThat(BakedBadge.read(baked))
                .contains(new BakedPayload(Format.OB3_PNG, Kind.JSON, CREDENTIAL));
    }

    @Test
    void credential_chunk_sits_between_the_header_and_the_image_data() {
        byte[] baked = BakedBadge.bakePng(TestImages.png(), CREDENTIAL);

        assertThat(TestImages.chunkNames(baked))
                .startsWith("IHDR", "iTXt:openbadgecredential")
                .endsWith("IEND");
        assertThat(TestImages.chunkNames(baked).indexOf("iTXt:openbadgecredential"))
                .isLessThan(TestImages.chunkNames(baked).indexOf("IDAT"));
    }

    @Test
    void baked_png_still_decodes_as_the_same_picture() {
        byte[] baked = BakedBadge.bakePng(TestImages.png(), CREDENTIAL);

        assertThat(TestImages.decoded(baked).getRGB(1, 1))
                .isEqualTo(TestImages.decoded(TestImages.png()).getRGB(1, 1));
    }

    @Test
    void baking_twice_keeps_exactly_one_credential_chunk_holding_the_newest_credential() {
        byte[] once = BakedBadge.bakePng(TestImages.png(), "{\"id\":\"first\"}");
        byte[] twice = BakedBadge.bakePng(once, "{\"id\":\"second\"}");

        assertThat(TestImages.chunkNames(twice)).containsOnlyOnce("iTXt:openbadgecredential");
        assertThat(BakedBadge.read(twice)).map(BakedPayload::content).contains("{\"id\":\"second\"}");
    }

    @Test
    void baking_over_an_ob2_badge_replaces_its_openbadges_chunk() {
        byte[] ob2 = TestImages.withChunkAfterHeader(TestImages.png(), "iTXt",
                TestImages.itxtData("openbadges", "https://example.org/assertions/1"));

        byte[] baked = BakedBadge.bakePng(ob2, CREDENTIAL);

        assertThat(TestImages.chunkNames(baked))
                .containsOnlyOnce("iTXt:openbadgecredential")
                .doesNotContain("iTXt:openbadges");
    }

    @Test
    void unrelated_text_chunks_survive_baking() {
        byte[] annotated = TestImages.withChunkAfterHeader(TestImages.png(), "iTXt",
                TestImages.itxtData("Comment", "made by hand"));

        byte[] baked = BakedBadge.bakePng(annotated, CREDENTIAL);

        assertThat(TestImages.chunkNames(baked)).contains("iTXt:Comment", "iTXt:openbadgecredential");
    }

    @Test
    void png_without_a_credential_reads_as_empty() {
        assertThat(BakedBadge.read(TestImages.png())).isEmpty();
    }

    @Test
    void compact_jws_credentials_are_labelled_as_such() {
        String jwt = "eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2lnbmF0dXJl";

        assertThat(BakedBadge.read(BakedBadge.bakePng(TestImages.png(), jwt)))
                .map(BakedPayload::kind).contains(Kind.COMPACT_JWS);
    }
}
