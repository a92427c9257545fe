package org.credence.issuance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Group commit for single requests: items submitted at the same time under one key are run together as one batch,
 * by the submitting threads themselves, in two stages: {@code prepare} (signing: no lock, no transaction) and
 * {@code finish} (writing: one transaction). Per key, at most two batches are in flight: one is finished while the
 * next is prepared (batch N+1 is signed while batch N commits), so a batch is formed only when the one before the
 * previous has committed and it takes every item that arrived meanwhile (up to {@code maxBatch}): the commit's fixed
 * cost is shared by as many requests as were waiting. Alone, an item runs at once as a batch of one: gathering adds no wait, only company.
 *
 * @param <K> what items must share to run together (a caller: one tenant, one actor)
 * @param <I> an item
 * @param <S> a batch between the two stages
 * @param <O> an item's outcome, one per item in the batch's order
 */
final class Gathering<K, I, S, O> {
    private final int maxBatch;
    private final BiFunction<K, List<I>, S> prepare;
    private final Function<S, List<O>> finish;
    private final Map<K, Group<I, O>> groups = new ConcurrentHashMap<>();

    /** Two stages: {@code prepare} then {@code finish}, each one batch at a time per key. */
    Gathering(int maxBatch, BiFunction<K, List<I>, S> prepare, Function<S, List<O>> finish) {
        this.maxBatch = maxBatch;
        this.prepare = prepare;
        this.finish = finish;
    }

    /** One stage: {@code run}, one batch at a time per key. */
    static <K, I, O> Gathering<K, I, List<O>, O> oneStage(int maxBatch, BiFunction<K, List<I>, List<O>> run) {
        return new Gathering<>(maxBatch, run, outcomes -> outcomes);
    }

    private static final class Group<I, O> {
        final ArrayDeque<Waiting<I, O>> waiting = new ArrayDeque<>();
        boolean preparing;
        boolean finishing;
        /** Batches taken and not yet finished: at most two (one finishing, one prepared or being prepared). */
        int inFlight;
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
            synchronized (group) {
                while (!mine.done && (group.preparing || group.inFlight >= 2 || group.waiting.isEmpty())) {
                    await(group);
                }
                if (mine.done) {
                    break;
                }
                group.preparing = true;
                group.inFlight++;
                while (batch.size() < maxBatch && !group.waiting.isEmpty()) {
                    batch.add(group.waiting.poll());
                }
            }
            S prepared = null;
            Throwable failure = null;
            try {
                prepared = prepare.apply(key, batch.stream().map(w -> w.item).toList());
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            synchronized (group) {
                group.preparing = false;
                group.notifyAll();
                while (group.finishing) {
                    awaitUninterruptibly(group);
                }
                group.finishing = true;
            }
            List<O> outcomes = null;
            try {
                if (failure == null) {
                    outcomes = finish.apply(prepared);
                }
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
                group.finishing = false;
                group.inFlight--;
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

    private static void await(Object group) {
        try {
            group.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the item may still run in another thread's batch: this request only stops waiting for it
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        }
    }

    /** A prepared batch must be finished (its items' outcomes depend on it): an interrupt is kept for afterwards. */
    private static void awaitUninterruptibly(Object group) {
        boolean interrupted = false;
        while (true) {
            try {
                group.wait();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
