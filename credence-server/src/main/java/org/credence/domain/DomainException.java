package org.credence.domain;

/**
 * What a service says when it cannot do what it was asked, in the domain's words. Services throw
 * these and know nothing of HTTP; the web layer ({@code HttpServer}) turns each kind into its
 * RFC 9457 problem, so the kinds here are exactly the answers services need, no more.
 */
public abstract sealed class DomainException extends RuntimeException {
    private DomainException(String message) {
        super(message);
    }

    /** A value the caller gave is not acceptable; {@code field} names it (dotted for nested members). */
    public static final class InvalidInput extends DomainException {
        private final String field;

        public InvalidInput(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The request cannot be read as one at all (not a field's value but its form), e.g. a malformed key or query. */
    public static final class Malformed extends DomainException {
        public Malformed(String message) {
            super(message);
        }
    }

    /** What was asked for does not exist for this caller (within their tenant). */
    public static final class NotFound extends DomainException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The request contradicts the current state (already taken, already final). */
    public static final class Conflict extends DomainException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** The caller is known but may not do this. */
    public static final class Forbidden extends DomainException {
        public Forbidden(String message) {
            super(message);
        }
    }

    /** Content of a kind this service does not take (an image format, a file type). */
    public static final class UnsupportedType extends DomainException {
        public UnsupportedType(String message) {
            super(message);
        }
    }

    /** Content larger than this service takes. */
    public static final class TooLarge extends DomainException {
        public TooLarge(String message) {
            super(message);
        }
    }
}
