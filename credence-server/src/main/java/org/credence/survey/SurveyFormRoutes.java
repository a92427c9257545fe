package org.credence.survey;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.http.FormMessage;
import org.credence.http.Pages;
import org.credence.http.SameOrigin;
import org.credence.i18n.Messages;

/**
 * The public survey form at {@code /s/{token}}: no account, no script; the link's token is the only credential,
 * so a forged cross-site post cannot answer for anyone (and is refused besides, as the claim form's is).
 */
final class SurveyFormRoutes {
    private SurveyFormRoutes() {}

    static void register(JavalinConfig config, Surveys surveys, SameOrigin sameOrigin) {
        config.routes.get("/s/{token}", ctx -> show(ctx, surveys.open(ctx.pathParam("token")), null));
        config.routes.post("/s/{token}", ctx -> {
            if (sameOrigin.crossSite(ctx)) {
                String lang = Pages.language(ctx);
                Messages t = Messages.of("surveys", lang);
                html(ctx, 403, notice(lang, t.text("crosssite.title"), t.text("crosssite.text")));
                return;
            }
            SurveyAnswer answer;
            try {
                answer = answer(ctx);
            } catch (NumberFormatException e) {
                show(ctx, surveys.open(ctx.pathParam("token")), new DomainException.InvalidInput("answer", ErrorText.of("survey.number_expected")));
                return;
            }
            try {
                show(ctx, surveys.answer(ctx.pathParam("token"), answer), null);
            } catch (DomainException.InvalidInput e) {
                show(ctx, surveys.open(ctx.pathParam("token")), e);
            }
        });
    }

    private static SurveyAnswer answer(Context ctx) {
        Map<String, String> custom = new HashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (name.startsWith("c_") && !values.isEmpty()) {
                custom.put(name.substring(2), values.get(0));
            }
        });
        return new SurveyAnswer(integer(ctx.formParam("satisfaction")), blankToNull(ctx.formParam("skill")), ctx.formParams("career"),
                decimal(ctx.formParam("impact")), integer(ctx.formParam("attribution")), integer(ctx.formParam("confidence")), custom);
    }

    private static void show(Context ctx, Surveys.Opened opened, DomainException error) {
        String lang = language(ctx, opened);
        Messages t = Messages.of("surveys", lang);
        if (opened instanceof Surveys.Form form) {
                Map<String, String> values = Map.of("issuer", form.issuer(), "achievement", form.achievement(),
                        "closes", DateTimeFormatter.ISO_LOCAL_DATE.format(form.closesAt().atOffset(ZoneOffset.UTC)),
                        "currency", form.survey().currency());
                Map<String, Object> model = new HashMap<>();
                model.put("lang", lang);
                model.put("t", t.table());
                model.put("title", t.format("form.title", values));
                model.put("intro", t.format("form.intro", values));
                model.put("impactLabel", t.format("form.impact", values));
                model.put("action", "/s/" + ctx.pathParam("token") + "?lang=" + lang);
                model.put("items", form.survey().items());
                model.put("simulated", form.simulated());
                model.put("error", error == null ? null : t.format("form.error", Map.of("message", FormMessage.of(error, lang).text())));
                model.put("skills", StandardItems.SKILL_APPLIED);
                model.put("careers", StandardItems.CAREER_OUTCOMES);
                html(ctx, error == null ? 200 : 400, Pages.render("survey/form.jte", model));
        } else if (opened instanceof Surveys.Answered answered) {
            html(ctx, 200, notice(lang, t.text("thanks.title"), t.format("thanks.text", Map.of("issuer", answered.issuer()))));
        } else {
            Surveys.Unusable unusable = (Surveys.Unusable) opened;
            html(ctx, unusable.reason().equals("unknown") ? 404 : 410,
                    notice(lang, t.text("unusable." + unusable.reason() + ".title"), t.text("unusable." + unusable.reason() + ".text")));
        }
    }

    /** The invitation's language, unless the page was asked for in the other one. */
    private static String language(Context ctx, Surveys.Opened opened) {
        String asked = ctx.queryParam("lang");
        if ("en".equals(asked) || "nb".equals(asked)) {
            return asked;
        }
        String invitation = opened instanceof Surveys.Form f ? f.language()
                : opened instanceof Surveys.Answered a ? a.language() : ((Surveys.Unusable) opened).language();
        return invitation != null ? invitation : Pages.language(ctx);
    }

    private static String notice(String lang, String title, String message) {
        return Pages.render("claim/notice.jte", Map.of("lang", lang, "title", title, "message", message));
    }

    private static void html(Context ctx, int status, String page) {
        // the page's address is a bearer link: keep it out of caches and other sites' referrers
        ctx.status(status).contentType("text/html; charset=utf-8").header("Cache-Control", "no-store").header("Referrer-Policy", "same-origin")
                .result(page);
    }

    private static Integer integer(String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    }

    private static BigDecimal decimal(String value) {
        return value == null || value.isBlank() ? null : new BigDecimal(value.strip().replace(" ", "").replace(',', '.'));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
