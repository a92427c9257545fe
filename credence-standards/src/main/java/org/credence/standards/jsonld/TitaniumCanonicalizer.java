package org.credence.standards.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.processor.ExpansionProcessor;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonArray;
import java.io.StringWriter;
import java.net.URI;

/**
 * The reference pipeline: titanium JSON-LD to RDF, then titanium RDFC-1.0, in safe mode
 * (an undefined property, type or relative IRI fails instead of being dropped; see
 * {@link SafeMode}) with the bundled contexts only.
 */
public final class TitaniumCanonicalizer implements RdfCanonicalizer {

    @Override
    public String canonicalize(com.fasterxml.jackson.databind.node.ObjectNode document) {
        RdfCanon canon = RdfCanon.create("SHA-256");
        toRdf(document, canon);
        try {
            StringWriter out = new StringWriter();
            canon.provide(new NQuadsWriter(out));
            return out.toString();
        } catch (RdfConsumerException e) {
            throw new JsonLdException(JsonLdException.Reason.INVALID_JSON_LD, "the document cannot be canonicalized: " + e.getMessage(), e);
        }
    }

    /** Feeds the RDF quads of {@code document} to {@code consumer} (JSON-LD 1.1 Deserialize to RDF). */
    void toRdf(com.fasterxml.jackson.databind.node.ObjectNode document, com.apicatalog.rdf.api.RdfQuadConsumer consumer) {
        toRdf(document, consumer, true);
    }

    /**
     * As {@link #toRdf(com.fasterxml.jackson.databind.node.ObjectNode, com.apicatalog.rdf.api.RdfQuadConsumer)};
     * with {@code strict} false, quads safe mode refuses are skipped instead (plain JSON-LD), for probe documents.
     */
    void toRdf(com.fasterxml.jackson.databind.node.ObjectNode document, com.apicatalog.rdf.api.RdfQuadConsumer consumer, boolean strict) {
        try {
            JsonArray expanded = ExpansionProcessor.expand(JsonDocument.of(JakartaJson.object(document)), EXPANSION, false);
            ToRdfProcessor.toRdf(new SafeMode(consumer, strict), expanded, DESERIALIZATION);
        } catch (JsonLdError e) {
            throw SafeMode.located(document, translate(e));
        } catch (JsonLdException e) {
            throw SafeMode.located(document, e);
        }
    }

    // safe mode: undefined property names fail in titanium; relative references resolve under SafeMode.BASE
    private static final JsonLdOptions EXPANSION = new JsonLdOptions(BundledContexts.loader());
    private static final JsonLdOptions DESERIALIZATION;

    static {
        EXPANSION.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        EXPANSION.setBase(URI.create(SafeMode.BASE));
        DESERIALIZATION = new JsonLdOptions(EXPANSION);
        DESERIALIZATION.setUriValidation(SafeMode.EMIT_ALL);
    }

    static JsonLdException translate(JsonLdError e) {
        JsonLdErrorCode code = e.getCode();
        // an unknown URL anywhere (also one an embedded context imports) comes wrapped in other codes
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonLdError inner && (inner.getCode() == JsonLdErrorCode.LOADING_DOCUMENT_FAILED
                    || inner.getCode() == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED)) {
                return new JsonLdException(JsonLdException.Reason.UNKNOWN_CONTEXT, messageOf(e), e);
            }
        }
        if (code == JsonLdErrorCode.UNDEFINED_TERM) {
            String message = messageOf(e);
            // titanium names the term in brackets: "An undefined term has been found [name]. ..."
            int open = message.indexOf('[');
            int close = message.indexOf(']', open + 1);
            String term = open >= 0 && close > open ? message.substring(open + 1, close) : null;
            return new JsonLdException(JsonLdException.Reason.UNDEFINED_TERM, term, term == null
                    ? "the credential uses a term its @context does not define: " + message
                    : "the property '" + term + "' is not defined by the credential's @context", e);
        }
        return new JsonLdException(JsonLdException.Reason.INVALID_JSON_LD, "not valid JSON-LD: " + messageOf(e), e);
    }

    private static String messageOf(JsonLdError e) {
        // titanium wraps the loader's message; surface the innermost one a person wrote
        Throwable t = e;
        String message = e.getMessage();
        while (t.getCause() != null) {
            t = t.getCause();
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? e.getCode().toMessage() : message;
    }
}
