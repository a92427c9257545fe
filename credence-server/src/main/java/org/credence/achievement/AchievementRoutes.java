package org.credence.achievement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.json.JsonFields;
import org.credence.tenant.Caller;

/** {@code /api/v1/achievements}: create, list, read, replace, archive and unarchive; the JSON read into an {@link AchievementDraft} and written from an {@link Achievement}. */
public final class AchievementRoutes {
    /** The fields an achievement body may have. */
    static final Set<String> FIELDS = Set.of("name", "kind", "description", "criteria", "alignments", "tags",
            "validityDays", "programUrl", "image", "design", "passMark", "hours");

    private AchievementRoutes() {}

    public static void register(JavalinConfig config, Achievements achievements, Auth auth) {
        config.routes.post("/api/v1/achievements", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            ctx.status(201).json(json(achievements.create(caller, draft(Json.body(ctx, FIELDS)))));
        });
        config.routes.get("/api/v1/achievements", ctx -> {
            Caller caller = auth.requireTenant(ctx, "read");
            var list = Json.MAPPER.createArrayNode();
            // archived achievements are left out unless asked for (?state=archived or all)
            achievements.list(caller.tenantId(), Achievements.Listing.named(ctx.queryParam("state"))).forEach(a -> list.add(json(a)));
            ctx.json(Json.MAPPER.createObjectNode().set("items", list));
        });
        config.routes.get("/api/v1/achievements/{id}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "read");
            ctx.json(json(achievements.get(caller.tenantId(), id(ctx))));
        });
        config.routes.put("/api/v1/achievements/{id}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            ctx.json(json(achievements.update(caller, id(ctx), draft(Json.body(ctx, FIELDS)))));
        });
        config.routes.post("/api/v1/achievements/{id}/archive", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            ctx.json(json(achievements.archive(caller, id(ctx))));
        });
        config.routes.post("/api/v1/achievements/{id}/unarchive", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            ctx.json(json(achievements.unarchive(caller, id(ctx))));
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

    /** The API's view of an achievement: its columns, then the details present, then the design. */
    public static ObjectNode json(Achievement a) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", a.id());
        node.put("kind", a.kind());
        node.put("name", a.name());
        node.put("description", a.description());
        node.put("criteria", a.criteria());
        ArrayNode alignments = node.putArray("alignments");
        for (Achievement.Alignment alignment : a.alignments()) {
            ObjectNode one = alignments.addObject().put("targetName", alignment.targetName()).put("targetUrl", alignment.targetUrl());
            if (alignment.targetFramework() != null) {
                one.put("targetFramework", alignment.targetFramework());
            }
        }
        a.tags().forEach(node.putArray("tags")::add);
        a.validityDays().ifPresent(days -> node.put("validityDays", days));
        a.programUrl().ifPresent(url -> node.put("programUrl", url));
        a.image().ifPresent(url -> node.put("image", url));
        a.passMark().ifPresent(mark -> node.put("passMark", mark));
        a.hours().ifPresent(hours -> node.put("hours", hours));
        node.put("design", a.design());
        a.archived().ifPresent(archived -> node.put("archivedAt", archived.at().toString()).put("archivedBy", archived.by()));
        return node;
    }

    /** The body as a draft: here only the JSON types are checked; {@link Achievements} checks the values. */
    static AchievementDraft draft(ObjectNode body) {
        String kind = text(body, "kind");
        List<Achievement.Alignment> alignments = new ArrayList<>();
        JsonNode given = body.path("alignments");
        if (!given.isMissingNode() && !given.isNull() && !given.isArray()) {
            throw new DomainException.InvalidInput("alignments", ErrorText.of("achievement.alignments_invalid"));
        }
        for (JsonNode a : given) {
            if (!a.isObject()) {
                throw new DomainException.InvalidInput("alignments", ErrorText.of("achievement.alignments_invalid"));
            }
            alignments.add(new Achievement.Alignment(text(a, "alignments.targetName"), text(a, "alignments.targetUrl"),
                    text(a, "alignments.targetFramework")));
        }
        List<String> tags = new ArrayList<>();
        JsonNode givenTags = body.path("tags");
        if (!givenTags.isMissingNode() && !givenTags.isNull() && !givenTags.isArray()) {
            throw new DomainException.InvalidInput("tags", ErrorText.of("achievement.tags_invalid"));
        }
        for (JsonNode tag : givenTags) {
            if (!tag.isTextual()) {
                throw new DomainException.InvalidInput("tags", ErrorText.of("achievement.tag_invalid"));
            }
            tags.add(tag.asText());
        }
        Integer validityDays = null;
        JsonNode validity = body.get("validityDays");
        if (validity != null && !validity.isNull()) {
            if (!validity.isInt()) {
                throw new DomainException.InvalidInput("validityDays", ErrorText.of("achievement.validity_invalid"));
            }
            validityDays = validity.asInt();
        }
        java.math.BigDecimal passMark = decimal(body, "passMark", ErrorText.of("achievement.pass_mark_invalid"));
        java.math.BigDecimal hours = decimal(body, "hours", ErrorText.of("achievement.hours_invalid"));
        return new AchievementDraft(kind, text(body, "name"), text(body, "description"), text(body, "criteria"), alignments, tags,
                validityDays, passMark, text(body, "programUrl"), text(body, "image"), text(body, "design"), hours);
    }

    /** A number field as sent (null when absent or null); any other JSON type is refused with {@code why}. */
    private static java.math.BigDecimal decimal(JsonNode body, String field, ErrorText why) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new DomainException.InvalidInput(field, why);
        }
        return value.decimalValue();
    }

    /** A string field as sent (null when absent or null); any other JSON type is refused, naming the field. */
    private static String text(JsonNode node, String field) {
        return JsonFields.optionalText(node, field, Integer.MAX_VALUE);
    }
}
