package org.credence.user;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash as a PHC string, {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, with
 * salt and hash in unpadded standard base64 as the PHC string format prescribes.
 *
 * @param memoryKiB Argon2 {@code m}, in KiB
 * @param iterations Argon2 {@code t}
 * @param parallelism Argon2 {@code p}
 * @see <a href="https://github.com/P-H-C/phc-string-format/blob/master/phc-sf-spec.md">PHC string format</a>
 */
public record PasswordHash(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {
    /** Argon2 version 1.3, the only one we write or read. */
    public static final int VERSION = 19;
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=(\\d{1,3})\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,88})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    public PasswordHash {
        if (parallelism < 1 || parallelism > 255) {
            throw new IllegalArgumentException("p (" + parallelism + ") must be 1-255");
        }
        if (iterations < 1 || iterations > 100) {
            throw new IllegalArgumentException("t (" + iterations + ") must be 1-100");
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("m (" + memoryKiB + ") must be at least 8×p and at most " + MAX_MEMORY_KIB + " KiB");
        }
        if (salt.length < 8 || salt.length > 64) {
            throw new IllegalArgumentException("the salt has " + salt.length + " bytes; 8-64 are allowed");
        }
        if (hash.length < 16 || hash.length > 64) {
            throw new IllegalArgumentException("the hash has " + hash.length + " bytes; 16-64 are allowed");
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** The PHC string; throws naming what is wrong with it. */
    public static PasswordHash of(String phc) {
        if (phc == null) {
            throw new IllegalArgumentException("no password hash");
        }
        Matcher m = PHC.matcher(phc);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an Argon2id PHC string like $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>");
        }
        if (Integer.parseInt(m.group(1)) != VERSION) {
            throw new IllegalArgumentException("Argon2 version " + m.group(1) + " is not " + VERSION);
        }
        PasswordHash parsed = new PasswordHash(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                decode(m.group(5), "salt"), decode(m.group(6), "hash"));
        // one hash, one spelling: leading zeros or stray base64 bits would make equal hashes compare unequal as text
        if (!parsed.encode().equals(phc)) {
            throw new IllegalArgumentException("not in canonical form (leading zeros or non-canonical base64)");
        }
        return parsed;
    }

    /** The PHC string, or empty when it is not a well-formed Argon2id one. */
    public static Optional<PasswordHash> parse(String phc) {
        try {
            return Optional.of(of(phc));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String encode() {
        return "$argon2id$v=" + VERSION + "$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism
                + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** True when these parameters cost less than {@code target} in memory or time, so a login should re-hash. */
    public boolean weakerThan(PasswordHash target) {
        return memoryKiB < target.memoryKiB || iterations < target.iterations || hash.length < target.hash.length;
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PasswordHash o && memoryKiB == o.memoryKiB && iterations == o.iterations && parallelism == o.parallelism
                && Arrays.equals(salt, o.salt) && Arrays.equals(hash, o.hash);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(salt) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "PasswordHash[m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + ", REDACTED]";
    }

    private static byte[] decode(String b64, String what) {
        if (b64.length() % 4 == 1) {
            throw new IllegalArgumentException("the " + what + " is not base64 (impossible length " + b64.length() + ")");
        }
        return Base64.getDecoder().decode(b64);
    }
}
