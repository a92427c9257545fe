package org.credence.standards.verification;

/** A verification method this resolver is responsible for but could not resolve, with the reason. */
public final class KeyResolutionException extends RuntimeException {
    public KeyResolutionException(String message) {
        super(message);
    }

    public KeyResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
