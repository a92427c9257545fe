package org.credence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.credence.standards.jsonld.BundledContexts;

/** Open Badges credentials of a fake other issuer (a did:web on loopback), for the tests that verify other issuers' credentials. */
final class OtherIssuerBadges {
    private OtherIssuerBadges() {}

    /**
     * An unsigned credential of {@code did} with one status entry.
     *
     * @param host the issuer's web host, e.g. {@code other.example}; the achievement lives under it
     */
    static ObjectNode unsigned(String did, String id, String issuerName, String host, String achievement, String slug, String description,
                               JsonNode status) {
        ObjectNode credential = ServerHarness.JSON.createObjectNode();
        credential.putArray("@context").add(BundledContexts.CREDENTIALS_V2).add(BundledContexts.OB_V3P0);
        credential.put("id", id);
        credential.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        credential.putObject("issuer").put("id", did).put("name", issuerName).put("url", "https://" + host).putArray("type").add("Profile");
        credential.put("validFrom", "2025-03-01T10:00:00Z");
        credential.put("name", achievement);
        ObjectNode subject = credential.putObject("credentialSubject");
        subject.putArray("type").add("AchievementSubject");
        ObjectNode node = subject.putObject("achievement");
        node.put("id", "https://" + host + "/achievements/" + slug).put("name", achievement).put("description", description)
                .putArray("type").add("Achievement");
        node.putObject("criteria").put("narrative", "Pass the practical test.");
        credential.set("credentialStatus", status);
        return credential;
    }

    /** A JSON document as the fake issuer's web server serves it. */
    static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
