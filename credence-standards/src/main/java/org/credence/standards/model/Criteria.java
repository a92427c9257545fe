package org.credence.standards.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How the achievement is earned: a URL, a narrative (Markdown), or both. */
public record Criteria(String id, String narrative) {
    public Criteria {
        if ((id == null || id.isBlank()) && (narrative == null || narrative.isBlank())) {
            throw new CredentialFormatException("criteria needs an id or a narrative");
        }
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonFields.NODES.objectNode();
        JsonFields.put(node, "id", id);
        JsonFields.put(node, "narrative", narrative);
        return node;
    }

    static Criteria fromJson(JsonNode node, String path) {
        JsonFields.object(node, path);
        return new Criteria(JsonFields.text(node, "id", path), JsonFields.text(node, "narrative", path));
    }
}
