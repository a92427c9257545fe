package org.credence.standards.verification;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads untrusted JSON: duplicate keys, trailing data and deep nesting are refused with a reason. */
final class StrictJsonReader {
    static final int MAX_DEPTH = 64;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    }

    private StrictJsonReader() {}

    static JsonNode read(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new UnreadableJson("the input is empty");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new UnreadableJson("the JSON is nested more than " + MAX_DEPTH + " levels deep; no credential needs that");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new UnreadableJson("the input is not valid JSON: " + e.getOriginalMessage() + where);
        }
    }

    static final class UnreadableJson extends RuntimeException {
        UnreadableJson(String message) {
            super(message);
        }
    }
}
