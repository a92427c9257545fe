package org.credence.standards.baking;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Size limits and strict UTF-8 handling shared by the PNG and SVG bakers. */
final class BakingLimits {

    /** Badge images are small; anything larger is a mistake or an attack. */
    static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
    static final int MAX_PAYLOAD_BYTES = 1024 * 1024;

    private BakingLimits() {
    }

    static void requireImageWithinLimit(long bytes) {
        if (bytes > MAX_IMAGE_BYTES) {
            throw new BakingException("the image is larger than 5 MB");
        }
    }

    static void requirePayloadWithinLimit(long bytes) {
        if (bytes > MAX_PAYLOAD_BYTES) {
            throw new BakingException("the baked credential is larger than 1 MB");
        }
    }

    /** Checks a credential is worth baking and returns its UTF-8 bytes. */
    static byte[] credentialAsUtf8(String credential) {
        if (credential.isBlank()) {
            throw new BakingException("the credential to bake is empty");
        }
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(credential));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            requirePayloadWithinLimit(bytes.length);
            return bytes;
        } catch (CharacterCodingException e) {
            // A lone surrogate would otherwise be silently baked as '?'.
            throw new BakingException("the credential to bake is not valid Unicode text", e);
        }
    }

    /** Decodes UTF-8 strictly, so a damaged payload is reported rather than patched with U+FFFD. */
    static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BakingException(what + " is not valid UTF-8 text", e);
        }
    }
}
