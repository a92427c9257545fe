package org.credence.pathway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongToIntFunction;
import org.credence.achievement.AchievementRoutes;
import org.credence.analytics.FigureJson;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.tenant.Caller;

/** {@code /api/v1/achievements/{id}/pathway} (set, read, remove) and the funnel {@code /api/v1/analytics/pathways/{id}}. */
public final class PathwayRoutes {
    private static final Set<String> FIELDS = Set.of("requires", "minimum", "ordered");

    private PathwayRoutes() {}

    /** @param minGroupSize the tenant's smallest shown group (its report setting) */
    public static void register(JavalinConfig config, Pathways pathways, Auth auth, LongToIntFunction minGroupSize) {
        config.routes.put("/api/v1/achievements/{id}/pathway", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            ObjectNode body = Json.body(ctx, FIELDS);
            ctx.json(Pathways.json(pathways.put(caller, AchievementRoutes.id(ctx), requires(body), minimum(body), ordered(body))));
        });
        config.routes.get("/api/v1/achievements/{id}/pathway", ctx -> {
            Caller caller = auth.requireTenant(ctx, "read");
            ctx.json(Pathways.json(pathways.get(caller.tenantId(), AchievementRoutes.id(ctx))));
        });
        config.routes.delete("/api/v1/achievements/{id}/pathway", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            pathways.delete(caller, AchievementRoutes.id(ctx));
            ctx.status(204);
        });
        config.routes.get("/api/v1/analytics/pathways/{id}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            ctx.json(json(pathways.funnel(caller.tenantId(), AchievementRoutes.id(ctx), minGroupSize.applyAsInt(caller.tenantId()))));
        });
    }

    private static List<Long> requires(ObjectNode body) {
        JsonNode given = body.get("requires");
        if (given == null || !given.isArray()) {
            throw Problem.invalidField("requires", "requires is a list of achievement ids: [12, 13, 14]");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : given) {
            if (!id.isIntegralNumber() || !id.canConvertToLong()) {
                throw Problem.invalidField("requires", "requires holds achievement ids (whole numbers), not " + id);
            }
            ids.add(id.asLong());
        }
        return ids;
    }

    private static Integer minimum(ObjectNode body) {
        JsonNode given = body.get("minimum");
        if (given == null || given.isNull()) {
            return null;
        }
        if (!given.isIntegralNumber() || !given.canConvertToInt()) {
            throw Problem.invalidField("minimum", "minimum is a whole number: how many of the required achievements complete the pathway");
        }
        return given.asInt();
    }

    private static boolean ordered(ObjectNode body) {
        JsonNode given = body.get("ordered");
        if (given != null && !given.isNull() && !given.isBoolean()) {
            throw Problem.invalidField("ordered", "ordered is true (earned in the listed order) or false");
        }
        return given != null && given.asBoolean(false);
    }

    static ObjectNode json(PathwayFunnel funnel) {
        ObjectNode body = Pathways.json(funnel.pathway());
        body.put("minGroupSize", funnel.minGroupSize());
        body.put("formula", "each recipient who earned a component is in one stage: completed if they hold the pathway's credential, "
                + "else k of N (k earned components, capped at N); reached(k) = the stages from k on; share = reached(k) / started");
        var stages = body.putArray("stages");
        funnel.stages().cells().forEach(cell -> stages.add(FigureJson.figure(cell)));
        body.set("started", FigureJson.figure(funnel.stages().total()));
        var reached = body.putArray("reached");
        for (PathwayFunnel.Reached r : funnel.reached()) {
            ObjectNode step = reached.addObject().put("stage", r.stage());
            step.set("recipients", FigureJson.figure(r.recipients()));
            step.set("shareOfStarted", FigureJson.figure(r.shareOfStarted()));
        }
        return body;
    }
}
