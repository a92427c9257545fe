package org.credence.standards.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An OB 3.0 Image: a URL (or data URI) with an optional caption. A bare string reads as its id. */
public record Image(String id, String caption) {
    public ObjectNode toJson() {
        ObjectNode node = JsonFields.NODES.objectNode();
        node.put("id", id);
        node.put("type", "Image");
        JsonFields.put(node, "caption", caption);
        return node;
    }

    static Image fromJson(JsonNode node, String path) {
        if (node.isTextual()) {
            return new Image(node.asText(), null);
        }
        JsonFields.object(node, path);
        return new Image(JsonFields.requiredText(node, "id", path), JsonFields.text(node, "caption", path));
    }
}
