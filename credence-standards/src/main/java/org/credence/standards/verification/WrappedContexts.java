package org.credence.standards.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * jsonld.js reads an embedded context written as {@code {"@context": {…}}} as the inner object;
 * JSON-LD 1.1 (§9.15) allows no {@code @context} inside a context definition, so titanium refuses
 * it. Credentials signed with that stack carry such wrappers (the W3C Data Integrity suite's
 * fixtures do): the verifier unwraps them first, giving the terms the meaning the signer's
 * processor gave them.
 */
final class WrappedContexts {
    private WrappedContexts() {}

    /** {@code credential}, or a copy whose wrapped embedded contexts are unwrapped. */
    static ObjectNode unwrapped(ObjectNode credential) {
        JsonNode context = credential.get("@context");
        if (context == null || !context.isArray() || !hasWrapped(context)) {
            return credential;
        }
        ObjectNode copy = credential.deepCopy();
        ArrayNode entries = (ArrayNode) copy.get("@context");
        for (int i = 0; i < entries.size(); i++) {
            if (isWrapped(entries.get(i))) {
                entries.set(i, entries.get(i).get("@context"));
            }
        }
        return copy;
    }

    private static boolean hasWrapped(JsonNode context) {
        for (JsonNode entry : context) {
            if (isWrapped(entry)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWrapped(JsonNode entry) {
        return entry.isObject() && entry.size() == 1 && entry.path("@context").isObject();
    }
}
