package org.credence.standards.verification;

/** The one-word answer of a report. */
public enum Verdict {
    /** Authentic, unrevoked, unsuspended and within its validity dates. */
    VALID,
    /** Authentic but revoked by its issuer. */
    REVOKED,
    /** Authentic but suspended by its issuer (may be reinstated). */
    SUSPENDED,
    /** Authentic but past its validUntil. */
    EXPIRED,
    /** Authentic but its validFrom is still in the future. */
    NOT_YET_VALID,
    /** Tampered, wrongly signed, or not verifiable: do not trust it. */
    INVALID,
    /** The input is not a credential at all (not JSON, not a credential, too large). */
    UNUSABLE;

    /** Lower-case name used in JSON ({@code "valid"}, {@code "revoked"} …). */
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
