package org.credence.delivery;

import java.time.Instant;

/**
 * What the issuer's list of credentials shows of one credential: its latest mail and whether it was claimed.
 *
 * @param status of the latest mail about the credential: {@code none} (none was sent, e.g. issuance suppressed it),
 *               {@code queued} (also while being sent), {@code sent}, {@code failed} or {@code bounced}
 * @param reason the SMTP server's last answer when the mail failed, bounced, or is queued again after a failed attempt; else null
 * @param attempts how often sending it was tried
 * @param at when the mail reached its status (null for {@code none})
 * @param claimedAt when the recipient claimed the credential (null: not yet)
 */
public record CredentialDelivery(String status, String reason, int attempts, Instant at, Instant claimedAt) {
    /** A mail in the queue that failed before and will be tried again. */
    public boolean retrying() {
        return status.equals("queued") && reason != null;
    }
}
