package org.credence.standards.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Evidence of the achievement: a URL to the work, or a narrative, with optional details. */
public record Evidence(String id, String name, String description, String narrative, String genre, String audience) {
    public Evidence {
        if ((id == null || id.isBlank()) && (narrative == null || narrative.isBlank())) {
            throw new CredentialFormatException("evidence needs an id (URL) or a narrative");
        }
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonFields.NODES.objectNode();
        JsonFields.put(node, "id", id);
        node.putArray("type").add("Evidence");
        JsonFields.put(node, "name", name);
        JsonFields.put(node, "description", description);
        JsonFields.put(node, "narrative", narrative);
        JsonFields.put(node, "genre", genre);
        JsonFields.put(node, "audience", audience);
        return node;
    }

    static Evidence fromJson(JsonNode node, String path) {
        JsonFields.object(node, path);
        return new Evidence(JsonFields.text(node, "id", path), JsonFields.text(node, "name", path), JsonFields.text(node, "description", path),
                JsonFields.text(node, "narrative", path), JsonFields.text(node, "genre", path), JsonFields.text(node, "audience", path));
    }
}
