package org.credence.document;

import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;

/** A design file that cannot be used; the message names the offending field, e.g. {@code elements[3].font is missing}. */
public final class InvalidDesign extends RuntimeException {
    private final ErrorText text;

    /** The sentence of {@code text} in the errors bundle; the message is its English rendering. */
    public InvalidDesign(ErrorText text) {
        super(text.in("en"));
        this.text = text;
    }

    /** This refusal as invalid input of {@code field}, keeping its sentence in every language. */
    public DomainException.InvalidInput asInput(String field) {
        return new DomainException.InvalidInput(field, text);
    }
}
