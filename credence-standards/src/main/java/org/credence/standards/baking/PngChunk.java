package org.credence.standards.baking;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** One PNG chunk: a four-letter type and its data. The CRC is computed when written. */
record PngChunk(String type, byte[] data) {

    boolean is(String otherType) {
        return type.equals(otherType);
    }

    void writeTo(ByteArrayOutputStream out) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        writeInt(out, data.length);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        writeInt(out, crcOf(typeBytes, data));
    }

    /** The PNG CRC covers the type and the data, not the length. */
    static int crcOf(byte[] typeBytes, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return (int) crc.getValue();
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
