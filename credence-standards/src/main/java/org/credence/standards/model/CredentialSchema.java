package org.credence.standards.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A {@code credentialSchema} entry: the JSON Schema a verifier may check the credential against. */
public record CredentialSchema(String id, String type) {
    /** 1EdTech's AchievementCredential schema, checked with 1EdTech's validator type. */
    public static final CredentialSchema OB_ACHIEVEMENT_CREDENTIAL = new CredentialSchema(
            "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
            "1EdTechJsonSchemaValidator2019");

    public ObjectNode toJson() {
        ObjectNode node = JsonFields.NODES.objectNode();
        node.put("id", id);
        node.put("type", type);
        return node;
    }

    static CredentialSchema fromJson(JsonNode node, String path) {
        JsonFields.object(node, path);
        return new CredentialSchema(JsonFields.requiredText(node, "id", path), JsonFields.requiredText(node, "type", path));
    }
}
