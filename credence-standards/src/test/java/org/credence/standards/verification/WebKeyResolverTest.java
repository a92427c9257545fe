package org.credence.standards.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.credence.standards.keys.DidDocuments;
import org.credence.standards.keys.Ed25519KeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** did:web resolution over real HTTP on loopback, including a key rotation. */
class WebKeyResolverTest {
    final Map<String, byte[]> served = new ConcurrentHashMap<>();
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
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    Verifier verifier(Set<String> insecureHosts) {
        HttpFetcher fetcher = new HttpFetcher(Set.of("localhost"), insecureHosts, Duration.ofSeconds(2), 64 * 1024);
        // did:web is https-only; the test server speaks http, so its documents are fetched through a rewrite
        Fetcher overHttp = url -> fetcher.fetch(java.net.URI.create(url.toString().replaceFirst("^https:", "http:")));
        return new Verifier(VerifierFixtures.CANONICALIZER, KeyResolver.didKey().or(KeyResolver.web(overHttp)), StatusResolver.none(), VerifierFixtures.NOW);
    }

    void publish(List<DidDocuments.PublishedKey> keys) {
        served.put("/tenants/acme/did.json", DidDocuments.didWeb(did, keys).toString().getBytes(StandardCharsets.UTF_8));
    }

    ObjectNode issue(Ed25519KeyPair key, String fragment) {
        ObjectNode unsigned = VerifierFixtures.unsignedCredential();
        ((ObjectNode) unsigned.get("issuer")).put("id", did);
        return VerifierFixtures.SUITE.sign(unsigned, key, did + "#" + fragment, Instant.parse("2025-03-01T10:00:00Z"));
    }

    @Test
    void a_credential_signed_before_a_key_rotation_still_verifies() {
        Ed25519KeyPair first = Ed25519KeyPair.generate(new SecureRandom());
        Ed25519KeyPair second = Ed25519KeyPair.generate(new SecureRandom());
        publish(List.of(new DidDocuments.PublishedKey("key-1", first.publicKey(), true)));
        ObjectNode before = issue(first, "key-1");
        assertThat(verifier(Set.of("localhost")).verify(before).verdict()).isEqualTo(Verdict.VALID);

        publish(List.of(new DidDocuments.PublishedKey("key-1", first.publicKey(), false),
                new DidDocuments.PublishedKey("key-2", second.publicKey(), true)));
        ObjectNode after = issue(second, "key-2");
        assertThat(verifier(Set.of("localhost")).verify(before).verdict()).isEqualTo(Verdict.VALID);
        assertThat(verifier(Set.of("localhost")).verify(after).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void a_key_the_issuer_no_longer_publishes_fails_key_resolution() {
        Ed25519KeyPair first = Ed25519KeyPair.generate(new SecureRandom());
        Ed25519KeyPair other = Ed25519KeyPair.generate(new SecureRandom());
        ObjectNode credential = issue(first, "key-1");
        publish(List.of(new DidDocuments.PublishedKey("key-2", other.publicKey(), true)));
        VerificationReport report = verifier(Set.of("localhost")).verify(credential);
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.firstFailure().get().error()).isEqualTo(VerificationError.KEY_RESOLUTION_FAILED);
        assertThat(report.firstFailure().get().reason()).contains("does not publish the key");
    }

    @Test
    void a_host_the_caller_did_not_allow_is_never_fetched() {
        Ed25519KeyPair first = Ed25519KeyPair.generate(new SecureRandom());
        publish(List.of(new DidDocuments.PublishedKey("key-1", first.publicKey(), true)));
        VerificationReport report = verifier(Set.of()).verify(issue(first, "key-1"));
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.firstFailure().get().reason()).contains("only https");
    }

    @Test
    void an_oversized_did_document_is_refused() {
        Ed25519KeyPair first = Ed25519KeyPair.generate(new SecureRandom());
        served.put("/tenants/acme/did.json", new byte[200 * 1024]);
        VerificationReport report = verifier(Set.of("localhost")).verify(issue(first, "key-1"));
        assertThat(report.firstFailure().get().reason()).contains("larger than");
    }
}
