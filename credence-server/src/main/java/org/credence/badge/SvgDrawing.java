package org.credence.badge;

import java.awt.Color;
import java.awt.geom.PathIterator;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.credence.document.BundledFonts;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a {@link Drawing} as SVG through the JDK's DOM, which escapes every name it carries.
 * Numbers are written with two decimals at most, so the same drawing gives the same text.
 */
final class SvgDrawing {
    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private SvgDrawing() {}

    static String write(Drawing drawing) {
        Document document = newDocument();
        Element svg = document.createElementNS(SVG_NAMESPACE, "svg");
        svg.setAttribute("width", String.valueOf(drawing.width()));
        svg.setAttribute("height", String.valueOf(drawing.height()));
        svg.setAttribute("viewBox", "0 0 " + drawing.width() + " " + drawing.height());
        document.appendChild(svg);
        for (Drawing.Item item : drawing.items()) {
            if (item instanceof Drawing.Fill fill) {
                svg.appendChild(path(document, fill));
            } else if (item instanceof Drawing.Label label) {
                svg.appendChild(text(document, label));
            } else if (item instanceof Drawing.Picture picture) {
                svg.appendChild(image(document, picture));
            }
        }
        return serialise(document);
    }

    private static Element path(Document document, Drawing.Fill fill) {
        Element path = document.createElementNS(SVG_NAMESPACE, "path");
        StringBuilder d = new StringBuilder();
        double[] c = new double[6];
        PathIterator it = fill.shape().getPathIterator(null);
        for (; !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> d.append('M').append(n(c[0])).append(' ').append(n(c[1]));
                case PathIterator.SEG_LINETO -> d.append('L').append(n(c[0])).append(' ').append(n(c[1]));
                case PathIterator.SEG_QUADTO -> d.append('Q').append(points(c, 4));
                case PathIterator.SEG_CUBICTO -> d.append('C').append(points(c, 6));
                default -> d.append('Z');
            }
        }
        path.setAttribute("d", d.toString());
        path.setAttribute("fill", hex(fill.colour()));
        if (it.getWindingRule() == PathIterator.WIND_EVEN_ODD) {
            path.setAttribute("fill-rule", "evenodd");
        }
        return path;
    }

    private static Element text(Document document, Drawing.Label label) {
        Element text = document.createElementNS(SVG_NAMESPACE, "text");
        text.setAttribute("x", n(label.x()));
        text.setAttribute("y", n(label.baseline()));
        text.setAttribute("font-family", family(label.font()));
        text.setAttribute("font-size", n(label.size()));
        if (label.font().designName().contains("bold")) {
            text.setAttribute("font-weight", "bold");
        }
        if (label.font().designName().contains("italic")) {
            text.setAttribute("font-style", "italic");
        }
        if (label.anchor() == Drawing.Anchor.MIDDLE) {
            text.setAttribute("text-anchor", "middle");
        }
        text.setAttribute("fill", hex(label.colour()));
        text.setTextContent(label.text());
        return text;
    }

    private static Element image(Document document, Drawing.Picture picture) {
        Element image = document.createElementNS(SVG_NAMESPACE, "image");
        image.setAttribute("x", n(picture.x()));
        image.setAttribute("y", n(picture.y()));
        image.setAttribute("width", n(picture.width()));
        image.setAttribute("height", n(picture.height()));
        // embedded, not linked: a badge must carry everything it shows, and the sanitiser allows only data: PNGs
        image.setAttribute("href", "data:image/png;base64," + Base64.getEncoder().encodeToString(picture.png()));
        return image;
    }

    /** The bundled family first (what the PNG is drawn with), then look-alikes every system has. */
    static String family(BundledFonts font) {
        // the viewer's own fonts draw the SVG: Noto CJK (or the system's) for the letters DejaVu lacks
        return font.designName().startsWith("serif") ? "'DejaVu Serif', Georgia, 'Times New Roman', 'Noto Serif CJK SC', serif"
                : "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', Arial, 'Noto Sans SC', 'Noto Sans KR', 'Noto Sans CJK SC', sans-serif";
    }

    static String hex(Color colour) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", colour.getRed(), colour.getGreen(), colour.getBlue());
    }

    private static String points(double[] c, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : " ").append(n(c[i]));
        }
        return out.toString();
    }

    /** At most two decimals, no trailing zeros, never exponent notation. */
    static String n(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static Document newDocument() {
        try {
            return javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK has no DOM", e);
        }
    }

    private static String serialise(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer identity = factory.newTransformer();
            identity.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            document.setXmlStandalone(true);
            StringWriter out = new StringWriter();
            identity.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("an SVG could not be written", e);
        }
    }
}
