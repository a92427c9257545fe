package org.credence.tenant;

import java.util.Set;

/**
 * Who made a request: an API key of a tenant, or an administrator key ({@code tenantId} null).
 *
 * @param actor how the audit trail names the caller, e.g. {@code api-key:crd_ab12cd34}
 */
public record Caller(Long tenantId, Set<String> scopes, String actor) {
    public boolean may(String scope) {
        return scopes.contains(scope) || scopes.contains("admin");
    }

    public boolean isAdministrator() {
        return tenantId == null;
    }
}
