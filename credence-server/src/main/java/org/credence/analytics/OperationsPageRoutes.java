package org.credence.analytics;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.util.Map;
import java.util.OptionalLong;
import org.credence.analytics.costs.CostCategory;
import org.credence.analytics.costs.CostDraft;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/** {@code /app/analytics/operations}: the operations page, and its form that adds a cost line (owners only). */
public final class OperationsPageRoutes {
    /** The form's fields and the words that name them on the page. */
    private static final Map<String, String> FIELD_LABELS = Map.of("category", "cost.category", "incurredOn", "cost.date",
            "incurredUntil", "cost.until", "amount", "cost.amount", "currency", "cost.currency", "hours", "cost.hours",
            "hourlyRate", "cost.rate", "note", "cost.note", "achievementId", "cost.achievement", "line", "costs.lines");

    private OperationsPageRoutes() {}

    public static void register(JavalinConfig config, OperationsRoutes.Services s, Sessions sessions) {
        config.routes.get("/app/analytics/operations", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS);
            long tenant = signedIn.user().tenantId();
            OperationsRoutes.Period period = OperationsRoutes.Period.of(ctx, s.clock());
            OptionalLong achievement = QueryParams.optionalId(ctx::queryParam, "achievementId");
            achievement.ifPresent(id -> s.achievements().get(tenant, id));
            String lang = language(ctx);
            OperationsReport.View view = s.report().view(tenant, period.from(), period.to(), period.granularity(), achievement);
            OperationsPage.Extras extras = new OperationsPage.Extras(s.ledger().lines(tenant, period.from(), period.to(), achievement),
                    s.assumptions().history(tenant, achievement), s.achievements().list(tenant), notice(ctx, lang));
            ctx.html(OperationsPage.render(lang, signedIn, view, extras));
        });
        config.routes.post("/app/analytics/operations/costs", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_COSTS); // checks the origin and the form's CSRF token
            String outcome;
            try {
                s.ledger().create(signedIn.user().tenantId(), signedIn.actor(), draft(ctx));
                outcome = "notice=added";
            } catch (DomainException refused) {
                // back to the page naming the field at fault; the link carries a field name, never text that the page would show
                String field = refused instanceof DomainException.InvalidInput invalid ? invalid.field() : "";
                outcome = "error=" + (FIELD_LABELS.containsKey(field) ? field : "line");
            }
            String back = "/app/analytics/operations?lang=" + language(ctx) + "&" + outcome
                    + keep(ctx, "from") + keep(ctx, "to");
            ctx.redirect(back, HttpStatus.SEE_OTHER);
        });
    }

    /** The form's cost line; blank fields are absent, unreadable ones a domain error naming the field. */
    private static CostDraft draft(Context ctx) {
        String categoryId = ctx.formParam("category");
        CostCategory category = CostCategory.parse(categoryId == null ? "" : categoryId)
                .orElseThrow(() -> new DomainException.InvalidInput("category", ErrorText.of("costs.choose_category")));
        String achievement = blankToNull(ctx.formParam("achievementId"));
        return new CostDraft(achievement == null ? null : number(achievement, "achievementId").longValueExact(), category,
                date(ctx.formParam("incurredOn"), "incurredOn"), date(ctx.formParam("incurredUntil"), "incurredUntil"),
                optionalNumber(ctx.formParam("amount"), "amount"), blankToNull(ctx.formParam("currency")),
                optionalNumber(ctx.formParam("hours"), "hours"), optionalNumber(ctx.formParam("hourlyRate"), "hourlyRate"), ctx.formParam("note"));
    }

    private static java.time.LocalDate date(String text, String field) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new DomainException.InvalidInput(field, ErrorText.of("form.not_a_date", "field", field));
        }
    }

    private static BigDecimal optionalNumber(String text, String field) {
        String value = blankToNull(text);
        return value == null ? null : number(value, field);
    }

    private static BigDecimal number(String text, String field) {
        try {
            return new BigDecimal(text.length() > 30 ? "x" : text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DomainException.InvalidInput(field, ErrorText.of("form.number_required", "field", field));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String keep(Context ctx, String field) {
        String value = blankToNull(ctx.formParam(field));
        return value == null || !value.matches("\\d{4}-\\d{2}-\\d{2}") ? "" : "&" + field + "=" + value;
    }

    /** The sentence after the form, all ours: what was added, or which field to check. */
    private static String notice(Context ctx, String lang) {
        Messages m = Messages.of("operations", lang);
        if ("added".equals(ctx.queryParam("notice"))) {
            return m.text("notice.added");
        }
        String label = FIELD_LABELS.get(String.valueOf(ctx.queryParam("error")));
        return label == null ? "" : m.format("notice.error", Map.of("detail", m.text(label)));
    }

    private static String language(Context ctx) {
        return Pages.language(ctx, ctx.formParam("lang"));
    }
}
