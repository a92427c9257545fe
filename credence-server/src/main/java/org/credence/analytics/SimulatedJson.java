package org.credence.analytics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.credence.i18n.Messages;

/**
 * The two fields every {@code /api/v1/analytics/*} answer carries to say whether its figures are simulated:
 * {@code "simulated": true|false} and a {@code "dataLabel"} sentence. Routes add them with {@link #mark} (whether the tenant
 * is simulated comes from {@link SimulatedData#of} or a report that knows it), so no answer leaves without them.
 */
public final class SimulatedJson {
    private SimulatedJson() {}

    /** Adds {@code simulated} and {@code dataLabel} to an analytics answer and returns it. */
    public static ObjectNode mark(ObjectNode body, boolean simulated) {
        Messages en = Messages.of("dashboard", "en");
        body.put("simulated", simulated);
        body.put("dataLabel", en.text(simulated ? "simulated" : "data.measured"));
        return body;
    }
}
