package org.credence.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;

/**
 * Files a person uploaded on the bulk issuance page and has not yet started: kept on disk between the steps
 * (column mapping, dry run, start) under a random token, for their uploader only, for at most two hours.
 * In memory: after a restart a person uploads again, which is cheaper than storing a half-made choice.
 */
public final class StagedUploads {
    /** How long an upload waits for its mapping and start. */
    public static final Duration KEEP = Duration.ofHours(2);
    /** Uploads one person may have waiting; a further one drops their oldest. */
    static final int PER_PERSON = 5;

    /** One upload between its steps. Its state changes under its own lock (a double click on "start" starts one job). */
    public static final class Staged {
        private final String token;
        private final long tenantId;
        private final long userId;
        private final Path file;
        private final String filename;
        private final Instant at;
        private final ColumnMapping.Detected detected;
        private ColumnMapping mapping;
        private Path mapped;
        private Long jobId;

        Staged(String token, long tenantId, long userId, Path file, String filename, Instant at, ColumnMapping.Detected detected) {
            this.token = token;
            this.tenantId = tenantId;
            this.userId = userId;
            this.file = file;
            this.filename = filename;
            this.at = at;
            this.detected = detected;
        }

        public String token() {
            return token;
        }

        public String filename() {
            return filename;
        }

        public ColumnMapping.Detected detected() {
            return detected;
        }

        /** The mapping chosen last, or null before the person chose one. */
        public synchronized ColumnMapping mapping() {
            return mapping;
        }

        /** The file written with the mapping, which the dry run and the job read; null before a mapping. */
        public synchronized Path mapped() {
            return mapped;
        }

        /** The job this upload became, or null while it waits. */
        public synchronized Long jobId() {
            return jobId;
        }

        /** Writes the upload again under {@code chosen} (checked against its headers first). */
        public synchronized void map(ColumnMapping chosen) {
            if (jobId != null) {
                throw new DomainException.Conflict(ErrorText.of("bulk.already_issuing", "id", jobId));
            }
            Path target = file.resolveSibling(token + ".mapped.csv");
            chosen.apply(file, target, detected);
            mapping = chosen;
            mapped = target;
        }

        /**
         * Starts the upload once: {@code start} runs with the mapped file only the first time; every later call answers
         * the same job. The files are deleted once the job holds the rows.
         */
        public synchronized long start(java.util.function.Function<Path, IssuanceJob> start) {
            if (jobId != null) {
                return jobId;
            }
            if (mapped == null) {
                throw new DomainException.Conflict(ErrorText.of("bulk.mapping_missing"));
            }
            jobId = start.apply(mapped).id();
            discard();
            return jobId;
        }

        synchronized void discard() {
            IssuanceJobs.discard(file);
            if (mapped != null) {
                IssuanceJobs.discard(mapped);
            }
        }
    }

    private final Map<String, Staged> staged = new ConcurrentHashMap<>();
    private final Clock clock;
    private final SecureRandom random;
    private final long maxBytes;
    private Path directory;

    public StagedUploads(Clock clock, SecureRandom random, long maxBytes) {
        this.clock = clock;
        this.random = random;
        this.maxBytes = maxBytes;
    }

    /**
     * Copies {@code in} to disk (at most the bulk limit: one more byte and it is refused) and reads its header.
     *
     * @throws DomainException.TooLarge over the limit; {@link DomainException.InvalidInput} when it is empty or not a CSV
     */
    public Staged stage(long tenantId, long userId, String filename, InputStream in) {
        sweep();
        String token = token();
        Path file = directory().resolve(token + ".csv");
        try {
            long total = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > maxBytes) {
                        throw new DomainException.TooLarge(ErrorText.of("bulk.file_too_large", "mb", (maxBytes >> 20)));
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (total == 0) {
                throw new DomainException.InvalidInput("file", ErrorText.of("bulk.empty_choose"));
            }
            Staged upload = new Staged(token, tenantId, userId, file, filename, clock.instant(), ColumnMapping.detect(file));
            keepFewPerPerson(tenantId, userId);
            staged.put(token, upload);
            return upload;
        } catch (IOException e) {
            IssuanceJobs.discard(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            IssuanceJobs.discard(file);
            throw e;
        }
    }

    /** The upload under {@code token}, when it is this person's and has not expired. */
    public Optional<Staged> find(long tenantId, long userId, String token) {
        Staged found = token == null ? null : staged.get(token);
        if (found == null || found.tenantId != tenantId || found.userId != userId || expired(found)) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    private boolean expired(Staged s) {
        return s.at.plus(KEEP).isBefore(clock.instant());
    }

    /** Drops expired uploads and their files. */
    void sweep() {
        staged.values().removeIf(s -> {
            if (expired(s)) {
                s.discard();
                return true;
            }
            return false;
        });
    }

    private void keepFewPerPerson(long tenantId, long userId) {
        var mine = staged.values().stream().filter(s -> s.tenantId == tenantId && s.userId == userId)
                .sorted(Comparator.comparing((Staged s) -> s.at)).toList();
        for (int i = 0; i <= mine.size() - PER_PERSON; i++) {
            staged.remove(mine.get(i).token);
            mine.get(i).discard();
        }
    }

    private synchronized Path directory() {
        if (directory == null || !Files.isDirectory(directory)) {
            try {
                directory = Files.createTempDirectory("credence-staged-uploads-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }

    private String token() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
