package org.credence.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.jobs.Jobs;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Files a person uploaded on the bulk issuance page and has not yet started: spooled to the data directory (one folder
 * per tenant and person) between the steps (column mapping, dry run, start) under a random token, for their uploader
 * only, for at most two hours. A row in {@code staged_upload} says whose a file is and what was chosen for it, so a
 * restart between the steps keeps the upload usable; the scheduler's sweep deletes expired rows and their files.
 */
public final class StagedUploads {
    /** How long an upload waits for its mapping and start. */
    public static final Duration KEEP = Duration.ofHours(2);
    /** The sweep's name on the shared scheduler. */
    public static final String SWEEP_TASK = "staged-upload-sweep";
    /** Uploads one person may have waiting; a further one drops their oldest. */
    static final int PER_PERSON = 5;
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    /**
     * One upload between its steps, as stored.
     *
     * @param mapping the mapping chosen last, or null before the person chose one
     * @param jobId   the job this upload became, or null while it waits
     */
    public record Staged(String token, long tenantId, long userId, String filename, Instant at, Path file, ColumnMapping.Detected detected,
                         ColumnMapping mapping, Long jobId) {
        /** The file written with the mapping, which the dry run and the job read; null before a mapping. */
        public Path mapped() {
            return mapping == null ? null : mapped(file);
        }

        private static Path mapped(Path file) {
            return file.resolveSibling(file.getFileName().toString().replace(".csv", ".mapped.csv"));
        }
    }

    private final Jdbi jdbi;
    private final IssuanceJobs jobs;
    private final Spool spool;
    private final Clock clock;
    private final SecureRandom random;

    public StagedUploads(Jdbi jdbi, IssuanceJobs jobs, Spool spool, Clock clock, SecureRandom random) {
        this.jdbi = jdbi;
        this.jobs = jobs;
        this.spool = spool;
        this.clock = clock;
        this.random = random;
    }

    /** Registers the sweep of expired uploads on the scheduler (before it starts). */
    public void registerJobs(Jobs scheduler) {
        scheduler.recurring(SWEEP_TASK, SWEEP_EVERY, this::sweep);
    }

    /** Where the multipart parts of an upload are written by the server while the request is read. */
    public Path spool() {
        return spool.directory();
    }

    /**
     * Copies {@code in} to the spool (at most the bulk limit: one more byte and it is refused), reads its header and keeps
     * it for this person.
     *
     * @throws DomainException.TooLarge over the limit; {@link DomainException.InvalidInput} when it is empty or not a CSV
     */
    public Staged stage(long tenantId, long userId, String filename, InputStream in) {
        String token = token();
        Path file = folder(tenantId, userId).resolve(token + ".csv");
        try {
            if (Spool.copy(in, file, jobs.settings().maxUploadBytes()) == 0) {
                throw new DomainException.InvalidInput("file", ErrorText.of("bulk.empty_choose"));
            }
            ColumnMapping.Detected detected = ColumnMapping.detect(file);
            Instant now = clock.instant();
            List<String> dropped = jdbi.inTransaction(h -> {
                h.createUpdate("""
                        INSERT INTO staged_upload (token, tenant_id, user_id, filename, created_at, expires_at)
                        VALUES (:token, :tenant, :user, :filename, :now, :expires)
                        """).bind("token", token).bind("tenant", tenantId).bind("user", userId).bind("filename", filename)
                        .bind("now", now).bind("expires", now.plus(KEEP)).execute();
                // the person's oldest beyond the few they may keep waiting
                return h.createQuery("""
                        DELETE FROM staged_upload WHERE token IN (
                            SELECT token FROM staged_upload WHERE tenant_id = :tenant AND user_id = :user
                            ORDER BY created_at DESC, token OFFSET :keep)
                        RETURNING token
                        """).bind("tenant", tenantId).bind("user", userId).bind("keep", PER_PERSON).mapTo(String.class).list();
            });
            dropped.forEach(t -> discardFiles(folder(tenantId, userId).resolve(t + ".csv")));
            return new Staged(token, tenantId, userId, filename, now, file, detected, null, null);
        } catch (RuntimeException e) {
            IssuanceJobs.discard(file);
            throw e;
        }
    }

    /** The upload under {@code token}, when it is this person's (in this tenant) and has not expired. */
    public Optional<Staged> find(long tenantId, long userId, String token) {
        if (token == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> row(h, tenantId, userId, token, false));
    }

