package org.credence.integration;

import java.time.Instant;
import java.util.List;

/**
 * One import run as stored in {@code outcome_import}.
 *
 * @param upserted       rows inserted or changed; a row whose values did not change is not rewritten and not counted
 * @param withPerson     rows naming a person (for opportunities: naming a contact): the match rate's n
 * @param matched        of those, rows whose person is a recipient of the tenant
 * @param errors         per-row refusals and file warnings (at most {@link OutcomeFile#MAX_ERRORS} refusals are kept)
 */
public record ImportSummary(long id, OutcomeKind kind, String source, String format, String importedBy, Instant startedAt, Instant finishedAt,
                            int total, int upserted, int failed, int withPerson, int matched, int errorCount, List<Problem> errors,
                            boolean simulated) {
    /**
     * A refused row's reason, or a warning about the whole file.
     *
     * @param line  the CSV line (the header is line 1), or null
     * @param index the JSON array index, or null
     * @param field the column, or null
     */
    public record Problem(Integer line, Integer index, String field, String message, boolean warning) {}

    public ImportSummary {
        errors = List.copyOf(errors);
    }

    /** Rows that were good but already stored with the same values. */
    public int unchanged() {
        return total - failed - upserted;
    }
}
