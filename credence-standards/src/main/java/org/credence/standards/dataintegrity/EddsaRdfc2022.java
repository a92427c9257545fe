package org.credence.standards.dataintegrity;

import com.apicatalog.multibase.Multibase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.credence.standards.jsonld.CredentialContexts;
import org.credence.standards.jsonld.JsonLdException;
import org.credence.standards.jsonld.RdfCanonicalizer;
import org.credence.standards.keys.Ed25519KeyPair;
import org.credence.standards.keys.Ed25519PublicKey;

/**
 * The {@code eddsa-rdfc-2022} Data Integrity cryptosuite: RDFC-1.0 canonicalization, SHA-256,
 * Ed25519.
 *
 * @see <a href="https://www.w3.org/TR/vc-di-eddsa/#eddsa-rdfc-2022">vc-di-eddsa §3.3</a>
 */
public final class EddsaRdfc2022 {
    public static final String PROOF_TYPE = "DataIntegrityProof";
    public static final String CRYPTOSUITE = "eddsa-rdfc-2022";
    public static final String ASSERTION_METHOD = "assertionMethod";

    private final RdfCanonicalizer canonicalizer;

    public EddsaRdfc2022(RdfCanonicalizer canonicalizer) {
        this.canonicalizer = Objects.requireNonNull(canonicalizer);
    }

    /**
     * Returns a copy of {@code unsecured} with a proof appended to its {@code proof} array. A VC
     * 1.1 document also gets the Data Integrity context, which defines the proof's terms.
     *
     * @throws ProofException ({@code DOCUMENT_NOT_CANONICALIZABLE}, caused by a {@link JsonLdException}
     *     naming the term) when the document breaks {@link CredentialContexts}' rule or JSON-LD safe
     *     mode: an undefined property or type, or a relative IRI
     *
     * @see <a href="https://www.w3.org/TR/vc-di-eddsa/#create-proof-eddsa-rdfc-2022">§3.3.1 Create Proof</a>
     */
    public ObjectNode sign(ObjectNode unsecured, Ed25519KeyPair key, String verificationMethod, Instant created) {
        ObjectNode document = unsecured.deepCopy();
        JsonNode existing = document.remove("proof");
        // the verifier's context rule, held here too: Credence never signs what it would refuse
        try {
            CredentialContexts.check(document);
        } catch (JsonLdException e) {
            throw new ProofException(ProofException.Code.DOCUMENT_NOT_CANONICALIZABLE, e.getMessage(), e);
        }
        CredentialContexts.addProofContext(document);
        ObjectNode proof = document.objectNode();
        proof.put("type", PROOF_TYPE);
        proof.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
        proof.put("verificationMethod", verificationMethod);
        proof.put("cryptosuite", CRYPTOSUITE);
        proof.put("proofPurpose", ASSERTION_METHOD);
        // 3.3.1 steps 2-4: transform, configure, hash; step 5: sign
        byte[] signature = key.sign(hashData(document, proofConfig(document, proof)));
        proof.put("proofValue", ProofValues.encode(signature));
        ArrayNode proofs = document.putArray("proof");
        if (existing != null) {
            // keep earlier proofs (proof sets), whether they came as an object or an array
            if (existing.isArray()) {
                proofs.addAll((ArrayNode) existing);
            } else {
                proofs.add(existing);
            }
        }
        proofs.add(proof);
        return document;
    }

    /**
     * Verifies one proof of {@code secured} with {@code key}; returns normally when it holds.
     *
     * @throws ProofException naming the first condition that fails
     * @see <a href="https://www.w3.org/TR/vc-di-eddsa/#verify-proof-eddsa-rdfc-2022">§3.3.2 Verify Proof</a>
     */
    public void verify(ObjectNode secured, JsonNode proof, Ed25519PublicKey key) {
        verify(secured, proof, java.util.List.of(), key);
    }

    /**
     * Verifies a proof of a proof chain: it was made over the document carrying, as its proof, the
     * earlier proofs its {@code previousProof} names ({@code previous}, empty for a plain proof).
     *
     * @see <a href="https://www.w3.org/TR/vc-data-integrity/#verify-proof-sets-and-chains">Data Integrity §4.5</a>
     */
    public void verify(ObjectNode secured, JsonNode proof, java.util.List<JsonNode> previous, Ed25519PublicKey key) {
        checkProofShape(proof);
        byte[] signature = decodeProofValue(proof.get("proofValue"));
        // 3.3.2 step 1-2: the unsecured document is the secured one without its proof
        ObjectNode unsecured = secured.deepCopy();
        unsecured.remove("proof");
        if (!previous.isEmpty()) {
            unsecured.putArray("proof").addAll(previous);
        }
        ObjectNode options = ((ObjectNode) proof).deepCopy();
        options.remove("proofValue");
        JsonNode proofContext = options.remove("@context");
        if (proofContext != null && !proofContext.equals(unsecured.get("@context"))) {
            throw new ProofException(ProofException.Code.PROOF_CONTEXT_MISMATCH,
                    "the proof's @context differs from the credential's @context");
        }
        if (!key.verify(hashData(unsecured, proofConfig(unsecured, options)), signature)) {
            throw new ProofException(ProofException.Code.INVALID_SIGNATURE,
                    "the signature does not match the credential: it was changed after signing, or signed with another key");
        }
    }

