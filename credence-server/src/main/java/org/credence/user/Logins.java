package org.credence.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.credence.audit.AuditTrail;
import org.credence.json.JsonFields;
import org.credence.tenant.Tenant;
import org.credence.tenant.Tenants;
import org.jdbi.v3.core.Jdbi;

/**
 * Checks an e-mail and password at a tenant. Every answer but success looks the same to the
 * person trying, whatever was wrong; the audit trail records which it was (never the password).
 * Five failures for one e-mail at one tenant within 15 minutes lock that e-mail out for 15 minutes.
 */
public final class Logins {
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    /** How a login attempt ended. */
    public sealed interface Outcome {
        record SignedIn(User user) implements Outcome {}
        record Refused() implements Outcome {}
        record Throttled(Duration retryAfter) implements Outcome {}
        /** The password was right; the user has a second factor, whose code the sign-in waits for with {@code pendingToken}. */
        record CodeNeeded(User user, String pendingToken) implements Outcome {}
    }

    private final Jdbi jdbi;
    private final Tenants tenants;
    private final Passwords passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecondFactor secondFactor;
    private final java.util.concurrent.atomic.AtomicReference<Instant> lastPurge = new java.util.concurrent.atomic.AtomicReference<>(Instant.EPOCH);

    public Logins(Jdbi jdbi, Tenants tenants, Passwords passwords, AuditTrail audit, Clock clock, SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
        this.jdbi = jdbi;
        this.tenants = tenants;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    public Outcome attempt(String tenantSlug, String email, Password password) {
        Optional<Tenant> tenant = tenantSlug == null ? Optional.empty() : tenants.bySlug(tenantSlug.strip().toLowerCase(Locale.ROOT));
        String typedEmail = email == null ? "" : email.strip();
        if (tenant.isEmpty() || typedEmail.isEmpty() || typedEmail.length() > 320) {
            passwords.matchesNobody(password);
            return new Outcome.Refused();
        }
        long tenantId = tenant.get().id();
        String key = typedEmail.toLowerCase(Locale.ROOT);
        Instant now = now();
        purgeThrottle(now);
        // counted as a failure before the (slow) check, so parallel guesses cannot slip past the limit
        Optional<Instant> lockedUntil = count(tenantId, key, now, "anonymous", "user.login.throttled", "email:" + key);
        if (lockedUntil.isPresent()) {
            return new Outcome.Throttled(Duration.between(now, lockedUntil.get()));
        }
        Optional<UserStore.WithHash> found = jdbi.withHandle(h -> UserStore.byEmail(h, tenantId, key));
        if (found.isEmpty() || !password.couldHaveBeenChosen()) {
            passwords.matchesNobody(password);
            record(tenantId, "anonymous", "user.login.failed", "email:" + key, found.isEmpty() ? "unknown e-mail" : "wrong password");
            return new Outcome.Refused();
        }
        User user = found.get().user();
        PasswordHash stored = PasswordHash.of(found.get().passwordHash());
        if (!passwords.matches(password, stored) || user.disabled()) {
            record(tenantId, "anonymous", "user.login.failed", "user:" + user.id(), user.disabled() ? "disabled" : "wrong password");
            return new Outcome.Refused();
        }
        String rehashed = passwords.needsRehash(stored) ? passwords.hash(password).encode() : null;
        if (found.get().totp()) {
            // the password was right: its throttle is cleared, and the code is counted by a throttle of its own
            jdbi.useTransaction(h -> {
                LoginThrottle.clear(h, tenantId, key).ifPresent(ended -> recordEnded(h, ended));
                if (rehashed != null) {
                    UserStore.setPassword(h, tenantId, user.id(), rehashed);
                }
                audit.record(h, tenantId, "user:" + user.id(), "user.login.password", "user:" + user.id(), null, null);
            });
            return new Outcome.CodeNeeded(user, secondFactor.startPending(user));
        }
        jdbi.useTransaction(h -> {
            LoginThrottle.clear(h, tenantId, key).ifPresent(ended -> recordEnded(h, ended));
            UserStore.loggedIn(h, tenantId, user.id(), now, rehashed);
            ObjectNode after = JsonFields.MAPPER.createObjectNode().put("rehashed", rehashed != null);
            audit.record(h, tenantId, "user:" + user.id(), "user.login", "user:" + user.id(), null, after);
        });
        return new Outcome.SignedIn(new User(user.id(), tenantId, user.email(), user.name(), user.role(), false, user.createdAt(), now));
    }

    /**
     * The second step of a sign-in with a second factor: the code (TOTP or a recovery code) for the sign-in waiting
     * with {@code pendingToken}. Wrong codes are counted per user by the login throttle (under {@code "totp <e-mail>"}),
     * so knowing the password does not buy unlimited guesses; a sign-in waiting longer than
     * {@link SecondFactor#PENDING} starts again with the password.
     */
    public Outcome secondStep(String pendingToken, String code) {
        Instant now = now();
        Optional<long[]> pending = jdbi.withHandle(h -> secondFactor.pendingUser(h, pendingToken, now));
        Optional<User> found = pending.flatMap(ids -> jdbi.withHandle(h -> UserStore.byId(h, ids[0], ids[1]))).filter(u -> !u.disabled());
        if (found.isEmpty()) {
            return new Outcome.Refused();
        }
        User user = found.get();
        String key = codeKey(user);
        Optional<Instant> lockedUntil = count(user.tenantId(), key, now, "user:" + user.id(), "user.login.code.throttled", "user:" + user.id());
        if (lockedUntil.isPresent()) {
            return new Outcome.Throttled(Duration.between(now, lockedUntil.get()));
        }
        boolean right = jdbi.inTransaction(h -> {
            if (!secondFactor.verify(h, user.tenantId(), user.id(), code, now)) {
                return false;
            }
            secondFactor.endPending(h, pendingToken);
            LoginThrottle.clear(h, user.tenantId(), key).ifPresent(ended -> recordEnded(h, ended));
            UserStore.loggedIn(h, user.tenantId(), user.id(), now, null);
            audit.record(h, user.tenantId(), "user:" + user.id(), "user.login", "user:" + user.id(), null,
                    JsonFields.MAPPER.createObjectNode().put("secondFactor", true));
            return true;
        });
        if (!right) {
            record(user.tenantId(), "user:" + user.id(), "user.login.code.failed", "user:" + user.id(), "wrong code");
            return new Outcome.Refused();
        }
        return new Outcome.SignedIn(new User(user.id(), user.tenantId(), user.email(), user.name(), user.role(), false, user.createdAt(), now));
    }

    /**
     * Turns a signed-in user's second factor off with {@code code} (TOTP or a recovery code), after the caller has checked
     * their password. Wrong codes are counted by the same throttle, under the same key, as the sign-in's code step: a
     * right password clears only the password's count, so it must not buy unlimited guesses at the code here either.
     */
    public Outcome disableSecondFactor(User user, String code) {
        Instant now = now();
        String key = codeKey(user);
        Optional<Instant> lockedUntil = count(user.tenantId(), key, now, "user:" + user.id(), "user.totp.disable.throttled", "user:" + user.id());
        if (lockedUntil.isPresent()) {
            return new Outcome.Throttled(Duration.between(now, lockedUntil.get()));
        }
        try {
            secondFactor.disable(user, code);
        } catch (org.credence.domain.DomainException.InvalidInput wrong) {
            record(user.tenantId(), "user:" + user.id(), "user.totp.disable.failed", "user:" + user.id(), "wrong code");
            return new Outcome.Refused();
        }
        jdbi.useTransaction(h -> LoginThrottle.clear(h, user.tenantId(), key).ifPresent(ended -> recordEnded(h, ended)));
        return new Outcome.SignedIn(user);
    }

    /** The throttle's key for a user's codes: a space, which no e-mail address has, so it is never a real address's. */
    private static String codeKey(User user) {
        return "totp " + user.email().toLowerCase(Locale.ROOT);
    }

    /**
     * Asks a signed-in user for their password again (before a password change), counted by the
     * same throttle as sign-ins, so a borrowed session cannot guess its way to the account.
     */
    public Outcome confirm(User user, Password password) {
        String key = user.email().toLowerCase(Locale.ROOT);
        Instant now = now();
        Optional<Instant> lockedUntil = count(user.tenantId(), key, now, "user:" + user.id(), "user.password.confirm.throttled", "user:" + user.id());
        if (lockedUntil.isPresent()) {
            return new Outcome.Throttled(Duration.between(now, lockedUntil.get()));
        }
        String stored = jdbi.withHandle(h -> UserStore.byEmail(h, user.tenantId(), key)).orElseThrow().passwordHash();
        if (!password.couldHaveBeenChosen() || !passwords.matches(password, PasswordHash.of(stored))) {
            record(user.tenantId(), "user:" + user.id(), "user.password.confirm.failed", "user:" + user.id(), "wrong password");
            return new Outcome.Refused();
        }
        jdbi.useTransaction(h -> LoginThrottle.clear(h, user.tenantId(), key).ifPresent(ended -> recordEnded(h, ended)));
        return new Outcome.SignedIn(user);
    }

    /**
     * Counts an attempt at the throttle and returns the end of a lock in force. Only the first
     * attempt a lock turns away is audited ({@code throttledAction}); the others are counted, and
     * their number is audited once when the lock is over.
     */
    private Optional<Instant> count(long tenantId, String key, Instant now, String actor, String throttledAction, String subject) {
        return jdbi.inTransaction(h -> {
            LoginThrottle.Counted counted = LoginThrottle.count(h, tenantId, key, now);
            counted.ended().ifPresent(ended -> recordEnded(h, ended));
            counted.locked().filter(locked -> locked.refused() == 1).ifPresent(locked -> audit.record(h, tenantId, actor, throttledAction, subject, null,
                    JsonFields.MAPPER.createObjectNode().put("reason", "throttled").put("lockedUntil", locked.until().toString())));
            return counted.locked().map(LoginThrottle.Locked::until);
        });
    }

    private void recordEnded(org.jdbi.v3.core.Handle h, LoginThrottle.Ended ended) {
        audit.record(h, ended.tenantId(), "system", "user.login.throttle.ended", "email:" + ended.email(), null,
                JsonFields.MAPPER.createObjectNode().put("refusedAttempts", ended.refused()));
    }

    /** Deletes throttle rows that count for nothing any more, at most once a minute (on a sign-in attempt, so no thread of its own). */
    private void purgeThrottle(Instant now) {
        Instant last = lastPurge.get();
        if (now.isBefore(last.plus(PURGE_EVERY)) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        jdbi.useTransaction(h -> LoginThrottle.purge(h, now).forEach(ended -> recordEnded(h, ended)));
    }

    // PostgreSQL keeps microseconds; comparing a nanosecond instant with a stored one would be off by the rounding
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private void record(long tenantId, String actor, String action, String subject, String reason) {
        jdbi.useHandle(h -> audit.record(h, tenantId, actor, action, subject, null, JsonFields.MAPPER.createObjectNode().put("reason", reason)));
    }
}
