package org.credence.issuance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * An {@code Idempotency-Key} with the SHA-256 of the request it came with, so that the key
 * replays only the request it was first used for.
 *
 * @param requestSha256 hex SHA-256 of the body as canonical JSON: members sorted by name, no
 *                      white space, so key order and formatting do not make a request different
 */
public record Idempotency(String key, String requestSha256) {
    private static final JsonMapper CANONICAL = JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    /** The key with the digest of the request body it came with. */
    public static Idempotency of(String key, JsonNode body) {
        try {
            return new Idempotency(key, Issuance.sha256(CANONICAL.writeValueAsString(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed body always writes", e);
        }
    }

    /** The key was first used with a different request. */
    static final class KeyReused extends RuntimeException {
        KeyReused(String key) {
            super("the Idempotency-Key '" + key + "' was already used for a different request; "
                    + "send a new key for a new request, or the same body to get the first answer again");
        }
    }
}
