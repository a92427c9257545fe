package org.credence.standards.verification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.credence.standards.dataintegrity.EddsaRdfc2022;
import org.credence.standards.jsonld.BundledContexts;
import org.credence.standards.jsonld.ShapeTemplateCanonicalizer;
import org.credence.standards.keys.Ed25519KeyPair;

/** Credentials and verifiers for the verification tests; keys are made at test time. */
final class VerifierFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    static final ShapeTemplateCanonicalizer CANONICALIZER = new ShapeTemplateCanonicalizer();
    static final EddsaRdfc2022 SUITE = new EddsaRdfc2022(CANONICALIZER);
    static final Ed25519KeyPair ISSUER_KEY = Ed25519KeyPair.generate(new SecureRandom());

    private VerifierFixtures() {}

    static Verifier offlineVerifier() {
        return new Verifier(CANONICALIZER, KeyResolver.didKey(), StatusResolver.none(), NOW);
    }

    /** An OB 3.0 credential issued by {@link #ISSUER_KEY}'s did:key, unsigned. */
    static ObjectNode unsignedCredential() {
        String issuer = ISSUER_KEY.publicKey().didKey();
        ObjectNode credential = JSON.createObjectNode();
        credential.putArray("@context").add(BundledContexts.CREDENTIALS_V2).add(BundledContexts.OB_V3P0);
        credential.put("id", "urn:uuid:7d7c1a9e-0000-4000-8000-000000000042");
        credential.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        ObjectNode profile = credential.putObject("issuer");
        profile.put("id", issuer).put("name", "Acme Academy").put("url", "https://acme.example").putArray("type").add("Profile");
        credential.put("validFrom", "2025-03-01T10:00:00Z");
        credential.put("validUntil", "2028-03-01T10:00:00Z");
        credential.put("name", "Certified Data Steward");
        ObjectNode subject = credential.putObject("credentialSubject");
        subject.putArray("type").add("AchievementSubject");
        ObjectNode identity = subject.putArray("identifier").addObject();
        identity.put("type", "IdentityObject").put("identityHash", "sha256$c7ef86405ba71b85acd8e2e95166c4b111448089f2e1599f42fe1bba46e865c5")
                .put("identityType", "emailAddress").put("hashed", true).put("salt", "f3a9c2");
        ObjectNode achievement = subject.putObject("achievement");
        achievement.put("id", "https://acme.example/achievements/42").put("name", "Certified Data Steward")
                .put("description", "Awarded for passing the data stewardship exam.").putArray("type").add("Achievement");
        achievement.putObject("criteria").put("narrative", "Pass the proctored exam with at least 70%.");
        achievement.putArray("alignment").addObject().put("targetName", "Data governance")
                .put("targetUrl", "https://esco.example/skill/123").putArray("type").add("Alignment");
        return credential;
    }

    static ObjectNode signed(ObjectNode unsigned) {
        return SUITE.sign(unsigned, ISSUER_KEY, ISSUER_KEY.publicKey().didKeyVerificationMethod(), Instant.parse("2025-03-01T10:00:00Z"));
    }

    static ObjectNode resource(String path) {
        try (InputStream in = VerifierFixtures.class.getResourceAsStream(path)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Object json) {
        return json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
