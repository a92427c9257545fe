package org.credence.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.json.JsonFields;
import org.credence.tenant.Caller;
import org.jdbi.v3.core.Jdbi;

/**
 * A tenant's users: added, listed, changed and disabled by the tenant's administrators. A tenant
 * always keeps one owner who can sign in: the last one can be neither demoted nor disabled.
 */
public final class Users {
    public static final Set<String> CREATE_FIELDS = Set.of("email", "name", "role", "password");
    public static final Set<String> UPDATE_FIELDS = Set.of("name", "role", "disabled");
    private static final String EMAIL = "[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+";

    private final Jdbi jdbi;
    private final Passwords passwords;
    private final AuditTrail audit;
    private final Clock clock;

    public Users(Jdbi jdbi, Passwords passwords, AuditTrail audit, Clock clock) {
        this.jdbi = jdbi;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** A checked password change: what became of it and, when allowed, the new password's hash to store. */
    public record PasswordChange(Outcome outcome, String newHash) {
        public enum Outcome { CHANGED, WRONG_CURRENT, LENGTH, MISMATCH }
    }

    /**
     * Checks a new password (the current one is confirmed by {@link Logins#confirm} first): it must
     * have an allowed length and be typed twice the same.
     */
    PasswordChange checkNewPassword(String chosen, String repeated) {
        Password next;
        try {
            next = Password.chosen(chosen);
        } catch (IllegalArgumentException e) {
            return new PasswordChange(PasswordChange.Outcome.LENGTH, null);
        }
        if (!chosen.equals(repeated)) {
            return new PasswordChange(PasswordChange.Outcome.MISMATCH, null);
        }
        return new PasswordChange(PasswordChange.Outcome.CHANGED, passwords.hash(next).encode());
    }

    /**
     * Stores a checked password change and ends the user's other sessions (anyone signed in with
     * the old password is signed out), with its audit record, in one transaction.
     */
    void changePassword(User user, PasswordChange checked, byte[] keptSessionTokenHash) {
        if (checked.outcome() != PasswordChange.Outcome.CHANGED) {
            throw new IllegalArgumentException("the password change was refused: " + checked.outcome());
        }
        jdbi.useTransaction(h -> {
            UserStore.setPassword(h, user.tenantId(), user.id(), checked.newHash());
            SessionStore.endAllBut(h, user.tenantId(), user.id(), keptSessionTokenHash);
            audit.record(h, user.tenantId(), "user:" + user.id(), "user.password.change", "user:" + user.id(), null, null);
        });
    }

    public User create(Caller caller, ObjectNode body) {
        String email = JsonFields.requiredText(body, "email", 320);
        if (!email.matches(EMAIL)) {
            throw new DomainException.InvalidInput("email", "email '" + email + "' is not an e-mail address like name@example.org");
        }
        String name = JsonFields.requiredText(body, "name", 200);
        Role role = role(body);
        if (role == null) {
            throw new DomainException.InvalidInput("role", "role is required: one of owner, issuer, analyst, viewer");
        }
        JsonNode typed = body.get("password");
        if (typed == null || !typed.isTextual()) {
            throw new DomainException.InvalidInput("password", "password is required, as a string");
        }
        Password password;
        try {
            // not stripped: spaces at either end are part of a password
            password = Password.chosen(typed.asText());
        } catch (IllegalArgumentException e) {
            throw new DomainException.InvalidInput("password", e.getMessage());
        }
        String hash = passwords.hash(password).encode();
        long tenantId = caller.tenantId();
        return jdbi.inTransaction(h -> {
            long id = UserStore.insert(h, tenantId, email, name, role, hash, clock.instant())
                    .orElseThrow(() -> new DomainException.Conflict("a user with e-mail " + email + " already exists at this tenant"));
            User user = UserStore.byId(h, tenantId, id).orElseThrow();
            audit.record(h, tenantId, caller.actor(), "user.create", "user:" + id, null, user.json());
            return user;
        });
    }

    public List<User> list(long tenantId) {
        return jdbi.withHandle(h -> UserStore.list(h, tenantId));
    }

    public User get(long tenantId, String id) {
        long userId = id(id);
        return jdbi.withHandle(h -> UserStore.byId(h, tenantId, userId)).orElseThrow(() -> notFound(id));
    }

    /** Changes name, role or disabled; disabling ends the user's sessions at once. */
    public User update(Caller caller, String id, ObjectNode body) {
        long userId = id(id);
        String name = JsonFields.optionalText(body, "name", 200);
        if (name != null && name.isBlank()) {
            throw new DomainException.InvalidInput("name", "name must not be blank");
        }
        Role role = role(body);
        JsonNode disabledNode = body.get("disabled");
        if (disabledNode != null && !disabledNode.isBoolean()) {
            throw new DomainException.InvalidInput("disabled", "disabled must be true or false");
        }
        long tenantId = caller.tenantId();
        return jdbi.inTransaction(h -> {
            User before = UserStore.byId(h, tenantId, userId).orElseThrow(() -> notFound(id));
            User after = new User(before.id(), tenantId, before.email(), name == null ? before.name() : name, role == null ? before.role() : role,
                    disabledNode == null ? before.disabled() : disabledNode.booleanValue(), before.createdAt(), before.lastLoginAt());
            boolean wasActiveOwner = before.role() == Role.OWNER && !before.disabled();
            boolean staysActiveOwner = after.role() == Role.OWNER && !after.disabled();
            if (wasActiveOwner && !staysActiveOwner && UserStore.otherActiveOwners(h, tenantId, userId) == 0) {
                throw new DomainException.Conflict(before.email() + " is the tenant's last active owner; make another user owner first");
            }
            UserStore.update(h, after);
            if (after.disabled() && !before.disabled()) {
                SessionStore.endAll(h, tenantId, userId);
            }
            audit.record(h, tenantId, caller.actor(), "user.update", "user:" + userId, before.json(), after.json());
            return after;
        });
    }

    private static Role role(ObjectNode body) {
        String text = JsonFields.optionalText(body, "role", 20);
        if (text == null) {
            return null;
        }
        return Role.parse(text).orElseThrow(() -> new DomainException.InvalidInput("role", "role '" + text + "' is not one of owner, issuer, analyst, viewer"));
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw notFound(text);
        }
    }

    private static DomainException notFound(String id) {
        return new DomainException.NotFound("no user " + id + " at this tenant");
    }
}
