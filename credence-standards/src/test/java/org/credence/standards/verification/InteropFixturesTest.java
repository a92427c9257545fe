package org.credence.standards.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Credentials issued by an independent implementation (the JavaScript stack wallets use), signed
 * with a published test key: our verifier must agree with theirs.
 */
class InteropFixturesTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"valid, VALID", "revoked, REVOKED", "suspended, SUSPENDED", "expired, EXPIRED"})
    void independent_credentials_get_the_verdict_their_issuer_meant(String name, Verdict expected) {
        ObjectNode credential = VerifierFixtures.resource("/interop-fixtures/" + name + ".json");
        JsonNode list = VerifierFixtures.resource("/interop-fixtures/" + name + ".status-list.json");
        String listUrl = credential.get("credentialStatus").get("statusListCredential").asText();
        Verifier verifier = new Verifier(VerifierFixtures.CANONICALIZER, KeyResolver.didKey(), StatusResolver.of(Map.of(listUrl, list)), NOW);
        VerificationReport report = verifier.verify(VerifierFixtures.bytes(credential));
        assertThat(report.verdict()).as(report.toText()).isEqualTo(expected);
        assertThat(report.checks()).filteredOn(c -> c.name() == CheckName.PROOF).extracting(Check::outcome).containsExactly(Outcome.PASSED);
    }

    @ParameterizedTest
    @CsvSource({"valid", "revoked"})
    void without_the_status_list_the_status_is_reported_unchecked(String name) {
        Verifier offline = new Verifier(VerifierFixtures.CANONICALIZER, KeyResolver.didKey(), StatusResolver.none(), NOW);
        VerificationReport report = offline.verify(VerifierFixtures.resource("/interop-fixtures/" + name + ".json"));
        assertThat(report.checks()).filteredOn(c -> c.name() == CheckName.STATUS).extracting(Check::outcome).containsExactly(Outcome.SKIPPED);
    }

    @ParameterizedTest
    @CsvSource({"valid", "suspended"})
    void a_status_list_that_cannot_be_fetched_fails_the_status_check_by_name(String name) {
        StatusResolver unreachable = url -> {
            throw new Fetcher.FetchException(url + " answered HTTP 503");
        };
        Verifier online = new Verifier(VerifierFixtures.CANONICALIZER, KeyResolver.didKey(), unreachable, NOW);
        VerificationReport report = online.verify(VerifierFixtures.resource("/interop-fixtures/" + name + ".json"));
        assertThat(report.isValid()).isFalse();
        assertThat(report.firstFailure().get().error()).isEqualTo(VerificationError.STATUS_UNAVAILABLE);
        assertThat(report.firstFailure().get().reason()).contains("could not check whether it was revoked", "HTTP 503");
    }

    @ParameterizedTest
    @CsvSource({"revoked"})
    void a_status_list_with_a_forged_bit_is_refused(String name) {
        ObjectNode credential = VerifierFixtures.resource("/interop-fixtures/" + name + ".json");
        ObjectNode list = VerifierFixtures.resource("/interop-fixtures/valid.status-list.json");
        ObjectNode forged = VerifierFixtures.resource("/interop-fixtures/" + name + ".status-list.json");
        // swap in the encoded list of an unrevoked list: the list's signature no longer matches
        ((ObjectNode) forged.get("credentialSubject")).set("encodedList", list.get("credentialSubject").get("encodedList"));
        String listUrl = credential.get("credentialStatus").get("statusListCredential").asText();
        Verifier verifier = new Verifier(VerifierFixtures.CANONICALIZER, KeyResolver.didKey(), StatusResolver.of(Map.of(listUrl, forged)), NOW);
        VerificationReport report = verifier.verify(credential);
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.firstFailure().get().error()).isEqualTo(VerificationError.STATUS_LIST_INVALID);
    }
}
