package org.credence.standards.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Optional;
import org.credence.standards.keys.Ed25519PublicKey;
import org.credence.standards.keys.KeyFormatException;

/**
 * A public key that can verify a VC-JWT: Ed25519 (alg {@code EdDSA}) or RSA (alg {@code RS256}).
 *
 * <p>This is what a {@link KeyLookup} resolver returns for a {@code kid}.
 */
public sealed interface PublicKeyMaterial permits Ed25519VerificationKey, RsaVerificationKey {

    /** An Ed25519 key, for tokens signed with {@code EdDSA}. */
    static PublicKeyMaterial ed25519(Ed25519PublicKey key) {
        return new Ed25519VerificationKey(key);
    }

    /**
     * An RSA key, for tokens signed with {@code RS256}.
     *
     * @throws KeyFormatException if the modulus is shorter than 2048 bits
     */
    static PublicKeyMaterial rsa(RSAPublicKey key) {
        return new RsaVerificationKey(key);
    }

    /**
     * The key in a public JWK: {@code {"kty":"OKP","crv":"Ed25519","x":…}} or
     * {@code {"kty":"RSA","n":…,"e":…}}.
     *
     * @throws KeyFormatException if the JWK is malformed, of another type, or holds private
     *     material ({@code d}), which must never be published
     */
    static PublicKeyMaterial fromJwk(JsonNode jwk) {
        if (jwk == null || !jwk.isObject()) {
            throw new KeyFormatException("a JWK is a JSON object");
        }
        if (jwk.has("d")) {
            throw new KeyFormatException("the JWK contains private key material (\"d\"); only public keys are accepted");
        }
        JWK parsed;
        try {
            parsed = JWK.parse(jwk.toString());
        } catch (ParseException e) {
            throw new KeyFormatException("not a usable JWK: " + e.getMessage());
        }
        if (parsed instanceof OctetKeyPair okp) {
            if (!Curve.Ed25519.equals(okp.getCurve())) {
                throw new KeyFormatException("OKP keys must use curve Ed25519, this one uses " + okp.getCurve());
            }
            return ed25519(Ed25519PublicKey.of(okp.getDecodedX()));
        }
        if (parsed instanceof RSAKey rsa) {
            try {
                return rsa(rsa.toRSAPublicKey());
            } catch (JOSEException e) {
                throw new KeyFormatException("not a usable RSA JWK: " + e.getMessage());
            }
        }
        throw new KeyFormatException("JWK key type " + parsed.getKeyType() + " is not supported; use OKP/Ed25519 or RSA");
    }

    /** The public JWK of this key (never with private members). */
    JsonNode jwk();

    /** The Ed25519 key, when this is one (for the Data Integrity proofs an RSA key cannot verify). */
    default Optional<Ed25519PublicKey> asEd25519() {
        return this instanceof Ed25519VerificationKey ed ? Optional.of(ed.key()) : Optional.empty();
    }
}
