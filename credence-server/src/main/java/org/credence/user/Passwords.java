package org.credence.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (BouncyCastle) with OWASP's parameters: 19 MiB, two passes, one lane,
 * a 16-byte salt and a 32-byte hash. Passwords are NFKC-normalised first (NIST SP 800-63B), so
 * the same password typed on two keyboards matches.
 */
public final class Passwords {
    /** The parameters new hashes get; a stored hash weaker than these is re-hashed at the next login. */
    public static final int MEMORY_KIB = 19_456;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final SecureRandom random;
    private final HashingLimit limit;
    private final PasswordHash current;
    // checked against when there is no such user, so a wrong e-mail costs as long as a wrong password
    private final PasswordHash decoy;

    /** Hashes run within {@code limit}; one that cannot start in time throws {@link HashingLimit.Busy}. */
    public Passwords(SecureRandom random, HashingLimit limit) {
        this.random = random;
        this.limit = limit;
        byte[] zeros = new byte[SALT_BYTES];
        this.current = new PasswordHash(MEMORY_KIB, ITERATIONS, PARALLELISM, zeros, new byte[HASH_BYTES]);
        this.decoy = hash(new Password("decoy password, never matches"));
    }

    /** A new hash of {@code password} with a fresh salt and the current parameters. */
    public PasswordHash hash(Password password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(MEMORY_KIB, ITERATIONS, PARALLELISM, salt, derive(password, MEMORY_KIB, ITERATIONS, PARALLELISM, salt, HASH_BYTES));
    }

    /** Whether {@code password} matches {@code stored}, compared in constant time. */
    public boolean matches(Password password, PasswordHash stored) {
        byte[] expected = stored.hash();
        byte[] actual = derive(password, stored.memoryKiB(), stored.iterations(), stored.parallelism(), stored.salt(), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time of one check and answers false: for a login whose e-mail matches nobody. */
    public boolean matchesNobody(Password password) {
        matches(password, decoy);
        return false;
    }

    /** True when {@code stored} was made with weaker parameters than new hashes get. */
    public boolean needsRehash(PasswordHash stored) {
        return stored.weakerThan(current);
    }

    private byte[] derive(Password password, int memoryKiB, int iterations, int parallelism, byte[] salt, int length) {
        return limit.run(() -> argon2(password, memoryKiB, iterations, parallelism, salt, length));
    }

    private static byte[] argon2(Password password, int memoryKiB, int iterations, int parallelism, byte[] salt, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(Normalizer.normalize(password.reveal(), Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
