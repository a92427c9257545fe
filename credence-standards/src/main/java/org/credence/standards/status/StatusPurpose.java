package org.credence.standards.status;

import static org.credence.standards.status.StatusListException.Code.UNKNOWN_STATUS_PURPOSE;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a set bit means. Credence issues {@link #REVOCATION} and {@link #SUSPENSION} lists; {@link #REFRESH} and
 * {@link #MESSAGE} exist so that credentials from other issuers that use them can still be read.
 */
public enum StatusPurpose {
    /** A set bit means the credential is permanently revoked. */
    REVOCATION("revocation", "has been revoked", "has not been revoked"),
    /** A set bit means the credential is temporarily suspended. */
    SUSPENSION("suspension", "is suspended", "is not suspended"),
    /** A set bit means a refreshed credential is available from the issuer. Read-only in Credence. */
    REFRESH("refresh", "has a refreshed version available", "has no refreshed version pending"),
    /** A set bit carries an issuer-defined message. Read-only in Credence. */
    MESSAGE("message", "has status 1 (see the issuer's status messages)", "has status 0");

    private final String jsonName;
    private final String whenSet;
    private final String whenClear;

    StatusPurpose(String jsonName, String whenSet, String whenClear) {
        this.jsonName = jsonName;
        this.whenSet = whenSet;
        this.whenClear = whenClear;
    }

    /** The {@code statusPurpose} string, e.g. {@code "revocation"}. */
    public String jsonName() {
        return jsonName;
    }

    /** Whether Credence creates status lists and entries with this purpose. */
    public boolean isIssuedByCredence() {
        return this == REVOCATION || this == SUSPENSION;
    }

    /**
     * The purpose named by a {@code statusPurpose} string (exact, lower case as the specification writes it).
     *
     * @throws StatusListException {@code UNKNOWN_STATUS_PURPOSE} for any other string
     */
    public static StatusPurpose parse(String jsonName) {
        for (StatusPurpose purpose : values()) {
            if (purpose.jsonName.equals(jsonName)) {
                return purpose;
            }
        }
        throw new StatusListException(UNKNOWN_STATUS_PURPOSE, "statusPurpose \"" + jsonName
                + "\" is not one of " + Arrays.stream(values()).map(p -> p.jsonName).collect(Collectors.joining(", ")));
    }

    /** A plain-language ending for "the credential ...", given the bit's value. */
    String describe(boolean set) {
        return set ? whenSet : whenClear;
    }
}
