package org.credence.integration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.insights.stats.ConfidenceLevel;
import org.credence.insights.stats.Interval;
import org.credence.insights.stats.WilsonScore;
import org.credence.tenant.Caller;
import org.credence.user.Permission;
import org.credence.user.Role;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/**
 * {@code /api/v1/outcomes/…} and {@code /api/v1/integrations/courses}: outcome imports, a person's
 * outcome data (GDPR export and erasure) and the course → achievement map. Outcome data names people,
 * so only analysts and owners reach it: an API key with the {@code analytics} scope, or a signed-in
 * user whose role may see analytics; erasure takes an owner (or a key with the {@code admin} scope).
 */
public final class OutcomeImportRoutes {
    /** CSV bodies may be this large; JSON bodies and multipart uploads keep the server's 2 MB limit. */
    static final int MAX_IMPORT_BYTES = 256 * 1024 * 1024;
    private static final int PAGE = 50;

    private OutcomeImportRoutes() {}

    public static void register(JavalinConfig config, OutcomeImports imports, OutcomePeople people, CourseAchievements courses, Auth auth,
                                Sessions sessions) {
        config.routes.post("/api/v1/outcomes/imports", ctx -> {
            Access access = reader(ctx, auth, sessions);
            OutcomeKind kind = kind(ctx.queryParam("kind"));
            String source = ctx.queryParam("source");
            if (source == null) {
                throw Problem.badParameter("source", "name the system the data comes from: ?source=salesforce");
            }
            String type = ctx.contentType() == null ? "" : ctx.contentType();
            byte[] body;
            String bodyType = type;
            if (type.startsWith("multipart/form-data")) {
                UploadedFile file = ctx.uploadedFile("file");
                if (file == null) {
                    throw Problem.badField("file", "send the file in a form field named 'file'");
                }
                try (InputStream in = file.content()) {
                    body = in.readAllBytes();
                }
                bodyType = file.contentType();
            } else if (type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
                body = ctx.bodyAsBytes(); // JSON bodies are read (and checked) by the server first, so they keep its 2 MB limit
            } else {
                body = readBody(ctx);
            }
            ImportSummary summary = imports.run(access.tenantId(), access.actor(), new OutcomeImports.Request(kind, source, body, bodyType, false));
            ctx.status(201).header("Location", "/api/v1/outcomes/imports/" + summary.id()).json(json(summary, true));
        });
        config.routes.get("/api/v1/outcomes/imports", ctx -> {
            Access access = reader(ctx, auth, sessions);
            Long before = ctx.queryParam("before") == null ? null : id(ctx.queryParam("before"), "before");
            int limit = limit(ctx.queryParam("limit"));
            List<ImportSummary> page = imports.list(access.tenantId(), before, limit);
            ObjectNode body = Json.MAPPER.createObjectNode();
            ArrayNode items = body.putArray("items");
            page.forEach(s -> items.add(json(s, false)));
            if (page.size() == limit) {
                body.put("next", "/api/v1/outcomes/imports?limit=" + limit + "&before=" + page.get(page.size() - 1).id());
            } else {
                body.putNull("next");
            }
            ctx.json(body);
        });
        config.routes.get("/api/v1/outcomes/imports/{id}", ctx -> {
            Access access = reader(ctx, auth, sessions);
            long id = id(ctx.pathParam("id"), "id");
            ctx.json(json(imports.get(access.tenantId(), id).orElseThrow(() -> Problem.notFound("no import " + id)), true));
        });
        config.routes.get("/api/v1/outcomes/people", ctx -> {
            Access access = reader(ctx, auth, sessions);
            Map<String, List<String>> tables = people.export(access.tenantId(), ctx.queryParam("email"), access.actor());
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("note", "everything Credence's outcome data stores about this person; the e-mail address itself is never stored, only its SHA-256 hash");
            ObjectNode data = body.putObject("tables");
            for (Map.Entry<String, List<String>> table : tables.entrySet()) {
                ArrayNode rows = data.putArray(table.getKey());
                for (String row : table.getValue()) {
                    rows.add(Json.MAPPER.readTree(row));
                }
            }
            ctx.json(body);
        });
        config.routes.delete("/api/v1/outcomes/people", ctx -> {
            Access access = owner(ctx, auth, sessions);
            int erased = people.erase(access.tenantId(), ctx.queryParam("email"), access.actor());
            ctx.json(Json.MAPPER.createObjectNode().put("erased", erased)
                    .put("note", "both keys of the person are gone; their rows stay, anonymous, and what they had earned is kept so aggregate figures do not change"));
        });
        config.routes.get("/api/v1/integrations/courses", ctx -> {
            Access access = reader(ctx, auth, sessions);
            ArrayNode items = Json.MAPPER.createArrayNode();
            courses.list(access.tenantId()).forEach(m -> items.add(json(m)));
            ctx.json(Json.MAPPER.createObjectNode().set("items", items));
        });
        config.routes.put("/api/v1/integrations/courses/{courseId}", ctx -> {
            Access access = reader(ctx, auth, sessions);
            ObjectNode body = Json.body(ctx, java.util.Set.of("achievementId"));
            ctx.json(json(courses.put(access.tenantId(), access.actor(), ctx.pathParam("courseId"), Json.requiredLong(body, "achievementId"))));
        });
    }

