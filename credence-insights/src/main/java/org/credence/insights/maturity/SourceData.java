package org.credence.insights.maturity;

/**
 * What the tenant holds from one outcome source (LMS, CRM, HRIS).
 *
 * <p>The match rate comes from the import runs (rows naming a person, and of those rows matched to a
 * recipient), summed over every import of the source: a re-imported file counts again, which leaves
 * the rate a fair average. The stored rows are counted once.
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

    /** The stored rows expected to be joined to a recipient: rows × match rate, rounded. */
    public long matchedRows() {
        return Math.round(rows * matchRate());
    }
}
