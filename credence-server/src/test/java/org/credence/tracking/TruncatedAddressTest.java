package org.credence.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No truncated address ever gives its full address back, in any of the ways an address is written. */
class TruncatedAddressTest {

    @Property(tries = 2000)
    void an_ipv4_address_is_cut_to_its_24_and_never_shows_in_full(@ForAll("ipv4") byte[] bytes) throws UnknownHostException {
        String full = InetAddress.getByAddress(bytes).getHostAddress();
        TruncatedAddress truncated = TruncatedAddress.of(full).orElseThrow();
        assertThat(truncated.toString()).isEqualTo((bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "/24");
        assertThat(truncated.toString()).doesNotContain(full);
        assertThat(truncated.prefix()).hasSize(3);
        // the same /24 gives the same prefix: the host byte is gone, not hidden
        bytes[3] = (byte) (bytes[3] + 1);
        assertThat(TruncatedAddress.of(InetAddress.getByAddress(bytes).getHostAddress())).contains(truncated);
    }

    @Property(tries = 2000)
    void an_ipv6_address_is_cut_to_its_48_and_never_shows_in_full(@ForAll("ipv6") byte[] bytes) throws UnknownHostException {
        List<String> writings = writings(bytes);
        TruncatedAddress truncated = TruncatedAddress.of(writings.get(0)).orElseThrow();
        for (String writing : writings) {
            assertThat(TruncatedAddress.of(writing)).contains(truncated);
            assertThat(truncated.toString()).isNotEqualTo(writing).doesNotContain(writing);
        }
        assertThat(truncated.toString()).endsWith("/48").hasSize(17);
    }

    /** Compressed (RFC 5952 style), Java's full form, and fully zero-padded. */
    static List<String> writings(byte[] bytes) throws UnknownHostException {
        String java = InetAddress.getByAddress(bytes).getHostAddress();
        String padded = String.join(":", IntStream.range(0, 8).mapToObj(i -> HexFormat.of().formatHex(bytes, 2 * i, 2 * i + 2)).toList());
        String compressed = java.replaceFirst("(^|:)(0(:|$)){2,}", "::").replaceFirst(":::", "::");
        return List.of(java, padded, compressed);
    }

    @Provide
    Arbitrary<byte[]> ipv4() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4);
    }

    @Provide
    Arbitrary<byte[]> ipv6() {
        // half of them with a zero host part, the case where a naive truncation returns its input
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofSize(16),
                Arbitraries.bytes().array(byte[].class).ofSize(6).map(p -> java.util.Arrays.copyOf(p, 16)))
                .filter(b -> !(b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0
                        && b[8] == 0 && b[9] == 0 && ((b[10] == 0 && b[11] == 0) || (b[10] == -1 && b[11] == -1)))); // not IPv4-compatible/mapped
    }

    @Example
    void examples_and_what_is_not_an_address() {
        assertThat(TruncatedAddress.of("192.0.2.0").map(Object::toString)).contains("192.0.2/24");
        assertThat(TruncatedAddress.of("2001:db8:1::").map(Object::toString)).contains("2001:0db8:0001/48");
        assertThat(TruncatedAddress.of("[2001:db8:1:2::5]").map(Object::toString)).contains("2001:0db8:0001/48");
        assertThat(TruncatedAddress.of("fe80::1%eth0").map(Object::toString)).contains("fe80:0000:0000/48");
        assertThat(TruncatedAddress.of("::ffff:198.51.100.7").map(Object::toString)).as("IPv4-mapped is IPv4").contains("198.51.100/24");
        assertThat(TruncatedAddress.of("example.org")).as("never a DNS lookup").isEmpty();
        assertThat(TruncatedAddress.of("1.2.3")).isEmpty();
        assertThat(TruncatedAddress.of("")).isEmpty();
        assertThat(TruncatedAddress.of(null)).isEmpty();
        assertThat(TruncatedAddress.of("999.1.1.1")).isEmpty();
    }
}
