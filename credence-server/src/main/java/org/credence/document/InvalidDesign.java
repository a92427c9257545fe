package org.credence.document;

/** A design file that cannot be used; the message names the offending field, e.g. {@code elements[3].font is missing}. */
public final class InvalidDesign extends RuntimeException {
    public InvalidDesign(String message) {
        super(message);
    }
}
