package org.credence.standards.jsonld;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import java.io.StringWriter;

/**
 * The reference pipeline: titanium JSON-LD to RDF, then titanium RDFC-1.0, in safe mode
 * (undefined terms fail) with the bundled contexts only.
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
        JsonLdOptions options = new JsonLdOptions(BundledContexts.loader());
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        try {
            JsonLd.toRdf(JsonDocument.of(JakartaJson.object(document))).options(options).provide(consumer);
        } catch (JsonLdError e) {
            throw translate(e);
        }
    }

    static JsonLdException translate(JsonLdError e) {
        JsonLdErrorCode code = e.getCode();
        if (code == JsonLdErrorCode.LOADING_DOCUMENT_FAILED || code == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED) {
            return new JsonLdException(JsonLdException.Reason.UNKNOWN_CONTEXT, messageOf(e), e);
        }
        if (code == JsonLdErrorCode.UNDEFINED_TERM) {
            return new JsonLdException(JsonLdException.Reason.UNDEFINED_TERM,
                    "the credential uses a term its @context does not define: " + messageOf(e), e);
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
