package org.credence.renewal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.credence.audit.AuditTrail;
import org.credence.delivery.Delivery;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.issuance.CredentialStore;
import org.credence.issuance.Issuance;
import org.credence.issuance.IssuedCredential;
import org.credence.json.JsonFields;
import org.credence.tenant.Caller;
import org.jdbi.v3.core.Jdbi;

/**
 * The issuer changes a recipient's e-mail address. The recipient is their address at the tenant, so every credential
 * held under the old address moves to the new one: sign-in, claim and future mail follow it. The signed credentials
 * keep naming the old address's salted hash and keep verifying; on request each current one is re-issued in its
 * lineage, naming the new address (docs/renewal.md).
 */
public final class EmailChanges {
    /** What a change did: the credentials now under the new address, and their re-issues when asked for. */
    public record Changed(List<IssuedCredential> moved, List<IssuedCredential> reissued) {}

    private final Jdbi jdbi;
    private final Delivery delivery;
    private final Renewals renewals;
    private final AuditTrail audit;
    private final Clock clock;

    public EmailChanges(Jdbi jdbi, Delivery delivery, Renewals renewals, AuditTrail audit, Clock clock) {
        this.jdbi = jdbi;
        this.delivery = delivery;
        this.renewals = renewals;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Moves the recipient of the command's credential (all their credentials at the tenant) to its new address, and
     * re-issues their current credentials when it asks.
     *
     * @throws DomainException.Conflict when the new address already holds a current credential of one of the same achievements
     */
    public Changed change(Caller caller, EmailChange command) {
        String idOrNumber = command.idOrNumber();
        String newEmail = command.email();
        boolean reissue = command.reissue();
        long tenantId = caller.tenantId();
        String newHash = Issuance.emailHash(newEmail);
        List<IssuedCredential> moved = jdbi.inTransaction(h -> {
            IssuedCredential named = CredentialStore.byIdOrNumber(h, tenantId, idOrNumber)
                    .orElseThrow(() -> new DomainException.NotFound(ErrorText.of("credential.not_found", "id", idOrNumber)));
            String oldHash = Issuance.emailHash(named.recipientEmail());
            String language = Delivery.recipientLanguage(h, tenantId, named.recipientEmail());
            if (!oldHash.equals(newHash)) {
                h.createQuery("""
                                SELECT n.number
                                  FROM credential o
                                  JOIN credential n ON n.tenant_id = o.tenant_id AND n.achievement_id = o.achievement_id
                                                   AND n.recipient_email_hash = :new AND n.superseded_by IS NULL
                                 WHERE o.tenant_id = :tenant AND o.recipient_email_hash = :old AND o.superseded_by IS NULL
                                 LIMIT 1
                                """)
                        .bind("tenant", tenantId).bind("old", oldHash).bind("new", newHash).mapTo(String.class).findOne()
                        .ifPresent(clash -> {
                            throw new DomainException.Conflict(ErrorText.of("email_change.clash", "number", clash));
                        });
            }
            List<UUID> ids = h.createQuery("""
                            UPDATE credential
                               SET recipient_email = :email, recipient_email_hash = :new
                             WHERE tenant_id = :tenant AND recipient_email_hash = :old
                            RETURNING id
                            """)
                    .bind("email", newEmail).bind("new", newHash).bind("tenant", tenantId).bind("old", oldHash).mapTo(UUID.class).list();
            // renewal links went to the old address: they stop working
            h.createUpdate("""
                            UPDATE renewal_token SET expires_at = least(expires_at, :now)
                             WHERE tenant_id = :tenant AND credential_id = ANY(CAST(:ids AS UUID[])) AND used_at IS NULL
                            """)
                    .bind("now", Timestamp.from(clock.instant())).bind("tenant", tenantId)
                    .bindArray("ids", String.class, ids.stream().map(UUID::toString).toList()).execute();
            List<IssuedCredential> now = ids.stream().map(id -> CredentialStore.byId(h, tenantId, id).orElseThrow()).toList();
            delivery.addressChanged(h, now, !reissue, language);
            for (IssuedCredential c : now) {
                // the trail keeps the addresses' hashes, not the addresses: it is append-only and outlives an erasure
                audit.record(h, tenantId, caller.actor(), "credential.email", "credential:" + c.id(),
                        JsonFields.MAPPER.createObjectNode().put("emailSha256", oldHash),
                        JsonFields.MAPPER.createObjectNode().put("emailSha256", newHash).put("reissue", reissue));
            }
            return now;
        });
        List<IssuedCredential> reissued = reissue
                ? renewals.reissue(caller, moved.stream().filter(c -> c.state().equals("active")).toList())
                : List.of();
        return new Changed(moved, reissued);
    }
}
