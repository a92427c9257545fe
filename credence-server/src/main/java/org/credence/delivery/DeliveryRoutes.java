package org.credence.delivery;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Pages;
import org.credence.http.Problem;
import org.credence.tenant.Caller;

/** The issuer's delivery API, and the outbox pages of an installation without SMTP. */
final class DeliveryRoutes {
    private DeliveryRoutes() {}

    static void register(JavalinConfig config, Delivery delivery, Auth auth, Outbox outbox) {
        config.routes.get("/api/v1/credentials/{id}/delivery", ctx -> {
            Caller caller = auth.requireTenant(ctx, "read");
            ctx.json(delivery.history(caller, ctx.pathParam("id")));
        });
        config.routes.post("/api/v1/credentials/{id}/resend", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            long mail = delivery.resend(caller, ctx.pathParam("id"));
            ctx.status(202).json(Json.MAPPER.createObjectNode().put("mailId", mail).put("status", "queued"));
        });
        config.routes.get("/outbox", ctx -> {
            allowed(ctx, outbox, auth);
            ClaimRoutes.html(ctx, 200, Pages.render("outbox/list.jte", Map.of("mails", outbox.list(200))));
        });
        config.routes.get("/outbox/{name}", ctx -> {
            allowed(ctx, outbox, auth);
            String html = outbox.html(ctx.pathParam("name")).orElseThrow(() -> Problem.notFound("no mail " + ctx.pathParam("name") + " in the outbox"));
            // our own HTML, but shown with no script and nothing fetched: links still work
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
            ClaimRoutes.html(ctx, 200, html);
        });
    }

    /**
     * The outbox shows live claim and sign-in links, so it is served only when mail has no SMTP
     * server to go to, and only to the installation's administrator (their API key): not by the
     * client's address, which a reverse proxy makes look local.
     */
    private static void allowed(Context ctx, Outbox outbox, Auth auth) {
        if (!outbox.inUse()) {
            throw Problem.notFound("no such resource: " + ctx.path());
        }
        auth.requireAdministrator(ctx, "Credence outbox");
    }
}
