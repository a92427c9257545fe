package org.credence.issuance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import java.net.URI;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.tenant.Caller;

/** Listing a tenant's credentials and reading one, with the read scope. */
public final class CredentialReadRoutes {
    private CredentialReadRoutes() {}

    public static void register(JavalinConfig config, CredentialListing listing, Auth auth, URI publicUrl) {
        config.routes.get("/api/v1/credentials", ctx -> {
            Caller caller = auth.requireTenant(ctx, "read");
            CredentialListing.Page page = listing.list(caller.tenantId(), CredentialQuery.from(ctx::queryParam));
            ArrayNode items = Json.MAPPER.createArrayNode();
            page.items().forEach(c -> items.add(IssuanceRoutes.json(c, publicUrl)));
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.set("items", items);
            body.put("next", page.next().orElse(null));
            ctx.json(body);
        });
        config.routes.get("/api/v1/credentials/{id}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "read");
            ctx.json(IssuanceRoutes.json(listing.get(caller.tenantId(), ctx.pathParam("id")), publicUrl));
        });
    }
}
