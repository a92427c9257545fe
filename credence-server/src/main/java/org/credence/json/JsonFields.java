package org.credence.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;

/**
 * The shared Jackson mapper and field readers whose errors name the field. Outside the web
 * package so that services, the CLI and stored JSON can use them without knowing HTTP; the web
 * layer turns their {@link DomainException.InvalidInput} into a 422 problem.
 */
public final class JsonFields {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFields() {}

    public static String requiredText(JsonNode node, String field, int maxLength) {
        String value = optionalText(node, field, maxLength);
        if (value == null || value.isBlank()) {
            throw new DomainException.InvalidInput(field, ErrorText.of("json.required", "field", field));
        }
        return value;
    }

    /** A whole-number field, required. */
    public static long requiredLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new DomainException.InvalidInput(field, ErrorText.of("json.whole_required", "field", field));
        }
        return value.asLong();
    }

    /** The text of {@code field} (its last dotted segment, for nested members), stripped; null when absent or null. */
    public static String optionalText(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new DomainException.InvalidInput(field, ErrorText.of("json.string_required", "field", field));
        }
        if (value.asText().length() > maxLength) {
            throw new DomainException.InvalidInput(field, ErrorText.of("json.too_long", "field", field, "max", maxLength));
        }
        return value.asText().strip();
    }
}
