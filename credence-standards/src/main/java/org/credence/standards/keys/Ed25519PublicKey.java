package org.credence.standards.keys;

import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** An Ed25519 public key. Immutable; verification is thread-safe. */
public final class Ed25519PublicKey {
    private final Ed25519PublicKeyParameters key;
    private final String multibase;

    Ed25519PublicKey(Ed25519PublicKeyParameters key) {
        this.key = key;
        this.multibase = Multikey.encodePublic(key.getEncoded());
    }

    /** The public key for 32 raw bytes. */
    public static Ed25519PublicKey of(byte[] raw) {
        if (raw.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new KeyFormatException("an Ed25519 public key is 32 bytes, got " + raw.length);
        }
        try {
            return new Ed25519PublicKey(new Ed25519PublicKeyParameters(raw, 0));
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("those 32 bytes are not a valid Ed25519 public key");
        }
    }

    /** The public key from a Multikey {@code publicKeyMultibase} ({@code z6Mk…}). */
    public static Ed25519PublicKey fromMultibase(String publicKeyMultibase) {
        return of(Multikey.decodePublic(publicKeyMultibase));
    }

    /** True when {@code signature} is a valid Ed25519 signature of {@code data} by this key. */
    public boolean verify(byte[] data, byte[] signature) {
        if (signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(data, 0, data.length);
        return verifier.verifySignature(signature);
    }

    public byte[] raw() {
        return key.getEncoded();
    }

    /** {@code publicKeyMultibase} of a Multikey: {@code z} + base58btc(0xed01 ‖ key). */
    public String multibase() {
        return multibase;
    }

    /** The {@code did:key} identifier of this key. */
    public String didKey() {
        return "did:key:" + multibase;
    }

    /** The verification method id inside the did:key document: {@code did:key:z…#z…}. */
    public String didKeyVerificationMethod() {
        return didKey() + "#" + multibase;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519PublicKey other && Arrays.equals(raw(), other.raw());
    }

    @Override
    public int hashCode() {
        return multibase.hashCode();
    }

    @Override
    public String toString() {
        return multibase;
    }
}
