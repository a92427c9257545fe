package org.credence.standards.model;

/** JSON that is not a well-formed Open Badges object, naming the property path that is wrong. */
public final class CredentialFormatException extends RuntimeException {
    public CredentialFormatException(String message) {
        super(message);
    }
}
