package org.credence.standards.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** Reading and writing the model's JSON by hand: explicit, with the property path in every error. */
final class JsonFields {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonFields() {}

    static ObjectNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new CredentialFormatException(path + " must be a JSON object");
        }
        return (ObjectNode) node;
    }

    static String text(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new CredentialFormatException(path + "." + field + " must be a string");
        }
        return value.asText();
    }

    static String requiredText(JsonNode parent, String field, String path) {
        String value = text(parent, field, path);
        if (value == null || value.isBlank()) {
            throw new CredentialFormatException(path + "." + field + " is required");
        }
        return value;
    }

    /** A string or an array of strings (JSON-LD allows both), as a list. */
    static List<String> texts(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode element : value.isArray() ? value : List.of(value)) {
            if (!element.isTextual()) {
                throw new CredentialFormatException(path + "." + field + " must be a string or a list of strings");
            }
            out.add(element.asText());
        }
        return List.copyOf(out);
    }

    /** An object or an array of objects, each read with {@code reader}. */
    static <T> List<T> objects(JsonNode parent, String field, String path, BiFunction<JsonNode, String, T> reader) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        List<T> out = new ArrayList<>();
        int i = 0;
        for (JsonNode element : value.isArray() ? value : List.of(value)) {
            out.add(reader.apply(element, path + "." + field + (value.isArray() ? "[" + i++ + "]" : "")));
        }
        return List.copyOf(out);
    }

    /** Properties the model does not name, kept so a re-serialised credential still matches its signature. */
    static Map<String, JsonNode> extras(JsonNode node, Set<String> known) {
        Map<String, JsonNode> extras = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> {
            if (!known.contains(f.getKey())) {
                extras.put(f.getKey(), f.getValue().deepCopy());
            }
        });
        return extras.isEmpty() ? Map.of() : Collections.unmodifiableMap(extras);
    }

    static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static void putTexts(ObjectNode node, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }

    static <T> void putObjects(ObjectNode node, String field, List<T> values, java.util.function.Function<T, JsonNode> writer) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(field);
            values.forEach(v -> array.add(writer.apply(v)));
        }
    }

    static void putExtras(ObjectNode node, Map<String, JsonNode> extras) {
        extras.forEach((k, v) -> node.set(k, v.deepCopy()));
    }
}
