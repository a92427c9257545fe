package org.credence.tracking;

import java.time.Instant;
import java.util.UUID;

/**
 * One tracked event as it is stored (with the credential's issue time, which the fold needs
 * and the event table does not keep).
 *
 * @param notCounted why it does not count, or null when it counts
 * @param number     the credential's number, for the webhook event a counted view, share or verification makes
 */
record Event(long tenantId, UUID credentialId, long achievementId, Instant issuedAt, EventType type, String channel,
             Instant occurredAt, String country, String referrerHost, UserAgentClass userAgentClass, boolean isRecipient,
             byte[] visitorKey, NotCounted notCounted, String number) {

    boolean counted() {
        return notCounted == null;
    }
}
