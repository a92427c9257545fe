package org.credence.tracking;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A client address with its host part cut off: an IPv4 address to its /24, an IPv6 address to
 * its /48. Written as a prefix ({@code 192.0.2/24}, {@code 2001:0db8:0001/48}) that never
 * contains the full address it came from, even when the host bits were zero. This is the only
 * form of an address that leaves the request: the full one is never stored or logged.
 *
 * @param prefix the network bytes (3 for IPv4, 6 for IPv6)
 */
public record TruncatedAddress(byte[] prefix) {
    // literals only: a host name would make InetAddress ask DNS
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    public TruncatedAddress {
        if (prefix == null || (prefix.length != 3 && prefix.length != 6)) {
            throw new IllegalArgumentException("a truncated address has 3 (IPv4 /24) or 6 (IPv6 /48) bytes");
        }
        prefix = prefix.clone();
    }

    /** The truncated form of an address literal; empty when the text is not an IP address literal. */
    public static Optional<TruncatedAddress> of(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String literal = address.strip();
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (!LITERAL.matcher(literal).matches() || (literal.indexOf(':') < 0 && literal.chars().filter(c -> c == '.').count() != 3)) {
            return Optional.empty();
        }
        try {
            InetAddress parsed = InetAddress.getByName(literal);
            byte[] bytes = parsed.getAddress();
            if (parsed instanceof Inet4Address) {
                return Optional.of(new TruncatedAddress(java.util.Arrays.copyOf(bytes, 3)));
            }
            if (parsed instanceof Inet6Address) {
                return Optional.of(new TruncatedAddress(java.util.Arrays.copyOf(bytes, 6)));
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean isIpv4() {
        return prefix.length == 3;
    }

    /** The network's first address as an unsigned number: IPv4 in the low 32 bits, IPv6's top 64 bits. */
    long networkBits() {
        long value = 0;
        for (byte b : prefix) {
            value = (value << 8) | (b & 0xff);
        }
        return isIpv4() ? value << 8 : value << 16;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TruncatedAddress that && java.util.Arrays.equals(prefix, that.prefix);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(prefix);
    }

    /** {@code 192.0.2/24} or {@code 2001:0db8:0001/48}. */
    @Override
    public String toString() {
        if (isIpv4()) {
            return (prefix[0] & 0xff) + "." + (prefix[1] & 0xff) + "." + (prefix[2] & 0xff) + "/24";
        }
        return String.format("%02x%02x:%02x%02x:%02x%02x/48", prefix[0], prefix[1], prefix[2], prefix[3], prefix[4], prefix[5]);
    }
}
