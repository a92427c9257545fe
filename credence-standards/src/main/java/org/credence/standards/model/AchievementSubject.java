package org.credence.standards.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The recipient and what they achieved; identified by {@code id} (a DID) or hashed {@code identifier}s. */
public record AchievementSubject(String id, List<IdentityObject> identifier, Achievement achievement, List<Result> result,
                                 String activityStartDate, String activityEndDate, Map<String, JsonNode> extras) {
    private static final Set<String> KNOWN = Set.of("id", "type", "identifier", "achievement", "result", "activityStartDate", "activityEndDate");

    public AchievementSubject {
        identifier = List.copyOf(identifier);
        result = List.copyOf(result);
        extras = Map.copyOf(extras);
        if ((id == null || id.isBlank()) && identifier.isEmpty()) {
            throw new CredentialFormatException("credentialSubject needs an id or an identifier (for example a hashed e-mail)");
        }
        if (achievement == null) {
            throw new CredentialFormatException("credentialSubject.achievement is required");
        }
    }

    public static AchievementSubject of(IdentityObject recipient, Achievement achievement) {
        return new AchievementSubject(null, List.of(recipient), achievement, List.of(), null, null, Map.of());
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonFields.NODES.objectNode();
        JsonFields.put(node, "id", id);
        node.putArray("type").add("AchievementSubject");
        JsonFields.putObjects(node, "identifier", identifier, IdentityObject::toJson);
        node.set("achievement", achievement.toJson());
        JsonFields.putObjects(node, "result", result, Result::toJson);
        JsonFields.put(node, "activityStartDate", activityStartDate);
        JsonFields.put(node, "activityEndDate", activityEndDate);
        JsonFields.putExtras(node, extras);
        return node;
    }

    static AchievementSubject fromJson(JsonNode node, String path) {
        JsonFields.object(node, path);
        return new AchievementSubject(JsonFields.text(node, "id", path), JsonFields.objects(node, "identifier", path, IdentityObject::fromJson),
                Achievement.fromJson(node.get("achievement"), path + ".achievement"), JsonFields.objects(node, "result", path, Result::fromJson),
                JsonFields.text(node, "activityStartDate", path), JsonFields.text(node, "activityEndDate", path), JsonFields.extras(node, KNOWN));
    }
}
