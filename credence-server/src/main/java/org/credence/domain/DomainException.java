package org.credence.domain;

/**
 * What a service says when it cannot do what it was asked, in the domain's words. Services throw
 * these and know nothing of HTTP; the web layer ({@code HttpServer}) turns each kind into its
 * RFC 9457 problem, so the kinds here are exactly the answers services need, no more.
 */
public abstract sealed class DomainException extends RuntimeException {
    // null when the throw site gives only an English sentence (not yet in the errors bundle)
    private final ErrorText text;

    private DomainException(String message) {
        super(message);
        this.text = null;
    }

    private DomainException(ErrorText text) {
        super(text.in("en"));
        this.text = text;
    }

    // a refusal passed on under another field keeps its sentence in every language
    private DomainException(DomainException reason) {
        super(reason.getMessage());
        this.text = reason.text;
    }

    /**
     * The key and arguments of the sentence, or null when the throw site gives only English;
     * {@code FormMessage.of(e, language)} shows it in the page's language.
     */
    public ErrorText text() {
        return text;
    }

    /** A value the caller gave is not acceptable; {@code field} names it (dotted for nested members). */
    public static final class InvalidInput extends DomainException {
        private final String field;

        public InvalidInput(String field, String message) {
            super(message);
            this.field = field;
        }

        public InvalidInput(String field, ErrorText text) {
            super(text);
            this.field = field;
        }

        /** {@code reason}'s sentence, as the fault of {@code field} (a nested or renamed field). */
        public InvalidInput(String field, DomainException reason) {
            super(reason);
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

        public Malformed(ErrorText text) {
            super(text);
        }
    }

    /** What was asked for does not exist for this caller (within their tenant). */
    public static final class NotFound extends DomainException {
        public NotFound(String message) {
            super(message);
        }

        public NotFound(ErrorText text) {
            super(text);
        }
    }

    /** The request contradicts the current state (already taken, already final). */
    public static final class Conflict extends DomainException {
        public Conflict(String message) {
            super(message);
        }

        public Conflict(ErrorText text) {
            super(text);
        }
    }

    /** The caller is known but may not do this. */
    public static final class Forbidden extends DomainException {
        public Forbidden(String message) {
            super(message);
        }

        public Forbidden(ErrorText text) {
            super(text);
        }
    }

    /** Content of a kind this service does not take (an image format, a file type). */
    public static final class UnsupportedType extends DomainException {
        public UnsupportedType(String message) {
            super(message);
        }

        public UnsupportedType(ErrorText text) {
            super(text);
        }
    }

    /** Content larger than this service takes. */
    public static final class TooLarge extends DomainException {
        public TooLarge(String message) {
            super(message);
        }

        public TooLarge(ErrorText text) {
            super(text);
        }
    }
}
