package org.credence.tracking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * Pseudonymous visitor keys: HMAC-SHA256 of the truncated address and the user agent under a
 * secret of the day (UTC), cut to 16 bytes. The secrets live in {@code tracking_secret}, shared
 * by every node; a day's secret is deleted the day after next, after which no stored key can be
 * matched to an address guess. Keys of different days are unrelated, by design.
 */
final class VisitorKeys {
    private static final int KEY_BYTES = 16;
    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random;
    private volatile DaySecret current;

    // a Mac per thread: getInstance and init cost more than the hash of a short input
    private record DaySecret(LocalDate day, ThreadLocal<Mac> macs) {}

    VisitorKeys(Jdbi jdbi, Clock clock, SecureRandom random) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.random = random;
    }

    /** The visitor key of a client now; null without an address (nothing to key on). */
    byte[] of(TruncatedAddress address, String userAgent) {
        if (address == null) {
            return null;
        }
        Mac mac = secretOfToday().macs().get();
        mac.update(address.toString().getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
        mac.update((userAgent == null ? "" : userAgent).getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(mac.doFinal(), KEY_BYTES); // doFinal also resets the Mac for the next key
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private DaySecret secretOfToday() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        DaySecret secret = current;
        if (secret != null && secret.day().equals(today)) {
            return secret;
        }
        synchronized (this) {
            if (current == null || !current.day().equals(today)) {
                SecretKeySpec key = new SecretKeySpec(load(today), "HmacSHA256");
                current = new DaySecret(today, ThreadLocal.withInitial(() -> mac(key)));
            }
            return current;
        }
    }

    private byte[] load(LocalDate day) {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        return jdbi.inTransaction(h -> {
            // another node may have made today's secret first: keep theirs
            h.createUpdate("INSERT INTO tracking_secret (day, secret) VALUES (:day, :secret) ON CONFLICT (day) DO NOTHING")
                    .bind("day", day).bind("secret", fresh).execute();
            h.createUpdate("DELETE FROM tracking_secret WHERE day < :yesterday").bind("yesterday", day.minusDays(1)).execute();
            return h.createQuery("SELECT secret FROM tracking_secret WHERE day = :day").bind("day", day).mapTo(byte[].class).one();
        });
    }
}
