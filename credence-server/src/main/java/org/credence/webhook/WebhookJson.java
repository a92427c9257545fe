package org.credence.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.credence.events.CredentialEvent;
import org.credence.json.JsonFields;

/**
 * Webhooks as JSON, shaped in one place: the API's endpoints and deliveries, the bodies sent to
 * receivers, and what the audit trail records of a change.
 */
final class WebhookJson {
    private WebhookJson() {}

    /** An endpoint as the API shows it. */
    static ObjectNode endpoint(WebhookEndpoint e) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode().put("id", e.id()).put("url", e.url());
        e.events().forEach(node.putArray("events")::add);
        return node.put("description", e.description()).put("enabled", e.enabled()).put("disabledReason", e.disabledReason())
                .put("createdAt", e.createdAt().toString()).put("updatedAt", e.updatedAt().toString());
    }

    /** A delivery log line as the API shows it. */
    static ObjectNode delivery(WebhookDelivery d) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode().put("id", d.id().toString()).put("endpointId", d.endpointId()).put("type", d.eventType())
                .put("state", d.state()).put("attempts", d.attempts());
        if (d.responseStatus() == null) {
            node.putNull("responseStatus");
        } else {
            node.put("responseStatus", d.responseStatus());
        }
        return node.put("lastError", d.lastError()).put("createdAt", d.createdAt().toString()).put("lastAttemptAt", text(d.lastAttemptAt()))
                .put("nextAttemptAt", text(d.nextAttemptAt())).put("deliveredAt", text(d.deliveredAt())).put("giveUpAt", text(d.giveUpAt()));
    }

    /** What the audit trail keeps of an endpoint (never its secret). */
    static ObjectNode audited(WebhookEndpoint e) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode().put("url", e.url()).put("description", e.description()).put("enabled", e.enabled());
        e.events().forEach(node.putArray("events")::add);
        return node;
    }

    /** The audit trail's note of a rotated secret (the secret itself is never recorded). */
    static ObjectNode rotated() {
        return JsonFields.MAPPER.createObjectNode().put("secret", "rotated");
    }

    /** The audit trail's note of a delivery sent again or a test ping. */
    static ObjectNode deliveryId(Object id) {
        return JsonFields.MAPPER.createObjectNode().put("delivery", id.toString());
    }

    /** The body of a test ping. */
    static String testPayload(long endpointId, Instant now) {
        ObjectNode body = JsonFields.MAPPER.createObjectNode().put("type", Webhooks.TEST_TYPE).put("timestamp", now.toString());
        body.putObject("data").put("endpointId", endpointId);
        return body.toString();
    }

    /** The body every attempt sends: {@code {"type", "timestamp", "data": {…}}}. */
    static String payload(CredentialEvent event) {
        ObjectNode body = JsonFields.MAPPER.createObjectNode();
        body.put("type", event.type().wireName());
        body.put("timestamp", event.at().toString());
        ObjectNode data = body.putObject("data");
        if (event.credentialId() != null) {
            data.put("credentialId", event.credentialId().toString());
            if (event.number() != null) {
                data.put("number", event.number());
            }
            putId(data, "achievementId", event.subject());
        } else {
            putId(data, "jobId", event.subject());
        }
        if (event.details() != null) {
            event.details().forEach((k, v) -> {
                if (!data.has(k)) {
                    data.put(k, v);
                }
            });
        }
        return body.toString();
    }

    // ids that are numbers elsewhere in the API stay numbers here
    private static void putId(ObjectNode data, String name, String value) {
        if (value == null) {
            return;
        }
        try {
            data.put(name, Long.parseLong(value));
        } catch (NumberFormatException e) {
            data.put(name, value);
        }
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
