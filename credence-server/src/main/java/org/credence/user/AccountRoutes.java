package org.credence.user;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.credence.domain.DomainException;
import org.credence.http.Auth;
import org.credence.http.FormMessage;
import org.credence.http.HttpServer;
import org.credence.i18n.Messages;
import org.credence.tenant.ApiKeys;
import org.credence.tenant.Caller;

/**
 * The user module's pages and API: sign-in ({@link SessionRoutes}), the user API ({@link UserRoutes}), and the
 * account pages of issue 15: {@code /setup}, {@code /password-reset}, the sign-in code, {@code /app/account},
 * {@code /app/users} and {@code /app/api-keys}. Every form posts without JavaScript and redirects after a change
 * (303), or re-renders with what was typed and the refusal beside its field.
 */
public final class AccountRoutes {
    private static final Set<String> USER_NOTICES = Set.of("users.invited", "users.changed");

    private AccountRoutes() {}

    public static void register(JavalinConfig config, UserModule module, Auth auth, ApiKeys apiKeys) {
        // a password check that found no free hashing slot in time: 503 with Retry-After, a problem on the API, a page elsewhere
        config.routes.exception(HashingLimit.Busy.class, (e, ctx) -> {
            ctx.header("Retry-After", String.valueOf(e.retryAfter().toSeconds()));
            if (ctx.path().startsWith("/api/")) {
                HttpServer.problem(ctx, 503, "Service unavailable", e.getMessage(), null);
            } else {
                html(ctx, 503, UserPages.message(UserPages.language(ctx), "busy"));
            }
        });
        SessionRoutes.register(config, module.sessions(), module.logins(), module.users());
        UserRoutes.register(config, module.users(), auth, module.tenants());
        setup(config, module);
        passwordReset(config, module);
        account(config, module);
        users(config, module);
        apiKeys(config, module.sessions(), apiKeys);
    }

