package org.credence.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL outlives a Credence killed with kill -9 (it runs as its own daemon).
 * Its next start stops that postmaster cleanly first; PostgreSQL's own crash recovery does the
 * rest, so every acknowledged (committed, fsynced) write survives.
 */
final class OrphanedPostmaster {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostmaster.class);

    private OrphanedPostmaster() {}

    static void stopIfRunning(Path pgDirectory) {
        Path pidFile = pgDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = pid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return; // a stale pid file after a reboot: PostgreSQL handles that itself
        }
        LOG.warn("stopping the embedded PostgreSQL (pid {}) left running by a Credence that did not shut down", postmaster.get().pid());
        // SIGTERM is PostgreSQL's "smart" shutdown; its clients died with the old JVM, so it ends promptly
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the old PostgreSQL to stop", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the embedded PostgreSQL left by a crashed Credence (pid " + postmaster.get().pid()
                    + ") did not stop within 60 s; stop it by hand and start again", e);
        }
    }

    private static Optional<Long> pid(Path pidFile) {
        try {
            String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").strip();
            return first.matches("[0-9]{1,10}") ? Optional.of(Long.parseLong(first)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + pidFile, e);
        }
    }
}
