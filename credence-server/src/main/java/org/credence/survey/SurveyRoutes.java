package org.credence.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.insights.roi.ParticipantEstimate;
import org.credence.insights.stats.Interval;
import org.credence.survey.SurveyFigures.Mean;
import org.credence.survey.SurveyFigures.Rate;
import org.credence.tenant.Caller;

/**
 * The survey API: {@code /api/v1/achievements/{id}/survey} (the survey, audited when saved), its non-completer
 * upload, and {@code /api/v1/analytics/surveys?achievement=} (the results). All need the {@code analytics} scope.
 */
public final class SurveyRoutes {
    private static final Set<String> FIELDS = Set.of("enabled", "waveMonths", "reminderDays", "openDays", "currency", "items");
    private static final Set<String> SAMPLE_FIELDS = Set.of("addresses", "sampleSize", "seed", "wave", "language");
    private static final int MAX_UPLOAD_ENTRIES = 200_000;

    private SurveyRoutes() {}

    /** The API, the public form ({@link SurveyFormRoutes}) and the {@code /app/surveys} pages ({@link SurveyPages}). */
    public static void register(JavalinConfig config, SurveyModule module, Auth auth, org.credence.user.Sessions sessions,
                                org.credence.achievement.Achievements achievements) {
        register(config, module.surveys(), auth, module.random());
        SurveyFormRoutes.register(config, module.surveys(), new org.credence.http.SameOrigin(module.publicUrl()));
        SurveyPages.register(config, module.surveys(), achievements, sessions);
    }

