package org.credence.issuance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.credence.domain.ErrorText;

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

    /** The key was first used with a different request; the message is the English sentence of {@link #text()}. */
    static final class KeyReused extends RuntimeException {
        private final transient ErrorText text;

        KeyReused(String key) {
            this(ErrorText.of("issue.idempotency_key_reused", "key", key));
        }

        private KeyReused(ErrorText text) {
            super(text.in("en"));
            this.text = text;
        }

        /** The refusal's sentence, for a page in its own language (a batch's row). */
        ErrorText text() {
            return text;
        }
    }
}
