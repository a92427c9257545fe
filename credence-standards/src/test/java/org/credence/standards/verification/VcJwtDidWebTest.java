package org.credence.standards.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.credence.standards.jwt.JwtSigningKey;
import org.credence.standards.jwt.PublicKeyMaterial;
import org.credence.standards.jwt.VcJwt;
import org.credence.standards.keys.DidDocuments;
import org.credence.standards.keys.Ed25519KeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * VC-JWTs whose kid is a did:web verification method, resolved over real HTTP on loopback: the
 * Ed25519 Multikey for EdDSA, the RSA JsonWebKey for RS256; and what the RSA key may not do.
 */
class VcJwtDidWebTest {
    final Map<String, byte[]> served = new ConcurrentHashMap<>();
    final Ed25519KeyPair ed25519 = Ed25519KeyPair.generate(new SecureRandom());
    final KeyPair rsa = rsaKeys();
    HttpServer server;
    String did;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        did = "did:web:localhost%3A" + server.getAddress().getPort() + ":tenants:acme";
        ObjectNode document = DidDocuments.didWeb(did, List.of(new DidDocuments.PublishedKey("key-1", ed25519.publicKey(), true)),
                List.of(new DidDocuments.PublishedJwk("rsa-1", PublicKeyMaterial.rsa((RSAPublicKey) rsa.getPublic()).jwk())));
        served.put("/tenants/acme/did.json", document.toString().getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    Verifier verifier() {
        HttpFetcher fetcher = new HttpFetcher(Set.of("localhost"), Set.of("localhost"), Duration.ofSeconds(2), 64 * 1024);
        // did:web is https-only; the test server speaks http, so its documents are fetched through a rewrite
        Fetcher overHttp = url -> fetcher.fetch(java.net.URI.create(url.toString().replaceFirst("^https:", "http:")));
        return new Verifier(VerifierFixtures.CANONICALIZER, KeyResolver.didKey().or(KeyResolver.web(overHttp)), StatusResolver.none(), VerifierFixtures.NOW);
    }

    ObjectNode credential() {
        ObjectNode credential = VerifierFixtures.unsignedCredential();
        ((ObjectNode) credential.get("issuer")).put("id", did);
        return credential;
    }

    @Test
    void the_did_document_lists_the_rsa_key_as_a_json_web_key_after_the_multikey() {
        ObjectNode document = DidDocuments.didWeb(did, List.of(new DidDocuments.PublishedKey("key-1", ed25519.publicKey(), true)),
                List.of(new DidDocuments.PublishedJwk("rsa-1", PublicKeyMaterial.rsa((RSAPublicKey) rsa.getPublic()).jwk())));
        assertThat(document.get("@context").toString()).isEqualTo("[\"" + DidDocuments.DID_V1 + "\",\"" + DidDocuments.MULTIKEY_V1
                + "\",\"" + DidDocuments.JWK_V1 + "\"]");
        assertThat(document.get("verificationMethod").get(0).get("type").asText()).isEqualTo("Multikey");
        assertThat(document.get("verificationMethod").get(1).get("type").asText()).isEqualTo("JsonWebKey");
        assertThat(document.get("assertionMethod").toString()).isEqualTo("[\"" + did + "#key-1\",\"" + did + "#rsa-1\"]");
        // with no JWK, the document is what it was before RS256
        assertThat(DidDocuments.didWeb(did, List.of(new DidDocuments.PublishedKey("key-1", ed25519.publicKey(), true))).get("@context").size())
                .isEqualTo(2);
    }

    @Test
    void eddsa_and_rs256_tokens_verify_with_the_keys_their_kid_names_in_the_did_document() {
        String eddsa = VcJwt.sign(credential(), JwtSigningKey.ed25519(ed25519), did + "#key-1");
        String rs256 = VcJwt.sign(credential(), JwtSigningKey.rsa(rsa), did + "#rsa-1");
        for (String token : List.of(eddsa, rs256)) {
            VerificationReport report = verifier().verify(token.getBytes(StandardCharsets.UTF_8));
            assertThat(report.verdict()).as(report.toText()).isEqualTo(Verdict.VALID);
            assertThat(report.format()).isEqualTo(InputFormat.VC_JWT);
        }
    }

    @Test
    void an_rs256_token_naming_the_ed25519_key_fails_and_a_foreign_rsa_key_is_not_the_issuers() {
        String misnamed = VcJwt.sign(credential(), JwtSigningKey.rsa(rsa), did + "#key-1");
        VerificationReport report = verifier().verify(misnamed.getBytes(StandardCharsets.UTF_8));
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.firstFailure().get().name()).isEqualTo(CheckName.PROOF);

        String forged = VcJwt.sign(credential(), JwtSigningKey.rsa(rsaKeys()), did + "#rsa-1");
        VerificationReport forgedReport = verifier().verify(forged.getBytes(StandardCharsets.UTF_8));
        assertThat(forgedReport.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(forgedReport.firstFailure().get().error()).isEqualTo(VerificationError.INVALID_SIGNATURE);
    }

    @Test
    void a_data_integrity_proof_naming_the_rsa_key_is_a_failed_proof_not_an_exception() {
        ObjectNode signed = VerifierFixtures.SUITE.sign(credential(), ed25519, did + "#rsa-1", Instant.parse("2025-03-01T10:00:00Z"));
        VerificationReport report = verifier().verify(signed);
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.firstFailure().get().name()).isEqualTo(CheckName.PROOF);
        assertThat(report.firstFailure().get().reason()).contains("RSA key");
    }

    @Test
    void an_ed25519_key_published_as_a_json_web_key_does_not_sign_data_integrity_proofs() {
        ObjectNode document = DidDocuments.didWeb(did, List.of(new DidDocuments.PublishedKey("key-1", ed25519.publicKey(), true)),
                List.of(new DidDocuments.PublishedJwk("ed-jwk", PublicKeyMaterial.ed25519(ed25519.publicKey()).jwk())));
        served.put("/tenants/acme/did.json", document.toString().getBytes(StandardCharsets.UTF_8));
        ObjectNode signed = VerifierFixtures.SUITE.sign(credential(), ed25519, did + "#ed-jwk", Instant.parse("2025-03-01T10:00:00Z"));
        VerificationReport report = verifier().verify(signed);
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.firstFailure().get().error()).isEqualTo(VerificationError.KEY_RESOLUTION_FAILED);
        assertThat(report.firstFailure().get().reason()).contains("read as a Multikey");
    }
}
