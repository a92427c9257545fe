package org.credence.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses, before any route reads them, request values no route can store or compute with: a NUL
 * character (PostgreSQL text cannot hold one) in a query parameter, a form field or a JSON
 * string or key, and a JSON number too large for a double ({@code 1e400}). One place for every
 * route, so a new route cannot forget it. The answer names the parameter or field.
 */
final class InputGuard {
    private InputGuard() {}

    static void check(Context ctx) {
        for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
            if (hasNul(parameter.getKey()) || parameter.getValue().stream().anyMatch(InputGuard::hasNul)) {
                throw Problem.badParameter(clean(parameter.getKey()), "query parameter '" + clean(parameter.getKey()) + "' contains a NUL character");
            }
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            for (Map.Entry<String, List<String>> field : ctx.formParamMap().entrySet()) {
                if (hasNul(field.getKey()) || field.getValue().stream().anyMatch(InputGuard::hasNul)) {
                    throw nul(clean(field.getKey()));
                }
            }
        } else if (type.startsWith("application/") && type.contains("json")) {
            byte[] body = ctx.bodyAsBytes();
            // the tree is read only when the bytes could hold what is refused, so ordinary bodies are parsed once, by their route
            if (suspicious(body)) {
                JsonNode tree;
                try {
                    tree = Json.MAPPER.readTree(body);
                } catch (IOException e) {
                    return; // unreadable JSON: the route answers its own 400
                }
                find(tree, "").ifPresent(p -> {
                    throw p;
                });
            }
        }
    }

    private static Problem nul(String field) {
        return Problem.invalidField(field, field + " contains a NUL character, which is not allowed");
    }

    private static Optional<Problem> find(JsonNode node, String path) {
        if (node.isTextual() && hasNul(node.textValue())) {
            return Optional.of(nul(path));
        }
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            return Optional.of(Problem.invalidField(path, path + " is a number too large to be read (" + clean(node.asText()) + ")"));
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (hasNul(field.getKey())) {
                    return Optional.of(nul(clean(child)));
                }
                Optional<Problem> found = find(field.getValue(), child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            Optional<Problem> found = find(node.get(i), path + "[" + i + "]");
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the JSON text has a NUL escape (backslash, u, 0000), an exponent of three digits, or a
     * run of 200 digits (with an exponent of two digits, a number needs over 209 to pass 1e308).
     */
    static boolean suspicious(byte[] json) {
        int digits = 0;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            digits = isDigit(b) ? digits + 1 : 0;
            if (digits >= 200) {
                return true;
            }
            if (b == '\\' && i + 5 < json.length && json[i + 1] == 'u' && json[i + 2] == '0' && json[i + 3] == '0' && json[i + 4] == '0' && json[i + 5] == '0') {
                return true;
            }
            if ((b == 'e' || b == 'E') && i > 0 && isDigit(json[i - 1])) {
                int j = i + 1 < json.length && (json[i + 1] == '+' || json[i + 1] == '-') ? i + 2 : i + 1;
                if (j + 2 < json.length && isDigit(json[j]) && isDigit(json[j + 1]) && isDigit(json[j + 2])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /** The name as it can be shown back: NUL as {@code \0}, and not endless. */
    private static String clean(String name) {
        String shown = name.replace("\0", "\\0");
        return shown.length() > 100 ? shown.substring(0, 100) + "…" : shown;
    }
}
