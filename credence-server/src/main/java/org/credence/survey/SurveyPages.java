package org.credence.survey;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.credence.domain.ErrorText;
import org.credence.http.FormMessage;
import org.credence.achievement.Achievement;
import org.credence.achievement.Achievements;
import org.credence.analytics.AnalyticsNav;
import org.credence.app.AppBar;
import org.credence.domain.DomainException;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.insights.roi.ParticipantEstimate;
import org.credence.json.JsonFields;
import org.credence.survey.SurveyFigures.Rate;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/** {@code /app/surveys}: each achievement's survey, its settings form and its results, for users who may see analytics. */
public final class SurveyPages {
    /** One line of an achievement list. */
    public record Line(long id, String name, String status) {}

    /** One row of the results table: a figure for earners and for the non-completer sample. */
    public record Row(String label, String earners, String nonCompleters) {}

    private SurveyPages() {}

    static void register(JavalinConfig config, Surveys surveys, Achievements achievements, Sessions sessions) {
        config.routes.get("/app/surveys", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS);
            long tenant = signedIn.user().tenantId();
            String lang = Pages.language(ctx);
            Messages t = Messages.of("surveys", lang);
            Map<Long, Survey> saved = surveys.list(tenant).stream().collect(Collectors.toMap(Survey::achievementId, s -> s));
            List<Line> lines = new ArrayList<>();
            for (Achievement a : achievements.list(tenant)) {
                Survey s = saved.get(a.id());
                lines.add(new Line(a.id(), a.name(), s == null || !s.enabled() ? t.text("page.status.off")
                        : t.format("page.status.on", Map.of("waves", s.waveMonths().stream().map(String::valueOf).collect(Collectors.joining(", "))))));
            }
            Map<String, Object> model = base(lang, t, signedIn);
            model.put("lines", lines);
            ctx.html(Pages.render("survey/list.jte", model));
        });
        config.routes.get("/app/surveys/{id}", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS);
            String lang = Pages.language(ctx);
            long id = SurveyRoutes.id(ctx);
            ctx.html(detail(lang, signedIn, surveys, achievements, id, surveys.get(signedIn.user().tenantId(), id),
                    ctx.queryParam("saved") != null ? Messages.of("surveys", lang).text("page.saved") : null, null));
        });
        config.routes.post("/app/surveys/{id}", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS);
            String lang = Pages.language(ctx);
            long id = SurveyRoutes.id(ctx);
            long tenant = signedIn.user().tenantId();
            Survey current = surveys.get(tenant, id);
            try {
                surveys.save(tenant, signedIn.actor(), new Survey(id, true, "on".equals(ctx.formParam("enabled")), waves(ctx.formParam("waves")),
                        whole(ctx.formParam("reminderDays"), "reminderDays"), whole(ctx.formParam("openDays"), "openDays"),
                        String.valueOf(ctx.formParam("currency")).strip().toUpperCase(Locale.ROOT), items(ctx.formParam("items")), null, null));
                ctx.redirect("/app/surveys/" + id + "?saved=1" + (lang.equals("en") ? "" : "&lang=" + lang), HttpStatus.SEE_OTHER);
            } catch (DomainException.InvalidInput e) {
                ctx.status(422).html(detail(lang, signedIn, surveys, achievements, id, current, null,
                        Messages.of("surveys", lang).format("page.error", Map.of("message", FormMessage.of(e, lang).text()))));
            }
        });
    }

    private static List<Integer> waves(String text) {
        List<Integer> waves = new ArrayList<>();
        for (String w : String.valueOf(text).split("[,\\s]+")) {
            if (!w.isBlank()) {
                waves.add(whole(w, "waveMonths"));
            }
        }
        return waves;
    }

    private static int whole(String text, String field) {
        try {
            return Integer.parseInt(String.valueOf(text).strip());
        } catch (NumberFormatException e) {
            throw new DomainException.InvalidInput(field, ErrorText.of("survey.not_whole", "field", field));
        }
    }

    private static List<SurveyItem> items(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return SurveyJson.items(JsonFields.MAPPER.readTree(text));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DomainException.InvalidInput("items", ErrorText.of("survey.items_json", "reason", e.getOriginalMessage()));
        }
    }

    private static String detail(String lang, SignedIn signedIn, Surveys surveys, Achievements achievements, long id, Survey survey,
                                 String saved, String error) {
        long tenant = signedIn.user().tenantId();
        Messages t = Messages.of("surveys", lang);
        SurveyResults results = surveys.results(tenant, id);
        Map<String, Object> model = base(lang, t, signedIn);
        model.put("achievement", achievements.get(tenant, id).name());
        model.put("id", id);
        model.put("survey", survey);
        model.put("waves", survey.waveMonths().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        model.put("itemsJson", SurveyJson.itemsText(survey.items()));
        model.put("rows", rows(t, results, Locale.forLanguageTag(lang)));
        model.put("simulated", results.simulated());
        model.put("saved", saved);
        model.put("error", error);
        return Pages.render("survey/detail.jte", model);
    }

    private static Map<String, Object> base(String lang, Messages t, SignedIn signedIn) {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("t", t.table());
        model.put("signedIn", signedIn);
        model.put("nav", AnalyticsNav.of(lang, "/app/surveys"));
        model.put("bar", AppBar.of(lang, signedIn, "/app/surveys"));
        return model;
    }

    /** The results as words and percentages with their intervals; n and the response rate always, the rest only from 5 answers. */
    static List<Row> rows(Messages t, SurveyResults r, Locale locale) {
        SurveyResults.Cohort e = r.earners();
        SurveyResults.Cohort n = r.nonCompleters();
        String none = t.text("page.none");
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(t.text("page.invited"), String.valueOf(e.invited()), String.valueOf(n.invited())));
        rows.add(new Row(t.text("page.answered"), String.valueOf(e.answered()), String.valueOf(n.answered())));
        rows.add(new Row(t.text("page.responseRate"), rate(e.responseRate(), locale, none), rate(n.responseRate(), locale, none)));
        String hidden = t.text("page.suppressed");
        rows.add(new Row(t.text("page.satisfaction"), e.suppressed() ? hidden : mean(e.satisfaction(), locale, none),
                n.suppressed() ? hidden : mean(n.satisfaction(), locale, none)));
        rows.add(new Row(t.text("page.skillApplied"), e.suppressed() ? hidden : rate(e.skillApplied().get("yes"), locale, none),
                n.suppressed() ? hidden : rate(n.skillApplied().get("yes"), locale, none)));
        rows.add(new Row(t.text("page.skillPartly"), e.suppressed() ? hidden : rate(e.skillApplied().get("partly"), locale, none),
                n.suppressed() ? hidden : rate(n.skillApplied().get("partly"), locale, none)));
        for (String outcome : StandardItems.CAREER_OUTCOMES) {
            String label = t.text("page.career") + ": " + t.text("form.career." + outcome);
            rows.add(new Row(label, e.suppressed() ? hidden : rate(e.careerOutcome().get(outcome), locale, none),
                    n.suppressed() ? hidden : rate(n.careerOutcome().get(outcome), locale, none)));
        }
        rows.add(new Row(t.text("page.estimate"), e.suppressed() ? hidden : money(t, e.participantEstimate(), r.currency(), locale),
                n.suppressed() ? hidden : money(t, n.participantEstimate(), r.currency(), locale)));
        return rows;
    }

    private static String rate(Rate r, Locale locale, String none) {
        if (r == null || r.value() == null) {
            return none;
        }
        return String.format(locale, "%.1f %% (%.1f–%.1f), n = %d", 100 * r.value(), 100 * r.interval().low(), 100 * r.interval().high(), r.n());
    }

    private static String mean(SurveyFigures.Mean m, Locale locale, String none) {
        if (m.value() == null) {
            return none;
        }
        return m.low() == null ? String.format(locale, "%.2f, n = %d", m.value(), m.n())
                : String.format(locale, "%.2f (%.2f–%.2f), n = %d", m.value(), m.low(), m.high(), m.n());
    }

    private static String money(Messages t, ParticipantEstimate e, String currency, Locale locale) {
        return t.format("page.estimate.value", Map.of("currency", currency,
                "total", String.format(locale, "%,.0f", e.adjustedBenefit().setScale(0, RoundingMode.HALF_EVEN)),
                "n", String.valueOf(e.respondents()), "invited", String.valueOf(e.surveyed())));
    }
}
