package org.credence.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;

/** A tenant's own API keys: create, list, revoke, rotate; each needs a key with the {@code admin} scope. */
public final class ApiKeyRoutes {
    private static final String BASE = "/api/v1/api-keys";

    private ApiKeyRoutes() {}

    public static void register(JavalinConfig config, ApiKeys keys, Auth auth) {
        config.routes.post(BASE, ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            ObjectNode body = Json.body(ctx, Set.of("label", "scopes"));
            ApiKeys.Created created = keys.create(caller, new ApiKeys.NewKey(scopes(body), Json.optionalText(body, "label", 1000)));
            ctx.status(201).json(json(created));
        });
        config.routes.get(BASE, ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            var items = Json.MAPPER.createArrayNode();
            keys.list(caller.tenantId()).forEach(k -> items.add(ApiKeys.json(k)));
            ctx.json(Json.MAPPER.createObjectNode().set("items", items));
        });
        config.routes.post(BASE + "/{prefix}/revoke", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            keys.revoke(caller, ctx.pathParam("prefix"));
            ctx.status(204);
        });
        config.routes.post(BASE + "/{prefix}/rotate", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            Duration grace = Duration.ofSeconds(graceSeconds(ctx));
            ApiKeys.Created created = keys.rotate(caller, ctx.pathParam("prefix"), grace);
            ctx.status(201).json(json(created));
        });
    }

    private static ObjectNode json(ApiKeys.Created created) {
        return ApiKeys.json(created.key()).put("key", created.secret());
    }

    private static Set<String> scopes(ObjectNode body) {
        JsonNode scopes = body.get("scopes");
        if (scopes == null || !scopes.isArray()) {
            throw Problem.invalidField("scopes", "scopes is required: a list of " + String.join(", ", new java.util.TreeSet<>(ApiKeys.SCOPES)));
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode scope : scopes) {
            if (!scope.isTextual()) {
                throw Problem.invalidField("scopes", "each scope is a string");
            }
            names.add(scope.asText());
        }
        return names;
    }

    /** {@code graceSeconds} from an optional JSON body: how long the old key keeps working (default 0). */
    private static long graceSeconds(Context ctx) {
        if (ctx.body().isBlank()) {
            return 0;
        }
        JsonNode grace = Json.body(ctx, Set.of("graceSeconds")).get("graceSeconds");
        if (grace == null || grace.isNull()) {
            return 0;
        }
        if (!grace.isIntegralNumber() || !grace.canConvertToLong()) {
            throw Problem.invalidField("graceSeconds", "graceSeconds must be a whole number of seconds, 0-" + ApiKeys.MAX_GRACE.toSeconds());
        }
        return grace.asLong();
    }
}
