package org.credence.standards.baking;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.XMLConstants;
import org.credence.standards.baking.BakedPayload.Format;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Bakes OB 3.0 credentials into SVGs and reads OB 3.0 or OB 2.0 payloads back out. */
final class SvgBadge {

    static final String OB3_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";
    static final String OB2_NAMESPACE = "http://openbadges.org";
    private static final String PREFIX = "openbadges";

    private SvgBadge() {
    }

    /** Drops any earlier OB 2.0 or 3.0 payload so the image carries exactly one credential. */
    static String bake(String svg, String credential) {
        requireSvgWithinLimit(svg);
        BakingLimits.credentialAsUtf8(credential);
        requireXmlCharacters(credential);
        Document document = HardenedXml.documentFrom(new InputSource(new StringReader(svg)));
        Element root = svgRoot(document);
        removeAll(document, OB3_NAMESPACE, "credential");
        removeAll(document, OB2_NAMESPACE, "assertion");
        // An OB 2.0 badge binds the same prefix to the OB 2.0 namespace; rebind it.
        root.removeAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, PREFIX);
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + PREFIX, OB3_NAMESPACE);
        root.insertBefore(credentialElement(document, credential), root.getFirstChild());
        return HardenedXml.textOf(document, svg.stripLeading().startsWith("<?xml"));
    }

    static Optional<BakedPayload> read(byte[] svg) {
        // Parse the bytes, not a decoded string, so the parser honours the declared encoding.
        Document document = HardenedXml.documentFrom(new InputSource(new ByteArrayInputStream(svg)));
        svgRoot(document);
        Optional<BakedPayload> ob3 = single(document, OB3_NAMESPACE, "credential")
                .map(element -> BakedPayload.of(Format.OB3_SVG, withinLimit(element.getTextContent())));
        return ob3.or(() -> single(document, OB2_NAMESPACE, "assertion").map(SvgBadge::ob2Payload));
    }

    /** OB 2.0 carries JSON as content, or only a verify URL (or JWS) when the content is empty. */
    private static BakedPayload ob2Payload(Element assertion) {
        String content = assertion.getTextContent().strip();
        String payload = content.isEmpty() ? assertion.getAttribute("verify").strip() : content;
        if (payload.isEmpty()) {
            throw new BakingException("the SVG's OB 2.0 assertion has neither content nor a verify URL");
        }
        return BakedPayload.of(Format.OB2_SVG, withinLimit(payload));
    }

    /** Splits CDATA at every "]]>" and writes CR as a character reference, which XML would turn into LF. */
    private static Element credentialElement(Document document, String credential) {
        Element element = document.createElementNS(OB3_NAMESPACE, PREFIX + ":credential");
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < credential.length(); i++) {
            char c = credential.charAt(i);
            boolean closesCdata = c == '>' && run.length() >= 2
                    && run.charAt(run.length() - 1) == ']' && run.charAt(run.length() - 2) == ']';
            if (c == '\r' || closesCdata) {
                appendCdata(document, element, run);
            }
            if (c == '\r') {
                element.appendChild(document.createTextNode("\r"));
            } else {
                run.append(c);
            }
        }
        appendCdata(document, element, run);
        return element;
    }

    private static void appendCdata(Document document, Element element, StringBuilder run) {
        if (run.length() > 0) {
            element.appendChild(document.createCDATASection(run.toString()));
            run.setLength(0);
        }
    }

    private static Element svgRoot(Document document) {
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName())) {
            throw new BakingException("not a PNG or SVG image");
        }
        return root;
    }

    private static Optional<Element> single(Document document, String namespace, String localName) {
        NodeList found = document.getElementsByTagNameNS(namespace, localName);
        if (found.getLength() > 1) {
            // Two credentials in one image is ambiguous; a verifier must not pick one silently.
            throw new BakingException("the SVG contains more than one " + localName + " element");
        }
        return Optional.ofNullable((Element) found.item(0));
    }

    private static void removeAll(Document document, String namespace, String localName) {
        NodeList found = document.getElementsByTagNameNS(namespace, localName);
        for (int i = found.getLength() - 1; i >= 0; i--) {
            found.item(i).getParentNode().removeChild(found.item(i));
        }
    }

    private static void requireSvgWithinLimit(String svg) {
        // Each char is at least one UTF-8 byte, so only encode when the cheap check passes.
        BakingLimits.requireImageWithinLimit(svg.length());
        BakingLimits.requireImageWithinLimit(svg.getBytes(StandardCharsets.UTF_8).length);
    }

    private static String withinLimit(String payload) {
        BakingLimits.requirePayloadWithinLimit(payload.getBytes(StandardCharsets.UTF_8).length);
        return payload;
    }

    private static void requireXmlCharacters(String credential) {
        credential.codePoints()
                .filter(codePoint -> !isXmlCharacter(codePoint))
                .findFirst()
                .ifPresent(codePoint -> {
                    throw new BakingException(String.format(
                            "the credential contains U+%04X, which an SVG (XML 1.0) cannot hold", codePoint));
                });
    }

    private static boolean isXmlCharacter(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || codePoint >= 0x20 && codePoint <= 0xD7FF
                || codePoint >= 0xE000 && codePoint <= 0xFFFD
                || codePoint >= 0x10000 && codePoint <= 0x10FFFF;
    }
}
