package org.credence.user;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.config.JavalinConfig;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.tenant.Caller;

/** The user API: a tenant's API key with the admin scope manages that tenant's users. */
public final class UserRoutes {
    private UserRoutes() {}

    public static void register(JavalinConfig config, Users users, Auth auth) {
        config.routes.post("/api/v1/users", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            ctx.status(201).json(users.create(caller, Json.body(ctx, Users.CREATE_FIELDS)).json());
        });
        config.routes.get("/api/v1/users", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            ArrayNode items = Json.MAPPER.createArrayNode();
            users.list(caller.tenantId()).forEach(u -> items.add(u.json()));
            ctx.json(Json.MAPPER.createObjectNode().set("items", items));
        });
        config.routes.get("/api/v1/users/{id}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            ctx.json(users.get(caller.tenantId(), ctx.pathParam("id")).json());
        });
        config.routes.patch("/api/v1/users/{id}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            ctx.json(users.update(caller, ctx.pathParam("id"), Json.body(ctx, Users.UPDATE_FIELDS)).json());
        });
    }
}
