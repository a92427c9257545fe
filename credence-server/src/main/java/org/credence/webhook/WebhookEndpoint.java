package org.credence.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's webhook endpoint (its secret is never part of it: shown once on creation and rotation).
 *
 * @param events         the event types it subscribes to, by wire name ({@code credential.issued} …)
 * @param disabledReason why Credence switched it off (it answered 410 Gone), or null
 */
public record WebhookEndpoint(long id, long tenantId, String url, List<String> events, String description, boolean enabled,
                              String disabledReason, Instant createdAt, Instant updatedAt) {}
