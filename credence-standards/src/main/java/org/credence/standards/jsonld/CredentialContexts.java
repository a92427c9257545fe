package org.credence.standards.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one rule for a credential's {@code @context}, held by the issuer and the verifier alike so
 * that whatever Credence signs, its verifier accepts.
 *
 * <p>The first entry is the VC 2.0 or the VC 1.1 context URL. Every further entry is a URL of a
 * bundled context or an embedded context object. Embedded objects are allowed (VC Data Model 2.0
 * §4.3 permits them, and refusing what we sign is worse): they are processed locally, any URL
 * they import must be bundled too, and safe mode applies to the terms they define as to any other.
 */
public final class CredentialContexts {
    private CredentialContexts() {}

    /**
     * Checks {@code document}'s {@code @context}.
     *
     * @throws JsonLdException ({@code UNKNOWN_CONTEXT}) naming the entry that breaks the rule
     */
    public static void check(JsonNode document) {
        JsonNode context = document.get("@context");
        if (context == null) {
            throw unknown(null, "the credential has no @context");
        }
        JsonNode first = context.isArray() ? context.path(0) : context;
        if (!isBaseContext(first)) {
            throw unknown(first.isTextual() ? first.asText() : null, "the first @context must be " + BundledContexts.CREDENTIALS_V2
                    + " (W3C Verifiable Credentials 2.0) or " + BundledContexts.CREDENTIALS_V1 + " (1.1)");
        }
        for (JsonNode entry : context.isArray() ? context : java.util.List.of(context)) {
            if (entry.isTextual() && !BundledContexts.isBundled(entry.asText())) {
                throw unknown(entry.asText(), "unknown @context " + entry.asText()
                        + ": Credence only uses the W3C and 1EdTech contexts it ships with, and never fetches one over the network");
            }
            if (!entry.isTextual() && !entry.isObject()) {
                throw unknown(null, "an @context entry must be a context URL or an embedded context object, not " + entry);
            }
        }
    }

    /** True when the credential is on the VC Data Model 1.1 context ({@code issuanceDate}/{@code expirationDate}). */
    public static boolean isV1(JsonNode document) {
        JsonNode context = document.path("@context");
        JsonNode first = context.isArray() ? context.path(0) : context;
        return BundledContexts.CREDENTIALS_V1.equals(first.asText(null));
    }

    /**
     * A VC 1.1 context does not define Data Integrity proofs; like other Data Integrity issuers, add
     * the Data Integrity context to a 1.1 document that lacks it, before signing.
     */
    public static void addProofContext(ObjectNode document) {
        JsonNode context = document.get("@context");
        if (!isV1(document)) {
            return;
        }
        if (!context.isArray()) {
            document.putArray("@context").add(context.asText()).add(BundledContexts.DATA_INTEGRITY_V2);
            return;
        }
        for (JsonNode entry : context) {
            if (BundledContexts.DATA_INTEGRITY_V2.equals(entry.asText(null))) {
                return;
            }
        }
        ((ArrayNode) context).add(BundledContexts.DATA_INTEGRITY_V2);
    }

    private static boolean isBaseContext(JsonNode first) {
        return first.isTextual() && (BundledContexts.CREDENTIALS_V2.equals(first.asText()) || BundledContexts.CREDENTIALS_V1.equals(first.asText()));
    }

    private static JsonLdException unknown(String term, String message) {
        return new JsonLdException(JsonLdException.Reason.UNKNOWN_CONTEXT, term, message, null);
    }
}
