package org.credence.standards.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What was achieved: a course completion, a certification, a badge, a diploma.
 *
 * @param achievementType OB 3.0 vocabulary, e.g. {@code Certificate}, {@code Certification}, {@code Badge}, {@code Diploma}
 */
public record Achievement(String id, String achievementType, String name, String description, Criteria criteria, Image image,
                          List<Alignment> alignment, List<String> tag, String humanCode, String fieldOfStudy,
                          List<ResultDescription> resultDescription, Map<String, JsonNode> extras) {
    private static final Set<String> KNOWN = Set.of("id", "type", "achievementType", "name", "description", "criteria", "image",
            "alignment", "tag", "humanCode", "fieldOfStudy", "resultDescription");

    public Achievement {
        if (id == null || id.isBlank()) {
            throw new CredentialFormatException("credentialSubject.achievement.id is required");
        }
        Uris.requireAbsolute(id, "credentialSubject.achievement.id");
        if (name == null || name.isBlank()) {
            throw new CredentialFormatException("credentialSubject.achievement.name is required");
        }
        if (description == null || description.isBlank()) {
            // optional in the OB 3.0 data model, but 1EdTech's schema requires it
            throw new CredentialFormatException("credentialSubject.achievement.description is required");
        }
        if (criteria == null) {
            throw new CredentialFormatException("credentialSubject.achievement.criteria is required");
        }
        alignment = List.copyOf(alignment);
        tag = List.copyOf(tag);
        resultDescription = List.copyOf(resultDescription);
        extras = Map.copyOf(extras);
    }

    public static Achievement of(String id, String achievementType, String name, String description, Criteria criteria) {
        return new Achievement(id, achievementType, name, description, criteria, null, List.of(), List.of(), null, null, List.of(), Map.of());
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonFields.NODES.objectNode();
        node.put("id", id);
        node.putArray("type").add("Achievement");
        JsonFields.put(node, "achievementType", achievementType);
        node.put("name", name);
        JsonFields.put(node, "description", description);
        node.set("criteria", criteria.toJson());
        if (image != null) {
            node.set("image", image.toJson());
        }
        JsonFields.putObjects(node, "alignment", alignment, Alignment::toJson);
        JsonFields.putTexts(node, "tag", tag);
        JsonFields.put(node, "humanCode", humanCode);
        JsonFields.put(node, "fieldOfStudy", fieldOfStudy);
        JsonFields.putObjects(node, "resultDescription", resultDescription, ResultDescription::toJson);
        JsonFields.putExtras(node, extras);
        return node;
    }

    static Achievement fromJson(JsonNode node, String path) {
        JsonFields.object(node, path);
        return new Achievement(JsonFields.requiredText(node, "id", path), JsonFields.text(node, "achievementType", path),
                JsonFields.requiredText(node, "name", path), JsonFields.requiredText(node, "description", path),
                Criteria.fromJson(node.get("criteria"), path + ".criteria"),
                node.hasNonNull("image") ? Image.fromJson(node.get("image"), path + ".image") : null,
                JsonFields.objects(node, "alignment", path, Alignment::fromJson), JsonFields.texts(node, "tag", path),
                JsonFields.text(node, "humanCode", path), JsonFields.text(node, "fieldOfStudy", path),
                JsonFields.objects(node, "resultDescription", path, ResultDescription::fromJson), JsonFields.extras(node, KNOWN));
    }
}
