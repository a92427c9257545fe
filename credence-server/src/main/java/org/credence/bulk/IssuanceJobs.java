package org.credence.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.credence.achievement.Achievements;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.events.CredentialEvent;
import org.credence.events.CredentialEventType;
import org.credence.events.CredentialEvents;
import org.credence.integration.OutcomeImports;
import org.credence.issuance.BatchResult;
import org.credence.issuance.Idempotency;
import org.credence.issuance.Issuance;
import org.credence.issuance.IssueCommand;
import org.credence.jobs.Jobs;
import org.credence.json.JsonFields;
import org.credence.standards.model.Evidence;
import org.credence.tenant.Caller;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Bulk issuance: a file of rows becomes a stored job, which a persistent task issues in batches.
 * Each row is issued under the Idempotency-Key {@code issuance-job:<job>:<line>}, so a batch a
 * crash interrupted is run again and gets back the credentials it already made: no duplicate, none
 * missing. A recipient who already holds the achievement (an earlier upload of the same file) is
 * reported, not issued again.
 */
public final class IssuanceJobs {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IssuanceJobs.class);
    /** The task name on the shared scheduler. */
    public static final String TASK = "issuance-job";
    /** Errors a job or preview lists (the counts are always whole). */
    public static final int MAX_ERRORS = 1000;
    private static final int PREVIEW_SAMPLE = 10;
    private static final int CHECK_CHUNK = 1000;

    /**
     * An upload stored on disk.
     *
     * @param filename the name the client gave the file, or null
     * @param mailRecipients whether recipients are mailed
     */
    public record Upload(Path file, BulkFile.Format format, String filename, boolean mailRecipients) {}

    /**
     * What a run would do, with nothing issued.
     *
     * @param issuable      rows that would be issued
     * @param refused       rows refused as they are (bad values, duplicates within the file)
     * @param alreadyIssued rows whose recipient already holds the achievement
     * @param sample        the first good rows, as read
     */
    public record Preview(BulkFile.Format format, int total, int issuable, int refused, int alreadyIssued, List<RowProblem> errors,
                          List<BulkFile.Row> sample, List<String> warnings) {}

    /** A row's problem: its line (or JSON index), the column, the reason. */
    public record RowProblem(int line, String field, String message) {}

    private final Jdbi jdbi;
    private final Issuance issuance;
    private final Jobs jobs;
    private final CredentialEvents events;
    private final AuditTrail audit;
    private final BulkSettings settings;
    private final Clock clock;
    private volatile boolean stopping;

    public IssuanceJobs(Jdbi jdbi, Issuance issuance, Jobs jobs, CredentialEvents events, AuditTrail audit, BulkSettings settings, Clock clock) {
        this.jdbi = jdbi;
        this.issuance = issuance;
        this.jobs = jobs;
        this.events = events;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        // a job that throws (the database away) is retried with backoff and carries on from its pending rows
        jobs.oneTime(TASK, Duration.ofDays(1), job -> run(job.tenantId(), Long.parseLong(job.key())));
    }

    public BulkSettings settings() {
        return settings;
    }

    /**
     * The mail rate while a job of any tenant runs on this database ({@link BulkSettings#mailPerSecond}), else 0 (no limit): the
     * mail worker asks once per batch, so a job's mail goes out at a steady rate behind it and at full speed once it is done.
     */
    public int mailPaceNow() {
        if (settings.mailPerSecond() == 0) {
            return 0;
        }
        boolean running = jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM issuance_job WHERE state = 'running')")
                .mapTo(Boolean.class).one());
        return running ? settings.mailPerSecond() : 0;
    }

    /** Reads the upload and says what a run would do; nothing is stored or issued. */
    public Preview preview(long tenantId, Upload upload) {
        Map<String, Long> achievements = OutcomeImports.achievementKeys(jdbi, tenantId);
        Map<Long, String> archived = jdbi.withHandle(h -> Achievements.archivedNames(h, tenantId));
        List<RowProblem> errors = new ArrayList<>();
        List<BulkFile.Row> sample = new ArrayList<>();
        List<BulkFile.Row> unchecked = new ArrayList<>();
        int[] counts = new int[3]; // issuable, already issued, refused for an archived achievement
        Consumer<List<BulkFile.Row>> checkHeld = rows -> {
            Map<String, IssuanceJobStore.Existing> held = jdbi.withHandle(h -> existing(h, tenantId, rows));
            for (BulkFile.Row row : rows) {
                IssuanceJobStore.Existing e = held.get(key(row.achievementId(), row.email()));
                if (e == null && archived.containsKey(row.achievementId())) {
                    // the run refuses the row with the same sentence (Issuance)
                    add(errors, new RowProblem(row.line(), "achievement",
                            Achievements.archived("achievement", row.achievementId(), archived.get(row.achievementId())).getMessage()));
                    counts[2]++;
                } else if (e == null) {
                    counts[0]++;
                } else {
                    counts[1]++;
                    add(errors, new RowProblem(row.line(), "email", "already issued: this recipient holds the achievement as credential " + e.number()));
                }
            }
            rows.clear();
        };
        BulkFile.Read read = BulkFile.read(upload.file(), upload.format(), achievements, BulkFile.Sink.of(row -> {
            if (sample.size() < PREVIEW_SAMPLE) {
                sample.add(row);
            }
            unchecked.add(row);
            if (unchecked.size() == CHECK_CHUNK) {
                checkHeld.accept(unchecked);
            }
        }, refused -> add(errors, new RowProblem(refused.line(), refused.field(), refused.message()))));
        checkHeld.accept(unchecked);
        errors.sort(Comparator.comparingInt(RowProblem::line));
        return new Preview(read.format(), read.total(), counts[0], read.refused() + counts[2], counts[1], errors, sample, read.warnings());
    }

    /**
     * Reads the upload and stores it as a job with every row, in one transaction that also queues
     * the job's task: a job is either accepted whole, to be finished even across restarts, or not at all.
     */
    public IssuanceJob submit(long tenantId, String actor, Upload upload) {
        return jdbi.inTransaction(h -> submit(h, tenantId, actor, upload));
    }

    /** {@link #submit(long, String, Upload)} inside the caller's transaction (a staged upload becomes its job in the same one). */
    IssuanceJob submit(Handle h, long tenantId, String actor, Upload upload) {
        Map<String, Long> achievements = OutcomeImports.achievementKeys(jdbi, tenantId);
        Instant now = clock.instant();
        long id = IssuanceJobStore.insert(h, tenantId, upload.format(), upload.filename(), actor, upload.mailRecipients(), now);
        BulkFile.Read read;
        try (IssuanceJobStore.RowCopier copier = new IssuanceJobStore.RowCopier(h, tenantId, id)) {
            read = BulkFile.read(upload.file(), upload.format(), achievements, BulkFile.Sink.of(copier::row, copier::refused));
        }
        IssuanceJobStore.accepted(h, tenantId, id, read.total(), read.refused(), read.total() > settings.attachUpTo(), read.warnings());
        audit.record(h, tenantId, actor, "issuance-job.create", "issuance-job:" + id, null, JsonFields.MAPPER.createObjectNode()
                .put("rows", read.total()).put("refused", read.refused()).put("format", read.format().id()));
        if (read.refused() == read.total()) {
            finish(h, tenantId, id, "finished", 0);
        } else {
            Jobs.enqueue(h, TASK, tenantId, String.valueOf(id), now);
            h.afterCommit(jobs::wake);
        }
        return IssuanceJobStore.find(h, tenantId, id, false).orElseThrow();
    }

    public Optional<IssuanceJob> get(long tenantId, long id) {
        return jdbi.withHandle(h -> IssuanceJobStore.find(h, tenantId, id, false));
    }

    /** The first {@link #MAX_ERRORS} refused rows of the job, by line. */
    public List<IssuanceJob.RowResult> errors(long tenantId, long id) {
        return jdbi.withHandle(h -> IssuanceJobStore.errors(h, tenantId, id, MAX_ERRORS));
    }

    /** The tenant's jobs, newest first, before the job {@code before} (null: from the newest). */
    public List<IssuanceJob> list(long tenantId, Long before, int limit) {
        return jdbi.withHandle(h -> IssuanceJobStore.list(h, tenantId, before, limit));
    }

    /** Stops the job: its pending rows are not issued; what was issued stays. Cancelling a cancelled job changes nothing. */
    public IssuanceJob cancel(long tenantId, String actor, long id) {
        return jdbi.inTransaction(h -> {
            IssuanceJob job = IssuanceJobStore.find(h, tenantId, id, true).orElseThrow(() -> notFound(id));
            if (job.state().equals("finished")) {
                throw new DomainException.Conflict(ErrorText.of("bulk.job_finished", "id", id));
            }
            if (!job.state().equals("cancelled")) {
                int rows = IssuanceJobStore.cancelPending(h, tenantId, id);
                audit.record(h, tenantId, actor, "issuance-job.cancel", "issuance-job:" + id, null,
                        JsonFields.MAPPER.createObjectNode().put("cancelledRows", rows));
                finish(h, tenantId, id, "cancelled", rows);
            }
            return IssuanceJobStore.find(h, tenantId, id, false).orElseThrow();
        });
    }

    /** Every row's outcome in line order, streamed to {@code each}; the custom field names first. */
    public void result(long tenantId, long id, Consumer<List<String>> customFields, Consumer<IssuanceJob.RowResult> each) {
        jdbi.useTransaction(h -> {
            IssuanceJobStore.find(h, tenantId, id, false).orElseThrow(() -> notFound(id));
            customFields.accept(IssuanceJobStore.customFields(h, tenantId, id));
            IssuanceJobStore.rows(h, tenantId, id, each);
        });
    }

    /**
     * Makes a running job stop after its current batch (the server is stopping): it fails with a message, so the
     * scheduler keeps it queued and the next start carries on from its pending rows.
     */
    public void stop() {
        stopping = true;
    }

    /**
     * The task's body: issues the pending rows batch by batch until none is left or the job is cancelled. Two stages: while
     * one batch is written (one transaction: its credentials, their mail, log and audit entries, and the rows' outcomes),
     * the next is read, checked and signed on another thread. Batches are still written one after another, in line order.
     */
    void run(long tenantId, long id) {
        IssuanceJob job = get(tenantId, id).orElse(null);
        if (job == null || job.over()) {
            return;
        }
        jdbi.useHandle(h -> IssuanceJobStore.started(h, tenantId, id, clock.instant()));
        LOG.info("issuance job {} of tenant {}: started, {} of {} rows left", id, tenantId, job.total() - job.done(), job.total());
        // rows are issued as the person who uploaded the file, so the audit trail names them
        Caller caller = new Caller(tenantId, Set.of("issue"), job.createdBy());
        java.util.concurrent.ExecutorService ahead = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "issuance-job-" + id + "-signing");
            t.setDaemon(true);
            return t;
        });
        try {
            // lines start at 0 (a JSON array's first index) or 2 (a CSV's first row after its header)
            java.util.concurrent.Future<Signed> next = ahead.submit(() -> signNext(caller, id, job.mailRecipients(), -1));
            while (true) {
                Signed batch = await(next);
                if (batch == null) {
                    return;
                }
                if (stopping && !batch.rows().isEmpty()) {
                    throw new IllegalStateException("the server is stopping: issuance job " + id + " carries on from line "
                            + batch.rows().get(0).line() + " when it starts again");
                }
                if (batch.rows().isEmpty()) {
                    jdbi.useTransaction(h -> {
                        if (!IssuanceJobStore.find(h, tenantId, id, true).orElseThrow().over()) {
                            finish(h, tenantId, id, "finished", 0);
                        }
                    });
                    return;
                }
                int last = batch.rows().get(batch.rows().size() - 1).line();
                next = ahead.submit(() -> signNext(caller, id, job.mailRecipients(), last));
                long started = System.nanoTime();
                write(tenantId, id, batch);
                LOG.info("issuance job {} of tenant {}: {} rows from line {} in {} ms", id, tenantId, batch.rows().size(),
                        batch.rows().get(0).line(), (System.nanoTime() - started) / 1_000_000);
            }
        } finally {
            // a batch signed ahead and not written is dropped: its rows are still pending (its status slots stay unused)
            ahead.shutdownNow();
        }
    }

    /**
     * A batch read and signed, not yet written.
     *
     * @param rows     the pending rows, in line order
     * @param outcomes the rows answered without issuing (already issued), by line
     * @param toIssue  the rows to issue, in the order of {@code signed}'s commands
     */
    private record Signed(List<IssuanceJobStore.Pending> rows, List<IssuanceJobStore.Outcome> outcomes, List<IssuanceJobStore.Pending> toIssue,
                          Issuance.SignedBatch signed) {}

    /** The next batch: the pending rows after line {@code after}, checked and signed; null when the job is over (cancelled). */
    private Signed signNext(Caller caller, long id, boolean mailRecipients, int after) {
        long tenantId = caller.tenantId();
        List<IssuanceJobStore.Pending> batch = jdbi.withHandle(h -> {
            boolean cancelled = IssuanceJobStore.find(h, tenantId, id, false).map(IssuanceJob::over).orElse(true);
            return cancelled ? null : IssuanceJobStore.pending(h, tenantId, id, after, settings.batchSize());
        });
        if (batch == null || batch.isEmpty()) {
            return batch == null ? null : new Signed(List.of(), List.of(), List.of(), null);
        }
        Map<String, IssuanceJobStore.Existing> held = jdbi.withHandle(h -> IssuanceJobStore.existing(h, tenantId,
                batch.stream().map(IssuanceJobStore.Pending::achievementId).toList(),
                batch.stream().map(p -> Issuance.emailHash(p.email())).toList()));
        List<IssuanceJobStore.Outcome> outcomes = new ArrayList<>(batch.size());
        List<IssuanceJobStore.Pending> toIssue = new ArrayList<>();
        List<IssueCommand> commands = new ArrayList<>();
        for (IssuanceJobStore.Pending row : batch) {
            String key = idempotencyKey(id, row.line());
            IssuanceJobStore.Existing e = held.get(key(row.achievementId(), row.email()));
            if (e != null) {
                // this job's own key: issued before a crash, its outcome not yet recorded
                boolean ours = key.equals(e.idempotencyKey());
                outcomes.add(new IssuanceJobStore.Outcome(row.line(), ours ? "issued" : "already_issued", e.id(), e.number(), null, null));
            } else {
                toIssue.add(row);
                commands.add(command(row, key, mailRecipients));
            }
        }
        return new Signed(batch, outcomes, toIssue, issuance.signAll(caller, commands));
    }

    /** Writes the batch and, in the same transaction, its rows' outcomes: a crash leaves both or neither. */
    private void write(long tenantId, long id, Signed batch) {
        issuance.writeAll(batch.signed(), (h, results) -> {
            List<IssuanceJobStore.Outcome> outcomes = new ArrayList<>(batch.outcomes());
            for (int i = 0; i < batch.toIssue().size(); i++) {
                IssuanceJobStore.Pending row = batch.toIssue().get(i);
                BatchResult result = results.get(i);
                if (result.error() == null) {
                    var credential = result.issued().credential();
                    outcomes.add(new IssuanceJobStore.Outcome(row.line(), "issued", credential.id(), credential.number(), null, null));
                } else if (result.error() instanceof DomainException.Conflict) {
                    // issued to this recipient by someone else since the batch was read
                    outcomes.add(new IssuanceJobStore.Outcome(row.line(), "already_issued", null, null, null, result.error().getMessage()));
                } else {
                    String field = result.error() instanceof DomainException.InvalidInput invalid ? invalid.field() : null;
                    // the file's column is "achievement" (the API's field is achievementId)
                    field = "achievementId".equals(field) ? "achievement" : field;
                    outcomes.add(new IssuanceJobStore.Outcome(row.line(), "failed", null, null, field, result.error().getMessage()));
                }
            }
            IssuanceJobStore.record(h, tenantId, id, outcomes);
        });
    }

    /** The next batch, or what its signing threw. */
    private static Signed await(java.util.concurrent.Future<Signed> next) {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the next batch was signed", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static IssueCommand command(IssuanceJobStore.Pending row, String key, boolean mailRecipients) {
        List<Evidence> evidence = row.evidenceUrl() == null ? List.of() : List.of(new Evidence(row.evidenceUrl(), null, null, null, null, null));
        // the key's request digest is the key itself: a re-run sends the same row, and must replay, never be refused
        return new IssueCommand(row.achievementId(), row.name(), row.email(), row.issuedAt(), row.expiresAt(), row.grade(), evidence, mailRecipients,
                new Idempotency(key, Issuance.sha256(key)));
    }

    /** The Idempotency-Key a job's row is issued under. */
    static String idempotencyKey(long jobId, int line) {
        return "issuance-job:" + jobId + ":" + line;
    }

    private void finish(Handle h, long tenantId, long id, String state, int cancelledRows) {
        Instant now = clock.instant();
        IssuanceJobStore.over(h, tenantId, id, state, cancelledRows, now);
        IssuanceJob job = IssuanceJobStore.find(h, tenantId, id, false).orElseThrow();
        events.record(h, new CredentialEvent(CredentialEventType.JOB_FINISHED, tenantId, null, null, String.valueOf(id), now, Map.of(
                "state", state, "total", String.valueOf(job.total()), "issued", String.valueOf(job.issued()),
                "alreadyIssued", String.valueOf(job.alreadyIssued()), "failed", String.valueOf(job.failed()),
                "cancelled", String.valueOf(job.cancelled()))));
    }

    private static Map<String, IssuanceJobStore.Existing> existing(Handle h, long tenantId, List<BulkFile.Row> rows) {
        return rows.isEmpty() ? Map.of() : IssuanceJobStore.existing(h, tenantId, rows.stream().map(BulkFile.Row::achievementId).toList(),
                rows.stream().map(r -> Issuance.emailHash(r.email())).toList());
    }

    private static String key(long achievementId, String email) {
        return achievementId + "\n" + Issuance.emailHash(email);
    }

    private static void add(List<RowProblem> errors, RowProblem problem) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(problem);
        }
    }

    private static DomainException notFound(long id) {
        return new DomainException.NotFound(ErrorText.of("bulk.job_not_found", "id", id));
    }

    /** Deletes a spooled upload, whatever happened to it. */
    public static void discard(Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
