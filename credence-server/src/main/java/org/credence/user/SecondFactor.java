package org.credence.user;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.credence.audit.AuditTrail;
import org.credence.delivery.Tokens;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.tenant.MasterKey;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The optional second factor: TOTP (RFC 6238: HMAC-SHA1, 30-second steps, six digits, computed by
 * java-otp) and ten single-use recovery codes. The secret is sealed with the master key; a code is
 * accepted for the step before, at and after now, and each step once (a code seen is not taken
 * again). Recovery codes carry 80 random bits each, so only their SHA-256 is stored.
 */
public final class SecondFactor {
    public static final int RECOVERY_CODES = 10;
    /** How long a sign-in whose password was right waits for its code. */
    public static final Duration PENDING = Duration.ofMinutes(5);
    private static final int SECRET_BYTES = 20;
    private static final Base32 BASE32 = new Base32();

    /**
     * A secret being set up: the text to type into an authenticator app and the {@code otpauth://} address its QR code holds.
     */
    public record Enrolment(String secret, String uri) {
        @Override
        public String toString() {
            return "Enrolment[REDACTED]";
        }
    }

    private final Jdbi jdbi;
    private final MasterKey master;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random;
    private final Tokens tokens;
    private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();

    public SecondFactor(Jdbi jdbi, MasterKey master, AuditTrail audit, Clock clock, SecureRandom random) {
        this.jdbi = jdbi;
        this.master = master;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
        this.tokens = new Tokens(random);
    }

    /** Whether {@code user} signs in with a code after the password. */
    public boolean enabled(User user) {
        return jdbi.withHandle(h -> h.createQuery("SELECT totp_enabled_at IS NOT NULL FROM app_user WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", user.tenantId()).bind("id", user.id()).mapTo(Boolean.class).one());
    }

