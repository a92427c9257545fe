package org.credence.tracking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Country of a truncated address from offline files only — never a network call. Reads the
 * CSV country files of the ip-location-db project ({@code start,end,CC} per line, IPv4 and IPv6,
 * for example {@code geo-whois-asn-country-ipv4.csv}, CC BY 4.0 NRO data), given by
 * {@code CREDENCE_GEOIP_FILE}. Without a file every country is unknown. IPv6 ranges are compared
 * on their top 64 bits, which is all a /48 has.
 */
public final class Countries {
    private final long[] ipv4Start;
    private final long[] ipv4End;
    private final String[] ipv4Country;
    private final long[] ipv6Start;
    private final long[] ipv6End;
    private final String[] ipv6Country;

    private record Range(boolean ipv4, long start, long end, String country) {}

    private Countries(List<Range> ranges) {
        List<Range> v4 = ranges.stream().filter(Range::ipv4).sorted(Comparator.comparingLong(Range::start)).toList();
        List<Range> v6 = ranges.stream().filter(r -> !r.ipv4()).sorted((a, b) -> Long.compareUnsigned(a.start(), b.start())).toList();
        ipv4Start = v4.stream().mapToLong(Range::start).toArray();
        ipv4End = v4.stream().mapToLong(Range::end).toArray();
        ipv4Country = v4.stream().map(Range::country).toArray(String[]::new);
        ipv6Start = v6.stream().mapToLong(Range::start).toArray();
        ipv6End = v6.stream().mapToLong(Range::end).toArray();
        ipv6Country = v6.stream().map(Range::country).toArray(String[]::new);
    }

    /** No database: every country unknown. */
    public static Countries none() {
        return new Countries(List.of());
    }

    /** Loads ip-location-db country CSV files; throws naming the file and line that cannot be read. */
    public static Countries load(List<Path> files) {
        List<Range> ranges = new ArrayList<>();
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] fields = line.split(",");
                    Optional<byte[]> start = fields.length == 3 ? literal(fields[0]) : Optional.empty();
                    Optional<byte[]> end = fields.length == 3 ? literal(fields[1]) : Optional.empty();
                    if (start.isEmpty() || end.isEmpty() || !fields[2].strip().matches("[A-Z]{2}")) {
                        throw new IllegalArgumentException(file + " line " + number + ": expected 'start,end,CC', got '" + line + "'");
                    }
                    boolean ipv4 = start.get().length == 4;
                    ranges.add(new Range(ipv4, top(start.get(), ipv4), top(end.get(), ipv4), fields[2].strip()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the country file " + file + ": " + e.getMessage(), e);
            }
        }
        return new Countries(ranges);
    }

    private static Optional<byte[]> literal(String text) {
        try {
            return text.matches("[0-9A-Fa-f:.]+") ? Optional.of(java.net.InetAddress.getByName(text).getAddress()) : Optional.empty();
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static long top(byte[] address, boolean ipv4) {
        long value = 0;
        for (int i = 0; i < (ipv4 ? 4 : 8); i++) {
            value = (value << 8) | (address[i] & 0xff);
        }
        return value;
    }

    /** The ISO 3166-1 alpha-2 code of the network, or empty when unknown. */
    public Optional<String> of(TruncatedAddress address) {
        long bits = address.networkBits();
        return address.isIpv4() ? find(ipv4Start, ipv4End, ipv4Country, bits, false) : find(ipv6Start, ipv6End, ipv6Country, bits, true);
    }

    private static Optional<String> find(long[] starts, long[] ends, String[] countries, long bits, boolean unsigned) {
        int low = 0;
        int high = starts.length - 1;
        int found = -1;
        while (low <= high) { // the last range starting at or before the address
            int mid = (low + high) >>> 1;
            int cmp = unsigned ? Long.compareUnsigned(starts[mid], bits) : Long.compare(starts[mid], bits);
            if (cmp <= 0) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        if (found < 0) {
            return Optional.empty();
        }
        boolean inside = unsigned ? Long.compareUnsigned(bits, ends[found]) <= 0 : bits <= ends[found];
        return inside ? Optional.of(countries[found]) : Optional.empty();
    }

    int size() {
        return ipv4Start.length + ipv6Start.length;
    }

    @Override
    public String toString() {
        return "Countries[" + size() + " ranges]";
    }
}