    private static void register(JavalinConfig config, Surveys surveys, Auth auth, SecureRandom random) {
        config.routes.get("/api/v1/achievements/{id}/survey", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            ctx.json(SurveyJson.of(surveys.get(caller.tenantId(), id(ctx))));
        });
        config.routes.put("/api/v1/achievements/{id}/survey", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            ObjectNode body = Json.body(ctx, FIELDS);
            ctx.json(SurveyJson.of(surveys.save(caller.tenantId(), caller.actor(), survey(id(ctx), body))));
        });
        config.routes.post("/api/v1/achievements/{id}/survey/non-completers", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            long achievement = id(ctx);
            String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
            Surveys.Sampled sampled;
            if (type.startsWith("text/csv")) {
                sampled = surveys.inviteNonCompleters(caller.tenantId(), achievement, caller.actor(), csvAddresses(ctx.body()),
                        intParam(ctx.queryParam("sampleSize"), "sampleSize", 100), longParam(ctx.queryParam("seed"), random),
                        ctx.queryParam("wave") == null ? null : intParam(ctx.queryParam("wave"), "wave", 0), ctx.queryParam("language"));
            } else {
                ObjectNode body = Json.body(ctx, SAMPLE_FIELDS);
                JsonNode list = body.get("addresses");
                if (list == null || !list.isArray() || list.size() > MAX_UPLOAD_ENTRIES) {
                    throw Problem.invalidField("addresses", "addresses must be a list of at most " + MAX_UPLOAD_ENTRIES + " e-mail addresses");
                }
                List<String> addresses = new ArrayList<>();
                list.forEach(a -> addresses.add(a.asText()));
                sampled = surveys.inviteNonCompleters(caller.tenantId(), achievement, caller.actor(), addresses,
                        body.has("sampleSize") ? body.get("sampleSize").asInt() : 100,
                        body.hasNonNull("seed") ? body.get("seed").asLong() : random.nextLong(),
                        body.hasNonNull("wave") ? body.get("wave").asInt() : null, Json.optionalText(body, "language", 2));
            }
            ctx.status(201).json(Json.MAPPER.createObjectNode().put("sampleId", sampled.sampleId()).put("listed", sampled.listed())
                    .put("rejected", sampled.rejected()).put("excludedEarners", sampled.excluded()).put("sampleSize", sampled.sampleSize())
                    .put("invited", sampled.invited()).put("seed", sampled.seed()).put("wave", sampled.wave())
                    .put("note", "only the invited addresses are stored, and only until their wave closes"));
        });
        config.routes.get("/api/v1/analytics/surveys", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            String achievement = ctx.queryParam("achievement");
            if (achievement == null || !achievement.matches("\\d{1,18}")) {
                throw Problem.badParameter("achievement", "achievement (an achievement id) is required");
            }
            ctx.json(resultsJson(surveys.results(caller.tenantId(), Long.parseLong(achievement))));
        });
    }

    static long id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,18}")) {
            throw Problem.notFound("no achievement " + id);
        }
        return Long.parseLong(id);
    }

    /** The survey a request body describes; a missing field keeps its default. */
    static Survey survey(long achievementId, JsonNode body) {
        Survey d = Survey.defaults(achievementId);
        List<Integer> waves = d.waveMonths();
        if (body.has("waveMonths")) {
            if (!body.get("waveMonths").isArray()) {
                throw Problem.invalidField("waveMonths", "waveMonths must be a list of month offsets, e.g. [6, 12]");
            }
            waves = new ArrayList<>();
            for (JsonNode m : body.get("waveMonths")) {
                if (!m.isInt()) {
                    throw Problem.invalidField("waveMonths", "waveMonths must be whole numbers of months");
                }
                waves.add(m.asInt());
            }
        }
        List<SurveyItem> items = SurveyJson.items(body.get("items"));
        return new Survey(achievementId, true, body.path("enabled").asBoolean(true), waves, body.path("reminderDays").asInt(d.reminderDays()),
                body.path("openDays").asInt(d.openDays()), body.path("currency").asText(d.currency()), items, null, null);
    }

    static ObjectNode resultsJson(SurveyResults r) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("achievementId", r.achievementId());
        body.put("simulated", r.simulated());
        body.put("smallSampleRule", "answers' figures are not shown for fewer than " + SurveyFigures.SMALL_SAMPLE + " answers; n and the response rate always are");
        body.set("earners", cohortJson(r.earners(), r.currency()));
        body.set("nonCompleters", cohortJson(r.nonCompleters(), r.currency()));
        return body;
    }

    private static ObjectNode cohortJson(SurveyResults.Cohort c, String currency) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("invited", c.invited()).put("answered", c.answered());
        node.set("responseRate", rate(c.responseRate()));
        node.put("suppressed", c.suppressed());
        if (c.suppressed()) {
            node.put("reason", "fewer than " + SurveyFigures.SMALL_SAMPLE + " answers");
            return node;
        }
        Mean m = c.satisfaction();
        ObjectNode satisfaction = node.putObject("satisfaction").put("n", m.n()).put("scale", "1-5").put("formula", "mean ± t(0.975, n−1) × s ÷ √n");
        putNumber(satisfaction, "mean", m.value());
        putNumber(satisfaction, "low", m.low());
        putNumber(satisfaction, "high", m.high());
        ObjectNode skill = node.putObject("skillApplied");
        c.skillApplied().forEach((k, v) -> skill.set(k, rate(v)));
        ObjectNode career = node.putObject("careerOutcome");
        c.careerOutcome().forEach((k, v) -> career.set(k, rate(v)));
        ParticipantEstimate e = c.participantEstimate();
        ObjectNode estimate = node.putObject("participantEstimate");
        estimate.put("formula", SurveyResults.ESTIMATE_FORMULA).put("currency", currency).put("total", e.adjustedBenefit())
                .put("claimedImpact", e.claimedImpact()).put("contributing", e.respondents()).put("invited", e.surveyed());
        if (e.surveyed() > 0) {
            estimate.put("perInvited", SurveyResults.perInvited(e));
        }
        estimate.put("evidence", "participant estimate (Phillips isolation method): self-reported, adjusted by attribution and confidence");
        return node;
    }

    private static ObjectNode rate(Rate r) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("successes", r.successes()).put("n", r.n());
        putNumber(node, "value", r.value());
        Interval i = r.interval();
        if (i != null) {
            node.put("low", i.low()).put("high", i.high()).put("level", i.level()).put("method", "wilson");
        }
        return node;
    }

    private static void putNumber(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    /** The addresses of a CSV upload: the column headed email (or e-mail, mail) when the first row names one, else the first column. */
    private static List<String> csvAddresses(String body) {
        List<String> addresses = new ArrayList<>();
        int column = -1;
        for (CsvRecord row : CsvReader.builder().ofCsvRecord(body)) {
            if (column < 0) {
                column = 0;
                boolean header = false;
                for (int i = 0; i < row.getFieldCount(); i++) {
                    String name = row.getField(i).strip().toLowerCase(Locale.ROOT);
                    if (name.equals("email") || name.equals("e-mail") || name.equals("mail")) {
                        column = i;
                        header = true;
                        break;
                    }
                }
                if (header) {
                    continue;
                }
            }
            if (addresses.size() >= MAX_UPLOAD_ENTRIES) {
                throw Problem.tooLarge("at most " + MAX_UPLOAD_ENTRIES + " addresses per upload");
            }
            if (column < row.getFieldCount()) {
                addresses.add(row.getField(column));
            }
        }
        return addresses;
    }

    private static int intParam(String value, String name, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (!value.matches("\\d{1,6}")) {
            throw Problem.badParameter(name, name + " must be a whole number");
        }
        return Integer.parseInt(value);
    }

    private static long longParam(String value, SecureRandom random) {
        if (value == null) {
            return random.nextLong();
        }
        if (!value.matches("-?\\d{1,18}")) {
            throw Problem.badParameter("seed", "seed must be a whole number");
        }
        return Long.parseLong(value);
    }
}
