package org.credence.analytics.outcomes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.credence.achievement.Achievements;
import org.credence.analytics.AnalyticsFilter;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Pages;
import org.credence.http.Problem;
import org.credence.tenant.Caller;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/**
 * Completion, retention and business outcomes (ROI layers 4 and 5): {@code /api/v1/analytics/completion|retention|business}
 * (API key with the {@code analytics} scope), program metadata at {@code /api/v1/achievements/{id}/program} (read with
 * {@code read}, set with {@code admin}, the owner's scope), and the page {@code /app/analytics/outcomes}.
 */
public final class OutcomeRoutes {
    private static final Set<String> PROGRAM_FIELDS = Set.of("launchedOn", "studyDesign");

    private OutcomeRoutes() {}

    public static void register(JavalinConfig config, OutcomeReports reports, OutcomeWarmer warmer, ProgramStore programs,
                                Achievements achievements, Auth auth, Sessions sessions, Clock clock) {
        config.routes.get("/api/v1/analytics/completion", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            OutcomeQueries.Scope scope = scope(ctx, caller.tenantId(), achievements, clock);
            OutcomeAnswers.Completion answer = reports.completion(scope, achievements.list(caller.tenantId()));
            answer(ctx, answer, OutcomeJson::completion);
        });
        config.routes.get("/api/v1/analytics/retention", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            answer(ctx, reports.retention(scope(ctx, caller.tenantId(), achievements, clock)), OutcomeJson::retention);
        });
        config.routes.get("/api/v1/analytics/business", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            OutcomeQueries.Scope scope = scope(ctx, caller.tenantId(), achievements, clock);
            answer(ctx, reports.business(scope, achievements.list(caller.tenantId())), OutcomeJson::business);
        });
        config.routes.get("/api/v1/achievements/{id}/program", ctx -> {
            Caller caller = auth.requireTenant(ctx, "read");
            long id = achievementId(ctx, achievements, caller.tenantId());
            ctx.json(ProgramJson.of(programs.get(caller.tenantId(), id)));
        });
        config.routes.put("/api/v1/achievements/{id}/program", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            long id = achievementId(ctx, achievements, caller.tenantId());
            ObjectNode body = Json.body(ctx, PROGRAM_FIELDS);
            String launched = Json.optionalText(body, "launchedOn", 10);
            Optional<LocalDate> launchedOn;
            try {
                launchedOn = Optional.ofNullable(launched).map(LocalDate::parse);
            } catch (DateTimeParseException e) {
                throw Problem.invalidField("launchedOn", "launchedOn must be a date like 2025-01-31, not '" + launched + "'");
            }
            String design = Optional.ofNullable(Json.optionalText(body, "studyDesign", 40)).orElse("observational");
            ctx.json(ProgramJson.of(programs.set(caller.tenantId(), id, new ProgramStore.Change(launchedOn, design), caller.actor())));
            warmer.changed(caller.tenantId());
        });
        config.routes.get("/app/analytics/outcomes", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS);
            long tenant = signedIn.user().tenantId();
            OutcomeQueries.Scope scope = scope(ctx, tenant, achievements, clock);
            var list = achievements.list(tenant);
            String lang = Pages.language(ctx);
            ctx.html(OutcomePage.render(lang, signedIn, scope, list, reports.completion(scope, list), reports.retention(scope),
                    reports.business(scope, list)));
        });
    }

    /** The answer's JSON, or its table as CSV with {@code ?format=csv}. */
    private static <T extends OutcomeAnswers.Answer> void answer(Context ctx, T answer, Function<T, ObjectNode> json) {
        if ("csv".equals(ctx.queryParam("format"))) {
            var table = answer.table();
            ctx.header("Content-Disposition", "attachment; filename=\"" + table.name() + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(org.credence.analytics.EngagementRoutes.csv(table));
        } else {
            ctx.json(json.apply(answer));
        }
    }

    private static long achievementId(Context ctx, Achievements achievements, long tenantId) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Problem.notFound("no achievement '" + ctx.pathParam("id") + "' here");
        }
        return achievements.get(tenantId, id).id();
    }

    /** {@code ?from=&to=&achievement=} ({@code achievementId} also read), the achievement checked to be the tenant's. */
    static OutcomeQueries.Scope scope(Context ctx, long tenantId, Achievements achievements, Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        AnalyticsFilter to = AnalyticsFilter.of(name -> name.equals("from") ? null : name.equals("achievementId") ? null : ctx.queryParam(name),
                today);
        LocalDate defaultFrom = to.to().minusYears(OutcomeQueries.Scope.DEFAULT_YEARS).plusDays(1);
        AnalyticsFilter filter = AnalyticsFilter.of(name -> switch (name) {
            case "from" -> ctx.queryParam("from") == null ? defaultFrom.toString() : ctx.queryParam("from");
            case "achievementId" -> ctx.queryParam("achievement") != null ? ctx.queryParam("achievement") : ctx.queryParam("achievementId");
            default -> ctx.queryParam(name);
        }, today);
        filter.achievementId().ifPresent(id -> achievements.get(tenantId, id));
        return new OutcomeQueries.Scope(tenantId, filter.from(), filter.to(), filter.achievementId(), clock.instant());
    }
}
