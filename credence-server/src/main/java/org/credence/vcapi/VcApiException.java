package org.credence.vcapi;

/**
 * A VC API request the issuer or status service refuses, naming the offending field (a JSON
 * path such as {@code credential.credentialStatus}) and how to fix it.
 */
public final class VcApiException extends RuntimeException {
    /** Why the request is refused; the routes map each to an HTTP status. */
    public enum Kind {
        /** The input breaks a rule of the data model or of the VC API (400). */
        INVALID,
        /** No credential with that id was issued through the VC API by this tenant (404). */
        NOT_FOUND,
        /** The change contradicts the credential's state, e.g. un-revoking (409). */
        CONFLICT
    }

    private final Kind kind;
    private final String field;

    public VcApiException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    static VcApiException invalid(String field, String message) {
        return new VcApiException(Kind.INVALID, field, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, or {@code null}. */
    public String field() {
        return field;
    }
}
