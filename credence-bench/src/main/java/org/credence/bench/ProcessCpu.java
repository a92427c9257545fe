package org.credence.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM (server and client) plus the embedded PostgreSQL (the postmaster named by the data
 * directory's {@code postmaster.pid} and its backends), read from {@code /proc}: on a machine shared with other builds, CPU
 * seconds per request move far less with the load than wall-clock latency does. Linux only; 10 ms resolution for PostgreSQL.
 */
final class ProcessCpu {
    private final long postmaster;

    /** @param pgData the PostgreSQL data directory */
    ProcessCpu(Path pgData) throws IOException {
        this.postmaster = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
    }

    /** Nanoseconds of CPU (user + system) used by this JVM alone. */
    static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Nanoseconds of CPU (user + system) used by this JVM and the database processes (those alive and those ended since it started). */
    long nanos() {
        long jvm = jvmNanos();
        // the postmaster's own time, its ended children's (cutime, cstime: autovacuum workers and backends come and go), and the live ones'
        long ticks = ProcessHandle.of(postmaster).map(p -> ticks(p, true) + p.descendants().mapToLong(d -> ticks(d, false)).sum())
                .orElse(0L);
        return jvm + ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    private static long ticks(ProcessHandle process, boolean withEndedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15 of the line)
            return withEndedChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own; // cutime, cstime (16, 17)
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }

    /** The 1-minute load average now ({@code /proc/loadavg}), as {@code uptime} shows it. */
    static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
