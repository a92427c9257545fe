package org.credence.analytics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.credence.achievement.Achievements;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.insights.Channel;
import org.credence.insights.marketing.Assumption;
import org.credence.insights.marketing.AssumptionOverride;
import org.credence.insights.marketing.MarketingAssumptions;
import org.credence.insights.marketing.MarketingValue;
import org.credence.insights.marketing.Parameter;
import org.credence.insights.marketing.WhatIf;
import org.credence.tenant.Caller;
import org.jdbi.v3.core.Jdbi;

/** {@code /api/v1/analytics/assumptions}: the marketing-value assumptions; the calculator itself answers in {@link EngagementRoutes}. */
public final class AnalyticsRoutes {
    private static final Set<String> ASSUMPTION_FIELDS = Set.of("parameter", "channel", "achievementId", "value", "reason");

    private AnalyticsRoutes() {}

    public static void register(JavalinConfig config, Jdbi jdbi, MarketingAssumptionStore assumptions, AssumptionChanges changes,
                                Achievements achievements, Auth auth) {
        config.routes.get("/api/v1/analytics/assumptions", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            OptionalLong achievement = QueryParams.optionalId(ctx::queryParam, "achievementId");
            achievement.ifPresent(id -> achievements.get(caller.tenantId(), id));
            ctx.json(SimulatedJson.mark(
                    assumptionsJson(assumptions.effective(caller.tenantId(), achievement), assumptions.history(caller.tenantId(), achievement)),
                    SimulatedData.of(jdbi, caller.tenantId())));
        });
        config.routes.post("/api/v1/analytics/assumptions", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            ObjectNode body = Json.body(ctx, ASSUMPTION_FIELDS);
            Parameter parameter = parameter(Json.requiredText(body, "parameter", 40));
            String channelId = Json.optionalText(body, "channel", 40);
            Channel channel = channelId == null ? null : Channel.parse(channelId).orElseThrow(() -> Problem.invalidField("channel",
                    "unknown channel '" + channelId + "'; use one of " + List.of(Channel.values()).stream().map(Channel::id).toList()
                            + ", or leave it out for every channel"));
            Long achievement = body.hasNonNull("achievementId") ? Json.requiredLong(body, "achievementId") : null;
            changes.set(caller.tenantId(), caller.actor(), new AssumptionChanges.MarketingChange(parameter, channel, achievement,
                    decimalField(body), Json.requiredText(body, "reason", 1000)));
            OptionalLong scope = achievement == null ? OptionalLong.empty() : OptionalLong.of(achievement);
            ctx.status(201).json(SimulatedJson.mark(
                    assumptionsJson(assumptions.effective(caller.tenantId(), scope), assumptions.history(caller.tenantId(), scope)),
                    SimulatedData.of(jdbi, caller.tenantId())));
        });
    }

    /** The what-if calculator's answer: every input typed in, none measured. */
    static ObjectNode whatIf(Context ctx) {
        WhatIf whatIf = MarketingValue.whatIf(QueryParams.count(ctx::queryParam, "recipients"), QueryParams.proportion(ctx::queryParam, "shareRate"),
                QueryParams.nonNegative(ctx::queryParam, "impressionsPerShare"), QueryParams.nonNegative(ctx::queryParam, "cpm"));
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("kind", "what-if");
        body.put("note", "advertising-equivalent value (not revenue); every input is typed in, none is measured");
        body.set("shares", FigureJson.figure(whatIf.shares()));
        body.set("impressions", FigureJson.figure(whatIf.impressions()));
        body.set("equivalentMediaValue", FigureJson.figure(whatIf.equivalentMediaValue()));
        return body;
    }

    private static Parameter parameter(String text) {
        return switch (text) {
            case "impressions_per_share" -> Parameter.IMPRESSIONS_PER_SHARE;
            case "cpm" -> Parameter.CPM;
            default -> throw Problem.invalidField("parameter", "parameter must be 'impressions_per_share' or 'cpm', not '" + text + "'");
        };
    }

    private static BigDecimal decimalField(ObjectNode body) {
        var node = body.get("value");
        if (node == null || !node.isNumber()) {
            throw Problem.invalidField("value", "value is required and must be a number");
        }
        return node.decimalValue(); // its range is the service's to check
    }

    private static ObjectNode assumptionsJson(MarketingAssumptions effective, List<AssumptionOverride> history) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("currency", effective.currency().getCurrencyCode());
        ArrayNode channels = body.putArray("channels");
        for (Channel channel : Channel.values()) {
            ObjectNode row = channels.addObject();
            row.put("channel", channel.id());
            row.set("impressionsPerShare", assumption(effective.of(Parameter.IMPRESSIONS_PER_SHARE, channel)));
            row.set("cpm", assumption(effective.of(Parameter.CPM, channel)));
        }
        ArrayNode edits = body.putArray("history");
        for (AssumptionOverride edit : history) {
            ObjectNode row = edits.addObject();
            row.put("parameter", edit.parameter().name().toLowerCase(java.util.Locale.ROOT));
            if (edit.channel() == null) {
                row.putNull("channel");
            } else {
                row.put("channel", edit.channel().id());
            }
            row.put("value", edit.value());
            row.set("provenance", FigureJson.provenance(edit.provenance()));
        }
        return body;
    }

    private static ObjectNode assumption(Assumption assumption) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("value", assumption.value());
        node.put("unit", assumption.unit());
        node.set("provenance", FigureJson.provenance(assumption.provenance()));
        return node;
    }
}
