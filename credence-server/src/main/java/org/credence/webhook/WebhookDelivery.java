package org.credence.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One event sent (or to be sent) to one endpoint: its log line.
 *
 * @param id             also the {@code webhook-id} header, the same on every attempt
 * @param state          pending, delivered or failed
 * @param responseStatus the last attempt's HTTP status, or null when it got none (refused, timed out)
 * @param nextAttemptAt  when a pending delivery is next tried; null otherwise
 */
public record WebhookDelivery(UUID id, long endpointId, String eventType, String state, int attempts, Integer responseStatus,
                              String lastError, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt,
                              Instant giveUpAt) {}
