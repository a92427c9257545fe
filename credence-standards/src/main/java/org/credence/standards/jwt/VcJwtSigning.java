package org.credence.standards.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the Open Badges 3.0 §8.2 header and claims for a credential and signs them. */
final class VcJwtSigning {
    private VcJwtSigning() {}

    static String sign(JsonNode credential, JwtSigningKey key, Optional<String> kid) {
        JWSHeader.Builder header = new JWSHeader.Builder(algorithm(key)).type(JOSEObjectType.JWT);
        kid.ifPresentOrElse(header::keyID, () -> header.jwk(nimbusJwk(key.publicKey())));
        // our own bytes, not nimbus's claim Map, so numbers and member order survive exactly
        JWSObject jws = new JWSObject(header.build(), new Payload(StrictJson.write(claimsFor(credential))));
        try {
            jws.sign(signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
        String compact = jws.serialize();
        if (compact.length() > CompactJws.MAX_LENGTH) {
            throw new IllegalArgumentException("the credential is too large for a VC-JWT: " + CompactJws.tooLarge(compact.length()));
        }
        return compact;
    }

    /**
     * {@code iss}, {@code jti}, {@code sub}, {@code nbf}, {@code exp} mirrored from the credential,
     * and {@code vc}: the credential without {@code proof} (the JWS is the proof).
     */
    static ObjectNode claimsFor(JsonNode credential) {
        if (credential == null || !credential.isObject()) {
            throw new IllegalArgumentException("a credential is a JSON object");
        }
        List<String> problems = new ArrayList<>();
        Optional<String> issuer = CredentialFields.issuerId(credential);
        Optional<String> id = CredentialFields.id(credential);
        Optional<Instant> validFrom = date(credential, "validFrom", problems);
        Optional<Instant> validUntil = date(credential, "validUntil", problems);
        if (issuer.isEmpty()) {
            problems.add("it has no issuer id (needed for iss)");
        }
        if (id.isEmpty()) {
            problems.add("it has no id (needed for jti)");
        }
        if (validFrom.isEmpty() && problems.stream().noneMatch(p -> p.startsWith("validFrom"))) {
            problems.add("it has no validFrom (needed for nbf)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot sign this credential as a VC-JWT: " + String.join("; ", problems));
        }
        ObjectNode vc = credential.deepCopy();
        vc.remove("proof");
        ObjectNode claims = StrictJson.object();
        claims.put("iss", issuer.get());
        claims.put("jti", id.get());
        CredentialFields.subjectId(credential).ifPresent(sub -> claims.put("sub", sub));
        claims.put("nbf", CredentialFields.numericDate(validFrom.get()));
        validUntil.ifPresent(until -> claims.put("exp", CredentialFields.numericDate(until)));
        claims.set("vc", vc);
        return claims;
    }

    private static Optional<Instant> date(JsonNode credential, String member, List<String> problems) {
        try {
            return CredentialFields.dateTime(credential, member);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }

    private static JWSAlgorithm algorithm(JwtSigningKey key) {
        return key instanceof Ed25519SigningKey ? JWSAlgorithm.EdDSA : JWSAlgorithm.RS256;
    }

    private static JWSSigner signer(JwtSigningKey key) {
        if (key instanceof Ed25519SigningKey ed) {
            return new EdDsaJwsSigner(ed.keys());
        }
        return new RSASSASigner(((RsaSigningKey) key).secret());
    }

    private static JWK nimbusJwk(PublicKeyMaterial key) {
        try {
            return JWK.parse(key.jwk().toString());
        } catch (ParseException e) {
            throw new IllegalStateException("our own public JWK did not parse: " + e.getMessage(), e);
        }
    }
}
