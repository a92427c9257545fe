package org.credence.achievement;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.tenant.Caller;

/** {@code /api/v1/achievements}: create, list, read, replace. */
public final class AchievementRoutes {
    private AchievementRoutes() {}

    public static void register(JavalinConfig config, Achievements achievements, Auth auth) {
        config.routes.post("/api/v1/achievements", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            ctx.status(201).json(Achievements.json(achievements.create(caller, Json.body(ctx, Achievements.FIELDS))));
        });
        config.routes.get("/api/v1/achievements", ctx -> {
            Caller caller = auth.requireTenant(ctx, "read");
            var list = Json.MAPPER.createArrayNode();
            achievements.list(caller.tenantId()).forEach(a -> list.add(Achievements.json(a)));
            ctx.json(Json.MAPPER.createObjectNode().set("items", list));
        });
        config.routes.get("/api/v1/achievements/{id}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "read");
            ctx.json(Achievements.json(achievements.get(caller.tenantId(), id(ctx))));
        });
        config.routes.put("/api/v1/achievements/{id}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            ctx.json(Achievements.json(achievements.update(caller, id(ctx), Json.body(ctx, Achievements.FIELDS))));
        });
    }

    /** The achievement id in the path; a malformed one is simply not found. */
    public static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Problem.notFound("no achievement " + ctx.pathParam("id"));
        }
    }
}