    /**
     * The data to sign: SHA-256(canonical proof config) ‖ SHA-256(canonical document).
     *
     * @see <a href="https://www.w3.org/TR/vc-di-eddsa/#hashing-eddsa-rdfc-2022">§3.3.4 Hashing</a>
     */
    public byte[] hashData(ObjectNode unsecuredDocument, ObjectNode proofConfig) {
        byte[] proofHash = sha256(canonicalize(proofConfig));
        byte[] documentHash = sha256(canonicalize(unsecuredDocument));
        byte[] data = new byte[64];
        System.arraycopy(proofHash, 0, data, 0, 32);
        System.arraycopy(documentHash, 0, data, 32, 32);
        return data;
    }

    /** The RDFC-1.0 canonical N-Quads of a JSON-LD object (§3.3.3 Transformation). */
    public String canonicalize(ObjectNode document) {
        try {
            return canonicalizer.canonicalize(document);
        } catch (JsonLdException e) {
            throw new ProofException(ProofException.Code.DOCUMENT_NOT_CANONICALIZABLE, e.getMessage(), e);
        }
    }

    /** §3.3.5 Proof Configuration: the proof options under the document's @context. */
    static ObjectNode proofConfig(ObjectNode document, ObjectNode proofOptions) {
        ObjectNode config = document.objectNode();
        JsonNode context = document.get("@context");
        if (context == null) {
            throw new ProofException(ProofException.Code.DOCUMENT_NOT_CANONICALIZABLE, "the credential has no @context");
        }
        config.set("@context", context);
        proofOptions.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("@context")) {
                config.set(field.getKey(), field.getValue());
            }
        });
        return config;
    }

    private static void checkProofShape(JsonNode proof) {
        if (proof == null || !proof.isObject()) {
            throw new ProofException(ProofException.Code.PROOF_MALFORMED, "the proof must be a JSON object");
        }
        String type = proof.path("type").asText("");
        if (!PROOF_TYPE.equals(type)) {
            throw new ProofException(ProofException.Code.UNSUPPORTED_PROOF_TYPE,
                    "proof type is '" + type + "'; only DataIntegrityProof is supported");
        }
        String suite = proof.path("cryptosuite").asText("");
        if (!CRYPTOSUITE.equals(suite)) {
            throw new ProofException(ProofException.Code.UNSUPPORTED_CRYPTOSUITE,
                    "proof cryptosuite is '" + suite + "'; only eddsa-rdfc-2022 is supported");
        }
        for (String field : new String[] {"verificationMethod", "proofPurpose", "proofValue"}) {
            if (!proof.path(field).isTextual() || proof.path(field).asText().isBlank()) {
                throw new ProofException(ProofException.Code.PROOF_MALFORMED, "the proof has no " + field);
            }
        }
        JsonNode created = proof.get("created");
        if (created != null) {
            try {
                Instant.parse(created.asText());
            } catch (DateTimeParseException e) {
                throw new ProofException(ProofException.Code.INVALID_CREATED,
                        "proof created '" + created.asText() + "' is not an ISO-8601 date-time such as 2025-01-31T12:00:00Z");
            }
        }
    }

    private static byte[] decodeProofValue(JsonNode proofValue) {
        String value = proofValue.asText();
        if (!Multibase.BASE_58_BTC.isEncoded(value)) {
            throw new ProofException(ProofException.Code.INVALID_PROOF_VALUE, "proofValue must be base58btc multibase (starting with 'z')");
        }
        byte[] signature;
        try {
            signature = ProofValues.decode(value);
        } catch (RuntimeException e) {
            throw new ProofException(ProofException.Code.INVALID_PROOF_VALUE, "proofValue is not valid base58btc");
        }
        if (signature.length != 64) {
            throw new ProofException(ProofException.Code.INVALID_PROOF_VALUE,
                    "proofValue holds " + signature.length + " bytes; an Ed25519 signature is 64 (is it truncated?)");
        }
        return signature;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
