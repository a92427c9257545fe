package org.credence.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Set;
import org.credence.standards.model.CredentialFormatException;
import org.credence.standards.model.CredentialJson;

/** Reading request bodies strictly and reading their fields with errors that name the field. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** The body as a JSON object; wrong content type, bad UTF-8/JSON or unknown fields are 4xx problems. */
    public static ObjectNode body(Context ctx, Set<String> allowedFields) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw Problem.unsupportedMediaType("send the request body as application/json");
        }
        JsonNode node;
        try {
            node = CredentialJson.readTree(ctx.bodyAsBytes());
        } catch (CredentialFormatException e) {
            throw Problem.badRequest(e.getMessage());
        }
        if (!node.isObject()) {
            throw Problem.badRequest("the request body must be a JSON object");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!allowedFields.contains(name)) {
                throw Problem.invalidField(name, "unknown field '" + name + "'; allowed: " + String.join(", ", new java.util.TreeSet<>(allowedFields)));
            }
        });
        return (ObjectNode) node;
    }

    public static String requiredText(JsonNode node, String field, int maxLength) {
        String value = optionalText(node, field, maxLength);
        if (value == null || value.isBlank()) {
            throw Problem.invalidField(field, field + " is required");
        }
        return value;
    }

    /** A whole-number field, required. */
    public static long requiredLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw Problem.invalidField(field, field + " is required and must be a whole number");
        }
        return value.asLong();
    }

    public static String optionalText(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw Problem.invalidField(field, field + " must be a string");
        }
        if (value.asText().length() > maxLength) {
            throw Problem.invalidField(field, field + " is longer than " + maxLength + " characters");
        }
        return value.asText().strip();
    }
}
