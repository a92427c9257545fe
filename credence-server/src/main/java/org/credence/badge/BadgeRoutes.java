package org.credence.badge;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.credence.achievement.AchievementRoutes;
import org.credence.document.BrandingRoutes;
import org.credence.document.StoredDocument;
import org.credence.http.Auth;
import org.credence.http.Downloads;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.issuance.IssuedCredential;
import org.credence.tenant.Caller;
import org.credence.tracking.EventType;
import org.credence.tracking.ServerEvents;

/**
 * Public badge and share images of a credential ({@code /c/{number}/badge.png}, {@code .svg},
 * {@code share.png}) and the issuer's badge image per achievement ({@code /api/v1/achievements/{id}/image}).
 */
public final class BadgeRoutes {
    /** Served SVGs may draw and embed images, nothing else: a second fence behind the sanitiser. */
    private static final String SVG_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private BadgeRoutes() {}

    public static void register(JavalinConfig config, Badges badges, AchievementImages images, Auth auth, ServerEvents events) {
        publicDocument(config, "/c/{number}/badge.png", badges, badges::bakedPng, "badge.png", events, true);
        publicDocument(config, "/c/{number}/badge.svg", badges, badges::bakedSvg, "badge.svg", events, true);
        // the share image is fetched by link previews and with the page: not a view of its own
        publicDocument(config, "/c/{number}/share.png", badges, credential -> {
            if (credential.withdrawn()) {
                // the image says "verified credential": a link preview fetched after revocation must not show it
                throw Problem.notFound("credential " + credential.number() + " is " + credential.state() + "; it has no share image");
            }
            return badges.shareImage(credential);
        }, "share.png", ServerEvents.NONE, false);

        config.routes.get("/api/v1/achievements/{id}/image", ctx -> {
            Caller caller = auth.requireTenant(ctx, "read");
            long id = AchievementRoutes.id(ctx);
            if ("svg".equals(ctx.queryParam("format"))) {
                svgHeaders(ctx);
                ctx.contentType("image/svg+xml").result(badges.svg(caller.tenantId(), id).getBytes(StandardCharsets.UTF_8));
            } else {
                ctx.contentType("image/png").result(badges.png(caller.tenantId(), id));
            }
        });
        config.routes.put("/api/v1/achievements/{id}/image", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            long id = AchievementRoutes.id(ctx);
            var removed = images.put(caller, id, ctx.contentType(), BrandingRoutes.body(ctx));
            var uploaded = images.find(caller.tenantId(), id);
            var body = Json.MAPPER.createObjectNode();
            body.put("achievementId", id);
            body.put("png", uploaded.png().isPresent());
            body.put("svg", uploaded.svg().isPresent());
            removed.forEach(body.putArray("removed")::add);
            ctx.json(body);
        });
        config.routes.delete("/api/v1/achievements/{id}/image", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            images.delete(caller, AchievementRoutes.id(ctx));
            ctx.status(204);
        });
    }

    private static void publicDocument(JavalinConfig config, String path, Badges badges, Function<IssuedCredential, StoredDocument> render,
                                       String fileSuffix, ServerEvents events, boolean withdrawnWithTheCredential) {
        config.routes.get(path, ctx -> {
            String number = ctx.pathParam("number");
            IssuedCredential credential = badges.publicCredential(number)
                    .orElseThrow(() -> Problem.notFound("no public credential with number '" + shortened(number) + "'"));
            if (withdrawnWithTheCredential) {
                org.credence.credential.CredentialPageRoutes.refuseWithdrawn(ctx, credential);
            }
            StoredDocument document = render.apply(credential);
            if (document.contentType().startsWith("image/svg")) {
                svgHeaders(ctx);
            }
            boolean download = "1".equals(ctx.queryParam("download"));
            events.recordThen(ctx, credential.number(), download ? EventType.DOWNLOAD : EventType.VIEW, "badge",
                    () -> Downloads.serve(ctx, document.etag(), document.contentType(), document.bytes(), download ? Optional.of(credential.number() + "-" + fileSuffix) : Optional.empty()));
        });
    }

    private static void svgHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", SVG_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
    }

    private static String shortened(String typed) {
        return typed.length() <= 40 ? typed : typed.substring(0, 40) + "…";
    }
}
