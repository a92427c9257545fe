package org.credence.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import org.credence.achievement.Achievements;
import org.credence.analytics.costs.ProgramCostLedger;
import org.credence.audit.AuditTrail;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.insights.marketing.Assumption;
import org.credence.insights.operations.ManualProcessAssumptions;
import org.credence.insights.operations.ManualProcessParameter;
import org.credence.tenant.Caller;
import org.jdbi.v3.core.Jdbi;

/**
 * The operations API (ROI layer 1): {@code /api/v1/analytics/operations}, the cost-avoided
 * assumptions, and support-ticket counts. Reads take the {@code analytics} scope; so do edits of
 * assumptions and ticket counts, as with the marketing assumptions.
 */
public final class OperationsRoutes {
    private static final Set<String> ASSUMPTION_FIELDS = Set.of("parameter", "achievementId", "value", "reason");
    private static final Set<String> TICKET_FIELDS = Set.of("date", "count", "channel", "entries");
    private static final int MAX_CSV_BYTES = 1 << 20;

    private OperationsRoutes() {}

    /** The services the routes use. */
    public record Services(Jdbi jdbi, OperationsReport report, SupportTickets tickets, CostAvoidedAssumptionStore assumptions,
                           ProgramCostLedger ledger, Achievements achievements, AuditTrail audit, Auth auth, Clock clock) {}

    public static void register(JavalinConfig config, Services s, AssumptionChanges changes) {
        config.routes.get("/api/v1/analytics/operations", ctx -> {
            Caller caller = s.auth().requireTenant(ctx, "analytics");
            Period period = Period.of(ctx, s.clock());
            OptionalLong achievement = achievement(ctx, s.achievements(), caller);
            ctx.json(viewJson(s.report().view(caller.tenantId(), period.from(), period.to(), period.granularity(), achievement)));
        });
        config.routes.get("/api/v1/analytics/cost-avoided/assumptions", ctx -> {
            Caller caller = s.auth().requireTenant(ctx, "analytics");
            OptionalLong achievement = QueryParams.optionalId(ctx::queryParam, "achievementId");
            achievement.ifPresent(id -> s.achievements().get(caller.tenantId(), id));
            ctx.json(assumptionsJson(s, caller.tenantId(), achievement));
        });
        config.routes.post("/api/v1/analytics/cost-avoided/assumptions", ctx -> {
            Caller caller = s.auth().requireTenant(ctx, "analytics");
            ObjectNode body = Json.body(ctx, ASSUMPTION_FIELDS);
            ManualProcessParameter parameter = parameter(Json.requiredText(body, "parameter", 40));
            Long achievement = body.hasNonNull("achievementId") ? Json.requiredLong(body, "achievementId") : null;
            changes.set(caller.tenantId(), caller.actor(), new AssumptionChanges.CostAvoidedChange(parameter, achievement, value(body),
                    Json.requiredText(body, "reason", 1000)));
            ctx.status(201).json(assumptionsJson(s, caller.tenantId(), achievement == null ? OptionalLong.empty() : OptionalLong.of(achievement)));
        });
        config.routes.get("/api/v1/support-tickets", ctx -> {
            Caller caller = s.auth().requireTenant(ctx, "analytics");
            Period period = Period.of(ctx, s.clock());
            ObjectNode body = Json.MAPPER.createObjectNode();
            ArrayNode items = body.putArray("items");
            for (SupportTickets.Count c : s.tickets().list(caller.tenantId(), period.from(), period.to())) {
                items.addObject().put("date", c.day().toString()).put("channel", c.channel()).put("count", c.tickets());
            }
            ctx.json(body);
        });
        config.routes.post("/api/v1/support-tickets", ctx -> {
            Caller caller = s.auth().requireTenant(ctx, "analytics");
            SupportTickets.Recorded recorded = s.tickets().record(caller.tenantId(), caller.actor(), ticketCounts(ctx));
            ctx.status(201).json(Json.MAPPER.createObjectNode().put("rows", recorded.rows()).put("replaced", recorded.replaced()));
        });
    }

    /** The period of a request: {@code from}, {@code to} (exclusive) and {@code granularity}, by default the last twelve months by month. */
    record Period(LocalDate from, LocalDate to, OperationsQueries.Granularity granularity) {
        static Period of(Context ctx, Clock clock) {
            LocalDate to = ProgramCostRoutes.optionalDate(ctx.queryParam("to"), "to");
            LocalDate from = ProgramCostRoutes.optionalDate(ctx.queryParam("from"), "from");
            if (to == null) {
                to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
            }
            if (from == null) {
                from = to.minusYears(1);
            }
            String text = ctx.queryParam("granularity");
            OperationsQueries.Granularity granularity = text == null || text.isBlank() ? OperationsQueries.Granularity.MONTH
                    : OperationsQueries.Granularity.parse(text.strip()).orElseThrow(() -> Problem.invalidField("granularity",
                            "granularity must be day, week or month, not '" + text + "'"));
            return new Period(from, to, granularity);
        }
    }

    /** {@code achievementId} (or its short form {@code achievement}), checked to be the tenant's. */
    static OptionalLong achievement(Context ctx, Achievements achievements, Caller caller) {
        OptionalLong achievement = QueryParams.optionalId(ctx::queryParam, "achievementId");
        if (achievement.isEmpty()) {
            achievement = QueryParams.optionalId(ctx::queryParam, "achievement");
        }
        achievement.ifPresent(id -> achievements.get(caller.tenantId(), id));
        return achievement;
    }

