package org.credence.analytics;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.credence.achievement.Achievements;
import org.credence.http.Pages;
import org.credence.http.Problem;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/** {@code /app/analytics}: the program manager's dashboard, and its tables as CSV, for users who may see analytics. */
public final class DashboardRoutes {
    private DashboardRoutes() {}

    public static void register(JavalinConfig config, AnalyticsReports reports, DashboardAnswers answers, Achievements achievements,
                                AnalyticsFolder folder, Sessions sessions, Clock clock) {
        config.routes.get("/app/analytics", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS);
            long tenant = signedIn.user().tenantId();
            AnalyticsFilter filter = filter(ctx, achievements, folder, tenant, clock);
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            Map<String, Report> all = answers.reports(tenant, filter, today);
            String lang = Pages.language(ctx);
            ctx.html(DashboardPage.render(lang, signedIn, reports.simulated(tenant), filter, achievements.list(tenant), all));
        });
        config.routes.get("/app/analytics/export/{table}", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS);
            long tenant = signedIn.user().tenantId();
            String name = ctx.pathParam("table");
            String report = DashboardPage.EXPORTS.get(name);
            if (report == null) {
                throw Problem.notFound("no table '" + name + "'; tables: " + new java.util.TreeSet<>(DashboardPage.EXPORTS.keySet()));
            }
            AnalyticsFilter filter = filter(ctx, achievements, folder, tenant, clock);
            Report answer = report(reports, report, tenant, filter, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
            Table table = answer.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + "-" + filter.from() + "-" + filter.to() + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(EngagementRoutes.csv(table));
        });
    }

    /** The request's filter, its achievement checked to be the tenant's, once the pending deltas are folded (once per request). */
    private static AnalyticsFilter filter(Context ctx, Achievements achievements, AnalyticsFolder folder, long tenant, Clock clock) {
        folder.foldPending(tenant);
        AnalyticsFilter filter = AnalyticsFilter.of(ctx::queryParam, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        filter.achievementId().ifPresent(id -> achievements.get(tenant, id));
        return filter;
    }

    static Report report(AnalyticsReports reports, String name, long tenant, AnalyticsFilter filter, LocalDate today) {
        return switch (name) {
            case "engagement" -> reports.engagement(tenant, filter, today);
            case "funnel" -> reports.funnel(tenant, filter, today);
            case "trends" -> reports.trends(tenant, filter);
            case "achievements" -> reports.achievements(tenant, filter, today);
            case "verifications" -> reports.verifications(tenant, filter);
            case "geography" -> reports.geography(tenant, filter);
            case "influencers" -> reports.influencers(tenant, filter);
            case "marketing" -> reports.marketingValue(tenant, filter);
            default -> throw new IllegalArgumentException(name);
        };
    }
}
