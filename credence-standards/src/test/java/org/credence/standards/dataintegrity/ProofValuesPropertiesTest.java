package org.credence.standards.dataintegrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.multibase.Multibase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast base58btc codec for proof values gives exactly copper-multibase's strings and bytes. */
class ProofValuesPropertiesTest {
    @Provide
    Arbitrary<byte[]> bytes() {
        // copper-multibase refuses empty arrays; leading zero bytes are the codec's special case ('1' digits), so make them common
        Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(80);
        return Arbitraries.oneOf(any, any.map(b -> {
            byte[] padded = new byte[b.length + 3];
            System.arraycopy(b, 0, padded, 3, b.length);
            return padded;
        }));
    }

    @Property(tries = 500)
    void encoding_equals_copper_multibase_and_decodes_back(@ForAll("bytes") byte[] bytes) {
        String encoded = ProofValues.encode(bytes);
        assertThat(encoded).isEqualTo(Multibase.BASE_58_BTC.encode(bytes));
        assertThat(ProofValues.decode(encoded)).isEqualTo(bytes);
    }

    @Property(tries = 200)
    void decoding_equals_copper_multibase(@ForAll("bytes") byte[] bytes) {
        String encoded = Multibase.BASE_58_BTC.encode(bytes);
        assertThat(ProofValues.decode(encoded)).isEqualTo(Multibase.BASE_58_BTC.decode(encoded));
    }

    @Property(tries = 100)
    void a_character_outside_the_alphabet_is_refused(@ForAll("bytes") byte[] bytes, @ForAll("outside") char bad) {
        String encoded = ProofValues.encode(bytes) + bad;
        assertThatThrownBy(() -> ProofValues.decode(encoded)).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<Character> outside() {
        return Arbitraries.of('0', 'O', 'I', 'l', '+', '/', '=', ' ', 'é');
    }
}
