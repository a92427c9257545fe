package org.credence.standards.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;

/**
 * Reads untrusted credential JSON: over 1 MB, nested over 64 deep, duplicate keys or trailing
 * data are refused with a message a person can act on (line and column for syntax errors).
 */
public final class CredentialJson {
    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_DEPTH = 64;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    }

    private CredentialJson() {}

    public static JsonNode readTree(byte[] json) {
        if (json.length > MAX_BYTES) {
            throw new CredentialFormatException("the input is " + json.length + " bytes; credentials over 1 MB are refused");
        }
        return readTree(new String(json, StandardCharsets.UTF_8));
    }

    public static JsonNode readTree(String text) {
        if (text.length() > MAX_BYTES) {
            throw new CredentialFormatException("the input is over 1 MB; credentials over 1 MB are refused");
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new CredentialFormatException("the input is empty");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new CredentialFormatException("the JSON is nested more than " + MAX_DEPTH + " levels deep; no credential needs that");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new CredentialFormatException("the input is not valid JSON: " + e.getOriginalMessage() + where);
        }
    }

    /** Reads and maps an OB 3.0 credential. */
    public static AchievementCredential readCredential(byte[] json) {
        return AchievementCredential.fromJson(readTree(json));
    }
}
