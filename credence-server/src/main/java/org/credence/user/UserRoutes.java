package org.credence.user;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.tenant.Caller;
import org.credence.tenant.Tenant;
import org.credence.tenant.Tenants;

/**
 * The user API: a tenant's API key with the admin scope manages that tenant's users; the
 * installation administrator names the tenant with {@code ?tenant=slug} (to add a tenant's first owner).
 */
public final class UserRoutes {
    private UserRoutes() {}

    public static void register(JavalinConfig config, Users users, Auth auth, Tenants tenants) {
        config.routes.post("/api/v1/users", ctx -> {
            Caller caller = caller(ctx, auth, tenants);
            ctx.status(201).json(users.create(caller, Json.body(ctx, Users.CREATE_FIELDS)).json());
        });
        config.routes.get("/api/v1/users", ctx -> {
            Caller caller = caller(ctx, auth, tenants);
            ArrayNode items = Json.MAPPER.createArrayNode();
            users.list(caller.tenantId()).forEach(u -> items.add(u.json()));
            ctx.json(Json.MAPPER.createObjectNode().set("items", items));
        });
        config.routes.get("/api/v1/users/{id}", ctx -> {
            Caller caller = caller(ctx, auth, tenants);
            ctx.json(users.get(caller.tenantId(), ctx.pathParam("id")).json());
        });
        config.routes.patch("/api/v1/users/{id}", ctx -> {
            Caller caller = caller(ctx, auth, tenants);
            ctx.json(users.update(caller, ctx.pathParam("id"), Json.body(ctx, Users.UPDATE_FIELDS)).json());
        });
    }

    /** The tenant's admin caller: its own key, or the installation administrator acting for {@code ?tenant=}. */
    private static Caller caller(Context ctx, Auth auth, Tenants tenants) {
        Caller caller = auth.require(ctx, "admin");
        String slug = ctx.queryParam("tenant");
        if (!caller.isAdministrator()) {
            if (slug != null && tenants.bySlug(slug).map(t -> t.id() != caller.tenantId()).orElse(true)) {
                throw Problem.forbidden("this API key belongs to another tenant than '" + slug + "'");
            }
            return caller;
        }
        if (slug == null) {
            throw Problem.forbidden("the administrator key names the tenant: ?tenant=<slug>");
        }
        Tenant tenant = tenants.bySlug(slug).orElseThrow(() -> Problem.notFound("no tenant '" + slug + "'"));
        return new Caller(tenant.id(), caller.scopes(), caller.actor());
    }
}