    /** Starts setting up TOTP with a new secret (replacing one not yet confirmed); it works once confirmed with a code. */
    public Enrolment begin(User user, String issuer) {
        if (enabled(user)) {
            throw new DomainException.Conflict(ErrorText.of("totp.already_on"));
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE app_user SET totp_pending_sealed = :sealed WHERE tenant_id = :tenant AND id = :id")
                    .bind("sealed", master.seal(secret)).bind("tenant", user.tenantId()).bind("id", user.id()).execute();
            audit.record(h, user.tenantId(), actor(user), "user.totp.begin", actor(user), null, null);
        });
        return enrolment(user, issuer, secret);
    }

    /** The secret being set up, to show again beside a wrong code; empty when none is. */
    public Optional<Enrolment> pending(User user, String issuer) {
        return jdbi.withHandle(h -> h.createQuery("SELECT totp_pending_sealed FROM app_user WHERE tenant_id = :tenant AND id = :id")
                        .bind("tenant", user.tenantId()).bind("id", user.id()).map((rs, ctx) -> rs.getBytes(1)).findOne())
                .filter(sealed -> sealed != null).map(sealed -> enrolment(user, issuer, master.open(sealed)));
    }

    /**
     * Turns TOTP on once {@code code} matches the secret being set up; returns the ten recovery codes, shown once.
     * A wrong code is refused on the {@code code} field.
     */
    public List<String> confirm(User user, String code) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            byte[] sealed = h.createQuery("SELECT totp_pending_sealed FROM app_user WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                    .bind("tenant", user.tenantId()).bind("id", user.id()).map((rs, ctx) -> rs.getBytes(1)).one();
            if (sealed == null) {
                throw new DomainException.Conflict(ErrorText.of("totp.not_started"));
            }
            long step = matchingStep(master.open(sealed), code, now, Long.MIN_VALUE)
                    .orElseThrow(() -> new DomainException.InvalidInput("code", ErrorText.of("totp.code_wrong")));
            h.createUpdate("""
                            UPDATE app_user
                               SET totp_sealed = totp_pending_sealed
                                 , totp_pending_sealed = NULL
                                 , totp_enabled_at = :now
                                 , totp_last_step = :step
                             WHERE tenant_id = :tenant
                               AND id = :id
                            """)
                    .bind("now", Timestamp.from(now)).bind("step", step).bind("tenant", user.tenantId()).bind("id", user.id()).execute();
            List<String> codes = newRecoveryCodes(h, user);
            audit.record(h, user.tenantId(), actor(user), "user.totp.enable", actor(user), null, null);
            return codes;
        });
    }

    /** Turns TOTP off after a right code (or recovery code); the caller has checked the password. */
    public void disable(User user, String code) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            if (!verify(h, user.tenantId(), user.id(), code, now)) {
                throw new DomainException.InvalidInput("code", ErrorText.of("totp.code_or_recovery_wrong"));
            }
            h.createUpdate("""
                            UPDATE app_user
                               SET totp_sealed = NULL, totp_pending_sealed = NULL, totp_enabled_at = NULL, totp_last_step = NULL
                             WHERE tenant_id = :tenant
                               AND id = :id
                            """)
                    .bind("tenant", user.tenantId()).bind("id", user.id()).execute();
            h.createUpdate("DELETE FROM recovery_code WHERE tenant_id = :tenant AND user_id = :id")
                    .bind("tenant", user.tenantId()).bind("id", user.id()).execute();
            audit.record(h, user.tenantId(), actor(user), "user.totp.disable", actor(user), null, null);
        });
    }

    /** Recovery codes not used yet. */
    public int recoveryCodesLeft(User user) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM recovery_code WHERE tenant_id = :tenant AND user_id = :id AND used_at IS NULL")
                .bind("tenant", user.tenantId()).bind("id", user.id()).mapTo(Integer.class).one());
    }

    /**
     * Whether {@code code} is the user's TOTP code of a step not used before (which it then uses up) or one of
     * their unused recovery codes (which it marks used). The user's row is locked, so one code opens one sign-in.
     */
    boolean verify(Handle h, long tenantId, long userId, String code, Instant now) {
        record Stored(byte[] sealed, Long lastStep) {}
        Stored stored = h.createQuery("SELECT totp_sealed, totp_last_step FROM app_user WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                .bind("tenant", tenantId).bind("id", userId)
                .map((rs, ctx) -> new Stored(rs.getBytes(1), rs.getObject(2) == null ? null : rs.getLong(2))).one();
        if (stored.sealed() == null || code == null) {
            return false;
        }
        String typed = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (typed.matches("[0-9]{6}")) {
            Optional<Long> step = matchingStep(master.open(stored.sealed()), typed, now, stored.lastStep() == null ? Long.MIN_VALUE : stored.lastStep());
            step.ifPresent(s -> h.createUpdate("UPDATE app_user SET totp_last_step = :step WHERE tenant_id = :tenant AND id = :id")
                    .bind("step", s).bind("tenant", tenantId).bind("id", userId).execute());
            return step.isPresent();
        }
        if (!typed.matches("[A-Z2-7]{16}")) {
            return false;
        }
        return h.createUpdate("""
                        UPDATE recovery_code
                           SET used_at = :now
                         WHERE tenant_id = :tenant
                           AND user_id = :id
                           AND code_hash = :hash
                           AND used_at IS NULL
                        """)
                .bind("now", Timestamp.from(now)).bind("tenant", tenantId).bind("id", userId).bind("hash", Tokens.hash(typed)).execute() == 1;
    }

    /** Starts a sign-in that waits for its code; returns the token the code form carries back. */
    String startPending(User user) {
        String token = tokens.next();
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM pending_login WHERE tenant_id = :tenant AND user_id = :id AND expires_at <= :now")
                    .bind("tenant", user.tenantId()).bind("id", user.id()).bind("now", Timestamp.from(now)).execute();
            h.createUpdate("INSERT INTO pending_login (token_hash, tenant_id, user_id, expires_at) VALUES (:hash, :tenant, :id, :expires)")
                    .bind("hash", Tokens.hash(token)).bind("tenant", user.tenantId()).bind("id", user.id())
                    .bind("expires", Timestamp.from(now.plus(PENDING))).execute();
        });
        return token;
    }

    /** The tenant and user of a sign-in still waiting for its code, as {@code {tenantId, userId}}. */
    Optional<long[]> pendingUser(Handle h, String token, Instant now) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return h.createQuery("SELECT tenant_id, user_id FROM pending_login WHERE token_hash = :hash AND expires_at > :now")
                .bind("hash", Tokens.hash(token)).bind("now", Timestamp.from(now))
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne();
    }

    void endPending(Handle h, String token) {
        h.createUpdate("DELETE FROM pending_login WHERE token_hash = :hash").bind("hash", Tokens.hash(token)).execute();
    }

    private List<String> newRecoveryCodes(Handle h, User user) {
        h.createUpdate("DELETE FROM recovery_code WHERE tenant_id = :tenant AND user_id = :id")
                .bind("tenant", user.tenantId()).bind("id", user.id()).execute();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] bytes = new byte[10];
            random.nextBytes(bytes);
            String code = BASE32.encodeAsString(bytes);
            h.createUpdate("INSERT INTO recovery_code (tenant_id, user_id, code_hash) VALUES (:tenant, :id, :hash)")
                    .bind("tenant", user.tenantId()).bind("id", user.id()).bind("hash", Tokens.hash(code)).execute();
            codes.add(code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-" + code.substring(12));
        }
        return codes;
    }

    /** The step (before, at or after now) whose code {@code code} is, if later than {@code after}. */
    private Optional<Long> matchingStep(byte[] secret, String code, Instant now, long after) {
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        if (!typed.matches("[0-9]{6}")) {
            return Optional.empty();
        }
        long seconds = totp.getTimeStep().getSeconds();
        long current = Math.floorDiv(now.getEpochSecond(), seconds);
        SecretKeySpec key = new SecretKeySpec(secret, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
        for (long step = current - 1; step <= current + 1; step++) {
            if (step <= after) {
                continue;
            }
            try {
                String expected = totp.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * seconds), Locale.ROOT);
                if (java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), typed.getBytes(StandardCharsets.US_ASCII))) {
                    return Optional.of(step);
                }
            } catch (InvalidKeyException e) {
                throw new IllegalStateException("a TOTP secret cannot be used as an HMAC key", e);
            }
        }
        return Optional.empty();
    }

    private static Enrolment enrolment(User user, String issuer, byte[] secret) {
        String text = BASE32.encodeAsString(secret).replace("=", "");
        String label = URLEncoder.encode(issuer + ":" + user.email(), StandardCharsets.UTF_8).replace("+", "%20");
        String uri = "otpauth://totp/" + label + "?secret=" + text + "&issuer=" + URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20")
                + "&algorithm=SHA1&digits=6&period=30";
        return new Enrolment(text, uri);
    }

    private static String actor(User user) {
        return "user:" + user.id();
    }
}
