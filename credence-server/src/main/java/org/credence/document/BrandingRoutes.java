package org.credence.document;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.tenant.Caller;

/** {@code /api/v1/branding}: the tenant's colours, page size, LinkedIn organisation, logo and signature (admin scope). */
public final class BrandingRoutes {
    private BrandingRoutes() {}

    public static void register(JavalinConfig config, Brandings brandings, BrandingUpdates updates, Auth auth) {
        config.routes.get("/api/v1/branding", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            ctx.json(BrandingJson.of(brandings.find(caller.tenantId())));
        });
        config.routes.put("/api/v1/branding", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            ctx.json(BrandingJson.of(updates.replaceSettings(caller, BrandingJson.settings(Json.body(ctx, BrandingUpdates.FIELDS)))));
        });
        for (BrandingUpdates.Slot slot : BrandingUpdates.Slot.values()) {
            String path = "/api/v1/branding/" + slot.column();
            config.routes.get(path, ctx -> {
                Caller caller = auth.requireTenant(ctx, "admin");
                Branding branding = brandings.find(caller.tenantId());
                Branding.Image image = (slot == BrandingUpdates.Slot.LOGO ? branding.logo() : branding.signature())
                        .orElseThrow(() -> Problem.notFound("this tenant has no " + slot.column() + "; upload one with PUT " + path));
                ctx.contentType(image.contentType()).result(image.bytes());
            });
            config.routes.put(path, ctx -> {
                Caller caller = auth.requireTenant(ctx, "admin");
                ctx.json(BrandingJson.of(updates.putImage(caller, slot, ctx.contentType(), body(ctx))));
            });
            config.routes.delete(path, ctx -> {
                Caller caller = auth.requireTenant(ctx, "admin");
                ctx.json(BrandingJson.of(updates.deleteImage(caller, slot)));
            });
        }
    }

    /**
     * The raw upload. The body is read before the 1 MB limit is checked: refusing on the declared length
     * alone would answer while the client is still sending, and clients then see a reset, not the 413.
     * The server's 2 MB request limit bounds what is read.
     */
    public static byte[] body(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        UploadedImages.requireWithinLimit(body.length);
        if (body.length == 0) {
            throw Problem.badRequest("send the image as the request body");
        }
        return body;
    }
}
