package org.credence.user;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds how many password hashes run at once. Each Argon2 hash holds its whole memory cost
 * (19 MiB) until it ends, so unbounded parallel sign-ins exhaust a small heap; past the bound a
 * hash waits its turn, and past a bounded queue or wait it is refused with {@link Busy}.
 */
public final class HashingLimit {
    /** No hash could start in time: the server is busy hashing; the caller may retry after {@link #retryAfter()}. */
    public static final class Busy extends RuntimeException {
        private final Duration retryAfter;

        Busy(Duration retryAfter) {
            super("the server is busy checking other passwords; try again in a few seconds");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private final Semaphore permits;
    private final int concurrent;
    private final int maxWaiting;
    private final Duration maxWait;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    /**
     * @param concurrent hashes that may run at once
     * @param maxWaiting hashes that may wait for a turn; more are refused at once
     * @param maxWait the longest one waits before it is refused
     */
    public HashingLimit(int concurrent, int maxWaiting, Duration maxWait) {
        if (concurrent < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("at least one hash runs at a time, and no fewer than none wait");
        }
        this.permits = new Semaphore(concurrent, true);
        this.concurrent = concurrent;
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
    }

    /**
     * Sized for this JVM: at most a quarter of the maximum heap in hashes of {@code memoryKiB},
     * and no more than there are processors (a hash keeps one busy, so more would only queue
     * inside the CPU while holding memory). Up to 16 per slot may wait, for at most 10 seconds.
     */
    public static HashingLimit forThisMachine(int memoryKiB) {
        Runtime runtime = Runtime.getRuntime();
        long byMemory = runtime.maxMemory() / 4 / (memoryKiB * 1024L);
        int concurrent = (int) Math.max(1, Math.min(runtime.availableProcessors(), byMemory));
        return new HashingLimit(concurrent, 16 * concurrent, Duration.ofSeconds(10));
    }

    /** Runs {@code hash} when a slot is free; throws {@link Busy} when the queue is full or the wait too long. */
    public <T> T run(Supplier<T> hash) {
        if (!permits.tryAcquire()) {
            if (waiting.incrementAndGet() > maxWaiting) {
                waiting.decrementAndGet();
                throw new Busy(Duration.ofSeconds(1));
            }
            try {
                if (!permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new Busy(Duration.ofSeconds(5));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Busy(Duration.ofSeconds(1));
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            return hash.get();
        } finally {
            running.decrementAndGet();
            permits.release();
        }
    }

    /** Hashes allowed at once. */
    public int concurrent() {
        return concurrent;
    }

    /** The most hashes that ever ran at once: what a test of the bound observes. */
    public int peak() {
        return peak.get();
    }
}