    private static void setup(JavalinConfig config, UserModule module) {
        Sessions sessions = module.sessions();
        config.routes.get("/setup", ctx -> {
            String lang = UserPages.language(ctx);
            if (module.setup().done()) {
                html(ctx, 200, setupDone(lang));
                return;
            }
            html(ctx, 200, AccountPages.setup(lang, Map.of(), Map.of()));
        });
        config.routes.post("/setup", ctx -> {
            // no session yet, so no CSRF token: a cross-site form is refused by its origin instead
            sessions.checkSameOrigin(ctx);
            String lang = UserPages.language(ctx);
            Map<String, String> typed = new LinkedHashMap<>();
            for (String field : List.of("organisation.name", "organisation.slug", "organisation.url", "organisation.locale", "owner.name",
                    "owner.email")) {
                typed.put(field, clip(Objects.requireNonNullElse(ctx.formParam(field), "")));
            }
            Setup.FirstRun run = new Setup.FirstRun(ctx.formParam("code"), typed.get("organisation.name"), typed.get("organisation.slug"),
                    typed.get("organisation.url"), typed.get("organisation.locale"), typed.get("owner.name"), typed.get("owner.email"),
                    ctx.formParam("owner.password"));
            Messages t = Messages.of("setup", lang);
            Setup.Outcome outcome;
            try {
                outcome = module.setup().complete(run);
            } catch (DomainException e) {
                FormMessage message = FormMessage.of(e, lang);
                html(ctx, message.status(), AccountPages.setup(lang, typed, AccountPages.errors(message)));
                return;
            }
            if (outcome instanceof Setup.Outcome.Done done) {
                sessions.end(ctx);
                sessions.start(ctx, done.owner());
                ctx.redirect("/app" + suffix(lang), HttpStatus.SEE_OTHER);
            } else if (outcome instanceof Setup.Outcome.Throttled throttled) {
                ctx.header("Retry-After", String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
                html(ctx, 429, AccountPages.setup(lang, typed, Map.of("code", t.text("throttled"))));
            } else if (outcome instanceof Setup.Outcome.AlreadyDone) {
                html(ctx, 409, setupDone(lang));
            } else {
                html(ctx, 422, AccountPages.setup(lang, typed, Map.of("code", t.text("wrong"))));
            }
        });
    }

    private static void passwordReset(JavalinConfig config, UserModule module) {
        Sessions sessions = module.sessions();
        PasswordTokens tokens = module.passwordTokens();
        config.routes.get("/password-reset", ctx -> html(ctx, 200, AccountPages.resetRequest(UserPages.language(ctx), Map.of())));
        config.routes.post("/password-reset", ctx -> {
            sessions.checkSameOrigin(ctx);
            String lang = UserPages.language(ctx);
            tokens.requestReset(new PasswordTokens.ResetRequest(ctx.formParam("organisation"), ctx.formParam("email"), lang));
            // the same answer whether or not the address belongs to anyone
            Messages t = Messages.of("account", lang);
            html(ctx, 200, AccountPages.notice(lang, t.text("reset.sent.title"), t.text("reset.sent.text"),
                    Messages.of("users", lang).text("login.title"), "/login" + suffix(lang)));
        });
        config.routes.get("/password-reset/{token}", ctx -> {
            String lang = UserPages.language(ctx);
            String token = ctx.pathParam("token");
            secret(ctx);
            tokens.open(token).ifPresentOrElse(opened -> html(ctx, 200, AccountPages.choose(lang, opened, token, Map.of())),
                    () -> html(ctx, 404, expired(lang)));
        });
        config.routes.post("/password-reset/{token}", ctx -> {
            sessions.checkSameOrigin(ctx);
            String lang = UserPages.language(ctx);
            String token = ctx.pathParam("token");
            secret(ctx);
            try {
                tokens.choose(new PasswordTokens.NewPassword(token, ctx.formParam("password"), ctx.formParam("repeat")));
            } catch (DomainException.NotFound e) {
                html(ctx, 404, expired(lang));
                return;
            } catch (DomainException.InvalidInput e) {
                var opened = tokens.open(token);
                if (opened.isEmpty()) {
                    html(ctx, 404, expired(lang));
                    return;
                }
                html(ctx, 422, AccountPages.choose(lang, opened.get(), token, Map.of(e.field(), AccountPages.passwordRule(lang, e.field()))));
                return;
            }
            Messages t = Messages.of("account", lang);
            html(ctx, 200, AccountPages.notice(lang, t.text("choose.done.title"), t.text("choose.done.text"),
                    Messages.of("users", lang).text("login.title"), "/login" + suffix(lang)));
        });
        config.routes.post("/login/code", ctx -> {
            sessions.checkSameOrigin(ctx);
            String lang = UserPages.language(ctx);
            String pending = Objects.requireNonNullElse(ctx.formParam("pending"), "");
            String next = SessionRoutes.localPath(ctx.formParam("next"));
            Logins.Outcome outcome = module.logins().secondStep(pending, ctx.formParam("code"));
            if (outcome instanceof Logins.Outcome.SignedIn signedIn) {
                sessions.end(ctx);
                sessions.start(ctx, signedIn.user());
                ctx.redirect(next, HttpStatus.SEE_OTHER);
            } else if (outcome instanceof Logins.Outcome.Throttled throttled) {
                ctx.header("Retry-After", String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
                html(ctx, 429, UserPages.message(lang, "throttled"));
            } else {
                html(ctx, 401, AccountPages.code(lang, clip(pending), next, Map.of("code", Messages.of("account", lang).text("code.wrong"))));
            }
        });
    }

    private static void account(JavalinConfig config, UserModule module) {
        Sessions sessions = module.sessions();
        SecondFactor factor = module.secondFactor();
        config.routes.get("/app/account", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.READ);
            html(ctx, 200, accountPage(UserPages.language(ctx), signedIn, factor, Map.of()));
        });
        config.routes.post("/app/account/totp", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.READ);
            String lang = UserPages.language(ctx);
            secret(ctx);
            try {
                html(ctx, 200, AccountPages.enrol(lang, signedIn, factor.begin(signedIn.user(), issuer(signedIn)), Map.of()));
            } catch (DomainException.Conflict e) {
                ctx.redirect("/app/account" + suffix(lang), HttpStatus.SEE_OTHER);
            }
        });
        config.routes.post("/app/account/totp/confirm", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.READ);
            String lang = UserPages.language(ctx);
            secret(ctx);
            try {
                html(ctx, 200, AccountPages.recovery(lang, signedIn, factor.confirm(signedIn.user(), ctx.formParam("code"))));
            } catch (DomainException.InvalidInput e) {
                var pending = factor.pending(signedIn.user(), issuer(signedIn));
                if (pending.isEmpty()) {
                    ctx.redirect("/app/account" + suffix(lang), HttpStatus.SEE_OTHER);
                    return;
                }
                html(ctx, 422, AccountPages.enrol(lang, signedIn, pending.get(), Map.of("code", Messages.of("account", lang).text("code.wrong"))));
            } catch (DomainException.Conflict e) {
                ctx.redirect("/app/account" + suffix(lang), HttpStatus.SEE_OTHER);
            }
        });
        config.routes.post("/app/account/totp/disable", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.READ);
            String lang = UserPages.language(ctx);
            Messages t = Messages.of("account", lang);
            // the password, then the code: each counted by the login throttle (a right password does not reset the code's count)
            Logins.Outcome confirmed = module.logins().confirm(signedIn.user(), Password.typed(ctx.formParam("password")));
            if (!(confirmed instanceof Logins.Outcome.SignedIn)) {
                refusedDisable(ctx, lang, confirmed, accountPage(lang, signedIn, factor, Map.of("password", t.text("account.wrong_password"))));
                return;
            }
            Logins.Outcome disabled = module.logins().disableSecondFactor(signedIn.user(), ctx.formParam("code"));
            if (!(disabled instanceof Logins.Outcome.SignedIn)) {
                refusedDisable(ctx, lang, disabled, accountPage(lang, signedIn, factor, Map.of("code", t.text("code.wrong"))));
                return;
            }
            html(ctx, 200, AccountPages.notice(lang, t.text("disabled.title"), t.text("disabled.text"), t.text("account.title"),
                    "/app/account" + suffix(lang)));
        });
        config.routes.post("/app/account/sign-out-everywhere", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.READ); // checks the form's CSRF token
            module.users().signOutEverywhere(signedIn.user());
            sessions.clearCookie(ctx);
            ctx.redirect("/login" + suffix(UserPages.language(ctx)), HttpStatus.SEE_OTHER);
        });
    }

    /** A refused step of turning TOTP off: 429 with Retry-After when throttled, else the account page with the field's message. */
    private static void refusedDisable(Context ctx, String lang, Logins.Outcome outcome, String page) {
        if (outcome instanceof Logins.Outcome.Throttled throttled) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
            html(ctx, 429, UserPages.message(lang, "throttled"));
            return;
        }
        html(ctx, 422, page);
    }

    private static void users(JavalinConfig config, UserModule module) {
        Sessions sessions = module.sessions();
        Users users = module.users();
        config.routes.get("/app/users", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_USERS);
            String done = Objects.requireNonNullElse(ctx.queryParam("done"), "");
            html(ctx, 200, AccountPages.users(UserPages.language(ctx), signedIn, users.list(signedIn.user().tenantId()), users.invited(signedIn.user().tenantId()), Map.of(), Map.of(),
                    USER_NOTICES.contains(done) ? done : ""));
        });
        config.routes.post("/app/users/invite", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_USERS);
            String lang = UserPages.language(ctx);
            Map<String, String> typed = new LinkedHashMap<>();
            for (String field : List.of("email", "name", "role")) {
                typed.put(field, clip(Objects.requireNonNullElse(ctx.formParam(field), "")));
            }
            usersChange(ctx, users, signedIn, lang, typed, () -> users.invite(admin(signedIn),
                    new Users.Invitation(typed.get("email"), typed.get("name"), Users.role(typed.get("role")), lang), module.passwordTokens()),
                    "users.invited");
        });
        config.routes.post("/app/users/{id}/role", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_USERS);
            String lang = UserPages.language(ctx);
            usersChange(ctx, users, signedIn, lang, Map.of(), () -> users.update(admin(signedIn), ctx.pathParam("id"),
                    new Users.UserChange(null, Users.role(Objects.requireNonNullElse(ctx.formParam("role"), "")), null)), "users.changed");
        });
        config.routes.post("/app/users/{id}/disable", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_USERS);
            String lang = UserPages.language(ctx);
            if (!"yes".equals(ctx.formParam("confirm"))) {
                html(ctx, 422, AccountPages.users(lang, signedIn, users.list(signedIn.user().tenantId()), users.invited(signedIn.user().tenantId()), Map.of(),
                        Map.of("", Messages.of("users", lang).format("users.confirm.disable", Map.of("name", "…"))), ""));
                return;
            }
            usersChange(ctx, users, signedIn, lang, Map.of(), () -> users.update(admin(signedIn), ctx.pathParam("id"),
                    new Users.UserChange(null, null, true)), "users.changed");
        });
        config.routes.post("/app/users/{id}/enable", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_USERS);
            usersChange(ctx, users, signedIn, UserPages.language(ctx), Map.of(), () -> users.update(admin(signedIn), ctx.pathParam("id"),
                    new Users.UserChange(null, null, false)), "users.changed");
        });
    }

    /** Runs a change of the users page: 303 back with a notice, or the page again with the refusal (invite fields beside their field). */
    private static void usersChange(Context ctx, Users users, SignedIn signedIn, String lang, Map<String, String> typed, Runnable change, String notice) {
        try {
            change.run();
        } catch (DomainException e) {
            FormMessage message = FormMessage.of(e, lang);
            // a refused row change (last owner, unknown user) is said above the table; an invitation's beside its field
            Map<String, String> errors = typed.isEmpty() ? Map.of("", message.text()) : AccountPages.errors(message);
            html(ctx, message.status(), AccountPages.users(lang, signedIn, users.list(signedIn.user().tenantId()), users.invited(signedIn.user().tenantId()), typed, errors, ""));
            return;
        }
        ctx.redirect("/app/users?done=" + notice + ("nb".equals(lang) ? "&lang=nb" : ""), HttpStatus.SEE_OTHER);
    }

    private static void apiKeys(JavalinConfig config, Sessions sessions, ApiKeys keys) {
        config.routes.get("/app/api-keys", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
            String lang = UserPages.language(ctx);
            html(ctx, 200, AccountPages.apiKeys(lang, signedIn, keys.list(signedIn.user().tenantId()), Map.of(), Map.of(),
                    "revoked".equals(ctx.queryParam("done")) ? "revoked" : "", null));
        });
        config.routes.post("/app/api-keys", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
            String lang = UserPages.language(ctx);
            Set<String> scopes = new LinkedHashSet<>(ctx.formParams("scopes"));
            String label = clip(Objects.requireNonNullElse(ctx.formParam("label"), ""));
            keyChange(ctx, keys, signedIn, lang, Map.of("label", label, "scopes", String.join(" ", scopes)),
                    () -> keys.create(settings(signedIn), new ApiKeys.NewKey(scopes, label)));
        });
        config.routes.post("/app/api-keys/{prefix}/rotate", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
            String lang = UserPages.language(ctx);
            if (!"yes".equals(ctx.formParam("confirm"))) {
                ctx.redirect("/app/api-keys" + suffix(lang), HttpStatus.SEE_OTHER);
                return;
            }
            keyChange(ctx, keys, signedIn, lang, Map.of(), () -> keys.rotate(settings(signedIn), ctx.pathParam("prefix"), Duration.ZERO));
        });
        config.routes.post("/app/api-keys/{prefix}/revoke", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
            String lang = UserPages.language(ctx);
            if (!"yes".equals(ctx.formParam("confirm"))) {
                ctx.redirect("/app/api-keys" + suffix(lang), HttpStatus.SEE_OTHER);
                return;
            }
            try {
                keys.revoke(settings(signedIn), ctx.pathParam("prefix"));
            } catch (DomainException e) {
                FormMessage message = FormMessage.of(e, lang);
                html(ctx, message.status(), AccountPages.apiKeys(lang, signedIn, keys.list(signedIn.user().tenantId()), Map.of(),
                        Map.of("", message.text()), "", null));
                return;
            }
            ctx.redirect("/app/api-keys?done=revoked" + ("nb".equals(lang) ? "&lang=nb" : ""), HttpStatus.SEE_OTHER);
        });
    }

    /** Makes a key and shows it this once (never in an address, never cached), or the page again with the refusal. */
    private static void keyChange(Context ctx, ApiKeys keys, SignedIn signedIn, String lang, Map<String, String> typed,
                                  java.util.function.Supplier<ApiKeys.Created> change) {
        secret(ctx);
        ApiKeys.Created created;
        try {
            created = change.get();
        } catch (DomainException e) {
            FormMessage message = FormMessage.of(e, lang);
            Map<String, String> errors = typed.isEmpty() ? Map.of("", message.text()) : AccountPages.errors(message);
            html(ctx, message.status(), AccountPages.apiKeys(lang, signedIn, keys.list(signedIn.user().tenantId()), typed, errors, "", null));
            return;
        }
        html(ctx, 200, AccountPages.apiKeys(lang, signedIn, keys.list(signedIn.user().tenantId()), Map.of(), Map.of(), "", created));
    }

    private static String accountPage(String lang, SignedIn signedIn, SecondFactor factor, Map<String, String> errors) {
        boolean on = factor.enabled(signedIn.user());
        return AccountPages.account(lang, signedIn, on, on ? factor.recoveryCodesLeft(signedIn.user()) : 0, errors);
    }

    /** The caller a users-page change is made as: the signed-in user, administering their own tenant. */
    private static Caller admin(SignedIn signedIn) {
        return new Caller(signedIn.user().tenantId(), Set.of("admin"), signedIn.actor());
    }

    /** The caller an API-keys change is made as: a user with MANAGE_SETTINGS may grant every scope. */
    private static Caller settings(SignedIn signedIn) {
        return new Caller(signedIn.user().tenantId(), ApiKeys.SCOPES, signedIn.actor());
    }

    private static String issuer(SignedIn signedIn) {
        return "Credence " + signedIn.tenantName();
    }

    private static String setupDone(String lang) {
        Messages t = Messages.of("setup", lang);
        return AccountPages.notice(lang, t.text("done.title"), t.text("done.text"), Messages.of("users", lang).text("login.title"),
                "/login" + suffix(lang));
    }

    private static String expired(String lang) {
        Messages t = Messages.of("account", lang);
        return AccountPages.notice(lang, t.text("expired.title"), t.text("expired.text"), t.text("reset.title"), "/password-reset" + suffix(lang));
    }

    /** A page carrying a secret (a link's token, a new key, a TOTP secret): never cached, never sent on as a referrer. */
    private static void secret(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    private static String suffix(String lang) {
        return "nb".equals(lang) ? "?lang=nb" : "";
    }

    private static String clip(String text) {
        return text.length() > 320 ? text.substring(0, 320) : text;
    }

    private static void html(Context ctx, int status, String page) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(page);
    }
}
