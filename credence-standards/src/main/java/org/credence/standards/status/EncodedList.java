package org.credence.standards.status;

import static org.credence.standards.status.StatusListException.Code.MALFORMED_ENCODED_LIST;
import static org.credence.standards.status.StatusListException.Code.STATUS_LIST_TOO_LARGE;

import com.apicatalog.multibase.Multibase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** The {@code encodedList} wire form: multibase base64url ({@code u} prefix, no padding) of the GZIPped bitstring. */
final class EncodedList {

    /** Largest bitstring we will inflate; a 16 KB list compresses to ~50 bytes, so a tiny input can be a bomb. */
    static final int MAXIMUM_DECOMPRESSED_BYTES = 16 * 1024 * 1024;

    private static final char MULTIBASE_BASE64URL = 'u';

    private EncodedList() {
    }

    static String encode(byte[] bitstring) {
        // GZIPOutputStream writes mtime 0 and no file name, so equal bitstrings encode to equal strings.
        var compressed = new ByteArrayOutputStream(bitstring.length / 64 + 64);
        try (var gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bitstring);
        } catch (IOException e) {
            throw new UncheckedIOException("compressing in memory cannot fail", e);
        }
        return Multibase.BASE_64_URL.encode(compressed.toByteArray());
    }

    static byte[] decode(String encodedList) {
        return decompress(base64urlBytes(encodedList));
    }

    private static byte[] base64urlBytes(String encodedList) {
        if (encodedList == null || encodedList.isEmpty()) {
            throw new StatusListException(MALFORMED_ENCODED_LIST, "encodedList is empty");
        }
        if (encodedList.charAt(0) != MULTIBASE_BASE64URL) {
            // StatusList2021 lists carry bare base64url ("H4sI..."); say so, it is the usual cause.
            throw new StatusListException(MALFORMED_ENCODED_LIST,
                    "encodedList must start with the multibase base64url prefix 'u' but starts with '"
                            + encodedList.charAt(0) + "'");
        }
        try {
            return Multibase.BASE_64_URL.decode(encodedList);
        } catch (IllegalArgumentException e) {
            throw new StatusListException(MALFORMED_ENCODED_LIST,
                    "encodedList is not valid base64url: " + e.getMessage(), e);
        }
    }

    private static byte[] decompress(byte[] gzipped) {
        if (gzipped.length < 2 || (gzipped[0] & 0xff) != 0x1f || (gzipped[1] & 0xff) != 0x8b) {
            throw new StatusListException(MALFORMED_ENCODED_LIST,
                    "encodedList is not GZIP data (it does not start with the GZIP magic bytes 1f 8b)");
        }
        try (var gzip = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return readAtMostLimit(gzip);
        } catch (IOException e) {
            throw new StatusListException(MALFORMED_ENCODED_LIST,
                    "encodedList GZIP data is corrupt or truncated: " + e.getMessage(), e);
        }
    }

    private static byte[] readAtMostLimit(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream(16 * 1024);
        var buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (out.size() + read > MAXIMUM_DECOMPRESSED_BYTES) {
                throw new StatusListException(STATUS_LIST_TOO_LARGE,
                        "encodedList decompresses to more than " + MAXIMUM_DECOMPRESSED_BYTES
                                + " bytes; refusing it as a likely decompression bomb");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }
}
