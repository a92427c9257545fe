package org.credence.delivery;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.credence.http.FormMessage;
import org.credence.achievement.Achievements;
import org.credence.domain.DomainException;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.issuance.CredentialListing;
import org.credence.issuance.CredentialNumber;
import org.credence.issuance.CredentialQuery;
import org.credence.tenant.Caller;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/**
 * The signed-in issuer's credentials page and its resend button, which asks first (the credential page's confirmation
 * step, then back to the list with its filters). It lists through the same
 * {@link CredentialListing} as {@code GET /api/v1/credentials} and resends through the same
 * {@link Delivery#resend} as {@code POST /api/v1/credentials/{id}/resend}, audited alike.
 */
final class IssuerCredentialRoutes {
    static final int PAGE_SIZE = 25;

    private IssuerCredentialRoutes() {}

    static void register(JavalinConfig config, Delivery delivery, CredentialListing listing, Achievements achievements, Sessions sessions,
                         Clock clock) {
        config.routes.get("/app/credentials", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.READ);
            long tenant = signedIn.user().tenantId();
            Map<String, String> filters = filters(ctx::queryParam);
            String lang = language(ctx);
            String notice = notice(ctx, lang);
            // a search too short for the index: said on the page, the box keeps it, the list shows the other filters' credentials
            String typed = filters.getOrDefault("q", "");
            if (!typed.isEmpty() && CredentialQuery.tooShortToSearch(typed)) {
                filters.remove("q");
                notice = Messages.of("search", lang).format("too_short", Map.of("min", CredentialQuery.MIN_SEARCH, "typed", typed));
            }
            CredentialListing.Page page;
            try {
                page = listing.list(tenant, query(filters));
            } catch (DomainException unusable) {
                // a hand-edited or stale link: say what was wrong on the page itself, and show everything
                notice = IssuerCredentialsPage.text(lang).get("notice.bad_filter").formatted(FormMessage.of(unusable, lang).text());
                filters.clear();
                typed = "";
                page = listing.list(tenant, query(filters));
            }
            Map<UUID, CredentialDelivery> deliveries = delivery.latest(tenant, page.items().stream().map(c -> c.id()).toList());
            ctx.html(IssuerCredentialsPage.render(lang, signedIn, filters, typed, achievements.list(tenant), page, deliveries, notice,
                    clock.instant()));
        });
        config.routes.post("/app/credentials/{number}/resend", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.ISSUE); // checks the origin and the form's CSRF token
            String number = ctx.pathParam("number");
            if (!"yes".equals(ctx.formParam("confirm"))) {
                // a post that skipped the confirmation step (an old page, a hand-made form) resends nothing: it is shown the step
                Map<String, String> step = filters(ctx::formParam);
                step.put("from", "detail".equals(ctx.formParam("from")) ? "detail" : "list");
                String link = IssuerCredentialsPage.link(step, language(ctx)).substring("/app/credentials".length());
                ctx.redirect(CredentialNumber.parse(number).map(n -> "/app/credentials/" + n.value() + "/resend" + link)
                        .orElse(IssuerCredentialsPage.link(Map.of(), language(ctx))), HttpStatus.SEE_OTHER);
                return;
            }
            String outcome;
            try {
                delivery.resend(new Caller(signedIn.user().tenantId(), Set.of("issue"), signedIn.actor()), number);
                outcome = "resent";
            } catch (DomainException.Conflict revoked) {
                outcome = "revoked";
            }
            if ("detail".equals(ctx.formParam("from")) && outcome.equals("resent")) {
                // confirmed on the credential's own page (CredentialDetailRoutes): back there
                String lang = language(ctx);
                ctx.redirect("/app/credentials/" + CredentialNumber.parse(number).orElseThrow().value() + "?notice=resend"
                        + (lang.equals("en") ? "" : "&lang=" + lang), HttpStatus.SEE_OTHER);
                return;
            }
            // back to the page the button was on, its filters kept, with what happened
            Map<String, String> back = filters(ctx::formParam);
            back.put("notice", outcome);
            back.put("number", number);
            ctx.redirect(IssuerCredentialsPage.link(back, language(ctx)), HttpStatus.SEE_OTHER);
        });
    }

    private static CredentialQuery query(Map<String, String> filters) {
        return CredentialQuery.from(name -> name.equals("limit") ? String.valueOf(PAGE_SIZE) : filters.get(name));
    }

    /** The page's filters that were given and not blank (a form's "all" option sends an empty value). */
    private static Map<String, String> filters(java.util.function.Function<String, String> parameter) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : IssuerCredentialsPage.FILTERS) {
            String value = parameter.apply(name);
            if (value != null && !value.isBlank()) {
                filters.put(name, value.strip());
            }
        }
        return filters;
    }

    /** The sentence after a resend; nothing unless the number is a well-formed one (the text is ours, the number escaped). */
    private static String notice(Context ctx, String lang) {
        String kind = ctx.queryParam("notice");
        if (kind == null || !List.of("resent", "revoked").contains(kind)) {
            return "";
        }
        return CredentialNumber.parse(ctx.queryParam("number"))
                .map(n -> IssuerCredentialsPage.text(lang).get("notice." + kind).formatted(n.value())).orElse("");
    }

    private static String language(Context ctx) {
        return Pages.language(ctx, ctx.formParam("lang"));
    }
}
