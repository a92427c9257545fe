package org.credence.document;

import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;

/** A design file that cannot be used; the message names the offending field, e.g. {@code elements[3].font is missing}. */
public final class InvalidDesign extends RuntimeException {
    // null for a sentence given only in English
    private final ErrorText text;

    public InvalidDesign(String message) {
        super(message);
        this.text = null;
    }

    /** The sentence of {@code text} in the errors bundle; the message is its English rendering. */
    public InvalidDesign(ErrorText text) {
        super(text.in("en"));
        this.text = text;
    }

    /** This refusal as invalid input of {@code field}, keeping its sentence in every language. */
    public DomainException.InvalidInput asInput(String field) {
        return text == null ? new DomainException.InvalidInput(field, getMessage()) : new DomainException.InvalidInput(field, text);
    }
}
