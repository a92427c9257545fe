package org.credence.standards.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What result an achievement records (a score, a grade, a level) and what is required to pass. */
public record ResultDescription(String id, String name, String resultType, List<String> allowedValue,
                                String requiredValue, String valueMin, String valueMax) {
    public ResultDescription {
        allowedValue = List.copyOf(allowedValue);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonFields.NODES.objectNode();
        node.put("id", id);
        node.putArray("type").add("ResultDescription");
        node.put("name", name);
        node.put("resultType", resultType);
        JsonFields.putTexts(node, "allowedValue", allowedValue);
        JsonFields.put(node, "requiredValue", requiredValue);
        JsonFields.put(node, "valueMin", valueMin);
        JsonFields.put(node, "valueMax", valueMax);
        return node;
    }

    static ResultDescription fromJson(JsonNode node, String path) {
        JsonFields.object(node, path);
        return new ResultDescription(JsonFields.requiredText(node, "id", path), JsonFields.requiredText(node, "name", path),
                JsonFields.requiredText(node, "resultType", path), JsonFields.texts(node, "allowedValue", path),
                JsonFields.text(node, "requiredValue", path), JsonFields.text(node, "valueMin", path), JsonFields.text(node, "valueMax", path));
    }
}
