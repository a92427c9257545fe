package org.credence.verification;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which network addresses the verifier may fetch from: public unicast addresses only. A
 * credential names its issuer's URLs, so without this anyone could make the server fetch from
 * its own machine, its private network or the cloud's metadata service (server-side request forgery).
 * Webhook deliveries are held to the same policy.
 */
public final class AddressPolicy {
    private AddressPolicy() {}

    /** Why {@code address} is refused ("a loopback address" …), or empty when it is a public unicast address. */
    public static Optional<String> whyRefused(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return whyRefusedV4(b, 0);
        }
        if (!(address instanceof Inet6Address)) {
            return Optional.of("not an IP address");
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of("a link-local address");
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return Optional.of("a site-local address");
        }
        if ((first & 0xfe) == 0xfc) {
            // fd00:ec2::254 (AWS metadata over IPv6) is one of these
            return Optional.of("a unique-local (private) address");
        }
        if (first == 0xff) {
            return Optional.of("a multicast address");
        }
        // addresses that carry an IPv4 address inside: judge the IPv4 address
        if (zeros(b, 0, 10) && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || zeros(b, 10, 12))) {
            return whyRefusedV4(b, 12); // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d
        }
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return whyRefusedV4(b, 12); // NAT64 64:ff9b::/96
        }
        if (first == 0x20 && second == 0x02) {
            return whyRefusedV4(b, 2); // 6to4 2002::/16
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Optional.of("a documentation address");
        }
        if (first == 0x01 && zeros(b, 1, 8)) {
            return Optional.of("a discard-only address");
        }
        return Optional.empty();
    }

    private static Optional<String> whyRefusedV4(byte[] bytes, int at) {
        int a = bytes[at] & 0xff;
        int b = bytes[at + 1] & 0xff;
        int c = bytes[at + 2] & 0xff;
        int d = bytes[at + 3] & 0xff;
        if (a == 169 && b == 254 && c == 169 && d == 254 || a == 100 && b == 100 && c == 100 && d == 200 || a == 192 && b == 0 && c == 0 && d == 192) {
            return Optional.of("a cloud metadata address"); // AWS/GCP/Azure, Alibaba, Oracle
        }
        if (a == 0) {
            return Optional.of("the unspecified address");
        }
        if (a == 127) {
            return Optional.of("a loopback address");
        }
        if (a == 10 || a == 172 && (b & 0xf0) == 16 || a == 192 && b == 168) {
            return Optional.of("a private address");
        }
        if (a == 169 && b == 254) {
            return Optional.of("a link-local address");
        }
        if (a == 100 && (b & 0xc0) == 64) {
            return Optional.of("a carrier-grade NAT (shared) address");
        }
        if (a == 192 && b == 0 && c == 0) {
            return Optional.of("an IETF protocol address");
        }
        if (a == 192 && b == 0 && c == 2 || a == 198 && b == 51 && c == 100 || a == 203 && b == 0 && c == 113) {
            return Optional.of("a documentation address");
        }
        if (a == 198 && (b & 0xfe) == 18) {
            return Optional.of("a benchmarking address");
        }
        if (a >= 224) {
            return Optional.of(a < 240 ? "a multicast address" : "a reserved or broadcast address");
        }
        return Optional.empty();
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
