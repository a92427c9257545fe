package org.credence.insights.maturity;

/**
 * What the tenant holds from one outcome source (LMS, CRM, HRIS).
 *
 * @param rows           rows stored (enrolments, opportunities, employees)
 * @param rowsWithPerson rows of the imports that named a person: the match rate's denominator
 * @param rowsMatched    of those, rows whose person holds one of the tenant's credentials
 */
public record SourceData(long rows, long rowsWithPerson, long rowsMatched) {

    /** Nothing imported. */
    public static final SourceData NONE = new SourceData(0, 0, 0);

    public SourceData {
        if (rows < 0 || rowsWithPerson < 0 || rowsMatched < 0 || rowsMatched > rowsWithPerson) {
            throw new IllegalArgumentException("source counts must not be negative and matched (" + rowsMatched
                    + ") must not exceed rows naming a person (" + rowsWithPerson + ")");
        }
    }

    /** rowsMatched ÷ rowsWithPerson; 0 when no row named a person. */
    public double matchRate() {
        return rowsWithPerson == 0 ? 0 : (double) rowsMatched / rowsWithPerson;
    }
}
