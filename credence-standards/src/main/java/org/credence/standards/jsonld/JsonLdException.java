package org.credence.standards.jsonld;

/**
 * A document that cannot be turned into RDF safely: unknown context, undefined term, a value
 * JSON-LD would silently drop (so a signature would not cover it), or bad JSON-LD.
 */
public final class JsonLdException extends RuntimeException {
    /** What went wrong, in the terms a verification report uses. */
    public enum Reason { UNKNOWN_CONTEXT, UNDEFINED_TERM, DROPPED_VALUE, INVALID_JSON_LD }

    private final Reason reason;
    private final String term;

    public JsonLdException(Reason reason, String message, Throwable cause) {
        this(reason, null, message, cause);
    }

    /** @param term the property name, type or value at fault, as the document spells it; may be null */
    public JsonLdException(Reason reason, String term, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.term = term;
    }

    public Reason reason() {
        return reason;
    }

    /** The property name, type or value at fault, as the document spells it, when known. */
    public java.util.Optional<String> term() {
        return java.util.Optional.ofNullable(term);
    }
}
