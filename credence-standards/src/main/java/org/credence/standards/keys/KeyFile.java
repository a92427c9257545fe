package org.credence.standards.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The JSON key file the CLI reads and writes:
 * {@code {"id": "did:key:z6Mk…", "publicKeyMultibase": "z6Mk…", "secretKeyMultibase": "z3u2…"}}.
 */
public final class KeyFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyFile() {}

    /** The key file for {@code keys}, as a JSON object (it contains the secret). */
    public static ObjectNode toJson(Ed25519KeyPair keys) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", keys.publicKey().didKey());
        node.put("type", "Multikey");
        node.put("publicKeyMultibase", keys.publicKey().multibase());
        node.put("secretKeyMultibase", keys.secretKeyMultibase());
        return node;
    }

    /** Reads a key file; the public key, when present, must match the secret. */
    public static Ed25519KeyPair read(byte[] json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new KeyFormatException("the key file is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new KeyFormatException("the key file cannot be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new KeyFormatException("the key file must be a JSON object with secretKeyMultibase");
        }
        JsonNode secret = node.get("secretKeyMultibase");
        if (secret == null || !secret.isTextual()) {
            throw new KeyFormatException("the key file has no secretKeyMultibase (make one with: credence keygen)");
        }
        Ed25519KeyPair keys = Ed25519KeyPair.fromSecretMultibase(secret.asText());
        JsonNode pub = node.get("publicKeyMultibase");
        if (pub != null && !keys.publicKey().multibase().equals(pub.asText())) {
            throw new KeyFormatException("the key file's publicKeyMultibase does not belong to its secretKeyMultibase");
        }
        return keys;
    }
}
