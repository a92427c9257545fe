package org.credence.standards.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/** The issuer (or creator) profile. A bare string issuer reads as a profile with only an id. */
public record Profile(String id, String name, String url, String email, String description, Image image, Map<String, JsonNode> extras) {
    private static final Set<String> KNOWN = Set.of("id", "type", "name", "url", "email", "description", "image");

    public Profile {
        if (id == null || id.isBlank()) {
            throw new CredentialFormatException("issuer.id is required");
        }
        Uris.requireAbsolute(id, "issuer.id");
        extras = Map.copyOf(extras);
    }

    public static Profile of(String id, String name, String url) {
        return new Profile(id, name, url, null, null, null, Map.of());
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonFields.NODES.objectNode();
        node.put("id", id);
        node.putArray("type").add("Profile");
        JsonFields.put(node, "name", name);
        JsonFields.put(node, "url", url);
        JsonFields.put(node, "email", email);
        JsonFields.put(node, "description", description);
        if (image != null) {
            node.set("image", image.toJson());
        }
        JsonFields.putExtras(node, extras);
        return node;
    }

    static Profile fromJson(JsonNode node, String path) {
        if (node != null && node.isTextual()) {
            return new Profile(node.asText(), null, null, null, null, null, Map.of());
        }
        JsonFields.object(node, path);
        return new Profile(JsonFields.requiredText(node, "id", path), JsonFields.text(node, "name", path), JsonFields.text(node, "url", path),
                JsonFields.text(node, "email", path), JsonFields.text(node, "description", path),
                node.hasNonNull("image") ? Image.fromJson(node.get("image"), path + ".image") : null, JsonFields.extras(node, KNOWN));
    }
}
