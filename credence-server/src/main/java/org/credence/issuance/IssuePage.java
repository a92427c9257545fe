package org.credence.issuance;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.credence.achievement.Achievement;
import org.credence.achievement.Achievements;
import org.credence.app.AppBar;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.http.FormMessage;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.standards.model.Evidence;
import org.credence.tenant.Caller;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/**
 * {@code /app/issue}: one credential from a form, with a live preview of its certificate. The form
 * builds the same {@link IssueCommand} the API's {@code POST /api/v1/credentials} builds and calls the
 * same {@link Issuance#issue}; a hidden Idempotency-Key makes a double submit issue once.
 */
public final class IssuePage {
    /** The form's fields, as typed (blank for none). */
    public record Form(String achievementId, String name, String email, String issued, String expires, String grade, String evidenceUrl,
                       String evidenceNarrative, boolean mail, String idempotencyKey) {
        static Form blank(String achievementId) {
            return new Form(achievementId, "", "", "", "", "", "", "", true, UUID.randomUUID().toString());
        }

        /** This form with a fresh key: for a form whose key was spent on another request. */
        Form withNewKey() {
            return new Form(achievementId, name, email, issued, expires, grade, evidenceUrl, evidenceNarrative, mail, UUID.randomUUID().toString());
        }
    }

    /** A choice of the achievement list. */
    public record Option(String value, String label, boolean selected) {}

    private static final Set<String> FORM_FIELDS = Set.of("recipient.name", "recipient.email", "issuedAt", "expiresAt", "grade",
            "evidence.url", "evidence.narrative", "evidence", "achievementId");

    private IssuePage() {}

