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
    public String canonicalize(jakarta.json.JsonObject document) {
        JsonLdOptions options = new JsonLdOptions(BundledContexts.loader());
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        RdfCanon canon = RdfCanon.create("SHA-256");
        try {
            JsonLd.toRdf(JsonDocument.of(document)).options(options).provide(canon);
            StringWriter out = new StringWriter();
            canon.provide(new NQuadsWriter(out));
            return out.toString();
        } catch (JsonLdError e) {
            throw translate(e);
        } catch (RdfConsumerException e) {
            throw new JsonLdException(JsonLdException.Reason.INVALID_JSON_LD, "the document cannot be canonicalized: " + e.getMessage(), e);
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
