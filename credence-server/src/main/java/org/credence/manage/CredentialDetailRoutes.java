package org.credence.manage;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.credence.delivery.Delivery;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.http.FormMessage;
import org.credence.http.Pages;
import org.credence.issuance.CredentialExport;
import org.credence.issuance.CredentialListing;
import org.credence.issuance.CredentialNumber;
import org.credence.issuance.CredentialReadRoutes;
import org.credence.issuance.IssuedCredential;
import org.credence.lifecycle.Lifecycle;
import org.credence.lifecycle.StateChange;
import org.credence.renewal.EmailChange;
import org.credence.renewal.EmailChanges;
import org.credence.renewal.RenewCommand;
import org.credence.renewal.Renewals;
import org.credence.tenant.Caller;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/**
 * The app's credential page {@code /app/credentials/{number}}, its confirmation steps and actions, and the list's CSV
 * export {@code /app/credentials.csv}. Each action calls the same service method, with the same command, as its API
 * route: {@link Lifecycle#change} (revoke, suspend, reinstate), {@link Delivery#resend}, {@link Renewals#renew} and
 * {@link EmailChanges#change}; each is audited there, as the signed-in user.
 */
public final class CredentialDetailRoutes {
    /** The services the page reads and acts through. */
    public record Services(CredentialDetails details, Lifecycle lifecycle, Delivery delivery, Renewals renewals, EmailChanges emails,
                           CredentialListing listing, org.credence.audit.AuditReader audit, URI publicUrl) {}

    private CredentialDetailRoutes() {}

    public static void register(JavalinConfig config, Services services, Sessions sessions) {
        config.routes.get("/app/credentials.csv", ctx -> {
            SignedIn signedIn = sessions.require(ctx, org.credence.user.Permission.READ);
            // the list page's filters, as the API's export reads them: the whole filtered set, streamed
            CredentialReadRoutes.export(ctx, services.listing(), signedIn.user().tenantId(), CredentialExport.Format.CSV, services.publicUrl());
        });
        config.routes.get("/app/credentials/{number}", ctx -> {
            SignedIn signedIn = sessions.require(ctx, org.credence.user.Permission.READ);
            String lang = language(ctx);
            Optional<CredentialDetails.Detail> detail = find(services, signedIn, ctx.pathParam("number"));
            if (detail.isEmpty()) {
                missing(ctx, lang);
                return;
            }
            ctx.html(CredentialDetailPage.detail(lang, signedIn, detail.get(), notice(ctx, lang), services.audit()));
        });
        for (CredentialAction action : CredentialAction.values()) {
            String path = "/app/credentials/{number}/" + action.word();
            config.routes.get(path, ctx -> {
                SignedIn signedIn = sessions.require(ctx, action.permission());
                String lang = language(ctx);
                Optional<CredentialDetails.Detail> detail = find(services, signedIn, ctx.pathParam("number"));
                if (detail.isEmpty()) {
                    missing(ctx, lang);
                    return;
                }
                ctx.html(CredentialDetailPage.confirm(lang, signedIn, detail.get(), action, initial(services, signedIn, detail.get(), action), null,
                        kept(ctx, action)));
            });
            if (action == CredentialAction.RESEND) {
                continue; // posted to the list's resend route, which returns here when asked (IssuerCredentialRoutes)
            }
            config.routes.post(path, ctx -> {
                SignedIn signedIn = sessions.require(ctx, action.permission()); // checks the origin and the form's CSRF token
                String lang = language(ctx);
                Optional<CredentialDetails.Detail> detail = find(services, signedIn, ctx.pathParam("number"));
                if (detail.isEmpty()) {
                    missing(ctx, lang);
                    return;
                }
                Map<String, String> typed = typed(ctx);
                if (!"yes".equals(ctx.formParam("confirm"))) {
                    // a post that skipped the confirmation step changes nothing: it is shown the step
                    ctx.status(422).html(CredentialDetailPage.confirm(lang, signedIn, detail.get(), action, typed,
                            new FormMessage("confirm", CredentialDetailPage.text(lang).get("confirm.required"), 422)));
                    return;
                }
                IssuedCredential credential = detail.get().credential();
                if (!action.appliesTo(detail.get().standing())) {
                    // a stale or hand-made form: reinstating an active credential, renewing a revoked one
                    ctx.status(409).html(CredentialDetailPage.confirm(lang, signedIn, detail.get(), action, typed,
                            new FormMessage(null, CredentialDetailPage.text(lang).get("not_applicable"), 409)));
                    return;
                }
                try {
                    String outcome = act(services, caller(signedIn), credential, action, typed);
                    ctx.redirect("/app/credentials/" + credential.number() + "?notice=" + action.word() + outcome
                            + (lang.equals("en") ? "" : "&lang=" + lang), HttpStatus.SEE_OTHER);
                } catch (DomainException refused) {
                    FormMessage message = FormMessage.of(refused, lang);
                    ctx.status(message.status()).html(CredentialDetailPage.confirm(lang, signedIn, detail.get(), action, typed, message));
                }
            });
        }
    }

