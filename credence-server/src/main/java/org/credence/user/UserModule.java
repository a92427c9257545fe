package org.credence.user;

import java.security.SecureRandom;
import java.time.Clock;
import org.credence.audit.AuditTrail;
import org.credence.delivery.Tokens;
import org.credence.tenant.MasterKey;
import org.credence.tenant.Tenants;
import org.jdbi.v3.core.Jdbi;

/**
 * Users, sign-in, sessions, first-run setup, password links and the second factor, wired together.
 * Pages elsewhere take {@link #sessions()} and call {@code sessions.require(ctx, permission)};
 * {@link AccountRoutes} registers this module's pages and API.
 */
public record UserModule(Users users, Logins logins, Sessions sessions, Tenants tenants, HashingLimit hashing, Setup setup,
                         PasswordTokens passwordTokens, SecondFactor secondFactor) {
    /**
     * @param master seals TOTP secrets
     * @param mail queues password-reset and invitation mail (delivery); give delivery {@link #passwordTokens()} to render it
     * @param sessions the sessions, built by the web layer (it knows what a cross-site request is)
     */
    public static UserModule create(Jdbi jdbi, Tenants tenants, AuditTrail audit, Clock clock, SecureRandom random, MasterKey master,
                                    AccountMail mail, Sessions sessions) {
        HashingLimit hashing = HashingLimit.forThisMachine(Passwords.MEMORY_KIB);
        Passwords passwords = new Passwords(random, hashing);
        Users users = new Users(jdbi, passwords, audit, clock);
        SecondFactor secondFactor = new SecondFactor(jdbi, master, audit, clock, random);
        return new UserModule(users, new Logins(jdbi, tenants, passwords, audit, clock, secondFactor), sessions, tenants, hashing,
                new Setup(jdbi, tenants, users, audit, clock, random),
                new PasswordTokens(jdbi, tenants, users, mail, audit, clock, new Tokens(random)), secondFactor);
    }
}
