package org.credence.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Javalin with Credence's error handling: every error is an RFC 9457 problem. */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    public static final long MAX_BODY_BYTES = 2L * 1024 * 1024;
    /** How long stopping waits for requests in flight to finish. */
    public static final long DRAIN_MILLIS = 10_000;
    /** Refused bodies up to this declared size are read to the end before the 413, so the client sees the answer. */
    static final long DRAINED_REFUSAL_BYTES = 8L * 1024 * 1024;
    private final Javalin app;

    public HttpServer(List<Consumer<JavalinConfig>> routes) {
        this.app = Javalin.create(config -> {
            config.http.maxRequestSize = MAX_BODY_BYTES;
            // uploads (logos, designs, files to verify) share the limit of every other body
            config.jetty.multipartConfig.maxFileSize(MAX_BODY_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(MAX_BODY_BYTES, SizeUnit.BYTES);
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> {
                // stop waits (at most this long) for requests in flight; GracefulHandler is what Jetty 12 counts them
                // with: without it, stopping closes their connections at once and the database closes under them
                server.setStopTimeout(DRAIN_MILLIS);
                server.setHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
                server.setErrorHandler(new ProblemErrorHandler());
            });
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new ProblemErrorHandler()));
            config.routes.exception(Problem.class, (e, ctx) -> problem(ctx, e.status(), e.title(), e.getMessage(), e.field()));
            config.routes.exception(org.credence.domain.DomainException.class, (e, ctx) -> {
                Problem p = Problem.of(e);
                problem(ctx, p.status(), p.title(), p.getMessage(), p.field());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                java.util.Optional<Problem> unreadable = Problem.ofUnreadableBody(e);
                if (unreadable.isPresent()) {
                    Problem p = unreadable.get();
                    problem(ctx, p.status(), p.title(), p.getMessage(), p.field());
                    return;
                }
                LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
                problem(ctx, 500, "Internal error", "something went wrong on our side; the request was not completed", null);
            });
            config.routes.error(404, "*", ctx -> {
                String result = ctx.result();
                if (result == null || result.isEmpty() || result.startsWith("Endpoint ")) {
                    problem(ctx, 404, "Not found", "no such resource: " + ctx.path(), null);
                }
            });
            config.routes.error(413, "*", ctx -> {
                drainRefusedBody(ctx);
                // a route's own 413 (images are limited to 1 MB) already says what the limit is; only the server's limit needs words
                if (!String.valueOf(ctx.res().getContentType()).startsWith("application/problem+json")) {
                    problem(ctx, 413, "Payload too large", "request bodies are limited to 2 MB", null);
                }
            });
            config.routes.beforeMatched(InputGuard::check);
            config.routes.before(Pages::rememberLanguage);
            config.routes.after(SecurityHeaders::apply);
            routes.forEach(r -> r.accept(config));
        });
    }

    /**
     * Reads and drops the rest of a refused body of a declared length up to {@link #DRAINED_REFUSAL_BYTES}. Closing a
     * connection with unread bytes makes TCP reset it, and the reset can overtake the 413: the client (a browser
     * uploading a 3 MB file to verify) then sees a cut connection instead of the answer. Larger or unannounced bodies
     * are not read: the connection closes, as before.
     */
    public static void drainRefusedBody(io.javalin.http.Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared <= 0 || declared > DRAINED_REFUSAL_BYTES) {
            return;
        }
        try {
            ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException | IllegalStateException gone) {
            // the client gave up or the body was already taken: nothing left to drain
        }
    }

    /** Answers with an RFC 9457 problem: for exception handlers outside this package that cannot throw a {@link Problem}. */
    public static void problem(io.javalin.http.Context ctx, int status, String title, String detail, String field) {
        // bytes, not a String: Javalin would encode a String for this type as ISO-8859-1 and break "×" or "…" in details
        ctx.status(status).contentType("application/problem+json").result(problemBody(status, title, detail, field));
    }

    /** The problem document's bytes (UTF-8). */
    static byte[] problemBody(int status, String title, String detail, String field) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        return body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public HttpServer start(int port) {
        app.start(port);
        return this;
    }

    /** Listens on {@code host} (an address or a name; {@code 0.0.0.0} is every interface) and {@code port}. */
    public HttpServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    /** Every registered route as {@code METHOD path}, for the contract test. */
    public java.util.List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).sorted().toList();
    }

    public int port() {
        return app.port();
    }

    /** Stops accepting connections, waits up to {@link #DRAIN_MILLIS} for requests in flight, then stops. */
    @Override
    public void close() {
        app.stop();
    }
}
