package org.credence.standards.keys;

/** A key, key file, multibase string or DID that cannot be used, with the reason in plain words. */
public final class KeyFormatException extends RuntimeException {
    public KeyFormatException(String message) {
        super(message);
    }
}
