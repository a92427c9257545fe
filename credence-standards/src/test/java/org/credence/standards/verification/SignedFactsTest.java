package org.credence.standards.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a verifier may read off a credential as signed, and only when the signature matched. */
class SignedFactsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode credential(String identifiers) throws Exception {
        return JSON.readTree("""
                {"id": "urn:uuid:1", "name": "Outer name", "issuer": {"id": "did:web:acme.example", "name": "Acme Academy"},
                 "validFrom": "2026-01-02T03:04:05Z",
                 "credentialSubject": {"identifier": %s, "achievement": {"name": "Data Steward"}}}
                """.formatted(identifiers));
    }

    static VerificationReport report(Check proof, JsonNode credential) {
        return VerificationReport.of(InputFormat.JSON_LD, List.of(proof), credential);
    }

    @Test
    void a_matching_signature_gives_the_name_achievement_issuer_and_dates() throws Exception {
        JsonNode credential = credential("""
                [{"type": "IdentityObject", "identityHash": "sha256$ab", "identityType": "emailAddress", "hashed": true, "salt": "s"},
                 {"type": "IdentityObject", "identityHash": "Åse Ødegård", "identityType": "name", "hashed": false}]""");
        SignedFacts facts = SignedFacts.of(report(Check.passed(CheckName.PROOF, "ok"), credential)).orElseThrow();
        assertThat(facts).isEqualTo(new SignedFacts("Data Steward", "Acme Academy", "Åse Ødegård", Instant.parse("2026-01-02T03:04:05Z"), null));
        assertThat(facts.toJson().has("validUntil")).isFalse();
        assertThat(facts.toJson().get("recipient").asText()).isEqualTo("Åse Ødegård");
    }

    @Test
    void a_failed_or_unchecked_signature_gives_nothing_to_rely_on() throws Exception {
        JsonNode credential = credential("[]");
        assertThat(SignedFacts.of(report(Check.failed(CheckName.PROOF, VerificationError.INVALID_SIGNATURE, "tampered"), credential))).isEmpty();
        assertThat(SignedFacts.of(report(Check.skipped(CheckName.PROOF, "no key"), credential))).isEmpty();
        assertThat(report(Check.failed(CheckName.PROOF, VerificationError.INVALID_SIGNATURE, "tampered"), credential).toJson().has("signed")).isFalse();
    }

    @Test
    void a_hashed_name_or_only_an_email_names_no_recipient() throws Exception {
        JsonNode credential = credential("""
                [{"type": "IdentityObject", "identityHash": "sha256$cd", "identityType": "name", "hashed": true, "salt": "s"}]""");
        assertThat(SignedFacts.of(report(Check.passed(CheckName.PROOF, "ok"), credential)).orElseThrow().recipient()).isNull();
    }
}
