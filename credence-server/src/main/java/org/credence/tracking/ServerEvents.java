package org.credence.tracking;

import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;

/**
 * Counting on the server, with no script in the page: the credential page, its PDF and badge
 * images, and the verification page and API record their event here before they answer. The
 * answer waits only for the durable append (group commit), holding no thread meanwhile.
 */
public final class ServerEvents {
    /** Records nothing: for tools and tests that serve pages without tracking. */
    public static final ServerEvents NONE = new ServerEvents(null, RecipientCheck.NOBODY);

    private final Tracker tracker;
    private final RecipientCheck recipients;

    ServerEvents(Tracker tracker, RecipientCheck recipients) {
        this.tracker = tracker;
        this.recipients = recipients;
    }

    /**
     * Records the event about credential {@code number}, then runs {@code respond}. An unknown
     * number, a flood or a storage failure never keeps the answer from going out.
     */
    public void recordThen(Context ctx, String number, EventType type, String channel, Runnable respond) {
        recordThen(ctx, number, type, channel, recipients, respond);
    }

    /**
     * Records an event only the recipient can cause (following their own claim link), then runs
     * {@code respond}: the link itself proves who they are, no session needed.
     */
    public void recordByRecipientThen(Context ctx, String number, EventType type, String channel, Runnable respond) {
        recordThen(ctx, number, type, channel, (request, credential) -> true, respond);
    }

    private void recordThen(Context ctx, String number, EventType type, String channel, RecipientCheck who, Runnable respond) {
        if (tracker == null) {
            respond.run();
            return;
        }
        CompletableFuture<?> recorded = tracker.credential(CredentialRef.number(number))
                .<CompletableFuture<?>>map(credential -> tracker.recordAsync(tracker.facts(ctx.ip(), ctx::header, who.isRecipient(ctx, credential)),
                        type, credential, channel))
                .orElseGet(() -> CompletableFuture.completedFuture(null));
        ctx.future(() -> recorded.handle((done, failure) -> {
            respond.run();
            return null;
        }));
    }
}
