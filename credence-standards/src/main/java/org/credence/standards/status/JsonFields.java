package org.credence.standards.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.credence.standards.status.StatusListException.Code;

/** Reads fields of untrusted JSON objects, failing with a message that names the object and field. */
final class JsonFields {

    private JsonFields() {
    }

    /** The text of a required string field, or a failure with {@code code} naming {@code where.field}. */
    static String requiredText(JsonNode object, String where, String field, Code code) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new StatusListException(code, where + "." + field + " is missing");
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new StatusListException(code,
                    where + "." + field + " must be a non-empty string, got " + kindOf(value) + " " + value);
        }
        return value.textValue();
    }

    /** The text of an optional string field, or {@code null} when it is absent. */
    static String optionalText(JsonNode object, String where, String field, Code code) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : requiredText(object, where, field, code);
    }

    /** Whether {@code type} is the object's type or one of its types (VC {@code type} may be a string or an array). */
    static boolean hasType(JsonNode object, String type) {
        JsonNode types = object.get("type");
        if (types == null) {
            return false;
        }
        if (types.isTextual()) {
            return types.textValue().equals(type);
        }
        for (JsonNode each : types) {
            if (each.isTextual() && each.textValue().equals(type)) {
                return true;
            }
        }
        return false;
    }

    /** The object's {@code type} as written, for error messages. */
    static String typeOf(JsonNode object) {
        JsonNode types = object.get("type");
        return types == null ? "missing" : types.toString();
    }

    /** "object", "array", "string", "number", ... for error messages. */
    static String kindOf(JsonNode value) {
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
