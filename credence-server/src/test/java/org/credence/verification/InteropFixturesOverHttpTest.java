package org.credence.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.credence.standards.jsonld.ShapeTemplateCanonicalizer;
import org.credence.standards.verification.Fetcher;
import org.credence.standards.verification.KeyResolver;
import org.credence.standards.verification.StatusResolver;
import org.credence.standards.verification.Verdict;
import org.credence.standards.verification.VerificationReport;
import org.credence.standards.verification.Verifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Credentials of an independent issuer (the JavaScript stack's), whose status lists are fetched
 * through the server's guarded client from a stand-in for their host: the verdicts their issuer meant.
 */
class InteropFixturesOverHttpTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
    static final String HOST = "reference-issuer.example";

    StaticFiles served;
    RemoteFetcher fetcher;

    @BeforeEach
    void start() {
        served = new StaticFiles();
        // the issuer's name resolves, through the guard, to the stand-in; the guard treats loopback as public here
        fetcher = new RemoteFetcher(RemoteFetcher.Limits.DEFAULTS, RemoteFetcherTest.LOOPBACK_IS_PUBLIC, true,
                host -> List.of(RemoteFetcherTest.LOOPBACK));
    }

    @AfterEach
    void stop() {
        served.close();
        fetcher.close();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = InteropFixturesOverHttpTest.class.getResourceAsStream("/interop-fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"valid, VALID", "revoked, REVOKED", "suspended, SUSPENDED", "expired, EXPIRED"})
    void independent_credentials_get_the_verdict_their_issuer_meant(String name, Verdict expected) throws IOException {
        JsonNode credential = JSON.readTree(resource(name + ".json"));
        URI listUrl = URI.create(credential.get("credentialStatus").get("statusListCredential").asText());
        served.put(listUrl.getPath(), resource(name + ".status-list.json"));
        // their list URL is https on port 443; the stand-in speaks http on its own port
        Fetcher toStandIn = url -> fetcher.fetch(URI.create("http://" + HOST + ":" + served.port() + url.getPath()));
        Verifier verifier = new Verifier(new ShapeTemplateCanonicalizer(), KeyResolver.didKey(), StatusResolver.online(toStandIn), NOW);
        VerificationReport report = verifier.verify(credential);
        assertThat(report.verdict()).as(report.toText()).isEqualTo(expected);
    }
}
