package org.credence.standards.jsonld;

/**
 * A document that cannot be turned into RDF safely: unknown context, undefined term, a value
 * JSON-LD would silently drop (so a signature would not cover it), or bad JSON-LD.
 */
public final class JsonLdException extends RuntimeException {
    /** What went wrong, in the terms a verification report uses. */
    public enum Reason { UNKNOWN_CONTEXT, UNDEFINED_TERM, DROPPED_VALUE, INVALID_JSON_LD }

    private final Reason reason;

    public JsonLdException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
