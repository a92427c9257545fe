package org.credence.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Function;
import org.credence.audit.AuditTrail;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Pages;
import org.credence.http.Problem;
import org.credence.insights.Provenance;
import org.credence.insights.Scope;
import org.credence.insights.roi.CaseFactors;
import org.credence.insights.roi.IsolationMethod;
import org.credence.tenant.Caller;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /api/v1/analytics/roi} (the calculator), {@code /roi/program} (the tenant's ROI from its
 * benefits model and cost ledger), {@code /benefits} (the benefits model, every edit audited) and
 * {@code /maturity} (the measurement-maturity tier); and the page {@code /app/analytics/roi} for users who may
 * see analytics. API keys with the {@code analytics} scope; every
 * answer is the caller's tenant's.
 */
public final class RoiRoutes {
    private static final Set<String> BENEFIT_FIELDS = Set.of("name", "annualAmount", "fromSurvey", "currency", "isolation", "attribution",
            "confidence", "factors", "active", "reason");
    private static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(1_000_000_000_000L);

    private RoiRoutes() {}

    public static void register(JavalinConfig config, Jdbi jdbi, ProgramRoi program, BenefitStore benefits, Maturity maturity,
                                AnalyticsReports reports, AnalyticsFolder folder, AuditTrail audit, Auth auth, Sessions sessions, Clock clock) {
        config.routes.get("/api/v1/analytics/roi", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            ctx.json(SimulatedJson.mark(RoiJson.calculator(RoiCalculator.answer(ctx::queryParam, program.defaultCurrency(caller.tenantId()))),
                    reports.simulated(caller.tenantId())));
        });
        config.routes.get("/api/v1/analytics/roi/program", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            folder.foldPending(); // the advertising value includes every share committed before the request
            ctx.json(SimulatedJson.mark(RoiJson.program(programAnswer(ctx::queryParam, program, caller.tenantId(), clock)),
                    reports.simulated(caller.tenantId())));
        });
        config.routes.get("/app/analytics/roi", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS);
            long tenant = signedIn.user().tenantId();
            folder.foldPending();
            String lang = Pages.language(ctx);
            // the program reads only the period; currency, rate and years on this page are the calculator's
            ProgramRoi.Answer answer = programAnswer(name -> name.equals("from") || name.equals("to") ? ctx.queryParam(name) : null,
                    program, tenant, clock);
            ctx.html(RoiPage.render(lang, signedIn, reports.simulated(tenant), maturity.assess(tenant, lang), answer, ctx::queryParam));
        });
        config.routes.get("/api/v1/analytics/benefits", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            ctx.json(SimulatedJson.mark(benefitsJson(benefits, caller.tenantId()), reports.simulated(caller.tenantId())));
        });
        config.routes.post("/api/v1/analytics/benefits", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            ObjectNode body = Json.body(ctx, BENEFIT_FIELDS);
            BenefitStore.Benefit edit = benefit(body, caller, program.defaultCurrency(caller.tenantId()));
            jdbi.useTransaction(h -> {
                benefits.append(h, caller.tenantId(), edit);
                audit.record(h, caller.tenantId(), caller.actor(), "analytics.benefit.set", "benefit:" + edit.name(), null, body);
            });
            ctx.status(201).json(SimulatedJson.mark(benefitsJson(benefits, caller.tenantId()), reports.simulated(caller.tenantId())));
        });
        config.routes.get("/api/v1/analytics/maturity", ctx -> {
            Caller caller = auth.requireTenant(ctx, "analytics");
            folder.foldPending(); // issued and shared come from the rollup
            String lang = Pages.language(ctx);
            ctx.json(SimulatedJson.mark(RoiJson.maturity(maturity.assess(caller.tenantId(), lang), lang), reports.simulated(caller.tenantId())));
        });
    }

    /** The program ROI for {@code ?from=&to=&currency=&rate=&years=}; without dates the twelve months up to today. */
    static ProgramRoi.Answer programAnswer(Function<String, String> query, ProgramRoi program, long tenantId, Clock clock) {
        AnalyticsFilter period = AnalyticsFilter.of(query, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (period.achievementId().isPresent()) {
            throw Problem.badParameter("achievementId", "the program ROI is for the whole program; leave achievementId out");
        }
        String currency = RoiCalculator.currency(query, program.defaultCurrency(tenantId));
        String rateText = query.apply("rate");
        BigDecimal rate = rateText == null || rateText.isBlank() ? RoiCalculator.DEFAULT_RATE : QueryParams.proportion(query, "rate");
        String yearsText = query.apply("years");
        long years = yearsText == null || yearsText.isBlank() ? RoiCalculator.DEFAULT_YEARS : QueryParams.count(query, "years");
        if (years < 1 || years > 30) {
            throw Problem.invalidField("years", "years must be between 1 and 30");
        }
        return program.answer(tenantId, period.from(), period.to(), currency, rate, (int) years);
    }

    private static ObjectNode benefitsJson(BenefitStore benefits, long tenantId) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode lines = body.putArray("benefits");
        benefits.effective(tenantId).forEach(b -> lines.add(RoiJson.benefit(b)));
        ArrayNode history = body.putArray("history");
        benefits.history(tenantId).forEach(b -> history.add(RoiJson.benefit(b)));
        return body;
    }

    private static BenefitStore.Benefit benefit(ObjectNode body, Caller caller, String defaultCurrency) {
        String name = Json.requiredText(body, "name", 200);
        boolean active = optionalBoolean(body, "active", true);
        if (!active) {
            // retiring a line needs only its name and the reason; the row keeps neutral values
            String reason = Json.requiredText(body, "reason", 1000);
            return new BenefitStore.Benefit(name, false, BigDecimal.ZERO, defaultCurrency, IsolationMethod.NONE, BigDecimal.ZERO,
                    BigDecimal.ZERO, CaseFactors.DEFAULT, false, provenance(caller, reason));
        }
        boolean fromSurvey = optionalBoolean(body, "fromSurvey", false);
        BigDecimal amount = null;
        if (fromSurvey) {
            if (body.hasNonNull("annualAmount")) {
                throw Problem.invalidField("annualAmount", "a benefit from the surveys has no annualAmount: the surveys give it");
            }
        } else {
            amount = decimal(body, "annualAmount", MAX_AMOUNT);
        }
        String currency = Json.optionalText(body, "currency", 3);
        if (currency == null) {
            currency = defaultCurrency;
        } else if (!currency.matches("[A-Z]{3}")) {
            throw Problem.invalidField("currency", "currency must be an ISO 4217 code like EUR, not '" + currency + "'");
        }
        IsolationMethod isolation;
        try {
            isolation = IsolationMethod.fromCode(Json.requiredText(body, "isolation", 40));
        } catch (IllegalArgumentException e) {
            throw Problem.invalidField("isolation", e.getMessage());
        }
        BigDecimal attribution = decimal(body, "attribution", BigDecimal.ONE);
        BigDecimal confidence = decimal(body, "confidence", BigDecimal.ONE);
        CaseFactors factors = CaseFactors.DEFAULT;
        JsonNode given = body.get("factors");
        if (given != null && !given.isNull()) {
            if (!given.isObject()) {
                throw Problem.invalidField("factors", "factors must be {\"conservative\": …, \"base\": …, \"optimistic\": …}");
            }
            BigDecimal ten = BigDecimal.TEN;
            try {
                factors = new CaseFactors(decimal(given, "factors.conservative", ten), decimal(given, "factors.base", ten),
                        decimal(given, "factors.optimistic", ten));
            } catch (IllegalArgumentException e) {
                throw Problem.invalidField("factors", e.getMessage());
            }
        }
        String reason = Json.requiredText(body, "reason", 1000);
        return new BenefitStore.Benefit(name, fromSurvey, amount, currency, isolation, attribution, confidence, factors, true,
                provenance(caller, reason));
    }

    /** Who and why; the time is the store's clock when it appends the edit. */
    private static Provenance provenance(Caller caller, String reason) {
        return new Provenance(caller.actor(), java.time.Instant.EPOCH, reason, Scope.tenant(Long.toString(caller.tenantId())));
    }

    private static boolean optionalBoolean(JsonNode body, String field, boolean otherwise) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.isBoolean()) {
            throw Problem.invalidField(field, field + " must be true or false");
        }
        return node.asBoolean();
    }

    /** A number between 0 and {@code max}; the field name may be dotted ({@code factors.base}) and then reads the last part. */
    private static BigDecimal decimal(JsonNode body, String field, BigDecimal max) {
        JsonNode node = body.get(field.substring(field.lastIndexOf('.') + 1));
        if (node == null || !node.isNumber()) {
            throw Problem.invalidField(field, field + " is required and must be a number");
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() < 0 || value.compareTo(max) > 0) {
            throw Problem.invalidField(field, field + " must be between 0 and " + max.toPlainString()
                    + (max.compareTo(BigDecimal.ONE) == 0 ? " (0.4 for 40 %)" : ""));
        }
        return value;
    }
}
