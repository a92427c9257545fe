package org.credence.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which edition of the drawing a stored document came from: a hash of the built-in designs, the
 * bundled fonts and {@link #DRAWING_REVISION}. Documents of another edition are drawn again, so
 * an upgrade that mends a design or the drawing code reaches credentials issued before it.
 */
public final class DocumentEdition {
    /**
     * Raised whenever the code that draws certificates, badges or share images changes what it draws
     * (the designs and fonts are hashed, the code cannot be).
     * 2: ICU4J text shaping; conditional design elements; status stamps; badge kind names in the tenant's language.
     * 3: the share image says until when an expiring credential is valid.
     */
    static final int DRAWING_REVISION = 3;

    private DocumentEdition() {}

    /** This build's edition: 16 hex digits (computed once per process: it hashes about 19 MB of fonts). */
    public static String current() {
        return Computed.EDITION;
    }

    private static final class Computed {
        static final String EDITION = compute();
    }

    private static String compute() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("revision " + DRAWING_REVISION).getBytes(StandardCharsets.UTF_8));
            for (String design : Designs.BUILT_IN) {
                digest.update(Designs.resource(design).getBytes(StandardCharsets.UTF_8));
            }
            for (BundledFonts font : BundledFonts.values()) {
                digest.update(font.bytes());
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
