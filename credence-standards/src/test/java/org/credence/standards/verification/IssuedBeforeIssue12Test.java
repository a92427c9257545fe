package org.credence.standards.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.credence.standards.jsonld.RdfCanonicalizer;
import org.credence.standards.jsonld.ShapeTemplateCanonicalizer;
import org.credence.standards.jsonld.TitaniumCanonicalizer;
import org.credence.standards.keys.Ed25519PublicKey;
import org.junit.jupiter.api.Test;

/**
 * A credential the server issued before JSON-LD safe mode, the VC 1.1 context and the fast path's
 * own RDFC step (the demo tenant of the landed code, 2026-12-04): it must keep verifying, on both
 * canonicalization paths, so no upgrade invalidates what was already handed out.
 */
class IssuedBeforeIssue12Test {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);
    // the demo tenant's key, from its did:web document (verificationMethod #key-1)
    static final Ed25519PublicKey ISSUER_KEY = Ed25519PublicKey.fromMultibase("z6MkqtvUZZopRzo38Ufaq9h3521YpVgz4Azgyu4mRa7hL8rg");

    static VerificationReport verify(RdfCanonicalizer canonicalizer, ObjectNode credential) {
        return new Verifier(canonicalizer, KeyResolver.givenKey(ISSUER_KEY), StatusResolver.none(), NOW).verify(credential);
    }

    @Test
    void a_credential_issued_before_safe_mode_still_verifies_on_the_fast_path_and_titanium() {
        ObjectNode credential = VerifierFixtures.resource("/issued-before-issue-12/credential.json");
        for (RdfCanonicalizer canonicalizer : new RdfCanonicalizer[] {new ShapeTemplateCanonicalizer(), new TitaniumCanonicalizer()}) {
            VerificationReport report = verify(canonicalizer, credential);
            assertThat(report.isValid()).as(report.toText()).isTrue();
            assertThat(report.checks()).filteredOn(c -> c.name() == CheckName.PROOF).extracting(Check::outcome).containsExactly(Outcome.PASSED);
        }
    }

    @Test
    void the_same_credential_with_a_type_added_after_signing_is_refused() {
        ObjectNode credential = VerifierFixtures.resource("/issued-before-issue-12/credential.json");
        ((ArrayNode) credential.get("type")).add("InvalidType");
        for (RdfCanonicalizer canonicalizer : new RdfCanonicalizer[] {new ShapeTemplateCanonicalizer(), new TitaniumCanonicalizer()}) {
            VerificationReport report = verify(canonicalizer, credential);
            assertThat(report.isValid()).isFalse();
            assertThat(report.firstFailure().get().error()).isEqualTo(VerificationError.UNDEFINED_TERM);
        }
    }
}
