package org.credence.analytics.costs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.credence.json.JsonFields;

/** A cost line as JSON, shaped in one place for the API and the audit trail. */
public final class CostJson {
    private CostJson() {}

    /** The audit trail's and the API's picture of one version. */
    public static ObjectNode line(CostLine line) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("id", line.id());
        node.put("version", line.version());
        if (line.achievementId() == null) {
            node.putNull("achievementId");
        } else {
            node.put("achievementId", line.achievementId());
        }
        node.put("category", line.category().id());
        node.put("incurredOn", line.incurredOn().toString());
        node.put("incurredUntil", line.incurredUntil() == null ? null : line.incurredUntil().toString());
        node.put("amount", line.amount());
        node.put("currency", line.currency());
        node.put("hours", line.hours());
        node.put("hourlyRate", line.hourlyRate());
        node.put("note", line.note());
        node.put("owner", line.owner());
        node.put("createdAt", line.createdAt().toString());
        node.put("change", line.change());
        node.put("reason", line.reason());
        node.put("voided", line.voided());
        return node;
    }
}
