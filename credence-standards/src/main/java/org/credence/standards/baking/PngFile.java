package org.credence.standards.baking;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a PNG into validated chunks and joins chunks back into a PNG. */
final class PngFile {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int CHUNK_OVERHEAD = 12; // length + type + CRC

    private PngFile() {
    }

    static boolean hasSignature(byte[] bytes) {
        return bytes.length >= SIGNATURE.length
                && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    /** Reads every chunk up to IEND, checking structure and CRCs; bytes after IEND are ignored. */
    static List<PngChunk> chunksOf(byte[] png) {
        if (!hasSignature(png)) {
            throw new BakingException("not a PNG image");
        }
        List<PngChunk> chunks = new ArrayList<>();
        int position = SIGNATURE.length;
        while (chunks.isEmpty() || !chunks.get(chunks.size() - 1).is("IEND")) {
            PngChunk chunk = chunkAt(png, position);
            if (chunks.isEmpty() && !chunk.is("IHDR")) {
                throw new BakingException("PNG does not start with an IHDR chunk — the file is corrupt");
            }
            chunks.add(chunk);
            position += CHUNK_OVERHEAD + chunk.data().length;
        }
        if (chunks.stream().noneMatch(chunk -> chunk.is("IDAT"))) {
            throw new BakingException("PNG has no image data (IDAT chunk) — the file is corrupt");
        }
        return chunks;
    }

    static byte[] bytesOf(List<PngChunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        chunks.forEach(chunk -> chunk.writeTo(out));
        return out.toByteArray();
    }

    private static PngChunk chunkAt(byte[] png, int position) {
        int remaining = png.length - position;
        if (remaining < CHUNK_OVERHEAD) {
            throw truncated();
        }
        long length = Integer.toUnsignedLong(intAt(png, position));
        if (length > remaining - CHUNK_OVERHEAD) {
            throw truncated();
        }
        byte[] typeBytes = Arrays.copyOfRange(png, position + 4, position + 8);
        String type = typeOf(typeBytes);
        int dataStart = position + 8;
        byte[] data = Arrays.copyOfRange(png, dataStart, dataStart + (int) length);
        if (PngChunk.crcOf(typeBytes, data) != intAt(png, dataStart + data.length)) {
            throw new BakingException("PNG chunk " + type + " has a bad CRC — the file is corrupt");
        }
        return new PngChunk(type, data);
    }

    private static String typeOf(byte[] typeBytes) {
        for (byte b : typeBytes) {
            if (!(b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z')) {
                throw new BakingException("PNG has a chunk with an invalid type — the file is corrupt");
            }
        }
        return new String(typeBytes, StandardCharsets.US_ASCII);
    }

    private static int intAt(byte[] bytes, int position) {
        return (bytes[position] & 0xFF) << 24
                | (bytes[position + 1] & 0xFF) << 16
                | (bytes[position + 2] & 0xFF) << 8
                | bytes[position + 3] & 0xFF;
    }

    private static BakingException truncated() {
        return new BakingException("PNG is truncated — the file is incomplete");
    }
}
