package org.credence.standards.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.credence.standards.jwt.PublicKeyMaterial;
import org.credence.standards.keys.DidDocuments;
import org.credence.standards.keys.Ed25519PublicKey;
import org.credence.standards.keys.KeyFormatException;

/**
 * Resolves did:web methods and https controller documents: fetch the document, find the
 * method by id, require it to be listed for assertion and a Multikey (Ed25519) or an RSA
 * JsonWebKey (for RS256 VC-JWTs only).
 *
 * @see <a href="https://w3c-ccg.github.io/did-method-web/#read-resolve">did:web §3.2 Read</a>
 */
final class WebKeyResolver implements KeyResolver {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Verification method types that carry a {@code publicKeyJwk}: VC Data Integrity's and the older 2020 suite's. */
    private static final Set<String> JSON_WEB_KEY_TYPES = Set.of("JsonWebKey", "JsonWebKey2020");
    private final Fetcher fetcher;

    WebKeyResolver(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public Optional<ResolvedKey> resolve(String method) {
        String controller = KeyResolver.controllerOf(method);
        URI documentUrl;
        if (controller.startsWith("did:web:")) {
            try {
                documentUrl = DidDocuments.didWebUrl(controller);
            } catch (KeyFormatException e) {
                throw new KeyResolutionException(e.getMessage(), e);
            }
        } else if (controller.startsWith("https://") || controller.startsWith("http://")) {
            documentUrl = URI.create(controller);
        } else {
            return Optional.empty();
        }
        JsonNode document;
        try {
            document = JSON.readTree(fetcher.fetch(documentUrl));
        } catch (Fetcher.FetchException e) {
            throw new KeyResolutionException("the issuer's key document could not be fetched: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new KeyResolutionException("the issuer's key document at " + documentUrl + " is not JSON", e);
        }
        if (document == null || !controller.equals(document.path("id").asText())) {
            throw new KeyResolutionException("the document at " + documentUrl + " is not the controller document of " + controller);
        }
        JsonNode found = null;
        for (JsonNode candidate : document.path("verificationMethod")) {
            if (matches(candidate.path("id").asText(), method, controller)) {
                found = candidate;
            }
        }
        if (found == null) {
            throw new KeyResolutionException(controller + " does not publish the key " + method);
        }
        if (!listedForAssertion(document, method, controller)) {
            throw new KeyResolutionException("the key " + method + " is not listed under assertionMethod, so it may not sign credentials");
        }
        String type = found.path("type").asText();
        try {
            if (JSON_WEB_KEY_TYPES.contains(type)) {
                PublicKeyMaterial jwk = PublicKeyMaterial.fromJwk(found.get("publicKeyJwk"));
                // RSA only: an Ed25519 JWK would let a JsonWebKey sign Data Integrity proofs, which independent verifiers refuse
                if (jwk.asEd25519().isPresent()) {
                    throw new KeyResolutionException("the key " + method + " is an Ed25519 " + type + "; Ed25519 keys are read as a Multikey");
                }
                // ResolvedKey.key() refuses the RSA key for a Data Integrity proof; it verifies RS256 VC-JWTs
                return Optional.of(new ResolvedKey(method, controller, jwk));
            }
            if (!"Multikey".equals(type)) {
                throw new KeyResolutionException("the key " + method + " has type " + type + "; eddsa-rdfc-2022 needs a Multikey");
            }
            return Optional.of(new ResolvedKey(method, controller, Ed25519PublicKey.fromMultibase(found.path("publicKeyMultibase").asText())));
        } catch (KeyFormatException e) {
            throw new KeyResolutionException("the key " + method + " is unusable: " + e.getMessage(), e);
        }
    }

    private static boolean listedForAssertion(JsonNode document, String method, String controller) {
        for (JsonNode entry : document.path("assertionMethod")) {
            String id = entry.isTextual() ? entry.asText() : entry.path("id").asText();
            if (matches(id, method, controller)) {
                return true;
            }
        }
        return false;
    }

    // ids may be written relative to the document ("#key-1")
    private static boolean matches(String id, String method, String controller) {
        return id.equals(method) || (id.startsWith("#") && (controller + id).equals(method));
    }
}
