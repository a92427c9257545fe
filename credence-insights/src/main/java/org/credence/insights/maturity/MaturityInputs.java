package org.credence.insights.maturity;

/**
 * The counts the maturity tier is decided from, all for one tenant.
 *
 * @param credentialsIssued           credentials issued (revoked included: they were issued)
 * @param credentialsShared           of those, credentials shared at least once
 * @param assessmentBackedCredentials credentials backed by an assessment: carrying a result, grade or
 *                                    evidence, or issued for an achievement that states criteria and is
 *                                    of a certification-like kind (see docs/metrics-roi.md)
 * @param lms                         LMS enrolments and completions imported
 * @param crm                         CRM opportunities imported (with the contacts' match rate)
 * @param hris                        HRIS employees imported
 */
public record MaturityInputs(long credentialsIssued, long credentialsShared, long assessmentBackedCredentials,
        SourceData lms, SourceData crm, SourceData hris) {

    public MaturityInputs {
        if (credentialsIssued < 0 || credentialsShared < 0 || assessmentBackedCredentials < 0) {
            throw new IllegalArgumentException("credential counts must not be negative");
        }
        if (lms == null || crm == null || hris == null) {
            throw new IllegalArgumentException("every source needs its counts (SourceData.NONE when nothing)");
        }
    }
}
