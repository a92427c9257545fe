package org.credence.standards.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.credence.standards.model.IdentityObject;

/**
 * What a credential says under its signature, in the words a person compares with a printed
 * certificate: the achievement, the issuer, the recipient's name when the credential carries it
 * (an {@code IdentityObject} of type {@code name}, not hashed), and the validity dates. Only a
 * credential whose signature checked out has signed facts: a tampered one says nothing reliable.
 *
 * @param recipient null when the credential names no recipient (it may carry only a hashed e-mail)
 * @param validFrom null when absent or unreadable
 * @param validUntil null when the credential does not expire
 */
public record SignedFacts(String achievement, String issuer, String recipient, Instant validFrom, Instant validUntil) {

    /** The facts of {@code report}'s credential, if its signature was checked and matched. */
    public static Optional<SignedFacts> of(VerificationReport report) {
        boolean signed = report.checks().stream().anyMatch(c -> c.name() == CheckName.PROOF && c.outcome() == Outcome.PASSED);
        if (!signed || report.credential() == null) {
            return Optional.empty();
        }
        return Optional.of(read(report.credential()));
    }

    /**
     * The same facts read from a credential whose proof the caller checked some other way (an
     * issuer reading the exact text it signed and stored). Nothing here checks the signature.
     */
    public static SignedFacts read(JsonNode credential) {
        JsonNode subject = credential.path("credentialSubject");
        String achievement = subject.path("achievement").path("name").asText(credential.path("name").asText(""));
        JsonNode issuer = credential.path("issuer");
        String issuerName = issuer.isTextual() ? issuer.asText() : issuer.path("name").asText(issuer.path("id").asText(""));
        String recipient = null;
        for (JsonNode identity : subject.path("identifier")) {
            if (IdentityObject.NAME.equals(identity.path("identityType").asText()) && !identity.path("hashed").asBoolean(true)) {
                recipient = identity.path("identityHash").asText(null);
                break;
            }
        }
        boolean v1 = org.credence.standards.jsonld.CredentialContexts.isV1(credential);
        return new SignedFacts(achievement, issuerName, recipient, instant(credential.path(v1 ? "issuanceDate" : "validFrom")),
                instant(credential.path(v1 ? "expirationDate" : "validUntil")));
    }

    /** {@code achievement}, {@code issuer}, and {@code recipient}, {@code validFrom}, {@code validUntil} when present. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("achievement", achievement);
        node.put("issuer", issuer);
        if (recipient != null) {
            node.put("recipient", recipient);
        }
        if (validFrom != null) {
            node.put("validFrom", validFrom.toString());
        }
        if (validUntil != null) {
            node.put("validUntil", validUntil.toString());
        }
        return node;
    }

    private static Instant instant(JsonNode value) {
        try {
            return value.isTextual() ? Instant.parse(value.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
