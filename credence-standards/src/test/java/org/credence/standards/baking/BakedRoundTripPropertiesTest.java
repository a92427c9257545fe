package org.credence.standards.baking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class BakedRoundTripPropertiesTest {

    private static final byte[] BAKED_PNG = BakedBadge.bakePng(TestImages.png(), "{\"id\":\"urn:uuid:1\"}");

    @Property
    void any_unicode_text_survives_a_png_round_trip(@ForAll("anyText") String text) {
        byte[] baked = BakedBadge.bakePng(TestImages.png(), text);

        assertThat(BakedBadge.read(baked)).map(BakedPayload::content).contains(text);
    }

    @Property
    void any_text_xml_can_hold_survives_an_svg_round_trip(@ForAll("xmlText") String text) {
        String baked = BakedBadge.bakeSvg(TestImages.SVG, text);

        assertThat(BakedBadge.read(baked.getBytes(StandardCharsets.UTF_8)))
                .map(BakedPayload::content).contains(text);
    }

    @Property
    void changing_any_single_byte_of_a_baked_png_is_detected(
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position,
            @ForAll @IntRange(min = 1, max = 255) int flip) {
        byte[] damaged = BAKED_PNG.clone();
        damaged[position % damaged.length] ^= (byte) flip;

        assertThatThrownBy(() -> BakedBadge.read(damaged)).isInstanceOf(BakingException.class);
    }

    @Property
    void arbitrary_bytes_fail_only_with_a_baking_exception(@ForAll("imageLikeBytes") byte[] bytes) {
        try {
            BakedBadge.read(bytes);
        } catch (BakingException expected) {
            // the only acceptable failure
        }
    }

    /** Noise behind a PNG signature or an XML start, so both parsers get fuzzed, not just the sniffer. */
    @Provide
    Arbitrary<byte[]> imageLikeBytes() {
        Arbitrary<byte[]> prefixes = Arbitraries.of(new byte[0], Arrays.copyOf(BAKED_PNG, 8),
                Arrays.copyOf(BAKED_PNG, 40), "<".getBytes(StandardCharsets.UTF_8),
                "<svg xmlns=\"http://www.w3.org/2000/svg\">".getBytes(StandardCharsets.UTF_8));
        return Combinators.combine(prefixes, Arbitraries.bytes().array(byte[].class).ofMaxSize(200))
                .as((prefix, noise) -> {
                    byte[] bytes = Arrays.copyOf(prefix, prefix.length + noise.length);
                    System.arraycopy(noise, 0, bytes, prefix.length, noise.length);
                    return bytes;
                });
    }

    @Provide
    Arbitrary<String> anyText() {
        return textOf(Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(codePoint -> codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE));
    }

    @Provide
    Arbitrary<String> xmlText() {
        return textOf(Arbitraries.oneOf(
                Arbitraries.of(0x9, 0xA, 0xD),
                Arbitraries.integers().between(0x20, 0xD7FF),
                Arbitraries.integers().between(0xE000, 0xFFFD),
                Arbitraries.integers().between(0x10000, Character.MAX_CODE_POINT)));
    }

    /** Mixes single code points with the fragments most likely to break CDATA or line handling. */
    private static Arbitrary<String> textOf(Arbitrary<Integer> codePoints) {
        Arbitrary<String> fragments = Arbitraries.oneOf(
                codePoints.map(Character::toString),
                Arbitraries.of("]]>", "]]", ">", "\r", "\r\n", "<![CDATA[", "&amp;", "Åse Ødegård", "🎓", " "));
        return fragments.list().ofMinSize(1).ofMaxSize(30)
                .map(parts -> String.join("", parts))
                .filter(text -> !text.isBlank());
    }
}
