package org.credence.standards.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON-LD document split into its shape and its string values.
 *
 * <p>The shape keeps everything that can change how JSON-LD expansion reads a value: property
 * names, array lengths, {@code @context} and {@code type} values verbatim, numbers, booleans,
 * and for each other string only its class (the IRI scheme it starts with, or plain text).
 * Two documents with the same shape expand to the same quads up to those string values.
 */
record DocumentShape(String key, List<String> values) {
    /** Marks a probe value; a real document holding it is never templated. */
    static final String SENTINEL_MARK = "credence.slot.";

    static DocumentShape of(ObjectNode document) {
        StringBuilder key = new StringBuilder(512);
        List<String> values = new ArrayList<>(48);
        walk(document, key, values);
        return new DocumentShape(key.toString(), List.copyOf(values));
    }

    /** The class of a value that is never templated: it may be a blank node id, keyword or odd IRI. */
    static final String OPAQUE = "!";

    /**
     * A value's class: the scheme of a plain absolute IRI, {@code ""} for text without a colon
     * (which JSON-LD can only read as a literal, a term or a relative IRI, like the probe), or
     * {@link #OPAQUE} for anything else ({@code _:b0}, {@code @none}, {@code Note: x}).
     */
    static String valueClass(String value) {
        String scheme = iriScheme(value);
        if (scheme != null) {
            return scheme;
        }
        if (DATE_TIME.matcher(value).matches()) {
            return DATE;
        }
        return value.indexOf(':') >= 0 || value.startsWith("@") ? OPAQUE : "";
    }

    /**
     * The class of ISO-8601 date-times ({@code validFrom}, a proof's {@code created}): their
     * colon follows a prefix that cannot be an IRI scheme or a term, so JSON-LD reads every one
     * the same way, as the probe {@code 0:credence.slot.N.} is read.
     */
    static final String DATE = "0";
    private static final java.util.regex.Pattern DATE_TIME = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?");

    /** The probe value for position {@code index}: same class as the real value, unmistakable in output. */
    static String sentinel(int index, String realValue) {
        String scheme = iriScheme(realValue);
        if (scheme == null && DATE_TIME.matcher(realValue).matches()) {
            scheme = DATE;
        }
        return (scheme == null ? "" : scheme + ":") + SENTINEL_MARK + index + ".";
    }

    /** A deep copy of {@code document} whose string values are replaced by {@code replacement(index, value)}. */
    static ObjectNode replaceValues(ObjectNode document, java.util.function.BiFunction<Integer, String, String> replacement) {
        ObjectNode copy = document.deepCopy();
        replaceIn(copy, replacement, new int[] {0});
        return copy;
    }

    private static void walk(JsonNode node, StringBuilder key, List<String> values) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                key.append('{');
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String name = field.getKey();
                    key.append(name.length()).append(':').append(name);
                    if (isVerbatim(name)) {
                        appendJson(field.getValue(), key.append('='));
                    } else {
                        walk(field.getValue(), key, values);
                    }
                    key.append(',');
                }
                key.append('}');
            }
            case ARRAY -> {
                key.append('[');
                for (JsonNode element : node) {
                    walk(element, key, values);
                }
                key.append(']');
            }
            case STRING -> {
                String value = node.textValue();
                key.append('"').append(valueClass(value)).append('"');
                values.add(value);
            }
            default -> key.append('#').append(node.toString()).append('#');
        }
    }

    // the value as JSON text, unambiguously, without a Jackson generator per value (the shape key is built per document)
    private static void appendJson(JsonNode node, StringBuilder key) {
        switch (node.getNodeType()) {
            case STRING -> {
                String text = node.textValue();
                key.append('"');
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '"' || c == '\\') {
                        key.append('\\');
                    }
                    key.append(c);
                }
                key.append('"');
            }
            case ARRAY -> {
                key.append('[');
                for (JsonNode element : node) {
                    appendJson(element, key);
                    key.append(',');
                }
                key.append(']');
            }
            case OBJECT -> {
                key.append('{');
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    appendJson(com.fasterxml.jackson.databind.node.TextNode.valueOf(field.getKey()), key);
                    appendJson(field.getValue(), key.append(':'));
                    key.append(',');
                }
                key.append('}');
            }
            default -> key.append(node.toString());
        }
    }

    private static void replaceIn(JsonNode node, java.util.function.BiFunction<Integer, String, String> replacement, int[] counter) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (isVerbatim(field.getKey())) {
                    continue;
                }
                if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(replacement.apply(counter[0]++, field.getValue().textValue())));
                } else {
                    replaceIn(field.getValue(), replacement, counter);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                if (element.isTextual()) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, TextNode.valueOf(replacement.apply(counter[0]++, element.textValue())));
                } else {
                    replaceIn(element, replacement, counter);
                }
            }
        }
    }

    // @context selects term definitions and type values select type-scoped contexts; @language,
    // @direction and @index are not RDF terms of their own: all are matched verbatim, never templated
    private static boolean isVerbatim(String property) {
        return switch (property) {
            case "@context", "type", "@type", "@language", "@direction", "@index" -> true;
            default -> false;
        };
    }

    /** The JSON path of the string value at {@code index}, for error messages. */
    static String pathOf(ObjectNode document, int index) {
        String[] found = new String[1];
        int[] counter = {0};
        findPath(document, "", index, counter, found);
        return found[0] == null ? "(value " + index + ")" : found[0];
    }

    private static void findPath(JsonNode node, String path, int index, int[] counter, String[] found) {
        if (found[0] != null) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext() && found[0] == null) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!isVerbatim(field.getKey())) {
                    findPath(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), index, counter, found);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size() && found[0] == null; i++) {
                findPath(node.get(i), path + "[" + i + "]", index, counter, found);
            }
        } else if (node.isTextual() && counter[0]++ == index) {
            found[0] = path;
        }
    }

    /**
     * The scheme of an absolute IRI made only of unreserved, reserved and well-formed
     * percent-encoded characters; {@code null} for anything else (treated as plain text).
     */
    static String iriScheme(String value) {
        int colon = value.indexOf(':');
        if (colon < 1 || colon == value.length() - 1 || !Character.isLetter(value.charAt(0)) || value.charAt(0) > 'z') {
            return null;
        }
        for (int i = 1; i < colon; i++) {
            char c = value.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))) {
                return null;
            }
        }
        // what java.net.URI (titanium's absolute-IRI test) refuses despite legal characters: no
        // scheme-specific part before a fragment, two fragments, an empty authority with nothing after
        if (value.charAt(colon + 1) == '#' || value.indexOf('#') != value.lastIndexOf('#') || value.length() == colon + 3 && value.endsWith("//")) {
            return null;
        }
        for (int i = colon + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length() || Character.digit(value.charAt(i + 1), 16) < 0 || Character.digit(value.charAt(i + 2), 16) < 0) {
                    return null;
                }
            } else if (!(c < 128 && (Character.isLetterOrDigit(c) || "-._~:/?#@!$&'()*+,;=".indexOf(c) >= 0))) {
                return null;
            }
        }
        return value.substring(0, colon).toLowerCase(java.util.Locale.ROOT).equals(value.substring(0, colon)) ? value.substring(0, colon) : null;
    }
}
