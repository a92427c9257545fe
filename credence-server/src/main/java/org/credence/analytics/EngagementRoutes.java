package org.credence.analytics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.credence.achievement.Achievements;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.tenant.Caller;
import org.credence.tracking.CredentialEngagement;
import org.credence.tracking.CredentialRef;
import org.credence.tracking.TrackedCredential;
import org.credence.tracking.Tracker;

/**
 * The engagement and marketing figures as JSON under {@code /api/v1/analytics/} (API key with the
 * {@code analytics} scope; every answer is the caller's tenant's). Table answers are also CSV with
 * {@code ?format=csv} or {@code Accept: text/csv}.
 */
public final class EngagementRoutes {
    private EngagementRoutes() {}

    /** The filter and today of one request, after the achievement was checked to be the caller's; whether its data is simulated. */
    private record Request(Caller caller, AnalyticsFilter filter, LocalDate today, boolean simulated) {}

    public static void register(JavalinConfig config, AnalyticsReports reports, Achievements achievements, Tracker tracker,
                                AnalyticsFolder folder, Auth auth, Clock clock) {
        Function<Context, Request> request = ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            folder.foldPending(caller.tenantId()); // once per request: the figures include everything committed before it
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            AnalyticsFilter filter = AnalyticsFilter.of(ctx::queryParam, today);
            filter.achievementId().ifPresent(id -> achievements.get(caller.tenantId(), id));
            return new Request(caller, filter, today, reports.simulated(caller.tenantId()));
        };
        config.routes.get("/api/v1/analytics/engagement", ctx -> {
            Request r = request.apply(ctx);
            answer(ctx, reports.engagement(r.caller().tenantId(), r.filter(), r.today()), r.simulated());
        });
        config.routes.get("/api/v1/analytics/funnel", ctx -> {
            Request r = request.apply(ctx);
            answer(ctx, reports.funnel(r.caller().tenantId(), r.filter(), r.today()), r.simulated());
        });
        config.routes.get("/api/v1/analytics/trends", ctx -> {
            String interval = ctx.queryParam("interval");
            if (interval != null && !interval.equals("week")) {
                throw Problem.invalidField("interval", "interval must be 'week' (the only one so far), not '" + interval + "'");
            }
            Request r = request.apply(ctx);
            answer(ctx, reports.trends(r.caller().tenantId(), r.filter()), r.simulated());
        });
        config.routes.get("/api/v1/analytics/achievements", ctx -> {
            Request r = request.apply(ctx);
            answer(ctx, reports.achievements(r.caller().tenantId(), r.filter(), r.today()), r.simulated());
        });
        config.routes.get("/api/v1/analytics/verifications", ctx -> {
            Request r = request.apply(ctx);
            answer(ctx, reports.verifications(r.caller().tenantId(), r.filter()), r.simulated());
        });
        config.routes.get("/api/v1/analytics/geography", ctx -> {
            Request r = request.apply(ctx);
            answer(ctx, reports.geography(r.caller().tenantId(), r.filter()), r.simulated());
        });
        config.routes.get("/api/v1/analytics/influencers", ctx -> {
            Request r = request.apply(ctx);
            answer(ctx, reports.influencers(r.caller().tenantId(), r.filter()), r.simulated());
        });
        config.routes.get("/api/v1/analytics/marketing-value", ctx -> {
            // any calculator parameter makes it the what-if calculator, which then needs all four
            boolean whatIf = ctx.queryParamMap().keySet().stream()
                    .anyMatch(p -> p.equals("recipients") || p.equals("shareRate") || p.equals("impressionsPerShare") || p.equals("cpm"));
            if (whatIf) {
                Caller caller = auth.requireTenant(ctx, "analytics");
                ctx.json(SimulatedJson.mark(AnalyticsRoutes.whatIf(ctx), reports.simulated(caller.tenantId())));
                return;
            }
            Request r = request.apply(ctx);
            answer(ctx, reports.marketingValue(r.caller().tenantId(), r.filter()), r.simulated());
        });
        config.routes.get("/api/v1/analytics/credentials/{id}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            TrackedCredential credential = credential(tracker, caller.tenantId(), ctx.pathParam("id"))
                    .orElseThrow(() -> Problem.notFound("no credential '" + ctx.pathParam("id") + "' here"));
            Optional<CredentialEngagement> engagement = tracker.engagement(caller.tenantId(), credential.id());
            ctx.json(SimulatedJson.mark(credentialJson(credential, engagement), reports.simulated(caller.tenantId())));
        });
    }

    private static Optional<TrackedCredential> credential(Tracker tracker, long tenantId, String idOrNumber) {
        try {
            return tracker.credential(CredentialRef.id(tenantId, UUID.fromString(idOrNumber)));
        } catch (IllegalArgumentException notAnId) {
            // a number is public, so the tenant check is ours: another tenant's number is simply not found
            return tracker.credential(CredentialRef.number(idOrNumber)).filter(c -> c.tenantId() == tenantId);
        }
    }

    private static ObjectNode credentialJson(TrackedCredential credential, Optional<CredentialEngagement> engagement) {
        Map<String, Long> sharesByChannel = engagement.map(CredentialEngagement::sharesByChannel).orElse(Map.of());
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("id", credential.id().toString()).put("number", credential.number()).put("achievementId", credential.achievementId());
        body.put("issuedAt", credential.issuedAt().toString());
        body.put("views", engagement.map(CredentialEngagement::views).orElse(0L));
        ObjectNode shares = body.putObject("shares");
        shares.put("total", engagement.map(CredentialEngagement::shares).orElse(0L));
        ObjectNode byChannel = shares.putObject("byChannel");
        for (org.credence.insights.Channel channel : org.credence.insights.Channel.values()) {
            byChannel.put(channel.id(), sharesByChannel.getOrDefault(channel.id(), 0L));
        }
        body.put("verifications", engagement.map(CredentialEngagement::verifications).orElse(0L));
        body.put("referralClicks", engagement.map(CredentialEngagement::referralClicks).orElse(0L));
        body.put("downloads", engagement.map(CredentialEngagement::downloads).orElse(0L));
        ObjectNode firsts = body.putObject("firsts");
        firsts.put("claimedAt", text(engagement.map(CredentialEngagement::firstClaimedAt)));
        firsts.put("viewedAt", text(engagement.map(CredentialEngagement::firstViewedAt)));
        firsts.put("sharedAt", text(engagement.map(CredentialEngagement::firstSharedAt)));
        firsts.put("referralAt", text(engagement.map(CredentialEngagement::firstReferralAt)));
        firsts.put("verifiedAt", text(engagement.map(CredentialEngagement::firstVerifiedAt)));
        firsts.put("recipientReturnedAt", text(engagement.map(CredentialEngagement::recipientReturnedAt)));
        body.put("note", "Counted events only: bots, double clicks, the recipient's own views and rate-limited requests are left out. "
                + "Shares by channel are kept per credential in the rollup, so they outlive the raw events' retention period; "
                + "share clicks deleted by retention before this rollup existed are in the total only.");
        return body;
    }

    private static String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }

    /** JSON (marked simulated or not), or the report's first table as CSV when asked for. */
    static void answer(Context ctx, Report report, boolean simulated) {
        if (wantsCsv(ctx)) {
            Table table = report.tables().get(0);
            ctx.header("Content-Disposition", "attachment; filename=\"" + table.name() + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(csv(table));
        } else {
            ctx.json(SimulatedJson.mark(EngagementJson.of(report), simulated));
        }
    }

    static boolean wantsCsv(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null) {
            if (format.equals("csv")) {
                return true;
            }
            if (!format.equals("json")) {
                throw Problem.invalidField("format", "format must be 'json' or 'csv', not '" + format + "'");
            }
            return false;
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/csv") && !accept.contains("application/json");
    }

    /** A cell a spreadsheet would run as a formula (a name like "=HYPERLINK(…)") gets a leading apostrophe; numbers stay as they are. */
    private static String inert(String cell) {
        if (cell.isEmpty() || cell.matches("-?[0-9][0-9.E-]*")) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + cell : cell;
    }

    /** RFC 4180 CSV, written by FastCSV (it quotes what needs quoting, names included). */
    public static String csv(Table table) {
        StringWriter out = new StringWriter();
        try (CsvWriter writer = CsvWriter.builder().build(out)) {
            writer.writeRecord(table.header());
            table.rows().forEach(row -> writer.writeRecord(row.stream().map(EngagementRoutes::inert).toList()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}
