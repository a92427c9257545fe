package org.credence.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.credence.app.AppBar;
import org.credence.document.BundledFonts;
import org.credence.document.Design;
import org.credence.document.DesignChanges;
import org.credence.document.Designs;
import org.credence.document.InvalidDesign;
import org.credence.document.UploadedImages;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.http.FormMessage;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.json.JsonFields;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/**
 * {@code /app/designs}: the certificate designer. A person picks a design (built-in or the tenant's own), changes its page,
 * colours, fonts and texts, moves and resizes what is on it (by dragging on the preview, or with the number inputs, in per
 * cent of the page on a half-per-cent grid), adds placeholders, signatories and images, and saves it under a name through
 * {@link DesignChanges}, the service behind {@code PUT /api/v1/designs/{name}}: the stored JSON is the API's format
 * ({@code docs/designs.md}), unchanged fields of each element kept as they were.
 */
public final class DesignerPages {
    /** The grid positions snap to, in per cent of the page. */
    static final double GRID = 0.5;
    /** A design has at most 200 elements (DesignParser); the form is read no further. */
    private static final int MAX_FORM_ELEMENTS = 200;

    /** What the designer works with. */
    public record Services(Designs designs, DesignChanges changes, PreviewRoutes.Services previews) {}

    /**
     * One element of the design as the form shows it. Positions and sizes in per cent of the page ({@code x}, {@code y},
     * {@code w}, {@code h}); what they mean depends on the type (docs/app-achievements.md).
     *
     * @param json the element as stored, kept so fields the form does not show survive a save
     */
    public record Element(int index, String type, String label, String json, String textEn, String textNb, String font, String size,
                          String colour, String align, String source, String x, String y, String w, String h) {}

    /** A choice of a select. */
    public record Option(String value, String label, boolean selected) {}

    /**
     * The designer as shown.
     *
     * @param definition the design's JSON as it would be saved
     * @param previewSrc the preview image's address (or a data: URL for a draft not saved)
     */
    public record View(String base, String name, String description, boolean landscape, String background, List<Element> elements,
                       List<Option> designs, List<Option> fonts, List<Option> additions, String definition, String previewSrc,
                       Map<String, String> messages, String notice, boolean builtIn) {
        public String message(String group) {
            return messages.getOrDefault(group, "");
        }

        public boolean has(String group) {
            return messages.containsKey(group);
        }
    }

    private DesignerPages() {}

