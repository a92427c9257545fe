package org.credence.standards.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Converts Jackson trees (what the rest of Credence uses) into Jakarta JSON-P values (what
 * titanium reads) directly, without printing and re-parsing text.
 */
public final class JakartaJson {
    private JakartaJson() {}

    /** The JSON-P object for a Jackson object node. */
    public static JsonObject object(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object, got " + node.getNodeType());
        }
        return (JsonObject) value(node);
    }

    /** The JSON-P value for any Jackson node. */
    public static JsonValue value(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT: {
                JsonObjectBuilder builder = Json.createObjectBuilder();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    builder.add(field.getKey(), value(field.getValue()));
                }
                return builder.build();
            }
            case ARRAY: {
                JsonArrayBuilder builder = Json.createArrayBuilder();
                for (JsonNode element : node) {
                    builder.add(value(element));
                }
                return builder.build();
            }
            case STRING:
                return Json.createValue(node.textValue());
            case NUMBER:
                if (node.isIntegralNumber()) {
                    return node.canConvertToLong() ? Json.createValue(node.longValue()) : Json.createValue(node.bigIntegerValue());
                }
                return Json.createValue(node.isBigDecimal() ? node.decimalValue() : new BigDecimal(node.asText()));
            case BOOLEAN:
                return node.booleanValue() ? JsonValue.TRUE : JsonValue.FALSE;
            case NULL:
                return JsonValue.NULL;
            default:
                throw new IllegalArgumentException("not JSON: " + node.getNodeType());
        }
    }
}
