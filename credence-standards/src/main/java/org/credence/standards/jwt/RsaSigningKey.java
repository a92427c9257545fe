package org.credence.standards.jwt;

import java.security.interfaces.RSAPrivateKey;

/** RSA signing key. The public half is checked for size when built. */
record RsaSigningKey(RSAPrivateKey secret, RsaVerificationKey publicKey) implements JwtSigningKey {
    /** Never prints the private key. */
    @Override
    public String toString() {
        return "RsaSigningKey[" + publicKey.key().getModulus().bitLength() + " bits, secret=[REDACTED]]";
    }
}
