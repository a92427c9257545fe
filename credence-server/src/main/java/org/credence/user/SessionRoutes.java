package org.credence.user;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/** The sign-in pages: {@code /login}, {@code /logout}, the user list and the password change (the home {@code /app} is {@code app.HomePage}). */
public final class SessionRoutes {
    private static final String HOME = "/app";

    private SessionRoutes() {}

    public static void register(JavalinConfig config, Sessions sessions, Logins logins, Users users) {
        config.routes.exception(PageResponse.class, (e, ctx) -> {
            if (e.location != null) {
                ctx.redirect(e.location, io.javalin.http.HttpStatus.SEE_OTHER);
            } else {
                html(ctx, e.status, UserPages.message(UserPages.language(ctx), e.message));
            }
        });
        config.routes.get("/login", ctx -> {
            String next = localPath(ctx.queryParam("next"));
            if (sessions.current(ctx).isPresent()) {
                ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
                return;
            }
            html(ctx, 200, UserPages.login(UserPages.language(ctx), "", "", next, false));
        });
        config.routes.post("/login", ctx -> {
            // no session yet, so no CSRF token: a cross-site login form is refused by its origin instead
            sessions.checkSameOrigin(ctx);
            String slug = Objects.requireNonNullElse(ctx.formParam("tenant"), "");
            String email = Objects.requireNonNullElse(ctx.formParam("email"), "");
            String next = localPath(ctx.formParam("next"));
            String lang = UserPages.language(ctx);
            Logins.Outcome outcome = logins.attempt(slug, email, Password.typed(ctx.formParam("password")));
            if (outcome instanceof Logins.Outcome.SignedIn signedIn) {
                sessions.end(ctx);
                sessions.start(ctx, signedIn.user());
                ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
            } else if (outcome instanceof Logins.Outcome.CodeNeeded needed) {
                // the password was right: the second step asks for the code (AccountRoutes, POST /login/code)
                ctx.header("Cache-Control", "no-store");
                html(ctx, 200, AccountPages.code(lang, needed.pendingToken(), next, java.util.Map.of()));
            } else if (outcome instanceof Logins.Outcome.Throttled throttled) {
                ctx.header("Retry-After", String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
                html(ctx, 429, UserPages.message(lang, "throttled"));
            } else {
                html(ctx, 401, UserPages.login(lang, clip(slug), clip(email), next, true));
            }
        });
        config.routes.post("/logout", ctx -> {
            // reading the session checks the CSRF token, so another site cannot sign a user out
            if (sessions.current(ctx).isPresent()) {
                sessions.end(ctx);
            }
            ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
        });
        config.routes.get(HOME + "/password", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.READ);
            html(ctx, 200, UserPages.password(UserPages.language(ctx), signedIn, null));
        });
        config.routes.post(HOME + "/password", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.READ); // checks the form's CSRF token
            String lang = UserPages.language(ctx);
            Logins.Outcome confirmed = logins.confirm(signedIn.user(), Password.typed(ctx.formParam("current")));
            if (confirmed instanceof Logins.Outcome.Throttled throttled) {
                ctx.header("Retry-After", String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
                html(ctx, 429, UserPages.message(lang, "throttled"));
                return;
            }
            if (!(confirmed instanceof Logins.Outcome.SignedIn)) {
                html(ctx, 422, UserPages.password(lang, signedIn, Users.PasswordChange.Outcome.WRONG_CURRENT));
                return;
            }
            Users.PasswordChange checked = users.checkNewPassword(Objects.requireNonNullElse(ctx.formParam("password"), ""),
                    Objects.requireNonNullElse(ctx.formParam("repeat"), ""));
            if (checked.outcome() != Users.PasswordChange.Outcome.CHANGED) {
                html(ctx, 422, UserPages.password(lang, signedIn, checked.outcome()));
                return;
            }
            users.changePassword(signedIn.user(), checked, sessions.tokenHash(ctx));
            html(ctx, 200, UserPages.message(lang, "changed"));
        });
    }

    /**
     * {@code next} when it is a path on this site, else the home page: never another site, so the
     * login form cannot be turned into an open redirect ({@code //evil.example}, {@code /\evil}, {@code https://…}).
     */
    static String localPath(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return HOME;
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : HOME;
        } catch (URISyntaxException e) {
            return HOME;
        }
    }

    private static String clip(String text) {
        return text.length() > 320 ? text.substring(0, 320) : text;
    }

    private static void html(Context ctx, int status, String page) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(page);
    }
}
