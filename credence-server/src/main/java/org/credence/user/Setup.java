package org.credence.user;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.codec.binary.Base32;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.delivery.Tokens;
import org.credence.json.JsonFields;
import org.credence.tenant.Caller;
import org.credence.tenant.Tenant;
import org.credence.tenant.Tenants;
import org.jdbi.v3.core.Jdbi;

/**
 * The first run of a fresh installation (no user at any tenant yet): the person who started the
 * server makes the first organisation and its owner in the browser. A one-time setup code, printed
 * by {@code credence serve} and stored only as its SHA-256, proves they did, so a stranger who
 * reaches an exposed server first cannot claim it. The code works once; {@link #MAX_FAILURES}
 * wrong codes within {@link #WINDOW} lock setup for {@link #LOCKOUT} (a new start makes a new code).
 */
public final class Setup {
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final Base32 BASE32 = new Base32();
    private static final Caller INSTALLATION = new Caller(null, Set.of("admin"), "setup");

    /**
     * What the setup page sends.
     *
     * @param code the setup code the server printed
     * @param website the organisation's own website, or blank
     * @param language the organisation's language, {@code en} or {@code nb}
     */
    public record FirstRun(String code, String organisation, String slug, String website, String language, String ownerName,
                           String ownerEmail, String password) {
        @Override
        public String toString() {
            return "FirstRun[" + slug + ", " + ownerEmail + "]";
        }
    }

    /** How a setup attempt ended; refused fields come as {@link org.credence.domain.DomainException}s instead. */
    public sealed interface Outcome {
        record Done(Tenant tenant, User owner) implements Outcome {}
        record WrongCode() implements Outcome {}
        record Throttled(Duration retryAfter) implements Outcome {}
        record AlreadyDone() implements Outcome {}
    }

    private final Jdbi jdbi;
    private final Tenants tenants;
    private final Users users;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random;
    // once a user exists setup stays done: no query per landing-page view after that
    private final AtomicBoolean done = new AtomicBoolean();

    public Setup(Jdbi jdbi, Tenants tenants, Users users, AuditTrail audit, Clock clock, SecureRandom random) {
        this.jdbi = jdbi;
        this.tenants = tenants;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    /** True once any tenant has a user: setup is over for good. */
    public boolean done() {
        if (done.get()) {
            return true;
        }
        boolean any = jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM app_user)").mapTo(Boolean.class).one());
        if (any) {
            done.set(true);
        }
        return any;
    }

    /**
     * A new setup code for this start when setup is not done (the previous one stops working), else empty. The code
     * is 16 base32 letters and digits (80 random bits) in four groups; only its SHA-256 is stored.
     */
    public Optional<String> prepare() {
        if (done()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        String code = BASE32.encodeAsString(bytes);
        Timestamp now = Timestamp.from(now());
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO setup_code (id, code_hash, created_at, window_start)
                        VALUES (1, :hash, :now, :now)
                        ON CONFLICT (id) DO UPDATE
                           SET code_hash = :hash, created_at = :now, used_at = NULL, failures = 0, window_start = :now, locked_until = NULL
                        """)
                .bind("hash", Tokens.hash(code)).bind("now", now).execute());
        return Optional.of(code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-" + code.substring(12));
    }

    /**
     * Makes the first organisation (through {@link Tenants#create}, as the API does) and its owner, when the code is
     * right. The owner's fields are checked before the code is; the code is used up before the tenant is made, and
     * given back when the organisation's fields are refused, so a typo costs no new start.
     */
    public Outcome complete(FirstRun run) {
        if (done()) {
            return new Outcome.AlreadyDone();
        }
        Users.NewUser owner = new Users.NewUser(run.ownerEmail(), run.ownerName(), Role.OWNER, run.password());
        try {
            Users.check(owner);
        } catch (DomainException.InvalidInput e) {
            throw new DomainException.InvalidInput("owner." + e.field(), e);
        }
        Instant now = now();
        Optional<Outcome> refused = claim(run.code(), now);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            Tenants.Created created;
            try {
                created = tenants.create(INSTALLATION, new Tenants.NewTenant(run.slug(), run.organisation(), run.website(), run.language()));
            } catch (DomainException.InvalidInput e) {
                // the page's fields are named organisation.name, .slug, .url and .locale
                throw new DomainException.InvalidInput("organisation." + e.field(), e);
            } catch (DomainException.Conflict e) {
                throw new DomainException.InvalidInput("organisation.slug", e);
            }
            User user = users.create(new Caller(created.tenant().id(), Set.of("admin"), "setup"), owner);
            done.set(true);
            return new Outcome.Done(created.tenant(), user);
        } catch (RuntimeException e) {
            jdbi.useHandle(h -> h.createUpdate("UPDATE setup_code SET used_at = NULL WHERE id = 1").execute());
            throw e;
        }
    }

    /** Uses the code up if it is right (empty), or counts a wrong one and says why it was refused. */
    private Optional<Outcome> claim(String typed, Instant now) {
        String code = typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
        return jdbi.inTransaction(h -> {
            record Row(byte[] hash, Instant usedAt, int failures, Instant windowStart, Instant lockedUntil) {}
            Optional<Row> row = h.createQuery("SELECT code_hash, used_at, failures, window_start, locked_until FROM setup_code WHERE id = 1 FOR UPDATE")
                    .map((rs, ctx) -> new Row(rs.getBytes(1), instant(rs.getTimestamp(2)), rs.getInt(3), instant(rs.getTimestamp(4)),
                            instant(rs.getTimestamp(5))))
                    .findOne();
            if (row.isEmpty() || row.get().usedAt() != null) {
                return Optional.of(new Outcome.WrongCode());
            }
            if (row.get().lockedUntil() != null && now.isBefore(row.get().lockedUntil())) {
                return Optional.of(new Outcome.Throttled(Duration.between(now, row.get().lockedUntil())));
            }
            if (MessageDigest.isEqual(row.get().hash(), Tokens.hash(code))) {
                h.createUpdate("UPDATE setup_code SET used_at = :now WHERE id = 1").bind("now", Timestamp.from(now)).execute();
                audit.record(h, null, "setup", "setup.code.used", "setup", null, null);
                return Optional.empty();
            }
            boolean fresh = row.get().lockedUntil() != null || !now.isBefore(row.get().windowStart().plus(WINDOW));
            int failures = fresh ? 1 : row.get().failures() + 1;
            Instant lockedUntil = failures >= MAX_FAILURES ? now.plus(LOCKOUT) : null;
            h.createUpdate("UPDATE setup_code SET failures = :failures, window_start = :start, locked_until = :locked WHERE id = 1")
                    .bind("failures", failures).bind("start", Timestamp.from(fresh ? now : row.get().windowStart()))
                    .bind("locked", lockedUntil == null ? null : Timestamp.from(lockedUntil)).execute();
            audit.record(h, null, "anonymous", "setup.code.wrong", "setup", null,
                    JsonFields.MAPPER.createObjectNode().put("failures", failures).put("locked", lockedUntil != null));
            return Optional.of(new Outcome.WrongCode());
        });
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    // PostgreSQL keeps microseconds; comparing a nanosecond instant with a stored one would be off by the rounding
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
