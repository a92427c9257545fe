package org.credence.bulk;

import java.time.Instant;
import java.util.List;

/**
 * A bulk issuance job as stored: its counts move as batches are issued.
 *
 * @param state         queued, running, finished or cancelled
 * @param alreadyIssued rows whose recipient already held the achievement (an earlier upload): not issued again
 * @param failed        rows refused, when the file was read or when they were issued
 * @param cancelled     rows left pending when the job was cancelled
 * @param linksOnly     its mails link to the certificate rather than attaching it (a large job)
 */
public record IssuanceJob(long id, long tenantId, String state, BulkFile.Format format, String filename, String createdBy, boolean mailRecipients,
                          boolean linksOnly, int total, int issued, int alreadyIssued, int failed, int cancelled, List<String> warnings,
                          Instant createdAt, Instant startedAt, Instant finishedAt) {
    public IssuanceJob {
        warnings = List.copyOf(warnings);
    }

    /** Rows dealt with, whatever the outcome. */
    public int done() {
        return issued + alreadyIssued + failed + cancelled;
    }

    /** Rows dealt with as a share of all, 0–1. */
    public double progress() {
        return total == 0 ? 1 : (double) done() / total;
    }

    /** Finished or cancelled: nothing more happens to it. */
    public boolean over() {
        return state.equals("finished") || state.equals("cancelled");
    }

    /**
     * A row's outcome, for the job's errors and its result file.
     *
     * @param state  issued, already_issued, failed, cancelled or pending
     * @param number the credential's number (issued, or already held)
     */
    public record RowResult(int line, String state, String name, String email, Long achievementId, String number, String field, String error,
                            String customJson) {}
}
