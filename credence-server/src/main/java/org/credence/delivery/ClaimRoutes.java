package org.credence.delivery;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.credence.http.Pages;
import org.credence.http.Problem;
import org.credence.http.SameOrigin;
import org.credence.tracking.EventType;
import org.credence.tracking.ServerEvents;

/** The claim link's pages: the credential and the recipient's choices; a clear page when a link no longer works. */
final class ClaimRoutes {
    private ClaimRoutes() {}

    static void register(JavalinConfig config, Claims claims, ServerEvents events, java.util.function.Consumer<String> privacyChanged,
                         boolean secureCookie, SameOrigin sameOrigin) {
        config.routes.get("/claim/{token}", ctx -> show(ctx, claims.open(ctx.pathParam("token")), ctx.pathParam("token")));
        config.routes.post("/claim/{token}", ctx -> {
            if (refusedCrossSite(ctx, sameOrigin)) {
                return;
            }
            String visibility = ctx.formParam("visibility");
            if (!"public".equals(visibility) && !"private".equals(visibility)) {
                throw Problem.invalidField("visibility", "visibility must be 'public' or 'private'");
            }
            Claims.Opened claimed = claims.claim(ctx.pathParam("token"), visibility, "on".equals(ctx.formParam("tracking")));
            if (claimed instanceof Claims.Claimed c) {
                privacyChanged.accept(c.card().number());
                RecipientRoutes.startSession(ctx, c.session(), secureCookie);
                String lang = "nb".equals(language(ctx)) ? "?lang=nb" : "";
                // a private credential's public page says only that it is private: its holder sees it on their own page
                String next = c.visibility().equals("public") ? "/c/" + c.card().number() + lang
                        : "/me" + (lang.isEmpty() ? "?" : lang + "&") + "claimed=" + c.card().number();
                // counted as an event too, so the weekly claims trend sees it (the claim rate reads claimed_at)
                events.recordByRecipientThen(ctx, c.card().number(), EventType.CLAIM, "", () -> ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER));
            } else {
                show(ctx, claimed, null);
            }
        });
        config.routes.post("/claim", ctx -> {
            if (refusedCrossSite(ctx, sameOrigin)) {
                return;
            }
            claims.requestLink(ctx.formParam("number"));
            String lang = language(ctx);
            Map<String, String> t = PageText.of(lang);
            html(ctx, 200, Pages.render("claim/notice.jte", Map.of("lang", lang, "title", t.get("newlink.title"), "message", t.get("newlink.sent"))));
        });
    }

    private static void show(Context ctx, Claims.Opened opened, String token) {
        String lang = language(ctx);
        Map<String, String> t = PageText.of(lang);
        if (opened instanceof Claims.Claimable c) {
            CredentialCard card = c.card();
            html(ctx, 200, Pages.render("claim/form.jte", Map.of("lang", lang, "t", t, "token", token, "number", card.number(),
                    "name", card.recipientName(), "achievement", card.achievement(), "issuer", card.issuer(),
                    "isPrivate", card.visibility().equals("private"), "tracking", card.trackingAllowed())));
        } else {
            Claims.Unusable unusable = (Claims.Unusable) opened;
            html(ctx, unusable.reason().equals("unknown") ? 404 : 410, Pages.render("claim/unusable.jte", Map.of("lang", lang, "t", t,
                    "reason", unusable.reason(), "number", unusable.number(),
                    "signIn", "/me?" + (lang.equals("en") ? "" : "lang=" + lang + "&") + "tenant=" + unusable.issuerSlug())));
        }
    }

    /**
     * These forms are only ever posted from our own pages. A browser says where a request comes
     * from (Sec-Fetch-Site, Origin, Referer); one from another site (a forged form that signs
     * someone into a stranger's session, say) gets a 403 page that says so. True when it did,
     * and the route must stop.
     */
    static boolean refusedCrossSite(Context ctx, SameOrigin sameOrigin) {
        if (!sameOrigin.crossSite(ctx)) {
            return false;
        }
        String lang = language(ctx);
        Map<String, String> t = PageText.of(lang);
        html(ctx, 403, Pages.render("claim/notice.jte", Map.of("lang", lang, "title", t.get("crosssite.title"), "message", t.get("crosssite.text"))));
        return true;
    }

    static String language(Context ctx) {
        return Pages.language(ctx);
    }

    static void html(Context ctx, int status, String page) {
        // these pages carry single-use links: keep them out of caches and other sites' referrers
        // (same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with our own forms)
        ctx.status(status).contentType("text/html; charset=utf-8").header("Cache-Control", "no-store").header("Referrer-Policy", "same-origin")
                .result(page);
    }
}
