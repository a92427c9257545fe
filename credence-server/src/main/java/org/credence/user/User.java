package org.credence.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.credence.json.JsonFields;

/** A person who signs in to a tenant's pages. The password hash never leaves {@link UserStore}. */
public record User(long id, long tenantId, String email, String name, Role role, boolean disabled, Instant createdAt, Instant lastLoginAt) {
    public boolean may(Permission permission) {
        return !disabled && role.may(permission);
    }

    /** The API's shape: everything but the password hash. */
    public ObjectNode json() {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("id", id);
        node.put("email", email);
        node.put("name", name);
        node.put("role", role.json());
        node.put("disabled", disabled);
        node.put("createdAt", createdAt.toString());
        node.put("lastLoginAt", lastLoginAt == null ? null : lastLoginAt.toString());
        return node;
    }
}
