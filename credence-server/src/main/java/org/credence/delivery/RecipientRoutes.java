package org.credence.delivery;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import org.credence.http.Pages;
import org.credence.http.SameOrigin;
import org.credence.issuance.IssuedCredential;
import org.credence.tracking.EventType;
import org.credence.tracking.ServerEvents;

/** The recipient's pages: sign in by magic link, see their credentials, switch privacy, sign out. */
final class RecipientRoutes {
    static final String COOKIE = "credence_recipient";
    private static final String JSON = "credential.json";

    /** A file on the recipient's page: the tracking channel of its download and the end of its saved name. */
    private record Download(String channel, String suffix) {}

    private static final Map<String, Download> DOWNLOADS = Map.of(RecipientFiles.CERTIFICATE, new Download("pdf", ".pdf"),
            RecipientFiles.BADGE, new Download("badge", "-badge.png"), JSON, new Download("json", ".json"));

    private RecipientRoutes() {}

    static void register(JavalinConfig config, Recipients recipients, boolean secureCookie, java.util.function.Consumer<String> privacyChanged,
                         RecipientFiles files, ServerEvents events, SameOrigin sameOrigin,
                         java.util.function.BiFunction<Long, String, java.util.List<org.credence.pathway.RecipientPathway>> pathways) {
        config.routes.get("/me", ctx -> {
            String lang = ClaimRoutes.language(ctx);
            Map<String, String> t = PageText.of(lang);
            Optional<RecipientAccess.Session> session = recipients.session(ctx.cookie(COOKIE));
            if (session.isEmpty()) {
                String tenant = Optional.ofNullable(ctx.queryParam("tenant")).orElse("");
                ClaimRoutes.html(ctx, 200, Pages.render("me/sign_in.jte", Map.of("lang", lang, "t", t, "tenant", tenant.length() > 63 ? "" : tenant)));
                return;
            }
            Recipients.Dashboard dashboard = recipients.dashboard(session.get());
            // just claimed (the claim form comes here for a private credential): say so above the list
            String claimed = achievementOf(dashboard, ctx.queryParam("claimed"));
            // came from the public address of a credential they keep private: say why they are here
            String privatePage = achievementOf(dashboard, ctx.queryParam("private"));
            ClaimRoutes.html(ctx, 200, Pages.render("me/dashboard.jte", Map.of("lang", lang, "t", t, "issuer", dashboard.tenant().name(),
                    "email", dashboard.email(), "csrf", session.get().csrf(), "credentials", dashboard.credentials(), "claimed", claimed,
                    "privatePage", privatePage, "pathways", pathways.apply(session.get().tenantId(), session.get().email()))));
        });
        config.routes.post("/me/sign-in", ctx -> {
            if (ClaimRoutes.refusedCrossSite(ctx, sameOrigin)) {
                return;
            }
            recipients.requestSignIn(ctx.formParam("tenant"), ctx.formParam("email"));
            notice(ctx, 200, "me.title", "me.sent");
        });
        config.routes.get("/me/sign-in/{token}", ctx -> {
            // a page with a button, not a sign-in: mail scanners open links, and must not use them up
            String lang = ClaimRoutes.language(ctx);
            ClaimRoutes.html(ctx, 200, Pages.render("me/confirm.jte", Map.of("lang", lang, "t", PageText.of(lang), "token", ctx.pathParam("token"))));
        });
        config.routes.post("/me/sign-in/{token}", ctx -> {
            if (ClaimRoutes.refusedCrossSite(ctx, sameOrigin)) {
                return;
            }
            Optional<String> cookie = recipients.signIn(ctx.pathParam("token"));
            if (cookie.isEmpty()) {
                notice(ctx, 410, "me.title", "me.expired");
                return;
            }
            startSession(ctx, cookie.get(), secureCookie);
            ctx.redirect("/me" + query(ctx), HttpStatus.SEE_OTHER);
        });
        config.routes.post("/me/credentials/{number}/privacy", ctx -> {
            if (ClaimRoutes.refusedCrossSite(ctx, sameOrigin)) {
                return;
            }
            Optional<RecipientAccess.Session> session = checked(ctx, recipients);
            if (session.isEmpty()) {
                return;
            }
            String visibility = "private".equals(ctx.formParam("visibility")) ? "private" : "public";
            if (recipients.setPrivacy(session.get(), ctx.pathParam("number"), visibility, "on".equals(ctx.formParam("tracking")))) {
                privacyChanged.accept(ctx.pathParam("number"));
            }
            ctx.redirect("/me" + query(ctx), HttpStatus.SEE_OTHER);
        });
        config.routes.get("/me/credentials/{number}/{file}", ctx -> {
            Optional<RecipientAccess.Session> session = recipients.session(ctx.cookie(COOKIE));
            if (session.isEmpty()) {
                ctx.redirect("/me" + query(ctx), HttpStatus.SEE_OTHER);
                return;
            }
            Optional<IssuedCredential> held = recipients.held(session.get(), ctx.pathParam("number"));
            if (held.isPresent() && held.get().withdrawn()) {
                // the recipient's own copy is withdrawn too, as at the public addresses: 410 revoked, 404 while suspended
                notice(ctx, held.get().state().equals("revoked") ? 410 : 404, "me.title", "me.withdrawn");
                return;
            }
            String name = ctx.pathParam("file");
            Download download = DOWNLOADS.get(name);
            Optional<RecipientFiles.File> file = held.filter(c -> download != null).flatMap(c -> name.equals(JSON)
                    ? Optional.of(new RecipientFiles.File("application/ld+json", c.documentText().getBytes(StandardCharsets.UTF_8)))
                    : files.file(c, name));
            if (file.isEmpty()) {
                notice(ctx, 404, "me.title", "me.nofile");
                return;
            }
            String number = held.get().number();
            events.recordByRecipientThen(ctx, number, EventType.DOWNLOAD, download.channel(), () -> ctx.contentType(file.get().contentType())
                    .header("Content-Disposition", "attachment; filename=\"" + number + download.suffix() + "\"")
                    .header("Cache-Control", "private, no-store").result(file.get().bytes()));
        });
        config.routes.post("/me/logout", ctx -> {
            if (ClaimRoutes.refusedCrossSite(ctx, sameOrigin)) {
                return;
            }
            if (checked(ctx, recipients).isEmpty()) {
                return;
            }
            recipients.signOut(ctx.cookie(COOKIE));
            ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secureCookie ? "; Secure" : ""));
            ctx.redirect("/me" + query(ctx), HttpStatus.SEE_OTHER);
        });
    }

    /** Sets the cookie of a recipient session just opened (by a sign-in link, or by a claim). */
    static void startSession(Context ctx, String session, boolean secureCookie) {
        // the whole site: the credential pages tell the recipient's own views from others' by it
        ctx.header("Set-Cookie", COOKIE + "=" + session + "; Path=/; Max-Age=" + RecipientAccess.SESSION_LIFETIME.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secureCookie ? "; Secure" : ""));
    }

    /** The session, if the cookie opens one and the form carries its CSRF token; otherwise the answer is already sent. */
    private static Optional<RecipientAccess.Session> checked(Context ctx, Recipients recipients) {
        Optional<RecipientAccess.Session> session = recipients.session(ctx.cookie(COOKIE));
        if (session.isEmpty()) {
            ctx.redirect("/me" + query(ctx), HttpStatus.SEE_OTHER);
            return Optional.empty();
        }
        if (!Tokens.same(session.get().csrf(), ctx.formParam("csrf"))) {
            notice(ctx, 403, "me.title", "me.csrf");
            return Optional.empty();
        }
        return session;
    }

    private static void notice(Context ctx, int status, String title, String message) {
        String lang = ClaimRoutes.language(ctx);
        Map<String, String> t = PageText.of(lang);
        ClaimRoutes.html(ctx, status, Pages.render("claim/notice.jte", Map.of("lang", lang, "title", t.get(title), "message", t.get(message),
                "backUrl", "/me" + (lang.equals("en") ? "" : "?lang=" + lang), "backLabel", t.get("back"))));
    }

    private static String query(Context ctx) {
        return "nb".equals(ClaimRoutes.language(ctx)) ? "?lang=nb" : "";
    }

    /** The achievement of the signed-in recipient's credential with this number, or "" (not theirs, or none asked). */
    private static String achievementOf(Recipients.Dashboard dashboard, String number) {
        return dashboard.credentials().stream().filter(c -> c.number().equals(number))
                .map(HeldCredential::achievement).findFirst().orElse("");
    }
}
