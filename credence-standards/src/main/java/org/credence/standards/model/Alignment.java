package org.credence.standards.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A skill, standard or competency the achievement aligns to (ESCO, O*NET, a company framework). */
public record Alignment(String targetName, String targetUrl, String targetDescription, String targetFramework,
                        String targetCode, String targetType) {
    public Alignment {
        if (targetName == null || targetName.isBlank()) {
            throw new CredentialFormatException("alignment.targetName is required");
        }
        if (targetUrl == null || targetUrl.isBlank()) {
            throw new CredentialFormatException("alignment.targetUrl is required (the page that describes '" + targetName + "')");
        }
    }

    public static Alignment of(String targetName, String targetUrl) {
        return new Alignment(targetName, targetUrl, null, null, null, null);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonFields.NODES.objectNode();
        node.putArray("type").add("Alignment");
        node.put("targetName", targetName);
        node.put("targetUrl", targetUrl);
        JsonFields.put(node, "targetDescription", targetDescription);
        JsonFields.put(node, "targetFramework", targetFramework);
        JsonFields.put(node, "targetCode", targetCode);
        JsonFields.put(node, "targetType", targetType);
        return node;
    }

    static Alignment fromJson(JsonNode node, String path) {
        JsonFields.object(node, path);
        return new Alignment(JsonFields.requiredText(node, "targetName", path), JsonFields.requiredText(node, "targetUrl", path),
                JsonFields.text(node, "targetDescription", path), JsonFields.text(node, "targetFramework", path),
                JsonFields.text(node, "targetCode", path), JsonFields.text(node, "targetType", path));
    }
}
