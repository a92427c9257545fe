package org.credence.analytics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.credence.i18n.Messages;
import org.jdbi.v3.core.Jdbi;

/**
 * Whether a tenant's figures come from the demo simulator, and the two fields every
 * {@code /api/v1/analytics/*} answer carries to say so: {@code "simulated": true|false} and a
 * {@code "dataLabel"} sentence. An endpoint adds them with {@link #mark(Jdbi, long, ObjectNode)}
 * (or {@link #mark(ObjectNode, boolean)} when it knows already), so no answer leaves without them.
 */
public final class SimulatedData {
    private SimulatedData() {}

    /** Whether the tenant was filled by the simulator (a row in simulated_tenant, V10). */
    public static boolean of(Jdbi jdbi, long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM simulated_tenant WHERE tenant_id = :tenant)")
                .bind("tenant", tenantId).mapTo(Boolean.class).one());
    }

    /** Adds {@code simulated} and {@code dataLabel} to an analytics answer and returns it. */
    public static ObjectNode mark(ObjectNode body, boolean simulated) {
        Messages en = Messages.of("dashboard", "en");
        body.put("simulated", simulated);
        body.put("dataLabel", en.text(simulated ? "simulated" : "data.measured"));
        return body;
    }

    /** Looks the tenant up and marks the answer: the one call a new analytics endpoint needs. */
    public static ObjectNode mark(Jdbi jdbi, long tenantId, ObjectNode body) {
        return mark(body, of(jdbi, tenantId));
    }
}
