package org.credence.settings;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.credence.app.AppBar;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.http.FormMessage;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.tenant.Caller;
import org.credence.user.SignedIn;
import org.credence.user.Users;

/**
 * What every settings page shares: the language, the model every template takes (texts of the
 * {@code settings} area, the signed-in user, the app bar), reading typed form fields into a
 * domain refusal naming the field, and the redirect after a change with a notice the page names
 * by key (never text from the request).
 */
final class SettingsPage {
    static final String AREA = "settings";

    private SettingsPage() {}

    /** {@code ?lang=}, else the form's {@code lang}, else the language chosen earlier, else Accept-Language. */
    static String lang(Context ctx) {
        String query = ctx.queryParam("lang");
        if (query == null && isForm(ctx)) {
            query = ctx.formParam("lang");
        }
        return Pages.language(ctx, query);
    }

    /** The model of a page at {@code path}: lang, t (texts), signedIn, bar, q (the language suffix of links), notice and message. */
    static Map<String, Object> model(Context ctx, String lang, SignedIn signedIn, String path, Set<String> notices) {
        Map<String, Object> model = new HashMap<>();
        Messages t = Messages.of(AREA, lang);
        model.put("lang", lang);
        model.put("t", t.table());
        model.put("signedIn", signedIn);
        model.put("bar", AppBar.of(lang, signedIn, path));
        model.put("q", "nb".equals(lang) ? "?lang=nb" : "");
        String notice = ctx.queryParam("notice");
        model.put("notice", notice != null && notices.contains(notice) ? t.text("notice." + notice) : "");
        model.put("message", null);
        return model;
    }

    /** Back to {@code path} after a change (303), with the notice {@code notice.<key>} and the language. */
    static void done(Context ctx, String lang, String path, String key) {
        ctx.redirect(path + (path.contains("?") ? "&" : "?") + "notice=" + key + ("nb".equals(lang) ? "&lang=nb" : ""), HttpStatus.SEE_OTHER);
    }

    /** Re-renders a form page with the service's refusal beside its field, at the refusal's status. */
    static void refused(Context ctx, Map<String, Object> model, DomainException e, String template) {
        FormMessage message = FormMessage.of(e, (String) model.get("lang"));
        model.put("message", message);
        ctx.status(message.status()).html(Pages.render(template, model));
    }

    static void render(Context ctx, String template, Map<String, Object> model) {
        ctx.html(Pages.render(template, model));
    }

    /** The caller a service records: the signed-in user at their tenant. */
    static Caller caller(SignedIn signedIn) {
        return new Caller(signedIn.user().tenantId(), Set.of(), signedIn.actor());
    }

    /** How the page names an audit actor: the user's name for {@code user:<id>} of this tenant, the actor as recorded otherwise. */
    static java.util.function.UnaryOperator<String> people(Users users, long tenantId) {
        Map<String, String> names = new HashMap<>();
        users.list(tenantId).forEach(u -> names.put("user:" + u.id(), u.name()));
        return actor -> actor == null ? "" : names.getOrDefault(actor, actor);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String text(Context ctx, String field) {
        return blankToNull(ctx.formParam(field));
    }

    static BigDecimal number(Context ctx, String field) {
        String value = text(ctx, field);
        if (value == null) {
            return null;
        }
        try {
            // a comma is how Norwegian writes the decimal point
            return new BigDecimal(value.length() > 30 ? "x" : value.replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            throw new DomainException.InvalidInput(field, ErrorText.of("form.not_a_number", "field", field));
        }
    }

    static LocalDate date(Context ctx, String field) {
        String value = text(ctx, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new DomainException.InvalidInput(field, ErrorText.of("form.not_a_date", "field", field));
        }
    }

    static Long id(Context ctx, String field) {
        String value = text(ctx, field);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new DomainException.InvalidInput(field, ErrorText.of("form.not_chosen", "field", field));
        }
    }

    /** A path parameter that is a positive id; anything else is not found ({@code what}: cost_line or webhook_endpoint). */
    static long pathId(Context ctx, String name, String what) {
        String text = ctx.pathParam(name);
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new DomainException.NotFound(ErrorText.of("form.not_found", "what", what, "id", text));
    }

    /** The form values as typed, to show them again beside a refusal. */
    static Map<String, String> typed(Context ctx) {
        Map<String, String> typed = new HashMap<>();
        if (isForm(ctx)) {
            ctx.formParamMap().forEach((name, values) -> typed.put(name, values.isEmpty() ? "" : values.get(0)));
        }
        return typed;
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }
}
