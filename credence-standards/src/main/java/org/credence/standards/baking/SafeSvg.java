package org.credence.standards.baking;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Makes an uploaded SVG safe to serve as a badge image: parsed with the same hardened XML stack
 * as baking (no DOCTYPE, no entities, no external fetches), then cut down to an allowlist of SVG
 * drawing elements. Scripts, event handlers, {@code <foreignObject>}, style sheets, animation and
 * every reference outside the document (other than embedded PNG/JPEG data) are removed.
 *
 * <p>An allowlist rather than a blocklist: SVG grows new ways to run script or fetch a URL, and
 * anything this class does not know is dropped.
 */
public final class SafeSvg {

    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    static final String XLINK_NAMESPACE = "http://www.w3.org/1999/xlink";

    /** Static drawing elements only; no script, style, foreignObject, animate/set, use of external files. */
    private static final Set<String> ELEMENTS = Set.of(
            "svg", "g", "defs", "title", "desc", "symbol", "use", "path", "rect", "circle", "ellipse", "line",
            "polyline", "polygon", "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop",
            "clipPath", "mask", "pattern", "image", "filter", "feGaussianBlur", "feOffset", "feBlend", "feFlood",
            "feComposite", "feMerge", "feMergeNode", "feColorMatrix", "feDropShadow", "marker", "metadata");

    /** References may point inside the document or carry an embedded raster image, nothing else. */
    private static final Pattern SAFE_HREF = Pattern.compile("#[A-Za-z0-9_.:-]*|data:image/(png|jpeg);base64,[A-Za-z0-9+/=\\s]*");
    /** A CSS url() that is not a fragment reference, or CSS that imports or evaluates. */
    private static final Pattern UNSAFE_CSS = Pattern.compile(
            "url\\s*\\(\\s*['\"]?\\s*[^#'\"\\s)]|@import|expression\\s*\\(|javascript:", Pattern.CASE_INSENSITIVE);

    private SafeSvg() {
    }

    /**
     * The sanitised SVG and what was taken out of it.
     *
     * @param svg     the SVG text, safe to serve and to bake
     * @param removed a sorted description of each kind of thing removed, e.g. {@code element <script>}
     */
    public record Sanitized(String svg, List<String> removed) {
        public Sanitized {
            Objects.requireNonNull(svg, "svg");
            removed = List.copyOf(removed);
        }
    }

    /**
     * Sanitises an SVG upload.
     *
     * @throws BakingException if it is not well-formed XML, has a DOCTYPE, is larger than 5 MB, or its
     *                         root is not an SVG {@code <svg>} element
     */
    public static Sanitized sanitize(byte[] svg) {
        Objects.requireNonNull(svg, "svg");
        BakingLimits.requireImageWithinLimit(svg.length);
        Document document = HardenedXml.documentFrom(new InputSource(new ByteArrayInputStream(svg)));
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NAMESPACE.equals(root.getNamespaceURI())) {
            throw new BakingException("not an SVG image: the root element must be <svg xmlns=\"" + SVG_NAMESPACE + "\">");
        }
        Set<String> removed = new TreeSet<>();
        clean(root, removed);
        // comments and processing instructions outside the root carry nothing a badge needs
        for (Node child = document.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child != root) {
                document.removeChild(child);
            }
            child = next;
        }
        return new Sanitized(HardenedXml.textOf(document, false), new ArrayList<>(removed));
    }

    private static void clean(Element element, Set<String> removed) {
        cleanAttributes(element, removed);
        for (Node child = element.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> {
                    Element inner = (Element) child;
                    if (SVG_NAMESPACE.equals(inner.getNamespaceURI()) && ELEMENTS.contains(inner.getLocalName())) {
                        clean(inner, removed);
                    } else {
                        removed.add("element <" + inner.getLocalName() + ">");
                        element.removeChild(inner);
                    }
                }
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> { }
                default -> element.removeChild(child); // comments, processing instructions
            }
            child = next;
        }
    }

    private static void cleanAttributes(Element element, Set<String> removed) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = attributes.getLength() - 1; i >= 0; i--) {
            Attr attribute = (Attr) attributes.item(i);
            String reason = unsafe(attribute);
            if (reason != null) {
                removed.add(reason);
                element.removeAttributeNode(attribute);
            }
        }
    }

    /** Why an attribute must go, or null when it may stay. */
    private static String unsafe(Attr attribute) {
        String namespace = attribute.getNamespaceURI();
        String name = (attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName()).toLowerCase(Locale.ROOT);
        String value = attribute.getValue().strip();
        if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(namespace)) {
            return null; // namespace declarations; foreign elements using them are gone anyway
        }
        if (namespace != null && !XLINK_NAMESPACE.equals(namespace) && !XMLConstants.XML_NS_URI.equals(namespace)) {
            return "attribute " + attribute.getName() + " (foreign namespace)";
        }
        if (name.startsWith("on")) {
            return "event handler attributes (" + name + ")";
        }
        if (name.equals("href") && !SAFE_HREF.matcher(value).matches()) {
            return "external reference (" + name + ")";
        }
        if (UNSAFE_CSS.matcher(value).find()) {
            return "external reference in " + name;
        }
        return null;
    }
}
