package org.credence.issuance;

import java.time.Instant;
import java.util.List;
import org.credence.standards.model.Evidence;

/**
 * A validated request to issue a credential, as the web layer (or the demo loader) read it.
 *
 * @param issuedAt    when the achievement was earned; {@code null}: now
 * @param expiresAt   {@code null}: the achievement's validity, if it has one
 * @param grade       {@code null}: none
 * @param sendMail    whether the recipient is mailed their claim link
 * @param idempotency the client's Idempotency-Key with the digest of what it sent; {@code null}: none
 * @param completedAt when the recipient completed what the credential attests (an LMS's completion time),
 *                    from which time-to-issue is measured; {@code null}: from the moment the request arrived
 */
public record IssueCommand(long achievementId, String name, String email, Instant issuedAt, Instant expiresAt, String grade,
                           List<Evidence> evidence, boolean sendMail, Idempotency idempotency, Instant completedAt) {
    public IssueCommand {
        evidence = List.copyOf(evidence);
    }

    /** A command without a completion time: time-to-issue runs from the request's arrival. */
    public IssueCommand(long achievementId, String name, String email, Instant issuedAt, Instant expiresAt, String grade,
                        List<Evidence> evidence, boolean sendMail, Idempotency idempotency) {
        this(achievementId, name, email, issuedAt, expiresAt, grade, evidence, sendMail, idempotency, null);
    }

    /** This command with {@code issuedAt} given. */
    IssueCommand issuedAt(Instant at) {
        return new IssueCommand(achievementId, name, email, at, expiresAt, grade, evidence, sendMail, idempotency, completedAt);
    }

    /** This command without its idempotency key: issued once per recipient and achievement, an earlier credential is the answer. */
    IssueCommand withoutIdempotency() {
        return new IssueCommand(achievementId, name, email, issuedAt, expiresAt, grade, evidence, sendMail, null, completedAt);
    }
}
