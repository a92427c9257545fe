package org.credence.standards.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Objects;
import org.credence.standards.keys.Ed25519PublicKey;

/** An Ed25519 public key as a JWS verification key. */
record Ed25519VerificationKey(Ed25519PublicKey key) implements PublicKeyMaterial {
    Ed25519VerificationKey {
        Objects.requireNonNull(key, "key");
    }

    @Override
    public JsonNode jwk() {
        ObjectNode jwk = StrictJson.object();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(key.raw()));
        return jwk;
    }

    EdDsaJwsVerifier verifier() {
        return new EdDsaJwsVerifier(key);
    }
}
