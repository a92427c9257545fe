package org.credence.analytics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.credence.json.JsonFields;

/** An assumption edit as the audit trail records it: named as the API's request names it. */
final class AssumptionJson {
    private AssumptionJson() {}

    static ObjectNode edit(String parameter, String channel, Long achievementId, BigDecimal value, String reason) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode().put("parameter", parameter);
        if (channel != null) {
            node.put("channel", channel);
        }
        if (achievementId != null) {
            node.put("achievementId", achievementId);
        }
        return node.put("value", value).put("reason", reason);
    }
}
