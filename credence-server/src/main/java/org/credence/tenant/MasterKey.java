package org.credence.tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.credence.db.SecretFiles;

/**
 * Seals tenant signing keys at rest with AES-256-GCM (the JDK's implementation). The master key
 * comes from {@code CREDENCE_MASTER_KEY} (base64, 32 bytes) or a key file created once in the
 * data directory, readable by its owner only.
 */
public final class MasterKey {
    private static final int NONCE_BYTES = 12;
    private final SecretKey key;
    private final SecureRandom random;

    private MasterKey(byte[] raw, SecureRandom random) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes (base64 of 32 random bytes), got " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.random = random;
    }

    /** From the environment value when given, else from (or into) {@code dataDirectory/master.key}. */
    public static MasterKey load(Optional<String> base64, Path dataDirectory, SecureRandom random) {
        if (base64.isPresent()) {
            return new MasterKey(Base64.getDecoder().decode(base64.get().strip()), random);
        }
        Path file = dataDirectory.resolve("master.key");
        try {
            // created owner-only from its first byte, then moved into place: never a moment it is readable by others
            String stored = SecretFiles.readOrCreate(file, () -> {
                byte[] raw = new byte[32];
                random.nextBytes(raw);
                return Base64.getEncoder().encodeToString(raw);
            });
            return new MasterKey(Base64.getDecoder().decode(stored), random);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }

    /** Seals a secret with AES-256-GCM under this key (a fresh nonce, stored in front). */
    public byte[] seal(byte[] secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** Opens what {@link #seal} sealed. */
    public byte[] open(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a signing key cannot be unsealed: is this the master key it was sealed with?", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[REDACTED]";
    }
}
