package org.credence.lifecycle;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.credence.http.Problem;
import org.credence.standards.status.StatusPurpose;
import org.credence.tenant.Tenant;
import org.credence.tenant.Tenants;

/** The public, signed status list credentials, with ETags so verifiers can cache them. */
public final class StatusListRoutes {
    private StatusListRoutes() {}

    public static void register(JavalinConfig config, StatusLists statusLists, Tenants tenants) {
        config.routes.get("/status/{slug}/{list}", ctx -> serve(ctx, statusLists, tenants, StatusPurpose.REVOCATION));
        config.routes.get("/status/{slug}/{list}/suspension", ctx -> serve(ctx, statusLists, tenants, StatusPurpose.SUSPENSION));
    }

    private static void serve(Context ctx, StatusLists statusLists, Tenants tenants, StatusPurpose purpose) {
        Tenant tenant = tenants.bySlug(ctx.pathParam("slug")).orElseThrow(() -> Problem.notFound("no status list here"));
        long listId;
        try {
            listId = Long.parseLong(ctx.pathParam("list"));
        } catch (NumberFormatException e) {
            throw Problem.notFound("no status list " + ctx.pathParam("list"));
        }
        var published = statusLists.published(tenant, listId, purpose, tenants.publicUrl())
                .orElseThrow(() -> Problem.notFound("no status list " + listId + " for " + tenant.slug()));
        String etag = "\"" + listId + "-" + purpose.jsonName() + "-" + published.getKey() + "\"";
        ctx.header("ETag", etag).header("Cache-Control", "no-cache");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/vc+ld+json").result(published.getValue().toString());
    }
}
