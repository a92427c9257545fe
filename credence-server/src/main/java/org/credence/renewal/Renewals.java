package org.credence.renewal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.credence.achievement.Achievement;
import org.credence.achievement.Achievements;
import org.credence.audit.AuditTrail;
import org.credence.delivery.Tokens;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.events.CredentialEvent;
import org.credence.events.CredentialEventType;
import org.credence.events.CredentialEvents;
import org.credence.issuance.CredentialStore;
import org.credence.issuance.Issuance;
import org.credence.issuance.IssueCommand;
import org.credence.issuance.IssuedCredential;
import org.credence.json.JsonFields;
import org.credence.standards.model.Evidence;
import org.credence.tenant.Caller;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Renewal: a credential re-issued with a new validity, linked to the one it renews (its lineage), which is marked
 * superseded — not revoked, so it keeps verifying. Three ways in: the issuer's API, the recipient's link from a
 * reminder (with the achievement's optional fee recorded as a revenue line), and a new completion
 * ({@link #issueOrRenew}). See docs/renewal.md.
 */
public final class Renewals {
    /** How a renewal came about: in the audit trail and the {@code credential.renewed} event. */
    public enum Via {
        API, LINK, COMPLETION, REISSUE;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What {@link #issueOrRenew} did: issued anew, renewed, or answered the recipient's current credential. */
    public record Outcome(IssuedCredential credential, boolean created, boolean renewed) {}

    private final Jdbi jdbi;
    private final Issuance issuance;
    private final Achievements achievements;
    private final AuditTrail audit;
    private final Clock clock;
    private final URI publicUrl;
    private final CredentialEvents events;
    private final LongConsumer outcomesChanged;

    /**
     * @param events          told of each renewal ({@code credential.renewed}) inside its transaction
     * @param outcomesChanged told a tenant's id after a renewal fee was recorded (the outcome answers are recomputed)
     */
    public Renewals(Jdbi jdbi, Issuance issuance, Achievements achievements, AuditTrail audit, Clock clock, URI publicUrl, CredentialEvents events,
                    LongConsumer outcomesChanged) {
        this.jdbi = jdbi;
        this.issuance = issuance;
        this.achievements = achievements;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.events = events;
        this.outcomesChanged = outcomesChanged;
    }

    /** The issuer renews a credential of its tenant: a new credential of the same achievement for the same recipient. */
    public Renewed renew(Caller caller, RenewCommand command) {
        IssuedCredential previous = find(caller.tenantId(), command.idOrNumber());
        return new Renewed(previous, renew(caller, previous, command.expiresAt(), command.sendMail(), Via.API, null, null));
    }

    /** The expiry a renewal of the tenant's credential would get without one given (null: none), for a form to show. */
    public Instant defaultExpiry(long tenantId, IssuedCredential credential) {
        return nextExpiry(credential, achievements.get(tenantId, credential.achievementId()), clock.instant());
    }

    /** A renewal: the credential renewed (as it was before) and its successor. */
    public record Renewed(IssuedCredential previous, IssuedCredential successor) {}

    /**
     * Issues for a completion, renewing when due: an active credential within its renewal window (from the largest
     * reminder before expiry, 90 days by default) or expired is renewed; with none, a credential is issued; otherwise
     * (not yet due, revoked, suspended) the recipient's current credential is answered, whatever the command's
     * Idempotency-Key (a completion's renewal key names no credential until it renews).
     */
    public Outcome issueOrRenew(Caller caller, IssueCommand command) {
        long tenantId = caller.tenantId();
        Optional<IssuedCredential> current = jdbi.withHandle(h -> CredentialStore.byRecipient(h, tenantId, command.achievementId(),
                Issuance.emailHash(command.email())));
        if (current.isPresent() && !dueForRenewal(current.get())) {
            return new Outcome(current.get(), false, false);
        }
        if (current.isPresent()) {
            try {
                IssuedCredential renewal = renew(caller, current.get(), command.expiresAt(), command.sendMail(), Via.COMPLETION, null, command);
                return new Outcome(renewal, true, true);
            } catch (DomainException.Conflict raced) {
                // a concurrent completion (an LMS retry) renewed it first: answer the renewal, as issuance answers a repeat
                Issuance.Issued issued = issuance.issue(caller, command);
                return new Outcome(issued.credential(), false, false);
            }
        }
        Issuance.Issued issued = issuance.issue(caller, command);
        return new Outcome(issued.credential(), issued.created(), false);
    }

    /** Active, and expired or within the renewal window of its achievement. */
    boolean dueForRenewal(IssuedCredential c) {
        if (!c.state().equals("active") || c.expiresAt() == null) {
            return false;
        }
        int window = jdbi.withHandle(h -> RenewalStore.policy(h, c.tenantId(), c.achievementId())).windowDays();
        return !clock.instant().isBefore(c.expiresAt().minus(window, ChronoUnit.DAYS));
    }

    /**
     * The recipient renews through the link of a reminder: the link is used once, the fee (if the achievement has one)
     * is recorded as a revenue line, all in the renewal's transaction.
     *
     * @throws DomainException.NotFound when the link is unknown
     * @throws DomainException.Conflict when it was used, expired, or the credential can no longer be renewed
     */
    public IssuedCredential renewByLink(String token) {
        if (!Tokens.wellFormed(token)) {
            throw new DomainException.NotFound(ErrorText.of("renewal.link_unknown"));
        }
        byte[] hash = Tokens.hash(token);
        RenewalStore.Link link = jdbi.withHandle(h -> RenewalStore.link(h, hash, false))
                .orElseThrow(() -> new DomainException.NotFound(ErrorText.of("renewal.link_unknown")));
        IssuedCredential previous = find(link.tenantId(), link.credentialId().toString());
        Caller recipient = new Caller(link.tenantId(), Set.of(), "recipient");
        return renew(recipient, previous, null, true, Via.LINK, (h, successor) -> {
            RenewalStore.Link locked = RenewalStore.link(h, hash, true).orElseThrow();
            if (!locked.usable(clock.instant())) {
                throw new DomainException.Conflict(locked.usedAt() != null ? ErrorText.of("renewal.link_used") : ErrorText.of("renewal.link_expired"));
            }
            RenewalStore.useLink(h, hash, link.tenantId(), successor.id(), clock.instant());
        }, null);
    }

    /** What the renewal page shows before the recipient confirms: the credential, its fee, and whether the link still works. */
    public record LinkView(IssuedCredential credential, String achievement, String issuer, RenewalPolicy policy, Instant newExpiry,
                           String unusable) {}

    /** The renewal page's facts for {@code token}; empty when the link is unknown. */
    public Optional<LinkView> open(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> RenewalStore.link(h, Tokens.hash(token), false).map(link -> {
            IssuedCredential c = CredentialStore.byId(h, link.tenantId(), link.credentialId()).orElseThrow();
            Achievement achievement = achievements.get(link.tenantId(), c.achievementId());
            String issuer = h.createQuery("SELECT name FROM tenant WHERE id = :tenant").bind("tenant", link.tenantId()).mapTo(String.class).one();
            String unusable = link.usedAt() != null ? "used" : !link.usable(clock.instant()) ? "expired"
                    : !c.state().equals("active") ? c.state() : achievement.isArchived() ? "archived" : null;
            return new LinkView(c, achievement.name(), issuer, RenewalStore.policy(h, link.tenantId(), c.achievementId()),
                    nextExpiry(c, achievement, clock.instant()), unusable);
        }));
    }

    /**
     * The renewal's expiry: the achievement's validity (or else the previous credential's length) counted from the
     * previous expiry when it is still ahead — renewing early loses no days — or else from now. None when the
     * previous credential had none and the achievement sets none.
     */
    static Instant nextExpiry(IssuedCredential previous, Achievement achievement, Instant now) {
        Duration length = achievement.validityDays().isPresent() ? Duration.ofDays(achievement.validityDays().getAsInt())
                : previous.expiresAt() == null ? null : Duration.between(previous.issuedAt(), previous.expiresAt());
        if (length == null) {
            return null;
        }
        Instant from = previous.expiresAt() != null && previous.expiresAt().isAfter(now) ? previous.expiresAt() : now;
        return from.plus(length).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Re-issues each of {@code credentials} (after an e-mail change) with the same validity, in its lineage: the new
     * credentials name the new address's hash. Revoked, suspended and superseded ones are left as they are.
     */
    List<IssuedCredential> reissue(Caller caller, List<IssuedCredential> credentials) {
        return credentials.stream().filter(c -> c.state().equals("active"))
                .map(c -> renew(caller, c, c.expiresAt(), true, Via.REISSUE, null, null)).toList();
    }

    /** Extra work in the renewal's transaction (the link's single use); throwing undoes the renewal. */
    private interface Before {
        void check(Handle h, IssuedCredential successor);
    }

    private IssuedCredential renew(Caller caller, IssuedCredential previous, Instant expiresAt, boolean notify, Via via, Before before,
                                   IssueCommand completion) {
        Achievement achievement = achievements.get(previous.tenantId(), previous.achievementId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        boolean reissue = via == Via.REISSUE;
        if (achievement.isArchived() && !reissue) {
            // a retired course is not recertified; a re-issue after an e-mail change is the same credential, and goes on
            throw new DomainException.Conflict(ErrorText.of("achievement.archived_renewal", "name", achievement.name(), "id", achievement.id()));
        }
        Instant expires = expiresAt != null ? expiresAt : nextExpiry(previous, achievement, now);
        // the signed renewal points at what it renews, so the lineage is in the credential itself too
        Evidence renews = new Evidence(publicUrl + "/verify/" + previous.number(), (reissue ? "Re-issue of " : "Renewal of ") + previous.number(),
                null, null, null, null);
        IssueCommand command = new IssueCommand(previous.achievementId(), previous.recipientName(), previous.recipientEmail(),
                reissue ? previous.issuedAt() : now, expires, completion == null ? null : completion.grade(),
                completion == null ? List.of(renews) : concat(completion.evidence(), renews), notify,
                completion == null ? null : completion.idempotency(), completion == null ? null : completion.completedAt());
        RenewalPolicy[] fee = new RenewalPolicy[1];
        Issuance.Issued issued = issuance.renew(caller, previous.id(), command, (h, old, successor) -> {
            if (before != null) {
                before.check(h, successor);
            }
            audit.record(h, old.tenantId(), caller.actor(), "credential.renew", "credential:" + successor.id(),
                    JsonFields.MAPPER.createObjectNode().put("number", old.number()).put("state", "superseded"),
                    JsonFields.MAPPER.createObjectNode().put("number", successor.number()).put("renews", old.number()).put("via", via.word())
                            .put("expiresAt", successor.expiresAt() == null ? null : successor.expiresAt().toString()));
            if (via == Via.LINK) {
                RenewalPolicy policy = RenewalStore.policy(h, old.tenantId(), old.achievementId());
                if (policy.feeAmount() != null) {
                    RenewalStore.revenueLine(h, old.tenantId(), old.achievementId(), Issuance.emailHash(old.recipientEmail()), successor.id(),
                            policy.feeAmount(), policy.feeCurrency(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
                    fee[0] = policy;
                }
            }
            events.record(h, new CredentialEvent(CredentialEventType.RENEWED, successor.tenantId(), successor.id(), successor.number(),
                    Long.toString(successor.achievementId()), clock.instant(), Map.of("renews", old.number(), "via", via.word())));
        });
        if (fee[0] != null) {
            outcomesChanged.accept(previous.tenantId());
        }
        return issued.credential();
    }

    private static List<Evidence> concat(List<Evidence> given, Evidence renews) {
        List<Evidence> all = new java.util.ArrayList<>(given);
        all.add(renews);
        return all;
    }

    private IssuedCredential find(long tenantId, String idOrNumber) {
        return jdbi.withHandle(h -> CredentialStore.byIdOrNumber(h, tenantId, idOrNumber))
                .orElseThrow(() -> new DomainException.NotFound(ErrorText.of("credential.not_found", "id", idOrNumber)));
    }

    /** The credential's lineage, oldest first, within the tenant. */
    public List<IssuedCredential> lineage(long tenantId, String idOrNumber) {
        IssuedCredential c = find(tenantId, idOrNumber);
        return jdbi.withHandle(h -> RenewalStore.lineage(h, tenantId, c.id()).stream()
                .map(id -> CredentialStore.byId(h, tenantId, id).orElseThrow()).toList());
    }
}
