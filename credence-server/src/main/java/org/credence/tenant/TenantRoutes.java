package org.credence.tenant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import java.util.Set;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;

/** Tenant administration and the public did:web documents. */
public final class TenantRoutes {
    private TenantRoutes() {}

    public static void register(JavalinConfig config, Tenants tenants, ApiKeys apiKeys, Auth auth) {
        config.routes.post("/api/v1/tenants", ctx -> {
            Caller caller = auth.require(ctx, "admin");
            if (!caller.isAdministrator()) {
                throw Problem.forbidden("only the installation administrator key creates tenants");
            }
            ObjectNode body = Json.body(ctx, Set.of("slug", "name", "url", "locale"));
            Tenants.Created created = tenants.create(caller, new Tenants.NewTenant(Json.requiredText(body, "slug", 63),
                    Json.requiredText(body, "name", 200), Json.optionalText(body, "url", 2000), Json.optionalText(body, "locale", 5)));
            ObjectNode response = Tenants.json(created.tenant());
            response.put("apiKey", created.apiKey());
            ctx.status(201).json(response);
        });
        config.routes.post("/api/v1/signing-keys/rotate", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            String fragment = tenants.rotateKey(caller);
            ctx.status(201).json(Json.MAPPER.createObjectNode().put("active", fragment));
        });
        ApiKeyRoutes.register(config, apiKeys, auth);
        config.routes.get("/tenants/{slug}/did.json", ctx -> {
            Tenant tenant = tenants.bySlug(ctx.pathParam("slug")).orElseThrow(() -> Problem.notFound("no tenant " + ctx.pathParam("slug")));
            ctx.contentType("application/did+json").result(tenants.didDocument(tenant).toString());
        });
    }
}
