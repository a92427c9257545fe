package org.credence.standards.baking;

import java.io.IOException;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Parses and writes SVG with the JDK's XML stack, closed to XXE and external fetches. */
final class HardenedXml {

    private HardenedXml() {
    }

    /** Rejects any DOCTYPE outright: no DTD means no entity expansion and no external fetches. */
    static Document documentFrom(InputSource source) {
        try {
            DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
            builder.setErrorHandler(FAIL_ON_ERROR);
            return builder.parse(source);
        } catch (SAXException e) {
            throw new BakingException(explain(e), e);
        } catch (IOException e) {
            throw new BakingException("the SVG could not be read", e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
    }

    static String textOf(Document document, boolean withDeclaration) {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer identity = factory.newTransformer();
            identity.setOutputProperty(OutputKeys.METHOD, "xml");
            identity.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            identity.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, withDeclaration ? "no" : "yes");
            document.setXmlStandalone(true); // otherwise the declaration gains standalone="no"
            StringWriter out = new StringWriter();
            identity.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new BakingException("the baked SVG could not be written", e);
        }
    }

    private static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
        // newDefaultInstance: the JDK parser, whose features below are known, not one from the classpath.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static String explain(SAXException e) {
        String detail = String.valueOf(e.getMessage());
        if (detail.contains("DOCTYPE")) {
            return "SVGs with a DOCTYPE are not accepted, for security; remove the <!DOCTYPE ...> line";
        }
        return "the SVG is not well-formed XML: " + detail;
    }

    // The default handler prints "[Fatal Error]" to stderr before throwing; stay quiet and just throw.
    private static final ErrorHandler FAIL_ON_ERROR = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
