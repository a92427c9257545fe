package org.credence.delivery;

import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The base64 text of a mail's inline images, encoded once per image rather than once per mail. A tenant's logo and an
 * achievement's badge are the same byte arrays for every mail of a batch (the look keeps them for minutes), so the
 * arrays themselves are the keys (arrays compare by identity) and an image no look holds any more is forgotten.
 */
final class EncodedImages {
    private static final Map<byte[], byte[]> ENCODED = Collections.synchronizedMap(new WeakHashMap<>());

    private EncodedImages() {}

    /** The image's bytes in base64, in lines of 76 characters ended by CRLF as MIME requires. */
    static byte[] base64(byte[] image) {
        return ENCODED.computeIfAbsent(image, bytes -> Base64.getMimeEncoder().encode(bytes));
    }
}
