package org.credence.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.credence.analytics.costs.CostCategory;
import org.credence.analytics.costs.CostDraft;
import org.credence.analytics.costs.CostLine;
import org.credence.analytics.costs.CostJson;
import org.credence.analytics.costs.CostTotals;
import org.credence.analytics.costs.ProgramCostLedger;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.tenant.Caller;

/**
 * {@code /api/v1/program-costs}: the program-cost ledger. Reading takes the {@code analytics}
 * scope; entering, correcting and voiding lines take {@code admin} (the API's owner).
 */
public final class ProgramCostRoutes {
    private static final Set<String> LINE_FIELDS = Set.of("achievementId", "category", "incurredOn", "incurredUntil", "amount", "currency",
            "hours", "hourlyRate", "note");
    private static final Set<String> CORRECTION_FIELDS = union(LINE_FIELDS, Set.of("reason"));

    private ProgramCostRoutes() {}

    public static void register(JavalinConfig config, ProgramCostLedger ledger, Auth auth) {
        config.routes.get("/api/v1/program-costs", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            LocalDate from = optionalDate(ctx.queryParam("from"), "from");
            LocalDate to = optionalDate(ctx.queryParam("to"), "to");
            OptionalLong achievement = QueryParams.optionalId(ctx::queryParam, "achievementId");
            ObjectNode body = Json.MAPPER.createObjectNode();
            ArrayNode lines = body.putArray("lines");
            ledger.lines(caller.tenantId(), from, to, achievement).forEach(line -> lines.add(CostJson.line(line)));
            if (from != null && to != null) {
                body.set("totals", totals(ledger.total(caller.tenantId(), from, to, achievement)));
            }
            ctx.json(body);
        });
        config.routes.post("/api/v1/program-costs", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            CostLine line = ledger.create(caller.tenantId(), caller.actor(), draft(Json.body(ctx, LINE_FIELDS)));
            ctx.status(201).json(CostJson.line(line));
        });
        config.routes.get("/api/v1/program-costs/{id}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            long id = id(ctx);
            ObjectNode body = CostJson.line(ledger.get(caller.tenantId(), id));
            ArrayNode history = body.putArray("history");
            ledger.history(caller.tenantId(), id).forEach(version -> history.add(CostJson.line(version)));
            ctx.json(body);
        });
        config.routes.put("/api/v1/program-costs/{id}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            ObjectNode body = Json.body(ctx, CORRECTION_FIELDS);
            CostLine line = ledger.correct(caller.tenantId(), caller.actor(), id(ctx), draft(body), Json.optionalText(body, "reason", 1000));
            ctx.json(CostJson.line(line));
        });
        config.routes.delete("/api/v1/program-costs/{id}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            // the reason comes as ?reason=… or as a JSON body {"reason": …}
            String reason = ctx.queryParam("reason");
            if (reason == null && !ctx.body().isEmpty()) {
                reason = Json.optionalText(Json.body(ctx, Set.of("reason")), "reason", 1000);
            }
            ctx.json(CostJson.line(ledger.voidLine(caller.tenantId(), caller.actor(), id(ctx), reason)));
        });
    }

    /** The totals as JSON: one entry per currency, each with every category. */
    static ArrayNode totals(CostTotals totals) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (CostTotals.CurrencyTotal total : totals.byCurrency()) {
            ObjectNode row = array.addObject();
            row.put("currency", total.currency());
            row.put("total", total.total());
            row.put("lines", total.lines());
            ObjectNode categories = row.putObject("byCategory");
            total.byCategory().forEach((category, amount) -> categories.put(category.id(), amount));
        }
        return array;
    }

    static CostDraft draft(JsonNode body) {
        String categoryId = Json.requiredText(body, "category", 40);
        CostCategory category = CostCategory.parse(categoryId).orElseThrow(() -> Problem.invalidField("category",
                "unknown category '" + categoryId + "'; use one of " + List.of(CostCategory.values()).stream().map(CostCategory::id).toList()));
        Long achievement = body.hasNonNull("achievementId") ? Json.requiredLong(body, "achievementId") : null;
        return new CostDraft(achievement, category, requiredDate(Json.requiredText(body, "incurredOn", 10), "incurredOn"),
                optionalDate(Json.optionalText(body, "incurredUntil", 10), "incurredUntil"), decimal(body, "amount"),
                Json.requiredText(body, "currency", 3), decimal(body, "hours"), decimal(body, "hourlyRate"), Json.optionalText(body, "note", 1000));
    }

    private static BigDecimal decimal(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw Problem.invalidField(field, field + " must be a number");
        }
        return node.decimalValue();
    }

    static LocalDate optionalDate(String text, String name) {
        return text == null || text.isBlank() ? null : requiredDate(text, name);
    }

    static LocalDate requiredDate(String text, String name) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problem.invalidField(name, name + " must be a date like 2026-03-31, not '" + text + "'");
        }
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Problem.notFound("no cost line '" + ctx.pathParam("id") + "'");
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
