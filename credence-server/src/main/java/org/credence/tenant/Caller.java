package org.credence.tenant;

import java.util.Set;

/**
 * Who made a request: an API key of a tenant, or an administrator key ({@code tenantId} null).
 *
 * @param actor how the audit trail names the caller, e.g. {@code api-key:crd_ab12cd34}
 */
public record Caller(Long tenantId, Set<String> scopes, String actor) {
    /** Whether the caller holds {@code scope}; scopes do not imply one another ({@code admin} manages the tenant only). */
    public boolean may(String scope) {
        return scopes.contains(scope);
    }

    public boolean isAdministrator() {
        return tenantId == null;
    }
}
