package org.credence.standards.jwt;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.credence.standards.keys.Ed25519KeyPair;

/** Keys and credentials shared by the VC-JWT tests. Keys are generated per run; none are committed. */
final class JwtTestData {
    static final String KID = "https://example.edu/issuers/565049#key-1";
    static final Ed25519KeyPair ED_KEYS = Ed25519KeyPair.generate(new SecureRandom());
    static final KeyPair RSA_KEYS = rsaKeys();

    // exact decimals, as a careful caller would parse a credential before signing it
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private JwtTestData() {}

    static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static ObjectNode credential() {
        return (ObjectNode) json("""
                {
                  "@context": ["https://www.w3.org/ns/credentials/v2",
                               "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                  "id": "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002",
                  "type": ["VerifiableCredential", "OpenBadgeCredential"],
                  "issuer": {"id": "https://example.edu/issuers/565049", "type": ["Profile"], "name": "Example University"},
                  "validFrom": "2024-03-01T12:30:00Z",
                  "validUntil": "2029-03-01T12:30:00+02:00",
                  "name": "Teamwork Badge",
                  "credentialSubject": {
                    "id": "did:example:ebfeb1f712ebc6f1c276e12ec21",
                    "type": ["AchievementSubject"],
                    "achievement": {"id": "https://example.edu/achievements/teamwork", "type": ["Achievement"],
                                    "name": "Teamwork", "criteria": {"narrative": "Nominated by peers."}}
                  },
                  "proof": [{"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "proofValue": "z58DAdFfa9"}]
                }
                """);
    }

    static KeyLookup edLookup() {
        return KeyLookup.byKid(kid -> kid.equals(KID)
                ? Optional.of(PublicKeyMaterial.ed25519(ED_KEYS.publicKey()))
                : Optional.empty());
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A JWS over arbitrary claims, for tokens our own signer would never produce. */
    static String signRaw(JWSHeader header, JsonNode claims, JWSSigner signer) {
        JWSObject jws = new JWSObject(header, new Payload(claims.toString().getBytes(StandardCharsets.UTF_8)));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
        return jws.serialize();
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