    /** The resend step's hidden fields: where it was asked from, and the list's filters when from the list. */
    private static Map<String, String> kept(Context ctx, CredentialAction action) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (action != CredentialAction.RESEND) {
            return kept;
        }
        boolean fromList = "list".equals(ctx.queryParam("from"));
        kept.put("from", fromList ? "list" : "detail");
        for (String name : fromList ? org.credence.delivery.IssuerCredentialsPage.FILTERS : List.<String>of()) {
            String value = ctx.queryParam(name);
            if (value != null && !value.isBlank()) {
                kept.put(name, value.strip());
            }
        }
        return kept;
    }

    /** Does it; returns what the notice adds to the address (a renewal's number), or "". */
    private static String act(Services services, Caller caller, IssuedCredential credential, CredentialAction action, Map<String, String> typed) {
        String number = credential.number();
        switch (action) {
            case REVOKE -> services.lifecycle().change(caller, new StateChange(number, StateChange.Action.REVOKE, typed.get("reason")));
            case SUSPEND -> services.lifecycle().change(caller, new StateChange(number, StateChange.Action.SUSPEND, typed.get("reason")));
            case REINSTATE -> services.lifecycle().change(caller, new StateChange(number, StateChange.Action.REINSTATE, typed.get("reason")));
            case RENEW -> {
                Renewals.Renewed renewed = services.renewals().renew(caller, new RenewCommand(number, expiry(typed.get("expiresAt")),
                        "on".equals(typed.get("notify"))));
                return "&renewal=" + renewed.successor().number();
            }
            case EMAIL -> services.emails().change(caller, new EmailChange(number, typed.get("email"), "on".equals(typed.get("reissue"))));
            case RESEND -> services.delivery().resend(caller, number);
            default -> throw new IllegalStateException(action.name());
        }
        return "";
    }

    /** What a confirmation form starts with: the recipient's address to change, the renewal's mail ticked. */
    private static Map<String, String> initial(Services services, SignedIn signedIn, CredentialDetails.Detail detail, CredentialAction action) {
        Map<String, String> values = new LinkedHashMap<>();
        if (action == CredentialAction.EMAIL) {
            values.put("email", detail.credential().recipientEmail());
        }
        if (action == CredentialAction.RENEW) {
            values.put("notify", "on");
            Instant next = services.renewals().defaultExpiry(signedIn.user().tenantId(), detail.credential());
            values.put("defaultExpiry", next == null ? "" : next.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        return values;
    }

    private static Map<String, String> typed(Context ctx) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : new String[] {"reason", "expiresAt", "notify", "email", "reissue", "defaultExpiry"}) {
            String value = ctx.formParam(field);
            if (value != null) {
                typed.put(field, value);
            }
        }
        return typed;
    }

    /** A day typed into the renewal form: the renewal expires at its start (UTC); empty is the default expiry. */
    private static Instant expiry(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new DomainException.InvalidInput("expiresAt", ErrorText.of("credential.expires_invalid", "value", typed));
        }
    }

    private static Caller caller(SignedIn signedIn) {
        return new Caller(signedIn.user().tenantId(), Set.of("issue"), signedIn.actor());
    }

    private static Optional<CredentialDetails.Detail> find(Services services, SignedIn signedIn, String number) {
        // the page's address names a number; anything else is no credential (an id is the API's)
        return CredentialNumber.parse(number).flatMap(n -> services.details().find(signedIn.user().tenantId(), n.value()));
    }

    private static void missing(Context ctx, String lang) {
        Map<String, String> t = CredentialDetailPage.text(lang);
        ctx.status(404).html(Pages.render("claim/notice.jte", Map.of("lang", lang, "title", t.get("missing.title"), "message", t.get("missing.text"),
                "backUrl", "/app/credentials" + (lang.equals("en") ? "" : "?lang=" + lang), "backLabel", t.get("back"))));
    }

    /** What the issue form's redirect names (IssuePage): a new credential, or the one the recipient already held. */
    private static final Set<String> ISSUE_NOTICES = Set.of("issued", "already_issued");

    /** The sentence after an action; only our texts, and a renewal's number only when it is a well-formed one. */
    private static String notice(Context ctx, String lang) {
        String word = ctx.queryParam("notice");
        if (word != null && ISSUE_NOTICES.contains(word)) { // Set.of refuses to look up null
            // the issue form lands here: say whether a credential was issued or the recipient already held one
            return org.credence.i18n.Messages.of("credential_detail", lang).text("notice." + word);
        }
        Optional<CredentialAction> done = Optional.ofNullable(word).flatMap(CredentialAction::of);
        if (done.isEmpty()) {
            return "";
        }
        String renewal = CredentialNumber.parse(ctx.queryParam("renewal")).map(CredentialNumber::value).orElse("");
        return org.credence.i18n.Messages.of("credential_detail", lang).format("notice." + done.get().word(), Map.of("renewal", renewal));
    }

    static String language(Context ctx) {
        return Pages.language(ctx, ctx.formParam("lang"));
    }
}
