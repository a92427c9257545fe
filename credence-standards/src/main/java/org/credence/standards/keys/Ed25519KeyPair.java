package org.credence.standards.keys;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 signing key: the 32-byte seed and its public key, backed by BouncyCastle.
 *
 * <p>The parsed BouncyCastle key objects are kept so repeated signing does not re-derive the
 * public key from the seed (that derivation costs as much as a signature).
 */
public final class Ed25519KeyPair {
    private final Ed25519PrivateKeyParameters secret;
    private final Ed25519PublicKey publicKey;

    private Ed25519KeyPair(Ed25519PrivateKeyParameters secret) {
        this.secret = secret;
        this.publicKey = new Ed25519PublicKey(secret.generatePublicKey());
    }

    /** A fresh key pair from the given source of randomness. */
    public static Ed25519KeyPair generate(SecureRandom random) {
        return new Ed25519KeyPair(new Ed25519PrivateKeyParameters(Objects.requireNonNull(random)));
    }

    /** The key pair for a 32-byte seed (the "private key" of RFC 8032). */
    public static Ed25519KeyPair fromSeed(byte[] seed) {
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new KeyFormatException("an Ed25519 secret key is 32 bytes, got " + seed.length);
        }
        return new Ed25519KeyPair(new Ed25519PrivateKeyParameters(seed, 0));
    }

    /** The key pair for a Multikey {@code secretKeyMultibase} ({@code z3u2…}). */
    public static Ed25519KeyPair fromSecretMultibase(String secretKeyMultibase) {
        return fromSeed(Multikey.decodeSecret(secretKeyMultibase));
    }

    /** Signs {@code data} (pure Ed25519, RFC 8032). Thread-safe. */
    public byte[] sign(byte[] data) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, secret);
        signer.update(data, 0, data.length);
        return signer.generateSignature();
    }

    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    /** The 32-byte seed. Handle with care: this is the secret. */
    public byte[] seed() {
        return secret.getEncoded();
    }

    /** {@code secretKeyMultibase} of a Multikey: base58btc of the ed25519-priv multicodec header and the seed. */
    public String secretKeyMultibase() {
        return Multikey.encodeSecret(seed());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519KeyPair other && Arrays.equals(seed(), other.seed());
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "Ed25519KeyPair[" + publicKey.multibase() + ", secret=[REDACTED]]";
    }
}
