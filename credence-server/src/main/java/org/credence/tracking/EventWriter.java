package org.credence.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.credence.events.CredentialEvent;
import org.credence.events.CredentialEventType;
import org.credence.events.CredentialEvents;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Appends events durably: the future of {@link #submit} completes only once the event's transaction has committed. */
interface EventWriter extends AutoCloseable {

    CompletableFuture<Void> submit(Event event);

    @Override
    void close();

    /** One transaction per event, on the caller's thread: the usual way, kept as the benchmark's baseline. */
    static EventWriter direct(Jdbi jdbi, CredentialEvents sink) {
        return new EventWriter() {
            @Override
            public CompletableFuture<Void> submit(Event event) {
                jdbi.useTransaction(h -> {
                    EventStore.append(h, List.of(event));
                    report(h, List.of(event), sink);
                });
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * Group commit: requests hand their events to one writer thread, which takes whatever has
     * queued up (up to {@value GroupCommit#MAX_BATCH}), appends and folds it in one transaction,
     * commits, and only then releases the waiting requests. While one batch commits the next
     * gathers, so the batch grows with the load and the cost of a commit is shared.
     */
    static EventWriter groupCommit(Jdbi jdbi, CredentialEvents sink) {
        return new GroupCommit(jdbi, sink);
    }

    /**
     * Tells {@code sink} of the batch's counted views, shares and verifications, in the batch's transaction; a tenant
     * without webhook endpoints costs the sink a look-up per event, so the writer's serial step stays short.
     */
    static void report(Handle h, List<Event> events, CredentialEvents sink) {
        for (Event e : events) {
            CredentialEventType type = !e.counted() ? null : switch (e.type()) {
                case VIEW -> CredentialEventType.VIEWED;
                case SHARE_CLICK -> CredentialEventType.SHARED;
                case VERIFICATION -> CredentialEventType.VERIFIED;
                default -> null;
            };
            if (type != null) {
                sink.record(h, new CredentialEvent(type, e.tenantId(), e.credentialId(), e.number(), Long.toString(e.achievementId()),
                        e.occurredAt(), e.channel().isEmpty() ? Map.of() : Map.of("channel", e.channel())));
            }
        }
    }

    final class GroupCommit implements EventWriter {
        static final int MAX_BATCH = 5_000;
        private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
        private record Pending(Event event, CompletableFuture<Void> done) {}

        private final Jdbi jdbi;
        private final CredentialEvents sink;
        private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(50_000);
        // answering the waiting requests (writing their responses) is not the writer's job: it goes on to the next batch
        private final java.util.concurrent.ExecutorService acknowledgements = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "tracking-ack");
            t.setDaemon(true);
            return t;
        });
        private final Thread thread;
        private volatile boolean closed;

        private GroupCommit(Jdbi jdbi, CredentialEvents sink) {
            this.jdbi = jdbi;
            this.sink = sink;
            this.thread = new Thread(this::run, "tracking-writer");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public CompletableFuture<Void> submit(Event event) {
            if (closed) {
                throw new IllegalStateException("the event writer is closed");
            }
            Pending pending = new Pending(event, new CompletableFuture<>());
            try {
                // a full queue makes callers wait here: back-pressure rather than an unbounded heap
                if (!queue.offer(pending, 10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the event writer is overloaded: 50,000 events waiting");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the event was queued", e);
            }
            return pending.done().orTimeout(60, TimeUnit.SECONDS);
        }

        private void run() {
            List<Pending> batch = new ArrayList<>(MAX_BATCH);
            while (!closed || !queue.isEmpty()) {
                try {
                    Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    write(batch);
                } catch (InterruptedException e) {
                    if (closed) {
                        continue; // drain what is left, then stop
                    }
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    batch.clear();
                }
            }
        }

        private void write(List<Pending> batch) {
            try {
                List<Event> events = batch.stream().map(Pending::event).toList();
                jdbi.useTransaction(h -> {
                    EventStore.append(h, events);
                    report(h, events, sink);
                });
                List<Pending> committed = List.copyOf(batch);
                acknowledgements.execute(() -> committed.forEach(p -> p.done().complete(null)));
            } catch (RuntimeException e) {
                LOG.error("a batch of {} events could not be stored", batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
        }

        /** Stops taking events, writes those already queued, and waits for the writer. */
        @Override
        public void close() {
            closed = true;
            try {
                thread.join(30_000);
                acknowledgements.shutdown();
                acknowledgements.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
