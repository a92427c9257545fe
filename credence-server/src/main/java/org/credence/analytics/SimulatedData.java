package org.credence.analytics;

import org.jdbi.v3.core.Jdbi;

/**
 * Whether a tenant's figures come from the demo simulator. Answers say so through {@link SimulatedJson#mark}.
 */
public final class SimulatedData {
    private SimulatedData() {}

    /** Whether the tenant was filled by the simulator (a row in simulated_tenant, V10). */
    public static boolean of(Jdbi jdbi, long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM simulated_tenant WHERE tenant_id = :tenant)")
                .bind("tenant", tenantId).mapTo(Boolean.class).one());
    }
}
