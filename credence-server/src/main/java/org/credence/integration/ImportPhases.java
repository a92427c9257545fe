package org.credence.integration;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Where one import's time goes, phase by phase: wall time, the importing thread's CPU and, when asked for (debug logging) and
 * PostgreSQL runs on this machine, the CPU of the database backend serving the import, read from {@code /proc}. On a shared
 * machine the CPU figures move far less with the load than the wall times do. Not thread-safe: one import, one thread.
 */
final class ImportPhases {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final boolean withBackend;
    private final StringBuilder text = new StringBuilder();
    private long wall = System.nanoTime();
    private long cpu = threadCpu();
    private long backendPid = -1;
    private long backendTicks;

    /** @param withBackend also read the backend's CPU (only meaningful when the database runs on this machine) */
    ImportPhases(boolean withBackend) {
        this.withBackend = withBackend;
    }

    /** From now on the backend of {@code h} is counted (its CPU until now is not). */
    void backend(Handle h) {
        if (!withBackend) {
            return;
        }
        try {
            backendPid = h.getConnection().unwrap(PGConnection.class).getBackendPID();
            backendTicks = ticks(backendPid);
        } catch (SQLException | RuntimeException e) {
            backendPid = -1;
        }
    }

    /** Ends the phase named {@code phase}, begun at the last mark (or at construction). */
    void mark(String phase) {
        long nowWall = System.nanoTime();
        long nowCpu = threadCpu();
        text.append(text.isEmpty() ? "" : ", ").append(phase).append(' ').append((nowWall - wall) / 1_000_000).append(" ms");
        if (withBackend) {
            text.append(" (JVM ").append((nowCpu - cpu) / 1_000_000).append(" ms");
            if (backendPid > 0) {
                long ticks = ticks(backendPid);
                text.append(", PostgreSQL ").append((ticks - backendTicks) * 10).append(" ms"); // USER_HZ is 100 on Linux
                backendTicks = ticks;
            }
            text.append(" CPU)");
        }
        wall = nowWall;
        cpu = nowCpu;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private static long threadCpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** utime + stime of a process in clock ticks; 0 when it cannot be read (not Linux, another machine's backend). */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
