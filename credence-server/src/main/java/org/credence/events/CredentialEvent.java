package org.credence.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened to a credential, or a bulk job that finished.
 *
 * @param credentialId the credential, or {@code null} for a job event
 * @param number the credential's public number, or {@code null} for a job event
 * @param subject the achievement id for a credential event, the job id for a job event
 * @param details further facts, all safe to send to the tenant's own endpoints (never another tenant's data)
 */
public record CredentialEvent(CredentialEventType type, long tenantId, UUID credentialId, String number, String subject, Instant at,
                              Map<String, String> details) {
    public CredentialEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
