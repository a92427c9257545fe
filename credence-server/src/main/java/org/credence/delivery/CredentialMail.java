package org.credence.delivery;

import java.time.Instant;
import java.util.List;

/**
 * A mail about a credential as the issuer's pages show it, with each step it went through.
 *
 * @param kind      what it was for: {@code credential_issued}, {@code claim_link}, {@code expiry_reminder},
 *                  {@code credential_revoked}, {@code credential_suspended}, …
 * @param status    {@code queued}, {@code sending}, {@code sent}, {@code failed} or {@code bounced}
 * @param lastError the mail server's last answer when it failed, bounced or is retried; else null
 */
public record CredentialMail(long id, String kind, String recipient, String status, int attempts, String lastError, Instant createdAt,
                             Instant sentAt, List<Step> steps) {
    /** One step: {@code queued}, {@code sent}, {@code retry}, {@code failed}, {@code bounced} …, with the server's answer. */
    public record Step(String status, String detail, Instant at) {}
}
