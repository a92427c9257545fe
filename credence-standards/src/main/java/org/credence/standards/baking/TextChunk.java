package org.credence.standards.baking;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * PNG iTXt chunks: keyword, NUL, compression flag and method, language tag, NUL,
 * translated keyword, NUL, then the UTF-8 text (not NUL-terminated).
 */
final class TextChunk {

    static final String TYPE = "iTXt";
    private static final int MAX_KEYWORD_BYTES = 79;

    private TextChunk() {
    }

    /** An uncompressed iTXt chunk with empty language tag and translated keyword. */
    static PngChunk of(String keyword, byte[] utf8Text) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
        data.writeBytes(new byte[] {0, 0, 0, 0, 0}); // NUL, not compressed, method 0, empty language, empty translation
        data.writeBytes(utf8Text);
        return new PngChunk(TYPE, data.toByteArray());
    }

    /** The keyword of an iTXt chunk; empty for other chunks or a keyword with no terminator. */
    static Optional<String> keywordOf(PngChunk chunk) {
        if (!chunk.is(TYPE)) {
            return Optional.empty();
        }
        int end = indexOfNul(chunk.data(), 0);
        if (end < 1 || end > MAX_KEYWORD_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new String(chunk.data(), 0, end, StandardCharsets.ISO_8859_1));
    }

    /** The text of an iTXt chunk already known to carry {@code keyword}. */
    static String textOf(PngChunk chunk, String keyword) {
        byte[] data = chunk.data();
        int flags = keyword.length() + 1;
        // Both NUL searches start after the flag bytes, so a match proves those bytes exist.
        int languageEnd = indexOfNul(data, flags + 2);
        int translatedEnd = languageEnd < 0 ? -1 : indexOfNul(data, languageEnd + 1);
        if (translatedEnd < 0 || data[flags + 1] != 0) {
            throw malformed(keyword);
        }
        byte[] text = Arrays.copyOfRange(data, translatedEnd + 1, data.length);
        BakingLimits.requirePayloadWithinLimit(text.length);
        byte[] utf8 = switch (data[flags]) {
            case 0 -> text;
            case 1 -> inflated(text, keyword);
            default -> throw malformed(keyword);
        };
        return BakingLimits.utf8(utf8, "the PNG " + keyword + " text");
    }

    /** Other tools may bake with zlib compression; inflate within the payload limit. */
    private static byte[] inflated(byte[] compressed, String keyword) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int count = inflater.inflate(buffer);
                if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw malformed(keyword);
                }
                out.write(buffer, 0, count);
                BakingLimits.requirePayloadWithinLimit(out.size());
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new BakingException(malformed(keyword).getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static int indexOfNul(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static BakingException malformed(String keyword) {
        return new BakingException("PNG has a malformed " + keyword + " iTXt chunk — the file is corrupt");
    }
}
