package org.credence.standards.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Open Badges 3.0 {@code OpenBadgeCredential} (alias AchievementCredential), unsigned or
 * signed. {@code credentialStatus} and {@code proof} stay JSON: their shapes belong to the
 * status and Data Integrity code.
 *
 * @see <a href="https://www.imsglobal.org/spec/ob/v3p0/#achievementcredential">OB 3.0 AchievementCredential</a>
 */
public record AchievementCredential(List<String> context, String id, List<String> type, Profile issuer, String validFrom,
                                    String validUntil, String name, String description, Image image,
                                    AchievementSubject credentialSubject, JsonNode credentialStatus,
                                    List<CredentialSchema> credentialSchema, List<Evidence> evidence, List<JsonNode> proof,
                                    Map<String, JsonNode> extras) {
    public static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    public static final String OB_V3P0 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public static final String OB_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
    private static final Set<String> KNOWN = Set.of("@context", "id", "type", "issuer", "validFrom", "validUntil", "name", "description",
            "image", "credentialSubject", "credentialStatus", "credentialSchema", "evidence", "proof");

    public AchievementCredential {
        context = List.copyOf(context);
        type = List.copyOf(type);
        credentialSchema = List.copyOf(credentialSchema);
        evidence = List.copyOf(evidence);
        proof = List.copyOf(proof);
        extras = Map.copyOf(extras);
        if (context.isEmpty() || !VC_V2.equals(context.get(0))) {
            throw new CredentialFormatException("@context must start with " + VC_V2);
        }
        if (!type.contains("VerifiableCredential")) {
            throw new CredentialFormatException("type must include VerifiableCredential");
        }
        if (!type.contains("OpenBadgeCredential") && !type.contains("AchievementCredential")) {
            throw new CredentialFormatException("type must include OpenBadgeCredential (or AchievementCredential)");
        }
        if (id != null) {
            Uris.requireAbsolute(id, "id");
        }
        if (issuer == null) {
            throw new CredentialFormatException("issuer is required");
        }
        if (name == null || name.isBlank()) {
            throw new CredentialFormatException("name is required");
        }
        if (credentialSubject == null) {
            throw new CredentialFormatException("credentialSubject is required");
        }
        Instant from = parseInstant(validFrom, "validFrom");
        if (from == null) {
            throw new CredentialFormatException("validFrom is required");
        }
        Instant until = parseInstant(validUntil, "validUntil");
        if (until != null && until.isBefore(from)) {
            throw new CredentialFormatException("validUntil (" + validUntil + ") is before validFrom (" + validFrom + ")");
        }
    }

    /** A builder for credentials Credence issues. */
    public static Builder builder() {
        return new Builder();
    }

    public Instant validFromInstant() {
        return parseInstant(validFrom, "validFrom");
    }

    /** Empty when the credential does not expire. */
    public java.util.Optional<Instant> validUntilInstant() {
        return java.util.Optional.ofNullable(parseInstant(validUntil, "validUntil"));
    }

    /** The credential as OB 3.0 JSON, {@code proof} as an array. */
    public ObjectNode toJson() {
        ObjectNode node = JsonFields.NODES.objectNode();
        ArrayNode contexts = node.putArray("@context");
        context.forEach(contexts::add);
        JsonFields.put(node, "id", id);
        JsonFields.putTexts(node, "type", type);
        node.set("issuer", issuer.toJson());
        node.put("validFrom", validFrom);
        JsonFields.put(node, "validUntil", validUntil);
        node.put("name", name);
        JsonFields.put(node, "description", description);
        if (image != null) {
            node.set("image", image.toJson());
        }
        node.set("credentialSubject", credentialSubject.toJson());
        if (credentialStatus != null) {
            node.set("credentialStatus", credentialStatus.deepCopy());
        }
        JsonFields.putObjects(node, "credentialSchema", credentialSchema, CredentialSchema::toJson);
        JsonFields.putObjects(node, "evidence", evidence, Evidence::toJson);
        JsonFields.putExtras(node, extras);
        JsonFields.putObjects(node, "proof", proof, JsonNode::deepCopy);
        return node;
    }

    /** Reads an OB 3.0 credential; unknown properties are kept, so {@link #toJson()} gives the same document back. */
    public static AchievementCredential fromJson(JsonNode node) {
        JsonFields.object(node, "credential");
        String path = "credential";
        return new AchievementCredential(JsonFields.texts(node, "@context", path), JsonFields.text(node, "id", path),
                JsonFields.texts(node, "type", path), Profile.fromJson(node.get("issuer"), "issuer"),
                JsonFields.text(node, "validFrom", path), JsonFields.text(node, "validUntil", path), JsonFields.text(node, "name", path),
                JsonFields.text(node, "description", path), node.hasNonNull("image") ? Image.fromJson(node.get("image"), "image") : null,
                AchievementSubject.fromJson(node.get("credentialSubject"), "credentialSubject"), node.get("credentialStatus"),
                JsonFields.objects(node, "credentialSchema", path, CredentialSchema::fromJson),
                JsonFields.objects(node, "evidence", path, Evidence::fromJson), JsonFields.objects(node, "proof", path, (n, p) -> n),
                JsonFields.extras(node, KNOWN));
    }

    private static Instant parseInstant(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new CredentialFormatException(field + " '" + value + "' is not a date-time such as 2025-01-31T12:00:00Z");
        }
    }

    /** Collects the parts of a credential Credence issues; {@link #build()} validates them. */
    public static final class Builder {
        private String id;
        private Profile issuer;
        private Instant validFrom;
        private Instant validUntil;
        private String name;
        private String description;
        private Image image;
        private AchievementSubject subject;
        private JsonNode credentialStatus;
        private final List<CredentialSchema> schemas = new ArrayList<>();
        private final List<Evidence> evidence = new ArrayList<>();

        private Builder() {}

        public Builder id(String id) { this.id = id; return this; }
        public Builder issuer(Profile issuer) { this.issuer = issuer; return this; }
        public Builder validFrom(Instant validFrom) { this.validFrom = validFrom; return this; }
        public Builder validUntil(Instant validUntil) { this.validUntil = validUntil; return this; }
        public Builder name(String name) { this.name = name; return this; }
        public Builder description(String description) { this.description = description; return this; }
        public Builder image(Image image) { this.image = image; return this; }
        public Builder subject(AchievementSubject subject) { this.subject = subject; return this; }
        public Builder credentialStatus(JsonNode credentialStatus) { this.credentialStatus = credentialStatus; return this; }
        public Builder credentialSchema(CredentialSchema schema) { this.schemas.add(schema); return this; }
        public Builder evidence(Evidence item) { this.evidence.add(item); return this; }

        public AchievementCredential build() {
            List<String> contexts = new ArrayList<>(List.of(VC_V2, OB_V3P0));
            if (!schemas.isEmpty()) {
                // the 1EdTech validator type is defined only in the extensions context
                contexts.add(OB_EXTENSIONS);
            }
            return new AchievementCredential(contexts, id, List.of("VerifiableCredential", "OpenBadgeCredential"), issuer,
                    validFrom == null ? null : validFrom.truncatedTo(ChronoUnit.SECONDS).toString(),
                    validUntil == null ? null : validUntil.truncatedTo(ChronoUnit.SECONDS).toString(),
                    name, description, image, subject, credentialStatus, schemas, evidence, List.of(), Map.of());
        }
    }
}
