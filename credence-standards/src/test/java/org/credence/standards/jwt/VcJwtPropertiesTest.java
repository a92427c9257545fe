package org.credence.standards.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.standards.jwt.JwtTestData.ED_KEYS;
import static org.credence.standards.jwt.JwtTestData.KID;
import static org.credence.standards.jwt.JwtTestData.credential;
import static org.credence.standards.jwt.JwtTestData.edLookup;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;

class VcJwtPropertiesTest {
    private static final String TOKEN = VcJwt.sign(credential(), JwtSigningKey.ed25519(ED_KEYS), KID);
    private static final int PAYLOAD_START = TOKEN.indexOf('.') + 1;
    private static final int PAYLOAD_LENGTH = TOKEN.lastIndexOf('.') - PAYLOAD_START;

    @Property(tries = 300)
    void changing_any_character_of_the_payload_makes_verification_fail(
            @ForAll @IntRange(min = 0, max = 100_000) int position,
            @ForAll @CharRange(from = ' ', to = '~') @Chars({'\u00e9', '\u0000'}) char replacement) {
        int index = PAYLOAD_START + position % PAYLOAD_LENGTH;
        if (TOKEN.charAt(index) == replacement) {
            replacement = replacement == 'A' ? 'B' : 'A';
        }
        String tampered = TOKEN.substring(0, index) + replacement + TOKEN.substring(index + 1);

        VcJwtResult result = VcJwt.verify(tampered, edLookup());

        assertThat(result.valid()).isFalse();
        assertThat(result.credential()).isEmpty();
        assertThat(result.failures()).isNotEmpty();
    }

    @Property(tries = 300)
    void arbitrary_text_never_throws_and_never_verifies(@ForAll("tokenish") String text) {
        VcJwtResult result = VcJwt.verify(text, edLookup());
        assertThat(result.valid()).isFalse();
        assertThat(result.failures()).isNotEmpty();
        VcJwt.looksLikeJwt(text);
    }

    @Provide
    Arbitrary<String> tokenish() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("ABCeyJ0z_-=+/.{}\" ").ofMaxLength(40);
        Arbitrary<String> threeParts = Arbitraries.strings().withChars("eyJhbGciOiJFZERTQSJ9AQ_-").ofMaxLength(60)
                .list().ofSize(3).map(parts -> String.join(".", parts));
        return Arbitraries.oneOf(Arbitraries.strings(), segment, threeParts,
                Arbitraries.of(TOKEN).map(t -> t.substring(0, t.length() / 2)));
    }
}
