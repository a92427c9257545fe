package org.credence.standards.jwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The Jackson setup for JWT headers and payloads: exact decimals and no duplicate keys, so the
 * credential read back is exactly the one that was signed and no member can be read two ways.
 */
final class StrictJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private StrictJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses UTF-8 JSON; throws {@link IOException} with Jackson's reason when it is not JSON. */
    static JsonNode read(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    static JsonNode read(String json) throws IOException {
        return MAPPER.readTree(json);
    }

    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            // a JsonNode tree always serializes; reaching here is a bug, not bad input
            throw new IllegalStateException("could not serialize JSON", e);
        }
    }
}
