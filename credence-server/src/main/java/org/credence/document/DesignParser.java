package org.credence.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.domain.ErrorText;

/**
 * Reads a design file with Jackson and checks every field on the way in, so a broken design
 * fails when it is uploaded, with the path of what is wrong, never half-way through a render.
 */
final class DesignParser {
    /** Fields a text template may name. */
    static final Set<String> FIELDS = Set.of("recipient.name", "achievement.name", "achievement.kind", "issuer.name",
            "issuedOn", "expiresOn", "number", "verifyUrl", "achievement.description", "grade", "hours");
    static final Set<String> LANGUAGES = Set.of("en", "nb");
    /** What an element's {@code when} or {@code unless} may name: a branding image, or a field (only some credentials have an expiry). */
    static final Set<String> CONDITIONS = Set.of("logo", "signature", "expiresOn");
    private static final Pattern FIELD = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}|primary|accent");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_ELEMENTS = 200;
    /** An embedded image (a background, a second signature) is kept small: a design is read with every certificate. */
    static final int MAX_EMBEDDED = 1024 * 1024;

    private DesignParser() {}

    static Design parse(String name, String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidDesign(ErrorText.of("design.not_json", "reason", e.getOriginalMessage()));
        }
        return parse(name, root);
    }

    static Design parse(String name, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidDesign(ErrorText.of("design.not_object"));
        }
        Node design = new Node(root, "");
        design.allow("description", "page", "elements");
        Node page = design.object("page");
        page.allow("orientation", "background");
        String orientation = page.text("orientation");
        if (!orientation.equals("landscape") && !orientation.equals("portrait")) {
            throw new InvalidDesign(ErrorText.of("design.orientation_invalid", "value", orientation));
        }
        Optional<String> background = page.has("background") ? Optional.of(page.colour("background")) : Optional.empty();
        JsonNode elements = design.required("elements");
        if (!elements.isArray() || elements.isEmpty()) {
            throw new InvalidDesign(ErrorText.of("design.elements_empty"));
        }
        if (elements.size() > MAX_ELEMENTS) {
            throw new InvalidDesign(ErrorText.of("design.elements_too_many", "count", elements.size(), "max", MAX_ELEMENTS));
        }
        List<Design.Element> parsed = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            parsed.add(element(new Node(elements.get(i), "elements[" + i + "]")));
        }
        String description = design.has("description") ? design.text("description") : "";
        return new Design(name, description, orientation.equals("landscape"), background, parsed);
    }

    private static Design.Element element(Node e) {
        if (!e.node.isObject()) {
            throw new InvalidDesign(ErrorText.of("design.element_not_object", "path", e.path));
        }
        Design.Element shape = shape(e);
        if (e.has("when") && e.has("unless")) {
            throw new InvalidDesign(ErrorText.of("design.when_and_unless", "path", e.path));
        }
        for (String condition : List.of("when", "unless")) {
            if (e.has(condition)) {
                String subject = e.text(condition);
                if (!CONDITIONS.contains(subject)) {
                    throw new InvalidDesign(ErrorText.of("design.condition_unknown", "path", e.at(condition), "conditions", String.join(", ", new TreeSet<>(CONDITIONS)), "value", subject));
                }
                return new Design.Conditional(subject, condition.equals("when"), shape);
            }
        }
        return shape;
    }

    private static Design.Element shape(Node e) {
        String type = e.text("type");
        return switch (type) {
            case "text" -> {
                e.allow("type", "when", "unless", "text", "font", "size", "minSize", "maxLines", "colour", "x", "y", "align", "maxWidth");
                double size = e.number("size", 4, 200);
                String fontName = e.text("font");
                BundledFonts font = BundledFonts.byDesignName(fontName).orElseThrow(() -> new InvalidDesign(ErrorText.of("design.font_unknown", "path", e.path, "font", fontName, "fonts", fontNames())));
                String align = e.has("align") ? e.text("align") : "left";
                Design.Align alignment = switch (align) {
                    case "left" -> Design.Align.LEFT;
                    case "center" -> Design.Align.CENTER;
                    case "right" -> Design.Align.RIGHT;
                    default -> throw new InvalidDesign(ErrorText.of("design.align_invalid", "path", e.path, "value", align));
                };
                double minSize = e.has("minSize") ? e.number("minSize", 4, size) : size;
                int maxLines = e.has("maxLines") ? (int) e.number("maxLines", 1, 10) : 1;
                yield new Design.Text(templates(e), font, size, minSize, maxLines, e.colour("colour"), e.fraction("x"), e.fraction("y"),
                        alignment, e.has("maxWidth") ? e.fraction("maxWidth") : 1.0);
            }
            case "image" -> {
                e.allow("type", "when", "unless", "source", "data", "x", "y", "width", "height");
                String source = e.text("source");
                Design.Source which = switch (source) {
                    case "logo" -> Design.Source.LOGO;
                    case "signature" -> Design.Source.SIGNATURE;
                    case "embedded" -> Design.Source.EMBEDDED;
                    default -> throw new InvalidDesign(ErrorText.of("design.source_invalid", "path", e.path, "value", source));
                };
                Optional<String> data = Optional.empty();
                if (which == Design.Source.EMBEDDED) {
                    data = Optional.of(embedded(e));
                } else if (e.has("data")) {
                    throw new InvalidDesign(ErrorText.of("design.data_embedded_only", "path", e.at("data")));
                }
                yield new Design.Image(which, e.fraction("x"), e.fraction("y"), e.fraction("width"), e.fraction("height"), data);
            }
            case "qr" -> {
                e.allow("type", "when", "unless", "x", "y", "width", "height", "colour");
                yield new Design.Qr(e.fraction("x"), e.fraction("y"), e.fraction("width"), e.fraction("height"),
                        e.has("colour") ? e.colour("colour") : "#000000");
            }
            case "line" -> {
                e.allow("type", "when", "unless", "x1", "y1", "x2", "y2", "lineWidth", "colour");
                yield new Design.Line(e.fraction("x1"), e.fraction("y1"), e.fraction("x2"), e.fraction("y2"),
                        e.has("lineWidth") ? e.number("lineWidth", 0.1, 50) : 1, e.colour("colour"));
            }
            case "rect" -> {
                e.allow("type", "when", "unless", "x", "y", "width", "height", "fill", "stroke", "lineWidth");
                Optional<String> fill = e.has("fill") ? Optional.of(e.colour("fill")) : Optional.empty();
                Optional<String> stroke = e.has("stroke") ? Optional.of(e.colour("stroke")) : Optional.empty();
                if (fill.isEmpty() && stroke.isEmpty()) {
                    throw new InvalidDesign(ErrorText.of("design.fill_or_stroke", "path", e.path));
                }
                yield new Design.Rect(e.fraction("x"), e.fraction("y"), e.fraction("width"), e.fraction("height"), fill, stroke,
                        e.has("lineWidth") ? e.number("lineWidth", 0.1, 50) : 1);
            }
            case "circle" -> {
                e.allow("type", "when", "unless", "x", "y", "radius", "fill", "stroke", "lineWidth");
                Optional<String> fill = e.has("fill") ? Optional.of(e.colour("fill")) : Optional.empty();
                Optional<String> stroke = e.has("stroke") ? Optional.of(e.colour("stroke")) : Optional.empty();
                if (fill.isEmpty() && stroke.isEmpty()) {
                    throw new InvalidDesign(ErrorText.of("design.fill_or_stroke", "path", e.path));
                }
                yield new Design.Circle(e.fraction("x"), e.fraction("y"), e.fraction("radius"), fill, stroke,
                        e.has("lineWidth") ? e.number("lineWidth", 0.1, 50) : 1);
            }
            default -> throw new InvalidDesign(ErrorText.of("design.type_invalid", "path", e.path, "value", type));
        };
    }

    /** An embedded image's data: base64 of a PNG or JPEG of at most {@link #MAX_EMBEDDED} bytes. */
    private static String embedded(Node e) {
        JsonNode value = e.required("data");
        if (!value.isTextual()) {
            throw new InvalidDesign(ErrorText.of("design.data_not_string", "path", e.at("data")));
        }
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(value.asText());
        } catch (IllegalArgumentException bad) {
            throw new InvalidDesign(ErrorText.of("design.data_not_base64", "path", e.at("data")));
        }
        if (bytes.length > MAX_EMBEDDED) {
            throw new InvalidDesign(ErrorText.of("design.data_too_large", "path", e.at("data"), "kb", bytes.length / 1024, "max", MAX_EMBEDDED / 1024));
        }
        boolean png = bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
        boolean jpeg = bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8;
        if (!png && !jpeg) {
            throw new InvalidDesign(ErrorText.of("design.data_not_image", "path", e.at("data")));
        }
        return value.asText();
    }

    /** A text's templates per language: one string for both, or {"en": …, "nb": …} with both present. */
    private static Map<String, String> templates(Node e) {
        JsonNode text = e.required("text");
        Map<String, String> byLanguage = new LinkedHashMap<>();
        if (text.isTextual()) {
            LANGUAGES.forEach(language -> byLanguage.put(language, text.asText()));
        } else if (text.isObject()) {
            Node labels = new Node(text, e.path + ".text");
            labels.allow(LANGUAGES.toArray(String[]::new));
            for (String language : List.of("en", "nb")) {
                byLanguage.put(language, labels.text(language));
            }
        } else {
            throw new InvalidDesign(ErrorText.of("design.text_invalid", "path", e.path));
        }
        byLanguage.forEach((language, template) -> {
            Matcher m = FIELD.matcher(template);
            while (m.find()) {
                if (!FIELDS.contains(m.group(1))) {
                    throw new InvalidDesign(ErrorText.of("design.text_field_unknown", "path", e.path, "field", m.group(1), "fields", String.join(", ", FIELDS.stream().sorted().map(f -> "{" + f + "}").toList())));
                }
            }
        });
        return byLanguage;
    }

    private static String fontNames() {
        List<String> names = new ArrayList<>();
        for (BundledFonts font : BundledFonts.values()) {
            names.add(font.designName());
        }
        return String.join(", ", names);
    }

    /** A JSON object and its path in the design, for messages that say where. */
    private record Node(JsonNode node, String path) {
        String at(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        boolean has(String field) {
            return node.has(field) && !node.get(field).isNull();
        }

        JsonNode required(String field) {
            if (!has(field)) {
                throw new InvalidDesign(ErrorText.of("design.field_missing", "path", at(field)));
            }
            return node.get(field);
        }

        void allow(String... fields) {
            Set<String> allowed = Set.of(fields);
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw new InvalidDesign(ErrorText.of("design.field_unknown", "path", at(name), "fields", String.join(", ", fields)));
                }
            }
        }

        Node object(String field) {
            JsonNode value = required(field);
            if (!value.isObject()) {
                throw new InvalidDesign(ErrorText.of("design.element_not_object", "path", at(field)));
            }
            return new Node(value, at(field));
        }

        String text(String field) {
            JsonNode value = required(field);
            if (!value.isTextual()) {
                throw new InvalidDesign(ErrorText.of("design.field_not_string", "path", at(field)));
            }
            if (value.asText().length() > 2000) {
                throw new InvalidDesign(ErrorText.of("design.field_too_long", "path", at(field)));
            }
            return value.asText();
        }

        double number(String field, double min, double max) {
            JsonNode value = required(field);
            if (!value.isNumber()) {
                throw new InvalidDesign(ErrorText.of("design.field_not_number", "path", at(field)));
            }
            double d = value.asDouble();
            if (d < min || d > max) {
                throw new InvalidDesign(ErrorText.of("design.field_range", "path", at(field), "value", d, "min", min, "max", max));
            }
            return d;
        }

        /** A position or extent as a fraction of the page. */
        double fraction(String field) {
            return number(field, 0, 1);
        }

        String colour(String field) {
            String value = text(field).toLowerCase(Locale.ROOT);
            if (!COLOUR.matcher(value).matches()) {
                throw new InvalidDesign(ErrorText.of("design.colour_invalid", "path", at(field), "value", value));
            }
            return value;
        }
    }
}
