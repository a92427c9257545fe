package org.credence.standards.jwt;

import java.util.Base64;

/**
 * The three base64url parts of a JWS compact serialization, checked for shape only.
 *
 * <p>Each part must be canonical unpadded base64url: otherwise two different strings could carry
 * the same signature, and a "tampered" token could still verify.
 */
record CompactJws(String header, String payload, String signature) {
    /** 1 MiB: far above any real badge, low enough that hostile input cannot exhaust memory. */
    static final int MAX_LENGTH = 1 << 20;

    /**
     * Splits {@code compact}; throws {@link IllegalArgumentException} with a plain reason. The size
     * limit is the caller's to apply, so sniffing can still recognise an oversized token.
     */
    static CompactJws split(String compact) {
        if (compact == null || compact.isEmpty()) {
            throw new IllegalArgumentException("there is no token: the input is empty");
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "a JWS compact serialization has three dot-separated parts, this has " + parts.length);
        }
        String[] names = {"header", "payload", "signature"};
        for (int i = 0; i < 3; i++) {
            requireCanonicalBase64Url(names[i], parts[i], i < 2);
        }
        return new CompactJws(parts[0], parts[1], parts[2]);
    }

    static String tooLarge(int length) {
        return "the token is " + length + " characters long; tokens over 1 MB (" + MAX_LENGTH
                + " characters) are refused";
    }

    byte[] headerBytes() {
        return Base64.getUrlDecoder().decode(header);
    }

    byte[] payloadBytes() {
        return Base64.getUrlDecoder().decode(payload);
    }

    private static void requireCanonicalBase64Url(String name, String part, boolean required) {
        if (part.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException("the " + name + " part is empty");
            }
            return;
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new IllegalArgumentException("the " + name + " part contains '" + printable(c)
                        + "', which is not a base64url character");
            }
        }
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + name + " part is not valid base64url (" + e.getMessage() + ")");
        }
        String again = Base64.getUrlEncoder().withoutPadding().encodeToString(decoded);
        if (!again.equals(part)) {
            throw new IllegalArgumentException("the " + name + " part is not canonical base64url");
        }
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("U+%04X", (int) c);
    }
}
