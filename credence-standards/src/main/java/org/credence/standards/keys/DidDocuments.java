package org.credence.standards.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * DID documents for did:key and did:web, with Multikey verification methods (and, for did:web,
 * optionally JsonWebKey ones after them, for VC-JWT algorithms such as RS256).
 *
 * <p>Independent verifiers accept eddsa-rdfc-2022 keys only as {@code Multikey}, listed under
 * {@code assertionMethod}, with the DID v1 context first.
 *
 * @see <a href="https://w3c-ccg.github.io/did-method-key/">did:key</a>
 * @see <a href="https://w3c-ccg.github.io/did-method-web/">did:web</a>
 */
public final class DidDocuments {
    public static final String DID_V1 = "https://www.w3.org/ns/did/v1";
    public static final String MULTIKEY_V1 = "https://w3id.org/security/multikey/v1";
    /** Defines {@code JsonWebKey} and {@code publicKeyJwk} (VC Data Integrity 1.0 §2.2.2). */
    public static final String JWK_V1 = "https://w3id.org/security/jwk/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DidDocuments() {}

    /** A key published in a did:web document; {@code active} keys may sign, the others only verify. */
    public record PublishedKey(String fragment, Ed25519PublicKey key, boolean active) {}

    /**
     * A key published as a {@code JsonWebKey} (e.g. the RSA key of RS256 VC-JWTs), listed after the
     * Multikeys so Data Integrity verifiers that take the first key are unaffected.
     *
     * @param publicKeyJwk the public JWK; never with private members
     */
    public record PublishedJwk(String fragment, JsonNode publicKeyJwk) {
        public PublishedJwk {
            if (publicKeyJwk == null || !publicKeyJwk.isObject() || publicKeyJwk.has("d")) {
                throw new KeyFormatException("a published JWK is a public key object (no \"d\")");
            }
        }
    }

    /** The did:key document for {@code key}. */
    public static ObjectNode didKey(Ed25519PublicKey key) {
        String did = key.didKey();
        return document(did, List.of(new PublishedKey(key.multibase(), key, true)), List.of());
    }

    /**
     * The did:web document for {@code did} listing every key: all verify (assertionMethod),
     * so credentials signed before a rotation stay verifiable.
     */
    public static ObjectNode didWeb(String did, List<PublishedKey> keys) {
        return didWeb(did, keys, List.of());
    }

    /** As {@link #didWeb(String, List)}, also listing {@code jwks} for assertion after the Multikeys. */
    public static ObjectNode didWeb(String did, List<PublishedKey> keys, List<PublishedJwk> jwks) {
        if (!did.startsWith("did:web:")) {
            throw new KeyFormatException("a did:web identifier starts with did:web:, got " + did);
        }
        if (keys.isEmpty()) {
            throw new KeyFormatException("a did:web document needs at least one key");
        }
        return document(did, keys, jwks);
    }

    private static ObjectNode document(String did, List<PublishedKey> keys, List<PublishedJwk> jwks) {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode contexts = doc.putArray("@context").add(DID_V1).add(MULTIKEY_V1);
        if (!jwks.isEmpty()) {
            contexts.add(JWK_V1);
        }
        doc.put("id", did);
        ArrayNode methods = doc.putArray("verificationMethod");
        ArrayNode assertion = doc.putArray("assertionMethod");
        ArrayNode authentication = doc.putArray("authentication");
        for (PublishedKey published : keys) {
            String id = did + "#" + published.fragment();
            ObjectNode method = methods.addObject();
            method.put("id", id);
            method.put("type", "Multikey");
            method.put("controller", did);
            method.put("publicKeyMultibase", published.key().multibase());
            assertion.add(id);
            if (published.active()) {
                authentication.add(id);
            }
        }
        for (PublishedJwk published : jwks) {
            String id = did + "#" + published.fragment();
            ObjectNode method = methods.addObject();
            method.put("id", id);
            method.put("type", "JsonWebKey");
            method.put("controller", did);
            method.set("publicKeyJwk", published.publicKeyJwk().deepCopy());
            assertion.add(id);
        }
        return doc;
    }

    /**
     * The did:web identifier for an https URL's host and path, per the did:web method:
     * {@code https://example.org:8443/tenants/acme} → {@code did:web:example.org%3A8443:tenants:acme}.
     */
    public static String didWebFor(java.net.URI base) {
        StringBuilder did = new StringBuilder("did:web:").append(base.getHost());
        if (base.getPort() != -1) {
            did.append("%3A").append(base.getPort());
        }
        String path = base.getPath();
        if (path != null) {
            for (String segment : path.split("/")) {
                if (!segment.isEmpty()) {
                    did.append(':').append(segment);
                }
            }
        }
        return did.toString();
    }

    /**
     * The URL of the did.json for a did:web identifier (the reverse of {@link #didWebFor}).
     * A DID without a path resolves to {@code /.well-known/did.json}.
     */
    public static java.net.URI didWebUrl(String did) {
        if (!did.startsWith("did:web:") || did.length() == "did:web:".length()) {
            throw new KeyFormatException("not a did:web identifier: " + did);
        }
        String[] parts = did.substring("did:web:".length()).split(":");
        String host = java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8);
        if (host.isBlank() || host.contains("/") || host.contains("@")) {
            throw new KeyFormatException("did:web host is not valid: " + parts[0]);
        }
        StringBuilder url = new StringBuilder("https://").append(host);
        if (parts.length == 1) {
            url.append("/.well-known");
        }
        for (int i = 1; i < parts.length; i++) {
            url.append('/').append(java.net.URLEncoder.encode(
                    java.net.URLDecoder.decode(parts[i], java.nio.charset.StandardCharsets.UTF_8),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return java.net.URI.create(url.append("/did.json").toString());
    }
}