    /**
     * Writes the upload again under {@code chosen} (checked against its headers first) and keeps the choice.
     *
     * @throws DomainException.Conflict when the upload is already issuing
     */
    public Staged map(Staged upload, ColumnMapping chosen) {
        return jdbi.inTransaction(h -> {
            // locked, so two tabs mapping at once write the mapped file one after the other
            Staged current = row(h, upload.tenantId(), upload.userId(), upload.token(), true).orElseThrow(StagedUploads::gone);
            if (current.jobId() != null) {
                throw new DomainException.Conflict(ErrorText.of("bulk.already_issuing", "id", current.jobId()));
            }
            chosen.apply(current.file(), Staged.mapped(current.file()), current.detected());
            h.createUpdate("UPDATE staged_upload SET targets = :targets, achievement_for_all = :forAll WHERE token = :token AND tenant_id = :tenant")
                    .bindArray("targets", String.class, chosen.targets()).bind("forAll", chosen.achievementForAll())
                    .bind("token", current.token()).bind("tenant", current.tenantId()).execute();
            return new Staged(current.token(), current.tenantId(), current.userId(), current.filename(), current.at(), current.file(),
                    current.detected(), chosen, null);
        });
    }

    /**
     * Starts the upload once, as {@code actor}: the job is made in the transaction that marks the upload started, so a
     * second click (or a resent form, or another server) answers the same job. The files are deleted once the job holds the rows.
     *
     * @throws DomainException.Conflict before a mapping was chosen
     */
    public long start(Staged upload, String actor, boolean mailRecipients) {
        return jdbi.inTransaction(h -> {
            Staged locked = row(h, upload.tenantId(), upload.userId(), upload.token(), true).orElseThrow(StagedUploads::gone);
            if (locked.jobId() != null) {
                return locked.jobId();
            }
            if (locked.mapping() == null) {
                throw new DomainException.Conflict(ErrorText.of("bulk.mapping_missing"));
            }
            long job = jobs.submit(h, locked.tenantId(), actor,
                    new IssuanceJobs.Upload(locked.mapped(), BulkFile.Format.CSV, locked.filename(), mailRecipients)).id();
            h.createUpdate("UPDATE staged_upload SET job_id = :job WHERE token = :token AND tenant_id = :tenant")
                    .bind("job", job).bind("token", locked.token()).bind("tenant", locked.tenantId()).execute();
            h.afterCommit(() -> discardFiles(locked.file()));
            return job;
        });
    }

    /**
     * Deletes expired uploads and their files, and any file in the staging folders older than {@link #KEEP} (left by a
     * crash between writing a file and keeping its row, or by a request the server stopped in).
     */
    public void sweep() {
        Instant now = clock.instant();
        record Expired(long tenantId, long userId, String token) {}
        jdbi.withHandle(h -> h.createQuery("DELETE FROM staged_upload WHERE expires_at <= :now RETURNING tenant_id, user_id, token")
                .bind("now", now).map((rs, ctx) -> new Expired(rs.getLong(1), rs.getLong(2), rs.getString(3))).list())
                .forEach(e -> discardFiles(folder(e.tenantId(), e.userId()).resolve(e.token() + ".csv")));
        Instant before = now.minus(KEEP);
        try (Stream<Path> files = Files.walk(spool.directory())) {
            files.filter(Files::isRegularFile).filter(f -> modified(f).isBefore(before)).forEach(IssuanceJobs::discard);
        } catch (IOException | UncheckedIOException e) {
            // a file deleted while the walk ran; the next sweep sees the rest
        }
    }

    private Optional<Staged> row(Handle h, long tenantId, long userId, String token, boolean lock) {
        return h.createQuery("""
                SELECT token, filename, created_at, targets, achievement_for_all, job_id FROM staged_upload
                WHERE token = :token AND tenant_id = :tenant AND user_id = :user AND expires_at > :now
                """ + (lock ? " FOR UPDATE" : ""))
                .bind("token", token).bind("tenant", tenantId).bind("user", userId).bind("now", clock.instant())
                .map((rs, ctx) -> {
                    Path file = folder(tenantId, userId).resolve(rs.getString("token") + ".csv");
                    Long job = (Long) rs.getObject("job_id");
                    ColumnMapping mapping = mapping(rs.getArray("targets"), (Long) rs.getObject("achievement_for_all"));
                    // once started the files are gone: the steps only lead on to the job
                    ColumnMapping.Detected detected = job != null || !Files.exists(file) ? null : ColumnMapping.detect(file);
                    return new Staged(rs.getString("token"), tenantId, userId, rs.getString("filename"), rs.getTimestamp("created_at").toInstant(),
                            file, detected, mapping, job);
                }).findOne().filter(s -> s.jobId() != null || s.detected() != null);
    }

    private static ColumnMapping mapping(Array targets, Long forAll) throws SQLException {
        return targets == null ? null : new ColumnMapping(List.of((String[]) targets.getArray()), forAll);
    }

    private Path folder(long tenantId, long userId) {
        return spool.staged(tenantId, userId);
    }

    private static void discardFiles(Path file) {
        IssuanceJobs.discard(file);
        IssuanceJobs.discard(Staged.mapped(file));
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.MAX; // gone already
        }
    }

    private static DomainException gone() {
        return new DomainException.NotFound(ErrorText.of("bulk.upload_expired"));
    }

    private String token() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
