package org.credence.standards.jwt;

import java.util.Objects;
import org.credence.standards.keys.Ed25519KeyPair;

/** Ed25519 signing key; its toString comes from {@link Ed25519KeyPair}, which redacts the secret. */
record Ed25519SigningKey(Ed25519KeyPair keys) implements JwtSigningKey {
    Ed25519SigningKey {
        Objects.requireNonNull(keys, "keys");
    }

    @Override
    public PublicKeyMaterial publicKey() {
        return new Ed25519VerificationKey(keys.publicKey());
    }
}
