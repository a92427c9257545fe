package org.credence.standards.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * A JSON-LD document loader that serves the contexts bundled with Credence and refuses every
 * other URL: a verifier that fetched contexts would let the network change what a signature means.
 * Where each file comes from is recorded in {@code contexts/README.md} beside them.
 */
public final class BundledContexts implements DocumentLoader {
    public static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
    /** VC Data Model 1.1 ({@code issuanceDate}/{@code expirationDate}); still what many verifiers and test suites send. */
    public static final String CREDENTIALS_V1 = "https://www.w3.org/2018/credentials/v1";
    /** The W3C examples context (only an {@code @vocab}), used by the W3C test suites. */
    public static final String CREDENTIALS_EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2";
    public static final String OB_V3P0 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public static final String OB_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
    public static final String DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2";
    public static final String MULTIKEY_V1 = "https://w3id.org/security/multikey/v1";
    public static final String STATUS_LIST_V1 = "https://www.w3.org/ns/credentials/status/v1";

    private static final Map<String, String> FILES = Map.of(
            CREDENTIALS_V2, "credentials-v2.jsonld",
            CREDENTIALS_V1, "credentials-v1.jsonld",
            CREDENTIALS_EXAMPLES_V2, "credentials-examples-v2.jsonld",
            OB_V3P0, "ob-context-3.0.3.json",
            OB_EXTENSIONS, "ob-extensions.json",
            DATA_INTEGRITY_V2, "data-integrity-v2.jsonld",
            MULTIKEY_V1, "multikey-v1.jsonld",
            STATUS_LIST_V1, "vc-bitstring-status-list-v1.jsonld");

    private static final BundledContexts INSTANCE = new BundledContexts();

    private final Map<String, JsonDocument> documents;

    private BundledContexts() {
        this.documents = Map.copyOf(FILES.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> parse(e.getKey(), e.getValue()))));
    }

    /** The shared loader; contexts are parsed once per JVM. */
    public static BundledContexts loader() {
        return INSTANCE;
    }

    /** The context URLs this loader serves. */
    public static Set<String> urls() {
        return FILES.keySet();
    }

    /** True when {@code url} is one of the bundled contexts. */
    public static boolean isBundled(String url) {
        return FILES.containsKey(url);
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        JsonDocument document = documents.get(url.toString());
        if (document == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                    "unknown JSON-LD context " + url + ": Credence only uses its bundled contexts and never fetches one over the network");
        }
        return document;
    }

    private static JsonDocument parse(String url, String file) {
        try (InputStream in = BundledContexts.class.getResourceAsStream("/org/credence/standards/contexts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled context " + file + " is missing from the jar");
            }
            JsonDocument document = JsonDocument.of(in);
            document.setDocumentUrl(URI.create(url));
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonLdError e) {
            throw new IllegalStateException("bundled context " + file + " is not valid JSON", e);
        }
    }
}
