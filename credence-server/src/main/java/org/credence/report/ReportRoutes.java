package org.credence.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Pages;
import org.credence.http.Problem;
import org.credence.tenant.Caller;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/**
 * The board and weekly reports: {@code /app/reports/board} (page and its PDF, for users who may
 * see analytics) and {@code /api/v1/reports/...} (API key with the {@code analytics} scope): the
 * reports as JSON, PDF or CSV, the weekly report's subscribers and the small-group setting.
 */
public final class ReportRoutes {
    private static final String PDF = "application/pdf";

    private ReportRoutes() {}

    public static void register(JavalinConfig config, ReportModule module, Auth auth, Sessions sessions, Clock clock) {
        BoardReports reports = module.reports();
        WeeklySubscriptions subscriptions = module.subscriptions();
        ReportQueries queries = module.queries();
        config.routes.get("/app/reports/board", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS);
            Quarter quarter = quarter(ctx, clock);
            ReportText t = ReportText.of(Pages.language(ctx));
            ctx.html(ReportPage.render(reports.board(signedIn.user().tenantId(), quarter, today(clock)), t, signedIn, quarter.toString()));
        });
        config.routes.get("/app/reports/board.pdf", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS);
            Quarter quarter = quarter(ctx, clock);
            ReportText t = ReportText.of(Pages.language(ctx));
            pdf(ctx, "board-" + quarter, ReportPdf.render(reports.board(signedIn.user().tenantId(), quarter, today(clock)), "board", t, today(clock)));
        });
        config.routes.get("/api/v1/reports/board", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            Quarter quarter = Quarter.parse(ctx.queryParam("quarter"));
            String format = format(ctx, "json", Set.of("json", "pdf"));
            ReportText t = ReportText.of(Pages.language(ctx));
            BoardReport report = reports.board(caller.tenantId(), quarter, today(clock));
            if (format.equals("pdf")) {
                pdf(ctx, "board-" + quarter, ReportPdf.render(report, "board", t, today(clock)));
            } else {
                ctx.json(ReportJson.of(report, "board", t));
            }
        });
        config.routes.get("/api/v1/reports/weekly", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            IsoWeek week = IsoWeek.parse(ctx.queryParam("week"));
            String format = format(ctx, "pdf", Set.of("json", "pdf", "csv"));
            ReportText t = ReportText.of(Pages.language(ctx));
            BoardReport report = reports.weekly(caller.tenantId(), week, today(clock));
            switch (format) {
                case "pdf" -> pdf(ctx, "weekly-" + week, ReportPdf.render(report, "weekly", t, today(clock)));
                case "csv" -> {
                    ctx.header("Content-Disposition", "attachment; filename=\"weekly-" + week + ".csv\"");
                    ctx.contentType("text/csv; charset=utf-8").result(ReportCsv.of(report));
                }
                default -> ctx.json(ReportJson.of(report, "weekly", t));
            }
        });
        config.routes.get("/api/v1/reports/weekly/subscribers", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            ObjectNode body = Json.MAPPER.createObjectNode();
            ArrayNode list = body.putArray("subscribers");
            subscriptions.list(caller.tenantId()).forEach(s -> list.add(subscriber(s)));
            ctx.json(body);
        });
        config.routes.put("/api/v1/reports/weekly/subscribers/{userId}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            long user = userId(ctx);
            String language = "en";
            if (!ctx.body().isBlank()) {
                String given = Json.optionalText(Json.body(ctx, Set.of("language")), "language", 5);
                language = given == null ? language : given;
            }
            ctx.json(subscriber(subscriptions.subscribe(caller.tenantId(), user, language, clock.instant())));
        });
        config.routes.delete("/api/v1/reports/weekly/subscribers/{userId}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            if (!subscriptions.unsubscribe(caller.tenantId(), userId(ctx))) {
                throw Problem.notFound("user " + ctx.pathParam("userId") + " does not get the weekly report");
            }
            ctx.status(204);
        });
        config.routes.get("/api/v1/reports/settings", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            ctx.json(Json.MAPPER.createObjectNode().put("minGroupSize", queries.minGroupSize(caller.tenantId())));
        });
        config.routes.put("/api/v1/reports/settings", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            long size = Json.requiredLong(Json.body(ctx, Set.of("minGroupSize")), "minGroupSize");
            if (size < 3 || size > 100) {
                throw Problem.invalidField("minGroupSize", "minGroupSize must be from 3 to 100 (groups under it are withheld), not " + size);
            }
            queries.setMinGroupSize(caller.tenantId(), (int) size, caller.actor(), clock.instant());
            ctx.json(Json.MAPPER.createObjectNode().put("minGroupSize", size));
        });
    }

    /** {@code ?quarter=}, strictly; without one, the last full quarter. */
    private static Quarter quarter(Context ctx, Clock clock) {
        String text = ctx.queryParam("quarter");
        return text == null || text.isEmpty() ? Quarter.of(today(clock)).previous() : Quarter.parse(text);
    }

    private static String format(Context ctx, String otherwise, Set<String> allowed) {
        String format = ctx.queryParam("format");
        if (format == null || format.isEmpty()) {
            return otherwise;
        }
        if (!allowed.contains(format)) {
            throw Problem.badParameter("format", "format must be one of " + new java.util.TreeSet<>(allowed) + ", not '" + format + "'");
        }
        return format;
    }

    private static long userId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("userId"));
        } catch (NumberFormatException e) {
            throw Problem.notFound("no user '" + ctx.pathParam("userId") + "'");
        }
    }

    private static void pdf(Context ctx, String name, byte[] pdf) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"");
        ctx.contentType(PDF).result(pdf);
    }

    private static ObjectNode subscriber(WeeklySubscriptions.Subscriber s) {
        return Json.MAPPER.createObjectNode().put("userId", s.userId()).put("email", s.email()).put("name", s.name())
                .put("language", s.language()).put("since", s.since().toString());
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
