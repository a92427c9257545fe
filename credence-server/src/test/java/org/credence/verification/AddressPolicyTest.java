package org.credence.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses the verifier refuses to fetch from: every class an attacker could aim it at. */
class AddressPolicyTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, loopback", "127.255.0.9, loopback", "::1, loopback",
            "10.1.2.3, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.1.1, private",
            "169.254.1.1, link-local", "fe80::1, link-local",
            "fc00::1, unique-local", "fd12:3456::1, unique-local",
            "100.64.0.1, carrier-grade NAT", "100.127.255.254, carrier-grade NAT",
            "169.254.169.254, cloud metadata", "100.100.100.200, cloud metadata", "192.0.0.192, cloud metadata", "fd00:ec2::254, unique-local",
            "0.0.0.0, unspecified", "::, unspecified",
            "224.0.0.1, multicast", "ff02::1, multicast", "255.255.255.255, broadcast",
            "::ffff:127.0.0.1, loopback", "::ffff:10.0.0.1, private", "64:ff9b::a9fe:a9fe, cloud metadata", "2002:c0a8:0101::1, private",
            "192.0.2.1, documentation", "2001:db8::1, documentation", "198.18.0.1, benchmarking"})
    void an_internal_address_is_refused_and_named(String address, String kind) throws UnknownHostException {
        assertThat(AddressPolicy.whyRefused(InetAddress.getByName(address))).get().asString().contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1", "169.255.0.1", "2606:4700:4700::1111",
            "2a00:1450:4001::200e", "64:ff9b::808:808"})
    void a_public_address_is_allowed(String address) throws UnknownHostException {
        assertThat(AddressPolicy.whyRefused(InetAddress.getByName(address))).isEmpty();
    }
}
