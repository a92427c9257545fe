package org.credence.insights.maturity;

/** How far a program can measure what it returns, lowest first. */
public enum MaturityTier {
    /** Issuance and engagement only: how many credentials, how often shared and seen. */
    VISIBILITY("visibility"),
    /** Assessment-backed credentials and completion data: what was learned and finished. */
    VALIDATION("validation"),
    /** Outcome data from CRM or HRIS joined to recipients: what changed in the business. */
    INTEGRATION("integration");

    private final String code;

    MaturityTier(String code) {
        this.code = code;
    }

    /** The lower-case code used in JSON and message keys. */
    public String code() {
        return code;
    }
}
