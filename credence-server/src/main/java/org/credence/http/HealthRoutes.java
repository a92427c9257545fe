package org.credence.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code /health} (alive: the database answers a query) and {@code /ready} (accepting work:
 * started, migrations ran, not stopping, and the database answers). Either answers 503 with a
 * problem otherwise, so a load balancer or an orchestrator can act on the status alone.
 */
public final class HealthRoutes {
    /** How long a check waits for the database: the pool itself would wait 30 s for a connection. */
    static final long CHECK_SECONDS = 3;
    private final Runnable databaseQuery;
    private final AtomicBoolean ready = new AtomicBoolean();
    // one check at a time: while the database hangs, polls share the check in flight instead of piling up threads
    private final AtomicReference<CompletableFuture<Void>> inFlight = new AtomicReference<>();
    private final Executor checker = task -> {
        Thread thread = new Thread(task, "credence-health");
        thread.setDaemon(true);
        thread.start();
    };

    /** {@code databaseQuery} runs a trivial query and throws when the database cannot answer it. */
    public HealthRoutes(Runnable databaseQuery) {
        this.databaseQuery = databaseQuery;
    }

    public void register(JavalinConfig config) {
        config.routes.get("/health", ctx -> {
            if (databaseAnswers(ctx)) {
                ctx.header("Cache-Control", "no-store").json(java.util.Map.of("status", "ok", "database", "ok"));
            }
        });
        config.routes.get("/ready", ctx -> {
            if (!ready.get()) {
                unavailable(ctx, "the server is starting or stopping; it does not take work now");
            } else if (databaseAnswers(ctx)) {
                ctx.header("Cache-Control", "no-store").json(java.util.Map.of("status", "ready"));
            }
        });
    }

    /** Set once the server takes work, cleared when it begins to stop. */
    public void ready(boolean value) {
        ready.set(value);
    }

    private boolean databaseAnswers(Context ctx) {
        CompletableFuture<Void> check = inFlight.updateAndGet(f -> f != null && !f.isDone() ? f : CompletableFuture.runAsync(databaseQuery, checker));
        try {
            check.get(CHECK_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            unavailable(ctx, "the database did not answer within " + CHECK_SECONDS + " s");
        } catch (ExecutionException e) {
            unavailable(ctx, "the database cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable(ctx, "the check was interrupted");
        }
        return false;
    }

    private static void unavailable(Context ctx, String detail) {
        ctx.header("Retry-After", "5").header("Cache-Control", "no-store");
        HttpServer.problem(ctx, 503, "Service unavailable", detail, null);
    }
}
