package org.credence.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.credence.audit.AuditTrail;
import org.credence.events.CredentialEvent;
import org.credence.events.CredentialEventType;
import org.credence.events.CredentialEvents;
import org.credence.issuance.CredentialNumber;
import org.credence.issuance.CredentialStore;
import org.credence.issuance.IssuedCredential;
import org.credence.json.JsonFields;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Claiming a credential through its link, and asking for a new link when the old one no longer works. */
final class Claims {
    /** One new claim link per credential per this long, whoever asks. */
    static final Duration NEW_LINK_EVERY = Duration.ofMinutes(10);

    /** Why a link does not work, or the credential it claims. */
    sealed interface Opened permits Claimable, Claimed, Unusable {}

    /** What the claim page shows and the choices already made. */
    record Claimable(long tenantId, UUID credentialId, CredentialCard card) implements Opened {}

    /**
     * A claim just made. The claim link went to the recipient's address as a sign-in link does, so
     * it also signs them in on /me: {@code session} is that session's cookie value. Their own look
     * at the credential then is not counted as a stranger's view, and a private credential has a
     * page they can see (their dashboard).
     */
    record Claimed(CredentialCard card, String visibility, String session) implements Opened {}

    /**
     * @param reason unknown, used, expired (a superseded link counts as used: a newer one was sent) or revoked
     * @param number the credential's number when the link is known ("" otherwise), so asking for a new link takes one click
     * @param issuerSlug its issuer's short name ("" when unknown), which the recipient's sign-in page asks for
     */
    record Unusable(String reason, String number, String issuerSlug) implements Opened {}

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final Clock clock;
    private final Delivery delivery;
    private final Tokens tokens;
    private final CredentialEvents events;

    Claims(Jdbi jdbi, AuditTrail audit, Clock clock, Delivery delivery, Tokens tokens, CredentialEvents events) {
        this.events = events;
        this.tokens = tokens;
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        this.delivery = delivery;
    }

    Opened open(String token) {
        return jdbi.inTransaction(h -> open(h, token));
    }

    /**
     * Claims: the first claim time is kept, the choices stored, the link used up, and the recipient
     * signed in. Returns the claim, or why the link did not work.
     */
    Opened claim(String token, String visibility, boolean trackingAllowed) {
        return jdbi.inTransaction(h -> {
            Opened opened = open(h, token);
            if (!(opened instanceof Claimable c)) {
                return opened;
            }
            Instant now = clock.instant();
            ClaimTokens.use(h, token, now);
            var claimed = h.createQuery("""
                            UPDATE credential
                               SET claimed_at = COALESCE(claimed_at, :now)
                                 , visibility = :visibility
                                 , tracking_allowed = :tracking
                             WHERE tenant_id = :tenant
                               AND id = :id
                            RETURNING recipient_email, number, achievement_id, claimed_at = :now AS first
                            """)
                    .bind("now", java.sql.Timestamp.from(now)).bind("visibility", visibility).bind("tracking", trackingAllowed)
                    .bind("tenant", c.tenantId()).bind("id", c.credentialId())
                    .mapToMap().one();
            String email = (String) claimed.get("recipient_email");
            if (Boolean.TRUE.equals(claimed.get("first"))) {
                // the first claim only: a second link claimed later changes choices, not the fact
                events.record(h, new CredentialEvent(CredentialEventType.CLAIMED, c.tenantId(), c.credentialId(), (String) claimed.get("number"),
                        String.valueOf(claimed.get("achievement_id")), now, java.util.Map.of()));
            }
            audit.record(h, c.tenantId(), "recipient", "credential.claim", "credential:" + c.credentialId(),
                    JsonFields.MAPPER.createObjectNode().put("visibility", c.card().visibility()).put("trackingAllowed", c.card().trackingAllowed()),
                    JsonFields.MAPPER.createObjectNode().put("visibility", visibility).put("trackingAllowed", trackingAllowed));
            String session = RecipientAccess.open(h, tokens,
                    new RecipientAccess.Session(c.tenantId(), RecipientAccess.address(email), null), now);
            return new Claimed(c.card(), visibility, session);
        });
    }

    /**
     * Sends a new claim link to the address on record for {@code number}, at most once per
     * {@link #NEW_LINK_EVERY}. Says nothing either way: the answer must not reveal which numbers exist or where mail goes.
     */
    void requestLink(String typedNumber) {
        Optional<CredentialNumber> number = CredentialNumber.parse(typedNumber == null ? "" : typedNumber.strip());
        if (number.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            Optional<IssuedCredential> credential = CredentialStore.byNumber(h, number.get().value());
            if (credential.isEmpty() || credential.get().state().equals("revoked")) {
                return;
            }
            IssuedCredential c = credential.get();
            // serialise requests for one credential so the rate limit holds under a burst
            h.createQuery("SELECT id FROM credential WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                    .bind("tenant", c.tenantId()).bind("id", c.id()).mapTo(UUID.class).one();
            Instant since = clock.instant().minus(NEW_LINK_EVERY);
            if (MailQueue.recent(h, c.tenantId(), MailKind.CLAIM_LINK, c.recipientEmail(), since) > 0) {
                return;
            }
            String language = h.createQuery("SELECT locale FROM tenant WHERE id = :tenant").bind("tenant", c.tenantId()).mapTo(String.class).one();
            delivery.queue(h, c, MailKind.CLAIM_LINK, language);
        });
    }

    private Opened open(Handle h, String token) {
        if (!Tokens.wellFormed(token)) {
            return new Unusable("unknown", "", "");
        }
        Optional<ClaimTokens.Found> found = ClaimTokens.find(h, token);
        if (found.isEmpty()) {
            return new Unusable("unknown", "", "");
        }
        ClaimTokens.Found t = found.get();
        CredentialCard card = CredentialCard.of(h, t.tenantId(), t.credentialId());
        if (t.usedAt() != null || t.supersededAt() != null) {
            return new Unusable("used", card.number(), card.issuerSlug());
        }
        if (!t.usable(clock.instant())) {
            return new Unusable("expired", card.number(), card.issuerSlug());
        }
        if (card.state().equals("revoked")) {
            // a link mailed before the issuer revoked the credential: there is nothing left to claim
            return new Unusable("revoked", card.number(), card.issuerSlug());
        }
        return new Claimable(t.tenantId(), t.credentialId(), card);
    }
}
