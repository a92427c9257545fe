package org.credence.standards.transparency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.credence.standards.keys.Ed25519KeyPair;
import org.credence.standards.keys.Ed25519PublicKey;

/**
 * A {@link Checkpoint} with the log's Ed25519 signature over its exact body bytes, written as a
 * signed note: body, blank line, {@code — <origin> <base64(key id ‖ signature)>}. The key name in
 * the note is the checkpoint origin.
 *
 * @param keyId the note key hash: the first 4 bytes of SHA-256(origin ‖ "\n" ‖ 0x01 ‖ public key)
 * @see <a href="https://github.com/transparency-dev/formats/blob/main/log/README.md">checkpoint format</a>
 * @see <a href="https://pkg.go.dev/golang.org/x/mod/sumdb/note">signed note format</a>
 */
public record SignedCheckpoint(Checkpoint checkpoint, byte[] keyId, byte[] signature) {
    private static final int KEY_ID_LENGTH = 4;
    private static final int SIGNATURE_LENGTH = 64;
    private static final byte ED25519_ALGORITHM = 0x01; // the note format's algorithm byte for Ed25519
    private static final String SIGNATURE_PREFIX = "\u2014 "; // em dash, space

    public SignedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (keyId == null || keyId.length != KEY_ID_LENGTH || signature == null || signature.length != SIGNATURE_LENGTH) {
            throw new CheckpointFormatException("a checkpoint signature is a 4-byte key id and a 64-byte Ed25519 signature");
        }
        keyId = keyId.clone();
        signature = signature.clone();
    }

    /** Signs the checkpoint body with the log's key. */
    public static SignedCheckpoint sign(Checkpoint checkpoint, Ed25519KeyPair keys) {
        return new SignedCheckpoint(checkpoint, noteKeyId(checkpoint.origin(), keys.publicKey()), keys.sign(checkpoint.bodyBytes()));
    }

    /** True when {@code key}, named by the origin, made this signature over the checkpoint body. */
    public boolean verify(Ed25519PublicKey key) {
        return MessageDigest.isEqual(keyId, noteKeyId(checkpoint.origin(), key))
                && key.verify(checkpoint.bodyBytes(), signature);
    }

    /** The signed note: body, blank line, one signature line. */
    public String text() {
        return checkpoint.body() + "\n" + SIGNATURE_PREFIX + checkpoint.origin() + " " + noteSignature() + "\n";
    }

    /** base64(key id ‖ signature), the last field of the note's signature line. */
    public String noteSignature() {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(KEY_ID_LENGTH + SIGNATURE_LENGTH)
                .put(keyId).put(signature).array());
    }

    /**
     * The note verifier key {@code <name>+<hex key id>+<base64(0x01 ‖ public key)>}, the form
     * other checkpoint tooling is configured with.
     */
    public static String verifierKey(String origin, Ed25519PublicKey key) {
        return origin + "+" + HexFormat.of().formatHex(noteKeyId(origin, key)) + "+"
                + Base64.getEncoder().encodeToString(algorithmAndKey(key));
    }

    /** Reads {@link #text()} back; the signature is not checked here, call {@link #verify}. */
    public static SignedCheckpoint parse(String text) {
        int blank = text.indexOf("\n\n");
        if (blank < 0) {
            throw new CheckpointFormatException("a signed checkpoint is a body, a blank line and a signature line; no blank line found");
        }
        Checkpoint checkpoint = Checkpoint.parse(text.substring(0, blank + 1));
        String signatures = text.substring(blank + 2);
        if (!signatures.endsWith("\n") || signatures.indexOf('\n') != signatures.length() - 1) {
            throw new CheckpointFormatException("a signed checkpoint ends with exactly one signature line and a newline");
        }
        String line = signatures.substring(0, signatures.length() - 1);
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw new CheckpointFormatException("the signature line starts with an em dash (U+2014) and a space");
        }
        String[] fields = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
        if (fields.length != 2) {
            throw new CheckpointFormatException("the signature line has a key name and a base64 signature separated by one space");
        }
        if (!fields[0].equals(checkpoint.origin())) {
            throw new CheckpointFormatException(
                    "the signature is by key '" + fields[0] + "', but the checkpoint origin is '" + checkpoint.origin() + "'");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(fields[1]);
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException("the signature is not base64: " + e.getMessage());
        }
        if (decoded.length != KEY_ID_LENGTH + SIGNATURE_LENGTH) {
            throw new CheckpointFormatException("the signature decodes to " + decoded.length
                    + " bytes, an Ed25519 note signature has 68 (4-byte key id, 64-byte signature)");
        }
        return new SignedCheckpoint(checkpoint, Arrays.copyOf(decoded, KEY_ID_LENGTH),
                Arrays.copyOfRange(decoded, KEY_ID_LENGTH, decoded.length));
    }

    /** The note key hash: SHA-256(name ‖ "\n" ‖ 0x01 ‖ key), first 4 bytes. */
    static byte[] noteKeyId(String name, Ed25519PublicKey key) {
        MessageDigest digest = TreeHash.sha256();
        digest.update((name + "\n").getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(digest.digest(algorithmAndKey(key)), KEY_ID_LENGTH);
    }

    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedCheckpoint other && checkpoint.equals(other.checkpoint)
                && Arrays.equals(keyId, other.keyId) && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(checkpoint, Arrays.hashCode(keyId), Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "SignedCheckpoint[" + checkpoint + ", " + noteSignature() + "]";
    }

    private static byte[] algorithmAndKey(Ed25519PublicKey key) {
        return ByteBuffer.allocate(1 + 32).put(ED25519_ALGORITHM).put(key.raw()).array();
    }
}
