package org.credence.user;

import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import org.credence.audit.AuditTrail;
import org.credence.http.Auth;
import org.credence.tenant.Tenants;
import org.jdbi.v3.core.Jdbi;

/**
 * Users, sign-in and sessions, wired together. Pages elsewhere take {@link #sessions()} and call
 * {@code sessions.require(ctx, permission)}.
 */
public record UserModule(Users users, Logins logins, Sessions sessions, Tenants tenants) {
    public static UserModule create(Jdbi jdbi, Tenants tenants, AuditTrail audit, Clock clock, SecureRandom random, URI publicUrl) {
        Passwords passwords = new Passwords(random);
        return new UserModule(new Users(jdbi, passwords, audit, clock), new Logins(jdbi, tenants, passwords, audit, clock),
                new Sessions(jdbi, clock, random, publicUrl), tenants);
    }

    /** The sign-in pages and the user API. */
    public void register(JavalinConfig config, Auth auth) {
        SessionRoutes.register(config, sessions, logins, users);
        UserRoutes.register(config, users, auth, tenants);
    }
}
