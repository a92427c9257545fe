package org.credence.standards.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.standards.verification.VerifierFixtures.JSON;
import static org.credence.standards.verification.VerifierFixtures.bytes;
import static org.credence.standards.verification.VerifierFixtures.offlineVerifier;
import static org.credence.standards.verification.VerifierFixtures.signed;
import static org.credence.standards.verification.VerifierFixtures.unsignedCredential;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import org.credence.standards.keys.Ed25519KeyPair;
import org.junit.jupiter.api.Test;

/** Data Integrity proof chains (previousProof) and embedded contexts as jsonld.js writes them. */
class ProofChainAndWrappedContextTest {
    @Test
    void a_previous_proof_that_names_no_proof_of_the_credential_is_refused() {
        ObjectNode credential = signed(unsignedCredential());
        ((ObjectNode) credential.get("proof").get(0)).put("previousProof", "urn:uuid:no-such-proof");
        VerificationReport report = offlineVerifier().verify(bytes(credential));
        assertThat(report.isValid()).isFalse();
        assertThat(report.checks()).anySatisfy(check -> {
            assertThat(check.error()).isEqualTo(VerificationError.PROOF_MALFORMED);
            assertThat(check.reason()).contains("urn:uuid:no-such-proof");
        });
    }

    @Test
    void a_chained_proof_is_verified_over_the_document_carrying_the_proof_it_names() {
        Ed25519KeyPair notary = Ed25519KeyPair.generate(new SecureRandom());
        ObjectNode unsigned = unsignedCredential();
        ObjectNode first = proof(unsigned, VerifierFixtures.ISSUER_KEY, "urn:uuid:proof-1", null);
        ObjectNode withFirst = unsigned.deepCopy();
        withFirst.putArray("proof").add(first);
        ObjectNode second = proof(withFirst, notary, "urn:uuid:proof-2", "urn:uuid:proof-1");
        ObjectNode chained = unsigned.deepCopy();
        chained.putArray("proof").add(first).add(second);
        assertThat(offlineVerifier().verify(bytes(chained)).isValid()).isTrue();
        // the chain binds the second proof to the first: a different first proof breaks it
        ObjectNode swapped = unsigned.deepCopy();
        swapped.putArray("proof").add(proof(unsigned, VerifierFixtures.ISSUER_KEY, "urn:uuid:proof-1", null).put("created", "2025-03-03T10:00:00Z"))
                .add(second);
        assertThat(offlineVerifier().verify(bytes(swapped)).isValid()).isFalse();
    }

    /** A Data Integrity proof made by hand (the signer makes no chains): over {@code document} as it is. */
    private static ObjectNode proof(ObjectNode document, Ed25519KeyPair key, String id, String previous) {
        ObjectNode options = JSON.createObjectNode().put("type", "DataIntegrityProof").put("id", id).put("cryptosuite", "eddsa-rdfc-2022")
                .put("created", "2025-03-02T10:00:00Z").put("verificationMethod", key.publicKey().didKeyVerificationMethod())
                .put("proofPurpose", "assertionMethod");
        if (previous != null) {
            options.put("previousProof", previous);
        }
        ObjectNode config = options.deepCopy();
        config.set("@context", document.get("@context"));
        ObjectNode unsecured = document.deepCopy();
        byte[] signature = key.sign(VerifierFixtures.SUITE.hashData(unsecured, config));
        return options.put("proofValue", com.apicatalog.multibase.Multibase.BASE_58_BTC.encode(signature));
    }

    @Test
    void a_co_signers_proof_beside_the_issuers_verifies_but_alone_it_does_not() {
        Ed25519KeyPair notary = Ed25519KeyPair.generate(new SecureRandom());
        ObjectNode issued = signed(unsignedCredential());
        ObjectNode cosigned = VerifierFixtures.SUITE.sign(issued, notary, notary.publicKey().didKeyVerificationMethod(),
                Instant.parse("2025-03-02T10:00:00Z"));
        assertThat(offlineVerifier().verify(bytes(cosigned)).isValid()).isTrue();
        ObjectNode notaryOnly = VerifierFixtures.SUITE.sign(unsignedCredential(), notary, notary.publicKey().didKeyVerificationMethod(),
                Instant.parse("2025-03-02T10:00:00Z"));
        assertThat(offlineVerifier().verify(bytes(notaryOnly)).checks())
                .anySatisfy(check -> assertThat(check.error()).isEqualTo(VerificationError.ISSUER_MISMATCH));
        ((ObjectNode) cosigned.get("credentialSubject")).put("id", "did:example:mallory");
        assertThat(offlineVerifier().verify(bytes(cosigned)).isValid()).isFalse();
    }

    @Test
    void an_embedded_context_wrapped_in_its_own_at_context_reads_as_jsonld_js_reads_it() {
        ObjectNode unsigned = unsignedCredential();
        ((ArrayNode) unsigned.get("@context")).addObject().put("AlumniCredential", "https://www.example.org/AlumniCredential");
        ((ArrayNode) unsigned.get("type")).add("AlumniCredential");
        ObjectNode credential = signed(unsigned);
        ArrayNode context = (ArrayNode) credential.get("@context");
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.set("@context", context.get(2));
        context.set(2, wrapper);
        assertThat(offlineVerifier().verify(bytes(credential)).isValid()).isTrue();
        ((ArrayNode) credential.get("type")).add("InvalidType");
        assertThat(offlineVerifier().verify(bytes(credential)).isValid()).isFalse();
    }
}
