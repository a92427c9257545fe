package org.credence.standards.status;

/**
 * A status list, status entry or status list credential could not be used; {@link #code()} says which rule broke
 * and the message says how, in words a person can act on.
 */
public final class StatusListException extends RuntimeException {

    /** What went wrong, for callers that map failures to API error codes or verification results. */
    public enum Code {
        /** The decoded bitstring has fewer than {@link BitstringStatusList#MINIMUM_SIZE} entries. */
        STATUS_LIST_TOO_SHORT,
        /** The bitstring decompresses to more than the decompression limit (a likely GZIP bomb). */
        STATUS_LIST_TOO_LARGE,
        /** {@code encodedList} is not multibase base64url of GZIP data. */
        MALFORMED_ENCODED_LIST,
        /** A status list index is negative or beyond the end of the list. */
        INDEX_OUT_OF_RANGE,
        /** The entry's {@code statusPurpose} is not one the status list credential serves. */
        PURPOSE_MISMATCH,
        /** The document is not a {@code BitstringStatusListCredential} with a {@code BitstringStatusList} subject. */
        NOT_A_STATUS_LIST_CREDENTIAL,
        /** The status list credential's {@code id} is not the URL the entry points to. */
        STATUS_LIST_URL_MISMATCH,
        /** A {@code credentialStatus} entry is missing a field or has one of the wrong shape. */
        MALFORMED_STATUS_ENTRY,
        /** A {@code credentialStatus} entry is of a type other than {@code BitstringStatusListEntry}. */
        UNSUPPORTED_STATUS_TYPE,
        /** A {@code statusPurpose} value is not one of the purposes the specification defines. */
        UNKNOWN_STATUS_PURPOSE,
        /** A {@code statusSize} other than 1 was given; only single-bit statuses are supported. */
        UNSUPPORTED_STATUS_SIZE
    }

    private final Code code;

    StatusListException(Code code, String message) {
        super(message);
        this.code = code;
    }

    StatusListException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Which rule broke. */
    public Code code() {
        return code;
    }
}