    public static void register(JavalinConfig config, Services services, Sessions sessions) {
        config.routes.get("/app/designs", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_PROGRAM);
            String lang = language(ctx);
            String name = Objects.requireNonNullElse(ctx.queryParam("design"), Designs.BUILT_IN.get(0));
            Designs.Stored stored = services.designs().find(signedIn.user().tenantId(), name)
                    .orElseThrow(() -> new DomainException.NotFound(ErrorText.of("design.not_found", "name", name)));
            ObjectNode root = (ObjectNode) JsonFields.MAPPER.readTree(stored.definition());
            String notice = switch (Objects.toString(ctx.queryParam("notice"), "")) {
                case "saved" -> text(lang).get("notice.saved");
                case "deleted" -> text(lang).get("notice.deleted");
                default -> "";
            };
            String preview = ProgramPages.link("/app/preview/certificate.png?design=" + name, lang);
            ctx.html(page(services, signedIn, lang, view(services, signedIn, lang, name, stored.builtIn() ? "" : name, root, preview, null, notice)));
        });
        config.routes.post("/app/designs", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_PROGRAM);
            String lang = language(ctx);
            String base = Objects.toString(ctx.formParam("base"), Designs.BUILT_IN.get(0));
            String name = Objects.toString(ctx.formParam("name"), "").strip();
            String action = Objects.toString(ctx.formParam("action"), "preview");
            ObjectNode root;
            try {
                root = design(ctx);
            } catch (DomainException refused) {
                // the form itself is broken (an image too large): show the design as it was with the reason
                root = (ObjectNode) JsonFields.MAPPER.readTree(services.designs().find(signedIn.user().tenantId(), base)
                        .orElseThrow(() -> refused).definition());
                rerender(ctx, services, signedIn, lang, base, name, root, FormMessage.of(refused, lang));
                return;
            }
            try {
                switch (action) {
                    case "save" -> {
                        services.changes().save(ProgramPages.caller(signedIn), name, definition(root));
                        ctx.redirect(ProgramPages.link("/app/designs?design=" + name + "&notice=saved", lang), HttpStatus.SEE_OTHER);
                        return;
                    }
                    case "delete" -> {
                        if (!"1".equals(ctx.formParam("confirm"))) {
                            throw new DomainException.InvalidInput("confirm", ErrorText.of("design.confirm_delete"));
                        }
                        services.changes().delete(ProgramPages.caller(signedIn), base);
                        ctx.redirect(ProgramPages.link("/app/designs?notice=deleted", lang), HttpStatus.SEE_OTHER);
                        return;
                    }
                    case "add" -> add(root, Objects.toString(ctx.formParam("add"), ""), ctx.uploadedFile("newImage"));
                    default -> { } // preview: shown below
                }
                rerender(ctx, services, signedIn, lang, base, name, root, null);
            } catch (DomainException refused) {
                rerender(ctx, services, signedIn, lang, base, name, root, FormMessage.of(refused, lang));
            }
        });
        config.routes.post("/app/designs/preview.png", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_PROGRAM);
            ObjectNode root = design(ctx);
            Design design;
            try {
                design = Designs.parse("preview", definition(root));
            } catch (InvalidDesign e) {
                throw e.asInput("design");
            }
            ctx.header("Cache-Control", "no-store");
            ctx.contentType("image/png").result(PreviewRoutes.sample(services.previews(), signedIn, design, language(ctx)));
        });
    }

    /** The page again with the draft (not saved): its preview drawn now, inline, so it shows without JavaScript too. */
    private static void rerender(Context ctx, Services services, SignedIn signedIn, String lang, String base, String name, ObjectNode root,
                                 FormMessage message) {
        String preview;
        try {
            Design design = Designs.parse("preview", definition(root));
            preview = "data:image/png;base64," + Base64.getEncoder().encodeToString(
                    PreviewRoutes.sample(services.previews(), signedIn, design, lang));
        } catch (InvalidDesign e) {
            if (message == null) {
                message = FormMessage.of(e.asInput("design"), lang);
            }
            preview = ProgramPages.link("/app/preview/certificate.png?design=" + base, lang);
        }
        ctx.status(message == null ? 200 : message.status())
                .html(page(services, signedIn, lang, view(services, signedIn, lang, base, name, root, preview, message, "")));
    }

    /** The design the form describes: each element as stored, with what the form shows of it changed; removed ones left out. */
    static ObjectNode design(Context ctx) {
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        String description = Objects.toString(ctx.formParam("description"), "").strip();
        if (!description.isEmpty()) {
            root.put("description", description);
        }
        ObjectNode page = root.putObject("page");
        page.put("orientation", "portrait".equals(ctx.formParam("orientation")) ? "portrait" : "landscape");
        String background = Objects.toString(ctx.formParam("background"), "").strip();
        if (!background.isEmpty() && !"1".equals(ctx.formParam("noBackground"))) {
            page.put("background", background);
        }
        ArrayNode elements = root.putArray("elements");
        for (int i = 0; i < MAX_FORM_ELEMENTS; i++) {
            String json = ctx.formParam("e" + i + ".json");
            if (json == null) {
                break;
            }
            if ("1".equals(ctx.formParam("e" + i + ".remove"))) {
                continue;
            }
            ObjectNode element;
            try {
                element = (ObjectNode) JsonFields.MAPPER.readTree(json);
            } catch (JsonProcessingException | ClassCastException e) {
                throw new DomainException.InvalidInput("design", ErrorText.of("design.element_damaged", "number", (i + 1)));
            }
            String prefix = "e" + i + ".";
            edit(element, name -> ctx.formParam(prefix + name), i);
            UploadedFile file = ctx.uploadedFile(prefix + "file");
            if (file != null && file.size() > 0 && "image".equals(element.path("type").asText())) {
                // any image may become one of the design's own: a second signatory's signature replaces the tenant's
                element.put("source", "embedded").put("data", embedded(file, prefix + "file"));
            }
            elements.add(element);
        }
        return root;
    }

    /** Applies the form's fields to one element; a field not sent leaves the element's value as it was. */
    private static void edit(ObjectNode e, java.util.function.Function<String, String> field, int index) {
        String type = e.path("type").asText();
        Double x = percent(field.apply("x"), "elements[" + index + "].x");
        Double y = percent(field.apply("y"), "elements[" + index + "].y");
        Double w = percent(field.apply("w"), "elements[" + index + "].width");
        Double h = percent(field.apply("h"), "elements[" + index + "].height");
        switch (type) {
            case "text" -> {
                String en = field.apply("textEn");
                String nb = field.apply("textNb");
                if (en != null && nb != null) {
                    if (en.equals(nb)) {
                        e.put("text", en);
                    } else {
                        e.putObject("text").put("en", en).put("nb", nb);
                    }
                }
                put(e, "font", field.apply("font"));
                put(e, "colour", field.apply("colour"));
                put(e, "align", field.apply("align"));
                String size = field.apply("size");
                if (size != null && !size.isBlank()) {
                    double points = number(size, "elements[" + index + "].size");
                    e.put("size", points);
                    if (e.has("minSize") && e.get("minSize").asDouble() > points) {
                        e.put("minSize", points);
                    }
                }
                set(e, "x", x);
                set(e, "y", y);
                set(e, "maxWidth", w);
            }
            case "image", "qr", "rect" -> {
                set(e, "x", x);
                set(e, "y", y);
                set(e, "width", w);
                set(e, "height", h);
                if (type.equals("image")) {
                    String source = field.apply("source");
                    if (source != null && List.of("logo", "signature").contains(source) && !"embedded".equals(e.path("source").asText())) {
                        e.put("source", source);
                    }
                } else {
                    put(e, "colour", type.equals("qr") ? field.apply("colour") : null);
                    if (type.equals("rect")) {
                        String colour = field.apply("colour");
                        if (colour != null && !colour.isBlank()) {
                            e.put(e.has("fill") ? "fill" : "stroke", colour.strip().toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
            case "circle" -> {
                set(e, "x", x);
                set(e, "y", y);
                set(e, "radius", w);
                String colour = field.apply("colour");
                if (colour != null && !colour.isBlank()) {
                    e.put(e.has("fill") ? "fill" : "stroke", colour.strip().toLowerCase(Locale.ROOT));
                }
            }
            case "line" -> {
                if (x != null && y != null && w != null && h != null) {
                    e.put("x1", x);
                    e.put("y1", y);
                    e.put("x2", round(Math.min(1, Math.max(0, x + w))));
                    e.put("y2", round(Math.min(1, Math.max(0, y + h))));
                }
                put(e, "colour", field.apply("colour"));
            }
            default -> { } // a type the form does not edit is kept as it is
        }
    }

    /** Adds what the "add" list names: a placeholder, a text, a signatory, an image. */
    static void add(ObjectNode root, String what, UploadedFile image) {
        ArrayNode elements = (ArrayNode) root.get("elements");
        Messages en = Messages.of("designer", "en");
        Messages nb = Messages.of("designer", "nb");
        switch (what) {
            case "recipient.name", "achievement.name", "achievement.kind", "achievement.description", "issuer.name", "issuedOn", "expiresOn",
                 "number", "grade", "verifyUrl", "hours", "custom" -> {
                ObjectNode text = elements.addObject().put("type", "text");
                text.putObject("text").put("en", placeholder(en, what)).put("nb", placeholder(nb, what));
                text.put("font", "sans").put("size", what.equals("achievement.description") ? 11 : 14).put("colour", "#333333")
                        .put("x", 0.5).put("y", 0.5).put("align", "center").put("maxWidth", 0.6);
                if (what.equals("achievement.description")) {
                    text.put("minSize", 8).put("maxLines", 4);
                }
            }
            case "signatory" -> {
                // a second signatory beside the first; the signature is the tenant's (branding) unless a file is chosen with it:
                // the uploaded image then is the design's own, so two signatories show two signatures
                String signatoryName = en.text("placeholder.signatory_name");
                boolean second = elements.findValues("source").stream().anyMatch(s -> s.asText().equals("signature"))
                        || elements.findValues("en").stream().anyMatch(s -> s.asText().equals(signatoryName));
                double x = second ? 0.62 : 0.38;
                ObjectNode signature = elements.addObject().put("type", "image");
                if (image != null && image.size() > 0) {
                    signature.put("source", "embedded").put("data", embedded(image, "newImage"));
                } else {
                    signature.put("source", "signature");
                }
                signature.put("x", x).put("y", 0.72).put("width", 0.2).put("height", 0.08);
                elements.addObject().put("type", "line").put("x1", x).put("y1", 0.81).put("x2", round(x + 0.2)).put("y2", 0.81)
                        .put("lineWidth", 0.6).put("colour", "#4a4a4a");
                ObjectNode name = elements.addObject().put("type", "text");
                name.putObject("text").put("en", en.text("placeholder.signatory_name")).put("nb", nb.text("placeholder.signatory_name"));
                name.put("font", "sans-bold").put("size", 10).put("colour", "#333333").put("x", round(x + 0.1)).put("y", 0.84)
                        .put("align", "center").put("maxWidth", 0.22);
                ObjectNode title = elements.addObject().put("type", "text");
                title.putObject("text").put("en", en.text("placeholder.signatory_title")).put("nb", nb.text("placeholder.signatory_title"));
                title.put("font", "sans").put("size", 9).put("colour", "#4a4a4a").put("x", round(x + 0.1)).put("y", 0.865)
                        .put("align", "center").put("maxWidth", 0.22);
            }
            case "logo" -> elements.addObject().put("type", "image").put("source", "logo").put("x", 0.4).put("y", 0.08).put("width", 0.2)
                    .put("height", 0.12);
            case "qr" -> elements.addObject().put("type", "qr").put("x", 0.82).put("y", 0.7).put("width", 0.11).put("height", 0.155);
            case "image", "background" -> {
                if (image == null || image.size() == 0) {
                    throw new DomainException.InvalidInput("newImage", ErrorText.of("image.choose_raster_to_add"));
                }
                ObjectNode added = JsonFields.MAPPER.createObjectNode().put("type", "image").put("source", "embedded")
                        .put("data", embedded(image, "newImage"));
                if (what.equals("background")) {
                    added.put("x", 0).put("y", 0).put("width", 1).put("height", 1);
                    elements.insert(0, added); // drawn first: everything else on top
                } else {
                    added.put("x", 0.62).put("y", 0.72).put("width", 0.2).put("height", 0.08);
                    elements.add(added);
                }
            }
            default -> throw new DomainException.InvalidInput("add", ErrorText.of("design.choose_element"));
        }
    }

    /** A placeholder's wording: the bundle writes a field as [name] (ICU patterns read braces), a design as {name}. */
    private static String placeholder(Messages messages, String what) {
        return messages.text("placeholder." + what).replaceAll("\\[([a-zA-Z.]+)]", "{$1}");
    }

    /** What an embedded image may weigh in the design: the design travels in every designer form, and forms are limited to 2 MB. */
    static final int EMBEDDED_BYTES = 600 * 1024;

    /**
     * An uploaded image, checked and cleaned (decoded and written again, without metadata), as base64 for the design: a
     * photograph (no transparency) as JPEG, anything with transparency (a signature) as PNG, made smaller until it weighs
     * at most {@link #EMBEDDED_BYTES}.
     */
    private static String embedded(UploadedFile file, String field) {
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes(2 * 1024 * 1024 + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.awt.image.BufferedImage image;
        try {
            image = UploadedImages.decodeStored(UploadedImages.raster(file.contentType(), bytes).bytes());
        } catch (DomainException.InvalidInput e) {
            throw new DomainException.InvalidInput(field, e);
        }
        boolean transparent = image.getColorModel().hasAlpha();
        byte[] encoded = encode(image, transparent);
        while (encoded.length > EMBEDDED_BYTES && image.getWidth() > 200) {
            int width = (int) (image.getWidth() * 0.75);
            int height = Math.max(1, (int) (image.getHeight() * 0.75));
            var smaller = new java.awt.image.BufferedImage(width, height,
                    transparent ? java.awt.image.BufferedImage.TYPE_INT_ARGB : java.awt.image.BufferedImage.TYPE_INT_RGB);
            var g = smaller.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
            g.dispose();
            image = smaller;
            encoded = encode(image, transparent);
        }
        return Base64.getEncoder().encodeToString(encoded);
    }

    private static byte[] encode(java.awt.image.BufferedImage image, boolean transparent) {
        if (transparent) {
            return org.credence.document.Png.encode(image);
        }
        var rgb = new java.awt.image.BufferedImage(image.getWidth(), image.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(rgb, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static View view(Services services, SignedIn signedIn, String lang, String base, String name, ObjectNode root, String previewSrc,
                             FormMessage message, String notice) {
        Map<String, String> t = text(lang);
        List<Element> elements = new ArrayList<>();
        JsonNode list = root.path("elements");
        for (int i = 0; i < list.size(); i++) {
            elements.add(element(i, list.get(i), t));
        }
        List<Option> designs = services.designs().list(signedIn.user().tenantId()).stream()
                .map(d -> new Option(d.design().name(), d.builtIn() ? d.design().name() + " (" + t.get("design.built_in") + ")"
                        : d.design().name(), d.design().name().equals(base))).toList();
        List<Option> fonts = new ArrayList<>();
        for (BundledFonts font : BundledFonts.values()) {
            fonts.add(new Option(font.designName(), t.get("font." + font.designName()), false));
        }
        List<Option> additions = new ArrayList<>();
        for (String what : List.of("recipient.name", "achievement.name", "achievement.kind", "achievement.description", "grade", "hours",
                "issuer.name", "issuedOn", "expiresOn", "number", "verifyUrl", "custom", "signatory", "logo", "qr", "image", "background")) {
            additions.add(new Option(what, t.get("add." + what), false));
        }
        JsonNode page = root.path("page");
        String background = page.path("background").asText("");
        boolean builtIn = Designs.BUILT_IN.contains(base);
        return new View(base, name, root.path("description").asText(""), !"portrait".equals(page.path("orientation").asText()), background,
                elements, designs, fonts, additions, definition(root), previewSrc,
                ProgramPages.messages(message, t, lang, Map.of()), notice, builtIn);
    }

    /** One element as the form shows it, in per cent of the page. */
    private static Element element(int index, JsonNode e, Map<String, String> t) {
        String type = e.path("type").asText();
        JsonNode text = e.path("text");
        String en = text.isObject() ? text.path("en").asText("") : text.asText("");
        String nb = text.isObject() ? text.path("nb").asText("") : text.asText("");
        String colour = e.has("colour") ? e.get("colour").asText() : e.has("fill") ? e.get("fill").asText() : e.path("stroke").asText("");
        String x;
        String y;
        String w = "";
        String h = "";
        switch (type) {
            case "line" -> {
                x = pct(e.path("x1"));
                y = pct(e.path("y1"));
                w = pctOf(e.path("x2").asDouble() - e.path("x1").asDouble());
                h = pctOf(e.path("y2").asDouble() - e.path("y1").asDouble());
            }
            case "circle" -> {
                x = pct(e.path("x"));
                y = pct(e.path("y"));
                w = pct(e.path("radius"));
            }
            case "text" -> {
                x = pct(e.path("x"));
                y = pct(e.path("y"));
                w = e.has("maxWidth") ? pct(e.get("maxWidth")) : "100";
            }
            default -> {
                x = pct(e.path("x"));
                y = pct(e.path("y"));
                w = pct(e.path("width"));
                h = pct(e.path("height"));
            }
        }
        String source = e.path("source").asText("");
        String what = switch (type) {
            case "text" -> en;
            case "image" -> t.getOrDefault("source." + source, source);
            default -> "";
        };
        String label = (index + 1) + ". " + t.getOrDefault("type." + type, type) + (what.isEmpty() ? "" : ": " + shortened(what));
        String json = definitionOf(e);
        return new Element(index, type, label, json, en, nb, e.path("font").asText(""), e.has("size") ? trim(e.get("size").asDouble()) : "",
                colour, e.path("align").asText("left"), source, x, y, w, h);
    }

    private static String page(Services services, SignedIn signedIn, String lang, View view) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lang", lang);
        model.put("t", text(lang));
        model.put("signedIn", signedIn);
        model.put("bar", AppBar.of(lang, signedIn, "/app/designs"));
        model.put("view", view);
        return Pages.render("program/designer.jte", model);
    }

    /** The design's JSON as stored: two-space indented, so a person reading it in the API sees its structure. */
    static String definition(ObjectNode root) {
        try {
            return JsonFields.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String definitionOf(JsonNode element) {
        try {
            return JsonFields.MAPPER.writeValueAsString(element);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A per-cent input as a fraction of the page, snapped to the grid; null when not sent. */
    private static Double percent(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        double value = number(typed, field);
        double snapped = Math.round(value / GRID) * GRID;
        if (snapped < -100 || snapped > 100) {
            throw new DomainException.InvalidInput(field, ErrorText.of("design.percent_range", "field", field, "value", typed));
        }
        return round(snapped / 100);
    }

    private static double number(String typed, String field) {
        try {
            return Double.parseDouble(typed.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new DomainException.InvalidInput(field, ErrorText.of("design.not_a_number", "field", field, "value", shortened(typed)));
        }
    }

    private static double round(double fraction) {
        return BigDecimal.valueOf(fraction).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static String pct(JsonNode fraction) {
        return pctOf(fraction.asDouble());
    }

    private static String pctOf(double fraction) {
        return trim(BigDecimal.valueOf(fraction * 100).setScale(2, RoundingMode.HALF_EVEN).doubleValue());
    }

    private static String trim(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void put(ObjectNode e, String name, String value) {
        if (value != null && !value.isBlank()) {
            e.put(name, value.strip());
        }
    }

    private static void set(ObjectNode e, String name, Double value) {
        if (value != null) {
            e.put(name, value);
        }
    }

    static Map<String, String> text(String lang) {
        return Messages.of("designer", lang).table();
    }

    private static String language(Context ctx) {
        String chosen = ctx.queryParam("lang");
        if (chosen == null && "POST".equals(ctx.method().name())) {
            chosen = ctx.formParam("lang");
        }
        return Pages.language(ctx, chosen);
    }

    private static String shortened(String typed) {
        return typed.length() <= 40 ? typed : typed.substring(0, 40) + "…";
    }
}
