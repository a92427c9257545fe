package org.credence.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Pages;
import org.credence.http.Problem;
import org.credence.i18n.Messages;
import org.credence.tenant.Caller;

/**
 * {@code /api/v1/integrations/completions}: a learning system reports a learner's progress in a course;
 * the answer says what became of it (201 issued or renewed now, 200 already issued, 202 stored) and names the
 * credential. Reporting takes an API key with the {@code issue} scope; the report of stored completions
 * the {@code read} scope.
 */
public final class CompletionRoutes {
    private static final Set<String> FIELDS = Set.of("courseId", "learner", "progress", "completedAt", "score");
    private static final int PAGE = 50;

    private CompletionRoutes() {}

    public static void register(JavalinConfig config, Completions completions, Auth auth, URI publicUrl) {
        config.routes.post("/api/v1/integrations/completions", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            Completions.Report report = report(Json.body(ctx, FIELDS));
            Completions.Result result = completions.receive(caller, List.of(report)).get(0);
            String language = Pages.language((String) null, ctx.header("Accept-Language"));
            ctx.status(switch (result.outcome()) {
                case ISSUED, RENEWED -> 201;
                case REPLAYED -> 200;
                case STORED, UNMATCHED, ARCHIVED -> 202;
            }).json(json(result, publicUrl, language));
        });
        config.routes.get("/api/v1/integrations/completions", ctx -> {
            Caller caller = auth.requireTenant(ctx, "read");
            String state = ctx.queryParam("state");
            Long before = ctx.queryParam("before") == null ? null : OutcomeImportRoutes.id(ctx.queryParam("before"), "before");
            long limit = ctx.queryParam("limit") == null ? PAGE : OutcomeImportRoutes.id(ctx.queryParam("limit"), "limit");
            if (limit > 500) {
                throw Problem.badParameter("limit", "limit is at most 500");
            }
            List<Completions.Stored> page = completions.list(caller.tenantId(), state, before, (int) limit);
            ObjectNode body = Json.MAPPER.createObjectNode();
            ArrayNode items = body.putArray("items");
            for (Completions.Stored s : page) {
                ObjectNode item = items.addObject();
                item.put("id", s.id());
                item.put("courseId", s.courseId());
                item.putObject("learner").put("email", s.email()).put("name", s.name());
                item.put("progress", s.progress());
                item.put("score", s.score());
                item.put("completedAt", s.completedAt() == null ? null : s.completedAt().toString());
                item.put("source", s.source());
                item.put("receivedAt", s.receivedAt().toString());
                item.put("updatedAt", s.updatedAt().toString());
                item.put("state", s.state());
                if (s.achievementId() == null) {
                    item.putNull("achievementId");
                } else {
                    item.put("achievementId", s.achievementId());
                }
                item.set("credential", s.credentialId() == null ? null : credential(s.credentialId().toString(), s.number(), publicUrl));
            }
            body.put("next", page.size() == limit
                    ? "/api/v1/integrations/completions?limit=" + limit + "&before=" + page.get(page.size() - 1).id() + (state == null ? "" : "&state=" + state)
                    : null);
            ctx.json(body);
        });
    }

    /** The answer to one report: what became of it, a sentence saying so, and the credential when there is one. */
    static ObjectNode json(Completions.Result result, URI publicUrl, String language) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("completionId", result.completionId());
        node.put("courseId", result.courseId());
        String outcome = result.outcome().name().toLowerCase(java.util.Locale.ROOT);
        node.put("outcome", outcome);
        node.put("message", Messages.of("completions", language).format("outcome." + outcome,
                Map.of("course", result.courseId(), "number", result.number() == null ? "" : result.number(),
                        "renews", result.renews() == null ? "" : result.renews(),
                        "achievement", result.archivedAchievement() == null ? "" : result.archivedAchievement())));
        node.set("credential", result.credentialId() == null ? null : credential(result.credentialId().toString(), result.number(), publicUrl));
        if (result.renews() != null) {
            node.put("renews", result.renews());
        }
        return node;
    }

    private static ObjectNode credential(String id, String number, URI publicUrl) {
        return Json.MAPPER.createObjectNode().put("id", id).put("number", number).put("verifyUrl", publicUrl + "/verify/" + number);
    }

    /** The report in a completions body; a field at fault is a 422 naming it. */
    static Completions.Report report(ObjectNode body) {
        String course = courseId(body.get("courseId"), "courseId");
        JsonNode learner = body.get("learner");
        if (learner == null || !learner.isObject()) {
            throw Problem.invalidField("learner", "learner is required: {\"email\": …, \"name\": …}");
        }
        learner.fieldNames().forEachRemaining(f -> {
            if (!f.equals("name") && !f.equals("email")) {
                throw Problem.invalidField("learner." + f, "unknown field 'learner." + f + "'; allowed: email, name");
            }
        });
        String email = email(Json.requiredText(learner, "learner.email", 320), "learner.email");
        String name = Json.requiredText(learner, "learner.name", 300);
        BigDecimal progress = percent(body.get("progress"), "progress");
        if (progress == null) {
            throw Problem.invalidField("progress", "progress is required: how much of the course the learner has done, 0 to 100");
        }
        return new Completions.Report(course, email, name, progress, percent(body.get("score"), "score"),
                instant(Json.optionalText(body, "completedAt", 40), "completedAt"), "api", null);
    }

    /** A course (or xAPI activity) id: 1 to 200 characters. */
    static String courseId(JsonNode node, String field) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw Problem.invalidField(field, field + " is required: the course's id in the learning system");
        }
        String course = node.asText().strip();
        if (course.length() > Completions.MAX_COURSE_ID) {
            throw Problem.invalidField(field, field + " is " + course.length() + " characters long; at most " + Completions.MAX_COURSE_ID);
        }
        return course;
    }

    static String email(String email, String field) {
        String address = email.strip();
        if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw Problem.invalidField(field, field + " is not an e-mail address: " + address);
        }
        return address;
    }

    /** A number from 0 to 100, or null when absent. */
    static BigDecimal percent(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || node.decimalValue().compareTo(BigDecimal.ZERO) < 0 || node.decimalValue().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw Problem.invalidField(field, field + " must be a number from 0 to 100");
        }
        return node.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP);
    }

    static Instant instant(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw Problem.invalidField(field, field + " '" + value + "' is not an ISO-8601 date-time such as 2025-01-31T12:00:00Z");
        }
    }
}
