package org.credence.standards.baking;

/**
 * Thrown when an image cannot be baked or read: it is not a PNG or SVG, it is corrupt,
 * it is too large, or the credential cannot be stored in it. The message is written for
 * the person who uploaded the image.
 */
public final class BakingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BakingException(String message) {
        super(message);
    }

    BakingException(String message, Throwable cause) {
        super(message, cause);
    }
}
