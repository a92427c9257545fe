package org.credence.standards.jwt;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import org.credence.standards.keys.Ed25519KeyPair;
import org.credence.standards.keys.KeyFormatException;

/** A private key that can sign a VC-JWT: Ed25519 (alg {@code EdDSA}) or RSA (alg {@code RS256}). */
public sealed interface JwtSigningKey permits Ed25519SigningKey, RsaSigningKey {

    /** Signs with {@code EdDSA} (Ed25519). */
    static JwtSigningKey ed25519(Ed25519KeyPair keys) {
        return new Ed25519SigningKey(keys);
    }

    /**
     * Signs with {@code RS256}, the algorithm every Open Badges 3.0 verifier must support.
     *
     * @throws KeyFormatException if the pair is not RSA or its modulus is shorter than 2048 bits
     */
    static JwtSigningKey rsa(KeyPair keys) {
        if (!(keys.getPrivate() instanceof RSAPrivateKey secret) || !(keys.getPublic() instanceof RSAPublicKey pub)) {
            throw new KeyFormatException("RS256 needs an RSA key pair, got " + keys.getPublic().getAlgorithm());
        }
        return new RsaSigningKey(secret, new RsaVerificationKey(pub));
    }

    /** The matching public key, e.g. to publish behind the {@code kid} URL. */
    PublicKeyMaterial publicKey();
}