    static ObjectNode viewJson(OperationsReport.View view) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("from", view.from().toString());
        body.put("to", view.to().toString());
        body.put("granularity", view.granularity().name().toLowerCase(Locale.ROOT));
        if (view.achievementId() == null) {
            body.putNull("achievementId");
        } else {
            body.put("achievementId", view.achievementId());
        }
        body.put("simulated", view.simulated());
        body.put("note", "days are UTC; percentiles are read from log-spaced buckets and are within about ±4.5 % of the exact value");
        ObjectNode figures = body.putObject("figures");
        view.figures().forEach((id, figure) -> figures.set(id, FigureJson.figure(figure)));
        ArrayNode series = body.putArray("series");
        for (OperationsReport.SeriesRow row : view.series()) {
            ObjectNode node = series.addObject();
            node.put("start", row.start().toString());
            node.put("issued", row.issued());
            node.put("claimed", row.claimed());
            node.put("supportTickets", row.tickets());
            node.put("timed", row.timed());
            node.put("timeToIssueMedianSeconds", row.timeToIssueMedian());
            node.put("timeToIssueP90Seconds", row.timeToIssueP90());
        }
        ObjectNode mail = body.putObject("mail");
        mail.put("sent", view.mail().sent()).put("failed", view.mail().failed()).put("bounced", view.mail().bounced())
                .put("pending", view.mail().pending());
        ObjectNode tickets = body.putObject("supportTicketsByChannel");
        view.ticketsByChannel().forEach(tickets::put);
        body.set("costs", ProgramCostRoutes.totals(view.costs()));
        body.set("costAvoidedAssumptions", assumptions(view.costAvoided()));
        return body;
    }

    private static ObjectNode assumptionsJson(Services s, long tenantId, OptionalLong achievement) {
        Currency currency = Currency.getInstance(s.ledger().mainCurrency(tenantId).orElse(ProgramCostLedger.DEFAULT_CURRENCY));
        ObjectNode body = assumptions(s.assumptions().effective(tenantId, achievement, currency));
        ArrayNode history = body.putArray("history");
        for (ManualProcessAssumptions.Override edit : s.assumptions().history(tenantId, achievement)) {
            ObjectNode row = history.addObject();
            row.put("parameter", apiName(edit.parameter()));
            row.put("value", edit.value());
            row.set("provenance", FigureJson.provenance(edit.provenance()));
        }
        return body;
    }

    private static ObjectNode assumptions(ManualProcessAssumptions assumptions) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("currency", assumptions.currency().getCurrencyCode());
        body.set("minutesPerCertificate", assumption(assumptions.minutesPerCertificate()));
        body.set("hourlyRate", assumption(assumptions.hourlyRate()));
        return body;
    }

    private static ObjectNode assumption(Assumption assumption) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("value", assumption.value());
        node.put("unit", assumption.unit());
        node.put("isDefault", ManualProcessAssumptions.isDefault(assumption));
        node.set("provenance", FigureJson.provenance(assumption.provenance()));
        return node;
    }

    /** The API's name of a parameter: {@code minutes_per_certificate}, {@code hourly_rate}. */
    static String apiName(ManualProcessParameter parameter) {
        return parameter.id().substring("manual_".length());
    }

    private static ManualProcessParameter parameter(String name) {
        for (ManualProcessParameter p : ManualProcessParameter.values()) {
            if (apiName(p).equals(name)) {
                return p;
            }
        }
        throw Problem.invalidField("parameter", "parameter must be 'minutes_per_certificate' or 'hourly_rate', not '" + name + "'");
    }

    private static BigDecimal value(ObjectNode body) {
        JsonNode node = body.get("value");
        if (node == null || !node.isNumber()) {
            throw Problem.invalidField("value", "value is required and must be a number");
        }
        return node.decimalValue(); // its range is the service's to check
    }

    /** The counts of a POST: CSV ({@code text/csv}: date,count,channel), one JSON count, or {@code {"entries": [...]}}. */
    private static List<SupportTickets.Count> ticketCounts(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            byte[] bytes = ctx.bodyAsBytes();
            if (bytes.length > MAX_CSV_BYTES) {
                throw Problem.tooLarge("send at most 1 MiB of CSV per import");
            }
            return SupportTickets.parseCsv(new String(bytes, StandardCharsets.UTF_8));
        }
        ObjectNode body = Json.body(ctx, TICKET_FIELDS);
        List<SupportTickets.Count> counts = new ArrayList<>();
        if (body.has("entries")) {
            if (!body.get("entries").isArray() || body.size() != 1) {
                throw Problem.invalidField("entries", "entries must be a list of {date, count, channel}, alone in the body");
            }
            for (JsonNode entry : body.get("entries")) {
                counts.add(ticketCount(entry));
            }
        } else {
            counts.add(ticketCount(body));
        }
        return counts;
    }

    private static SupportTickets.Count ticketCount(JsonNode node) {
        if (!node.isObject()) {
            throw Problem.invalidField("entries", "each entry must be an object {date, count, channel}");
        }
        JsonNode count = node.get("count");
        if (count == null || !count.isIntegralNumber() || !count.canConvertToInt()) {
            throw Problem.invalidField("count", "count is required: a whole number of tickets");
        }
        return new SupportTickets.Count(ProgramCostRoutes.requiredDate(Json.requiredText(node, "date", 10), "date"),
                Json.requiredText(node, "channel", 40), count.asInt());
    }
}
