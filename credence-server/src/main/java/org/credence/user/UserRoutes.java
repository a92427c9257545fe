package org.credence.user;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
            ObjectNode body = Json.body(ctx, Users.CREATE_FIELDS);
            JsonNode password = body.get("password");
            if (password == null || !password.isTextual()) {
                throw Problem.invalidField("password", "password is required, as a string");
            }
            Users.NewUser user = new Users.NewUser(Json.requiredText(body, "email", 320), Json.requiredText(body, "name", 200),
                    Users.role(Json.optionalText(body, "role", 20)), password.asText());
            ctx.status(201).json(users.create(caller, user).json());
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
            ObjectNode body = Json.body(ctx, Users.UPDATE_FIELDS);
            JsonNode disabled = body.get("disabled");
            if (disabled != null && !disabled.isBoolean()) {
                throw Problem.invalidField("disabled", "disabled must be true or false");
            }
            Users.UserChange change = new Users.UserChange(Json.optionalText(body, "name", 200), Users.role(Json.optionalText(body, "role", 20)),
                    disabled == null ? null : disabled.booleanValue());
            ctx.json(users.update(caller, ctx.pathParam("id"), change).json());
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
