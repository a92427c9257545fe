package org.credence.user;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A user's role at their tenant, and the permissions it grants. */
public enum Role {
    OWNER(EnumSet.allOf(Permission.class)),
    ISSUER(EnumSet.of(Permission.READ, Permission.ISSUE, Permission.REVOKE)),
    ANALYST(EnumSet.of(Permission.READ, Permission.VIEW_ANALYTICS)),
    VIEWER(EnumSet.of(Permission.READ));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /** The permissions in declaration order, for pages that list them. */
    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }

    /** The name used in JSON and the database: {@code owner}, {@code issuer} … */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        for (Role role : values()) {
            if (role.json().equals(text)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
