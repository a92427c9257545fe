package org.credence.issuance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Group commit for single requests: items submitted at the same time under one key are run together as one batch,
 * by the submitting threads themselves. A thread whose item waits becomes a runner when fewer than
 * {@code maxRunning} batches of its key run, and takes up to {@code maxBatch} waiting items (its own or others'),
 * oldest first. Alone, an item runs at once as a batch of one: gathering adds no wait, only company. A runner that
 * starts while another batch of its key runs may linger a moment for more company (see the constructor).
 *
 * @param <K> what items must share to run together (a caller: one tenant, one actor)
 * @param <I> an item
 * @param <O> an item's outcome, one per item in the batch's order
 */
final class Gathering<K, I, O> {
    private final int maxBatch;
    private final int maxRunning;
    private final long lingerNanos;
    private final BiFunction<K, List<I>, List<O>> run;
    private final Map<K, Group<I, O>> groups = new ConcurrentHashMap<>();

    Gathering(int maxBatch, int maxRunning, BiFunction<K, List<I>, List<O>> run) {
        this(maxBatch, maxRunning, 0, run);
    }

    /**
     * @param lingerNanos how long a runner that starts while another batch of its key runs waits for more items before
     *                    it runs: under load the requests of a batch arrive staggered, and a batch's statements, locks and
     *                    commit are paid once however many it holds. A runner alone never waits.
     */
    Gathering(int maxBatch, int maxRunning, long lingerNanos, BiFunction<K, List<I>, List<O>> run) {
        this.maxBatch = maxBatch;
        this.maxRunning = maxRunning;
        this.lingerNanos = lingerNanos;
        this.run = run;
    }

    private static final class Group<I, O> {
        final ArrayDeque<Waiting<I, O>> waiting = new ArrayDeque<>();
        int running;
    }

    private static final class Waiting<I, O> {
        final I item;
        boolean done;
        O outcome;
        Throwable failure;

        Waiting(I item) {
            this.item = item;
        }
    }

    /** Runs the item in some batch and answers its outcome; a batch that throws throws for each of its items. */
    O submit(K key, I item) {
        Group<I, O> group = groups.computeIfAbsent(key, k -> new Group<>());
        Waiting<I, O> mine = new Waiting<>(item);
        synchronized (group) {
            group.waiting.add(mine);
        }
        while (true) {
            List<Waiting<I, O>> batch = new ArrayList<>();
            boolean company;
            synchronized (group) {
                while (!mine.done && (group.running >= maxRunning || group.waiting.isEmpty())) {
                    try {
                        group.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        // the item may still run in another thread's batch: this request only stops waiting for it
                        throw new IllegalStateException("interrupted while waiting for a batch", e);
                    }
                }
                if (mine.done) {
                    break;
                }
                group.running++;
                company = group.running > 1;
                while (batch.size() < maxBatch && !group.waiting.isEmpty()) {
                    batch.add(group.waiting.poll());
                }
            }
            if (company && lingerNanos > 0 && batch.size() < maxBatch) {
                java.util.concurrent.locks.LockSupport.parkNanos(lingerNanos);
                synchronized (group) {
                    while (batch.size() < maxBatch && !group.waiting.isEmpty()) {
                        batch.add(group.waiting.poll());
                    }
                }
            }
            List<O> outcomes = null;
            Throwable failure = null;
            try {
                outcomes = run.apply(key, batch.stream().map(w -> w.item).toList());
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            synchronized (group) {
                for (int i = 0; i < batch.size(); i++) {
                    Waiting<I, O> w = batch.get(i);
                    w.done = true;
                    w.failure = failure;
                    w.outcome = outcomes == null ? null : outcomes.get(i);
                }
                group.running--;
                group.notifyAll();
            }
        }
        if (mine.failure instanceof Error e) {
            throw e;
        }
        if (mine.failure != null) {
            throw (RuntimeException) mine.failure;
        }
        return mine.outcome;
    }
}
