package org.credence.user;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
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

    /**
     * A user to add with a password chosen for them (the API; the first owner at setup).
     *
     * @param password as typed: not stripped, spaces at either end are part of a password
     */
    public record NewUser(String email, String name, Role role, String password) {
        @Override
        public String toString() {
            return "NewUser[" + email + ", " + role + "]";
        }
    }

    /** A change to a user; null fields stay as they are. */
    public record UserChange(String name, Role role, Boolean disabled) {}

    /** A person invited by e-mail: they get a link to choose their own password (valid {@link PasswordTokens#INVITATION_VALID}). */
    public record Invitation(String email, String name, Role role, String language) {}

    /** Checks a new user's fields without storing anything: what the setup page asks before it makes the tenant. */
    public static void check(NewUser user) {
        email(user.email());
        name(user.name());
        required(user.role());
        chosen(user.password());
    }

    public User create(Caller caller, NewUser command) {
        check(command);
        String email = command.email().strip();
        String hash = passwords.hash(chosen(command.password())).encode();
        return insert(caller, email, command.name().strip(), command.role(), hash, "user.create");
    }

    /**
     * Adds a user who chooses their own password through the link mailed to them; until then no password opens the
     * account (it holds the hash of a random one nobody saw).
     */
    public User invite(Caller caller, Invitation command, PasswordTokens tokens) {
        String email = email(command.email());
        String name = name(command.name());
        required(command.role());
        String hash = passwords.hash(Password.chosen(tokens.randomPassword())).encode();
        return jdbi.inTransaction(h -> {
            User user = insert(h, caller, email, name, command.role(), hash, "user.invite");
            tokens.issue(h, user, PasswordTokens.Purpose.INVITATION, command.language(), caller.actor());
            return user;
        });
    }

    /** Ends every session of {@code user} (on every device), audited. */
    public void signOutEverywhere(User user) {
        jdbi.useTransaction(h -> {
            SessionStore.endAll(h, user.tenantId(), user.id());
            audit.record(h, user.tenantId(), "user:" + user.id(), "user.sessions.end-all", "user:" + user.id(), null, null);
        });
    }

    private User insert(Caller caller, String email, String name, Role role, String hash, String action) {
        return jdbi.inTransaction(h -> insert(h, caller, email, name, role, hash, action));
    }

    private User insert(org.jdbi.v3.core.Handle h, Caller caller, String email, String name, Role role, String hash, String action) {
        long tenantId = caller.tenantId();
        long id = UserStore.insert(h, tenantId, email, name, role, hash, clock.instant())
                .orElseThrow(() -> new DomainException.Conflict(ErrorText.of("user.email_taken", "email", email)));
        User user = UserStore.byId(h, tenantId, id).orElseThrow();
        audit.record(h, tenantId, caller.actor(), action, "user:" + id, null, user.json());
        return user;
    }

    private static String email(String typed) {
        String email = typed == null ? "" : typed.strip();
        if (email.isEmpty() || email.length() > 320) {
            throw new DomainException.InvalidInput("email", ErrorText.of("user.email_required"));
        }
        if (!email.matches(EMAIL)) {
            throw new DomainException.InvalidInput("email", ErrorText.of("user.email_invalid", "email", email));
        }
        return email;
    }

    private static String name(String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new DomainException.InvalidInput("name", ErrorText.of("user.name_required"));
        }
        return name;
    }

    private static void required(Role role) {
        if (role == null) {
            throw new DomainException.InvalidInput("role", ErrorText.of("user.role_required"));
        }
    }

    private static Password chosen(String typed) {
        if (typed == null) {
            throw new DomainException.InvalidInput("password", ErrorText.of("user.password_required"));
        }
        try {
            return Password.chosen(typed);
        } catch (IllegalArgumentException e) {
            // Password says which rule broke in English only; the same rule, in the errors bundle
            int length = typed.codePointCount(0, typed.length());
            throw new DomainException.InvalidInput("password", length < Password.MIN_LENGTH
                    ? ErrorText.of("user.password_short", "length", length, "min", Password.MIN_LENGTH)
                    : ErrorText.of("user.password_long", "length", length, "max", Password.MAX_LENGTH));
        }
    }

    public List<User> list(long tenantId) {
        return jdbi.withHandle(h -> UserStore.list(h, tenantId));
    }

    /** The ids of the tenant's users invited who have not chosen their password yet (shown as invited, not active). */
    public java.util.Set<Long> invited(long tenantId) {
        return jdbi.withHandle(h -> UserStore.invited(h, tenantId));
    }

    public User get(long tenantId, String id) {
        long userId = id(id);
        return jdbi.withHandle(h -> UserStore.byId(h, tenantId, userId)).orElseThrow(() -> notFound(id));
    }

    /** Changes name, role or disabled; disabling ends the user's sessions at once. The last active owner stays one. */
    public User update(Caller caller, String id, UserChange change) {
        long userId = id(id);
        String name = change.name();
        if (name != null && (name.isBlank() || name.length() > 200)) {
            throw new DomainException.InvalidInput("name", ErrorText.of("user.name_blank"));
        }
        long tenantId = caller.tenantId();
        return jdbi.inTransaction(h -> {
            User before = UserStore.byId(h, tenantId, userId).orElseThrow(() -> notFound(id));
            User after = new User(before.id(), tenantId, before.email(), name == null ? before.name() : name.strip(),
                    change.role() == null ? before.role() : change.role(),
                    change.disabled() == null ? before.disabled() : change.disabled(), before.createdAt(), before.lastLoginAt());
            boolean wasActiveOwner = before.role() == Role.OWNER && !before.disabled();
            boolean staysActiveOwner = after.role() == Role.OWNER && !after.disabled();
            if (wasActiveOwner && !staysActiveOwner && UserStore.otherActiveOwners(h, tenantId, userId) == 0) {
                throw new DomainException.Conflict(ErrorText.of("user.last_owner", "email", before.email()));
            }
            UserStore.update(h, after);
            if (after.disabled() && !before.disabled()) {
                SessionStore.endAll(h, tenantId, userId);
            }
            audit.record(h, tenantId, caller.actor(), "user.update", "user:" + userId, before.json(), after.json());
            return after;
        });
    }

    /** The role named {@code text} ({@code owner}, {@code issuer} …), null for null; refused naming the field otherwise. */
    public static Role role(String text) {
        if (text == null) {
            return null;
        }
        return Role.parse(text).orElseThrow(() -> new DomainException.InvalidInput("role", ErrorText.of("user.role_unknown", "role", text)));
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw notFound(text);
        }
    }

    private static DomainException notFound(String id) {
        return new DomainException.NotFound(ErrorText.of("user.not_found", "id", id));
    }
}
