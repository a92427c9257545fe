package org.credence.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Set;
import org.credence.json.JsonFields;
import org.credence.standards.model.CredentialFormatException;
import org.credence.standards.model.CredentialJson;

/** Reading request bodies strictly; field readers delegate to {@link JsonFields} (their errors are domain errors). */
public final class Json {
    /** The one mapper, {@link JsonFields#MAPPER}: routes keep their short name for it. */
    public static final ObjectMapper MAPPER = JsonFields.MAPPER;

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
        return JsonFields.requiredText(node, field, maxLength);
    }

    /** A whole-number field, required. */
    public static long requiredLong(JsonNode node, String field) {
        return JsonFields.requiredLong(node, field);
    }

    public static String optionalText(JsonNode node, String field, int maxLength) {
        return JsonFields.optionalText(node, field, maxLength);
    }
}
