package org.credence.standards.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;
import org.credence.standards.keys.KeyFormatException;

/** An RSA public key as a JWS verification key (RS256). */
record RsaVerificationKey(RSAPublicKey key) implements PublicKeyMaterial {
    /** RFC 7518 §3.3 requires at least 2048 bits for RS256. */
    static final int MIN_BITS = 2048;

    RsaVerificationKey {
        Objects.requireNonNull(key, "key");
        if (key.getModulus().bitLength() < MIN_BITS) {
            throw new KeyFormatException("RSA keys must be at least " + MIN_BITS + " bits, this one has "
                    + key.getModulus().bitLength());
        }
    }

    @Override
    public JsonNode jwk() {
        try {
            return StrictJson.read(new RSAKey.Builder(key).build().toJSONString());
        } catch (IOException e) {
            throw new IllegalStateException("nimbus produced a JWK that is not JSON", e);
        }
    }

    RSASSAVerifier verifier() {
        return new RSASSAVerifier(key);
    }
}
