package org.credence.delivery;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Pages;
import org.credence.http.Problem;
import org.credence.http.SameOrigin;
import org.credence.tenant.Caller;

/**
 * Delivery's routes: the issuer's delivery API, the claim pages, the recipient's pages, the outbox pages of an
 * installation without SMTP, and the issuer's credential list {@code /app/credentials}.
 */
public final class DeliveryRoutes {
    private DeliveryRoutes() {}

    /**
     * Registers the delivery API, the claim pages (a claim is a tracked event), the recipient's pages and the outbox.
     * {@code privacyChanged} hears the number of each credential whose visibility or tracking consent a recipient just set;
     * {@code files} are the certificate and badge a signed-in recipient downloads from their page.
     */
    public static void register(JavalinConfig config, Delivery delivery, Auth auth, org.credence.tracking.ServerEvents events,
                                java.util.function.Consumer<String> privacyChanged, RecipientFiles files) {
        SameOrigin sameOrigin = new SameOrigin(delivery.publicUrl());
        register(config, delivery, auth, delivery.outbox());
        ClaimRoutes.register(config, delivery.claims(), events, privacyChanged, delivery.secureCookies(), sameOrigin);
        RecipientRoutes.register(config, delivery.recipients(), delivery.secureCookies(), privacyChanged, files, events, sameOrigin,
                delivery.pathways());
    }

    /** Whether the request comes from the credential's recipient, signed in on {@code /me} (their session cookie). */
    public static boolean isRecipient(Delivery delivery, Context ctx, long tenantId, java.util.UUID credentialId) {
        return delivery.isRecipient(ctx.cookie(RecipientRoutes.COOKIE), tenantId, credentialId);
    }

    /**
     * Registers {@code /app/credentials}, the signed-in issuer's list of credentials with each one's mail and claim,
     * and its resend button: the same listing and the same resend as the API's.
     */
    public static void registerPages(JavalinConfig config, Delivery delivery, org.credence.issuance.CredentialListing listing,
                                     org.credence.achievement.Achievements achievements, org.credence.user.Sessions sessions) {
        IssuerCredentialRoutes.register(config, delivery, listing, achievements, sessions, delivery.clock());
    }

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
