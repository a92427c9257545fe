package org.credence.user;

import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import org.credence.audit.AuditTrail;
import org.credence.http.Auth;
import org.credence.http.HttpServer;
import org.credence.tenant.Tenants;
import org.jdbi.v3.core.Jdbi;

/**
 * Users, sign-in and sessions, wired together. Pages elsewhere take {@link #sessions()} and call
 * {@code sessions.require(ctx, permission)}.
 */
public record UserModule(Users users, Logins logins, Sessions sessions, Tenants tenants, HashingLimit hashing) {
    public static UserModule create(Jdbi jdbi, Tenants tenants, AuditTrail audit, Clock clock, SecureRandom random, URI publicUrl) {
        HashingLimit hashing = HashingLimit.forThisMachine(Passwords.MEMORY_KIB);
        Passwords passwords = new Passwords(random, hashing);
        return new UserModule(new Users(jdbi, passwords, audit, clock), new Logins(jdbi, tenants, passwords, audit, clock),
                new Sessions(jdbi, clock, random, publicUrl), tenants, hashing);
    }

    /** The sign-in pages and the user API. */
    public void register(JavalinConfig config, Auth auth) {
        // a password check that found no free hashing slot in time: 503 with Retry-After, a problem on the API, a page elsewhere
        config.routes.exception(HashingLimit.Busy.class, (e, ctx) -> {
            ctx.header("Retry-After", String.valueOf(e.retryAfter().toSeconds()));
            if (ctx.path().startsWith("/api/")) {
                HttpServer.problem(ctx, 503, "Service unavailable", e.getMessage(), null);
            } else {
                ctx.status(503).contentType("text/html; charset=utf-8").result(UserPages.message(UserPages.language(ctx), "busy"));
            }
        });
        SessionRoutes.register(config, sessions, logins, users);
        UserRoutes.register(config, users, auth, tenants);
    }
}