    /** Who called, at which tenant. */
    record Access(long tenantId, String actor) {}

    /** An analyst or owner: a key with the analytics scope, or a signed-in user who may see analytics (a 403 problem otherwise). */
    static Access reader(Context ctx, Auth auth, Sessions sessions) {
        if (ctx.header("Authorization") != null) {
            Caller caller = auth.requireTenant(ctx, "analytics");
            return new Access(caller.tenantId(), caller.actor());
        }
        SignedIn signedIn = signedIn(ctx, sessions);
        if (!signedIn.may(Permission.VIEW_ANALYTICS)) {
            throw Problem.forbidden("outcome data names people: only the analyst and owner roles may read or import it (your role is "
                    + signedIn.user().role().json() + ")");
        }
        return new Access(signedIn.user().tenantId(), signedIn.actor());
    }

    /** An owner: a key with the admin scope, or a signed-in owner. */
    static Access owner(Context ctx, Auth auth, Sessions sessions) {
        if (ctx.header("Authorization") != null) {
            Caller caller = auth.requireTenant(ctx, "admin");
            return new Access(caller.tenantId(), caller.actor());
        }
        SignedIn signedIn = signedIn(ctx, sessions);
        if (signedIn.user().role() != Role.OWNER) {
            throw Problem.forbidden("only an owner may erase a person's outcome data (your role is " + signedIn.user().role().json() + ")");
        }
        return new Access(signedIn.user().tenantId(), signedIn.actor());
    }

    private static SignedIn signedIn(Context ctx, Sessions sessions) {
        return sessions.current(ctx).orElseThrow(() -> Problem.unauthorized("send an API key as 'Authorization: Bearer <key>', or sign in"));
    }

    static OutcomeKind kind(String text) {
        return OutcomeKind.parse(text).orElseThrow(() -> Problem.badParameter("kind", "kind must be one of " + String.join(", ", OutcomeKind.ids())));
    }

    private static byte[] readBody(Context ctx) throws IOException {
        // read past the server's 2 MB body limit, to this route's own
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(MAX_IMPORT_BYTES + 1);
            if (body.length > MAX_IMPORT_BYTES) {
                throw Problem.tooLarge("an import is at most " + (MAX_IMPORT_BYTES >> 20) + " MB; split the file");
            }
            return body;
        }
    }

    /** A positive whole-number query parameter, or a 400 problem naming it. */
    static long id(String text, String name) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw Problem.badParameter(name, name + " must be a positive whole number");
    }

    private static int limit(String text) {
        if (text == null) {
            return PAGE;
        }
        long limit = id(text, "limit");
        if (limit > 500) {
            throw Problem.badParameter("limit", "limit is at most 500");
        }
        return (int) limit;
    }

    /** The match rate with its Wilson score interval (95 %) and n; no rate when no row names a person. */
    static ObjectNode matchRate(ImportSummary s) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("matched", s.matched());
        node.put("n", s.withPerson());
        if (s.withPerson() == 0) {
            node.putNull("rate");
            node.putNull("interval");
            node.put("text", "no row names a person");
            return node;
        }
        double rate = (double) s.matched() / s.withPerson();
        Interval interval = WilsonScore.interval(s.matched(), s.withPerson(), ConfidenceLevel.NINETY_FIVE);
        node.put("rate", rate);
        ObjectNode bounds = node.putObject("interval");
        bounds.put("low", interval.low());
        bounds.put("high", interval.high());
        bounds.put("level", interval.level());
        bounds.put("method", "wilson_score");
        node.put("text", MatchRateText.format(s.matched(), s.withPerson(), "en"));
        return node;
    }

    static ObjectNode json(ImportSummary s, boolean withErrors) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", s.id());
        node.put("kind", s.kind().id());
        node.put("source", s.source());
        node.put("format", s.format());
        node.put("importedBy", s.importedBy());
        node.put("startedAt", s.startedAt().toString());
        node.put("finishedAt", s.finishedAt() == null ? null : s.finishedAt().toString());
        node.put("simulated", s.simulated());
        ObjectNode rows = node.putObject("rows");
        rows.put("total", s.total());
        rows.put("upserted", s.upserted());
        rows.put("unchanged", s.unchanged());
        rows.put("failed", s.failed());
        node.set("matchRate", matchRate(s));
        node.put("errorCount", s.errorCount());
        if (withErrors) {
            ArrayNode errors = node.putArray("errors");
            for (ImportSummary.Problem p : s.errors()) {
                ObjectNode e = errors.addObject();
                if (p.line() != null) {
                    e.put("line", p.line());
                }
                if (p.index() != null) {
                    e.put("index", p.index());
                }
                if (p.field() != null) {
                    e.put("field", p.field());
                }
                e.put("message", p.message());
                if (p.warning()) {
                    e.put("warning", true);
                }
            }
        }
        return node;
    }

    private static ObjectNode json(CourseAchievements.Mapping m) {
        return Json.MAPPER.createObjectNode().put("courseId", m.courseId()).put("achievementId", m.achievementId()).put("achievementName", m.achievementName());
    }
}
