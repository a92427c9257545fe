package org.credence.standards.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A recipient's result: a value (score, grade), optionally tied to a ResultDescription by its id. */
public record Result(String resultDescription, String value, String status, String achievedLevel) {
    public ObjectNode toJson() {
        ObjectNode node = JsonFields.NODES.objectNode();
        node.putArray("type").add("Result");
        JsonFields.put(node, "resultDescription", resultDescription);
        JsonFields.put(node, "value", value);
        JsonFields.put(node, "status", status);
        JsonFields.put(node, "achievedLevel", achievedLevel);
        return node;
    }

    static Result fromJson(JsonNode node, String path) {
        JsonFields.object(node, path);
        return new Result(JsonFields.text(node, "resultDescription", path), JsonFields.text(node, "value", path),
                JsonFields.text(node, "status", path), JsonFields.text(node, "achievedLevel", path));
    }
}
