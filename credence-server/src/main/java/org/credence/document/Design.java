package org.credence.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A certificate design, read from a JSON template file (format in {@code docs/designs.md}).
 * Positions are fractions of the page measured from its top-left corner, so one design fits
 * A4 and Letter alike; sizes of text and lines are in points.
 *
 * @param landscape the orientation; the page size comes from the tenant's branding
 * @param background a colour reference ({@code #rrggbb}, {@code primary} or {@code accent}), or empty for white
 */
public record Design(String name, String description, boolean landscape, Optional<String> background, List<Element> elements) {
    public Design {
        elements = List.copyOf(elements);
    }

    /** Something drawn on the page. */
    public sealed interface Element permits Text, Image, Qr, Line, Rect, Circle, Conditional {}

    /**
     * An element drawn only when something is there ({@code "when"} in the file) or only when it is not
     * ({@code "unless"}): a frame behind the logo that would be an empty box without one, a "Valid until"
     * label beside an expiry that a credential may lack.
     *
     * @param subject {@code logo} or {@code signature} (the tenant uploaded it), or a text field such as {@code expiresOn}
     * @param present true to draw the element when the subject is there, false to draw it when it is not
     */
    public record Conditional(String subject, boolean present, Element element) implements Element {
        /** True when the condition depends only on the branding, so the element may still be the same on every certificate. */
        public boolean onBranding() {
            return subject.equals("logo") || subject.equals("signature");
        }
    }

    /**
     * Text: a template with fields such as {@code {recipient.name}}, per language.
     *
     * @param text template per language ({@code en}, {@code nb}); a single template serves both
     * @param y the baseline of the first line (fraction of the page height)
     * @param maxWidth fraction of the page width the text may take before it shrinks and then wraps
     * @param minSize the smallest size shrinking may reach before lines wrap
     */
    public record Text(Map<String, String> text, BundledFonts font, double size, double minSize, int maxLines, String colour,
                       double x, double y, Align align, double maxWidth) implements Element {
        /** True when the template names no field: the same on every certificate of the design. */
        public boolean isStatic() {
            return text.values().stream().noneMatch(t -> t.contains("{"));
        }
    }

    /** Horizontal alignment of text on its x position. */
    public enum Align { LEFT, CENTER, RIGHT }

    /**
     * An image fitted into its box keeping its proportions: one of the tenant's branding, or one the design carries.
     *
     * @param data the design's own PNG or JPEG, base64 (source {@link Source#EMBEDDED} only): a background, a second signature
     */
    public record Image(Source source, double x, double y, double width, double height, Optional<String> data) implements Element {
        /** A branding image. */
        public Image(Source source, double x, double y, double width, double height) {
            this(source, x, y, width, height, Optional.empty());
        }
    }

    /** Which image: the branding's logo or signature, or the design's own. */
    public enum Source { LOGO, SIGNATURE, EMBEDDED }

    /** The QR code to the credential's verification URL, as large as fits the box. */
    public record Qr(double x, double y, double width, double height, String colour) implements Element {}

    /** A straight line. */
    public record Line(double x1, double y1, double x2, double y2, double lineWidth, String colour) implements Element {}

    /** A rectangle, filled and/or stroked. */
    public record Rect(double x, double y, double width, double height, Optional<String> fill, Optional<String> stroke,
                       double lineWidth) implements Element {}

    /**
     * A circle (for seals and rosettes), filled and/or stroked.
     *
     * @param x the centre, as a fraction of the page width
     * @param y the centre, as a fraction of the page height
     * @param radius a fraction of the page height
     */
    public record Circle(double x, double y, double radius, Optional<String> fill, Optional<String> stroke, double lineWidth)
            implements Element {}
}