    /** The form and its submit, for signed-in users who may issue. */
    public static void register(JavalinConfig config, Issuance issuance, Achievements achievements, Sessions sessions) {
        config.routes.get("/app/issue", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.ISSUE);
            String lang = Pages.language(ctx);
            List<Achievement> list = achievements.offered(signedIn.user().tenantId());
            String chosen = ctx.queryParam("achievement") != null ? ctx.queryParam("achievement")
                    : list.isEmpty() ? "" : String.valueOf(list.get(0).id());
            ctx.html(render(lang, signedIn, list, Form.blank(chosen), null, ""));
        });
        config.routes.post("/app/issue", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.ISSUE); // checks the origin and the form's CSRF token
            String lang = Pages.language(ctx, ctx.formParam("lang"));
            long tenant = signedIn.user().tenantId();
            Form form = form(ctx);
            try {
                IssueCommand command = command(form);
                Caller caller = new Caller(tenant, Set.of("issue"), signedIn.actor());
                Issuance.Issued issued;
                try {
                    issued = issuance.issue(caller, command);
                } catch (DomainException.Conflict held) {
                    // the recipient already holds it under another form's key (the API's 409 speaks of Idempotency-Key):
                    // asked without a key, the service answers with the credential they hold, and the page says so
                    issued = issuance.issue(caller, command.withoutIdempotency());
                }
                // the credential's own page, with a notice of what happened (new, or already held by this recipient)
                ctx.redirect("/app/credentials/" + URLEncoder.encode(issued.credential().number(), StandardCharsets.UTF_8)
                        + "?notice=" + (issued.created() ? "issued" : "already_issued") + (lang.equals("en") ? "" : "&lang=" + lang), HttpStatus.SEE_OTHER);
            } catch (DomainException refused) {
                // an achievement of another tenant (or deleted since the page was shown) is the achievement field's fault
                FormMessage message = refused instanceof DomainException.NotFound
                        ? new FormMessage("achievementId", FormMessage.of(refused, lang).text(), 422) : FormMessage.of(refused, lang);
                // an archived achievement is named in the service's own sentence, not the field's generic hint
                boolean archived = refused.text() != null && refused.text().key().equals("achievement.archived");
                ctx.status(message.status()).html(render(lang, signedIn, achievements.offered(tenant), form,
                        archived ? message : localised(message, lang), ""));
            } catch (Idempotency.KeyReused spent) {
                // the form was sent before with other values (the back button): a new key, and the person checks and sends again
                ctx.status(409).html(render(lang, signedIn, achievements.offered(tenant), form.withNewKey(), null,
                        Messages.of("issue_app", lang).text("notice.resubmit")));
            }
        });
    }

    private static Form form(Context ctx) {
        return new Form(value(ctx, "achievementId"), value(ctx, "name"), value(ctx, "email"), value(ctx, "issued"), value(ctx, "expires"),
                value(ctx, "grade"), value(ctx, "evidenceUrl"), value(ctx, "evidenceNarrative"), ctx.formParam("notify") != null,
                value(ctx, "idempotencyKey"));
    }

    private static String value(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    /**
     * The form as the command the API would build from the same values; a value the form cannot read is a
     * {@link DomainException.InvalidInput} in the API's field names, so both end in the same messages.
     */
    static IssueCommand command(Form form) {
        long achievementId;
        try {
            achievementId = Long.parseLong(form.achievementId());
        } catch (NumberFormatException e) {
            throw new DomainException.InvalidInput("achievementId", ErrorText.of("issue.choose_achievement"));
        }
        String url = blankToNull(form.evidenceUrl());
        String narrative = blankToNull(form.evidenceNarrative());
        if (url != null && (url.length() > 2000 || !url.matches("https?://\\S+"))) {
            throw new DomainException.InvalidInput("evidence.url", ErrorText.of("issue.evidence_url_invalid"));
        }
        if (narrative != null && narrative.length() > 5000) {
            throw new DomainException.InvalidInput("evidence.narrative", ErrorText.of("issue.evidence_narrative_too_long"));
        }
        List<Evidence> evidence = url == null && narrative == null ? List.of() : List.of(new Evidence(url, null, null, narrative, null, null));
        String key = form.idempotencyKey();
        if (key.isEmpty() || key.length() > 200) {
            throw new DomainException.Malformed(ErrorText.of("issue.form_key_lost"));
        }
        // the digest covers every value, so the key replays only this exact form (as the API's covers its body)
        String digest = Issuance.sha256(String.join("\n", form.achievementId(), form.name(), form.email(), form.issued(), form.expires(),
                form.grade(), form.evidenceUrl(), form.evidenceNarrative(), String.valueOf(form.mail())));
        return new IssueCommand(achievementId, form.name(), form.email(), day(form.issued(), "issuedAt"), day(form.expires(), "expiresAt"),
                blankToNull(form.grade()), evidence, form.mail(), new Idempotency("form:" + key, digest));
    }

    /** A date input's {@code yyyy-MM-dd} as the start of that day, UTC. */
    private static Instant day(String text, String field) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new DomainException.InvalidInput(field, ErrorText.of("issue.date_invalid", "field", field, "value", text));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The service's message in the page's language where the field is one of the form's; the service's sentence otherwise. */
    private static FormMessage localised(FormMessage message, String lang) {
        if (message.field() == null || !FORM_FIELDS.contains(message.field())) {
            return new FormMessage(null, message.text(), message.status());
        }
        String field = message.field().equals("evidence") ? "evidence.url" : message.field();
        return new FormMessage(field, Messages.of("issue_app", lang).text("error." + field), message.status());
    }

    static String render(String lang, SignedIn signedIn, List<Achievement> achievements, Form form, FormMessage error, String notice) {
        Map<String, String> t = Messages.of("issue_app", lang).table();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lang", lang);
        model.put("t", t);
        model.put("signedIn", signedIn);
        model.put("bar", AppBar.of(lang, signedIn, "/app/issue"));
        model.put("achievements", achievements.stream()
                .map(a -> new Option(String.valueOf(a.id()), a.name(), String.valueOf(a.id()).equals(form.achievementId()))).toList());
        model.put("form", form);
        model.put("error", error);
        model.put("notice", notice);
        model.put("preview", previewUrl(form));
        return Pages.render("issue/form.jte", model);
    }

    /** The certificate preview's address for the form's values (the script keeps it current as the person types). */
    static String previewUrl(Form form) {
        StringBuilder url = new StringBuilder("/app/preview/certificate.png?achievement=").append(encode(form.achievementId()));
        url.append("&name=").append(encode(form.name())).append("&issued=").append(encode(form.issued()))
                .append("&grade=").append(encode(form.grade()));
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
