package org.credence.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credence.audit.AuditTrail;
import org.credence.issuance.CredentialStore;
import org.credence.issuance.Issuance;
import org.credence.issuance.IssuedCredential;
import org.credence.json.JsonFields;
import org.credence.tenant.Tenant;
import org.credence.tenant.Tenants;
import org.jdbi.v3.core.Jdbi;

/** The recipient's side: a magic-link sign-in per organisation, their credentials there, and their privacy switches. */
final class Recipients {
    /** At most this many sign-in links per address and organisation per {@link #SIGN_IN_WINDOW}. */
    static final int SIGN_IN_LINKS = 3;
    static final Duration SIGN_IN_WINDOW = Duration.ofMinutes(15);

    /** The page of a signed-in recipient. */
    record Dashboard(Tenant tenant, String email, List<HeldCredential> credentials) {}

    private final Jdbi jdbi;
    private final Tenants tenants;
    private final Tokens tokens;
    private final Clock clock;
    private final Delivery delivery;
    private final AuditTrail audit;

    Recipients(Jdbi jdbi, Tenants tenants, Tokens tokens, Clock clock, Delivery delivery, AuditTrail audit) {
        this.jdbi = jdbi;
        this.tenants = tenants;
        this.tokens = tokens;
        this.clock = clock;
        this.delivery = delivery;
        this.audit = audit;
    }

    /**
     * Mails a sign-in link if the organisation holds credentials for the address (and the rate
     * limit allows). Returns nothing: every request gets the same answer.
     */
    void requestSignIn(String slug, String typedEmail) {
        if (slug == null || typedEmail == null || typedEmail.length() > 320 || slug.length() > 63) {
            return;
        }
        String email = RecipientAccess.address(typedEmail);
        Optional<Tenant> tenant = tenants.bySlugOrName(slug);
        if (tenant.isEmpty()) {
            return;
        }
        long tenantId = tenant.get().id();
        jdbi.useTransaction(h -> {
            boolean holds = h.createQuery("SELECT EXISTS (SELECT 1 FROM credential WHERE tenant_id = :tenant AND recipient_email_hash = :hash)")
                    .bind("tenant", tenantId).bind("hash", Issuance.emailHash(email)).mapTo(Boolean.class).one();
            if (!holds) {
                return;
            }
            // serialise requests for one tenant's sign-ins so that a burst cannot pass the limit together
            h.createQuery("SELECT pg_advisory_xact_lock(CAST(:tenant AS INTEGER), hashtext(:email))::text")
                    .bind("tenant", tenantId).bind("email", email).mapTo(String.class).list();
            if (MailQueue.recent(h, tenantId, MailKind.RECIPIENT_SIGN_IN, email, clock.instant().minus(SIGN_IN_WINDOW)) < SIGN_IN_LINKS) {
                delivery.queueSignIn(h, tenantId, email, tenant.get().locale());
            }
        });
    }

    /** Uses a sign-in link; returns the new session's cookie value. */
    Optional<String> signIn(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbi.inTransaction(h -> RecipientAccess.useLink(h, token, clock.instant())
                .map(who -> RecipientAccess.open(h, tokens, who, clock.instant())));
    }

    Optional<RecipientAccess.Session> session(String cookie) {
        if (!Tokens.wellFormed(cookie)) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> RecipientAccess.session(h, cookie, clock.instant()));
    }

    /** Whether the cookie's session is the recipient of this credential of this tenant. */
    boolean isRecipient(String cookie, long tenantId, UUID credentialId) {
        Optional<RecipientAccess.Session> session = session(cookie);
        if (session.isEmpty() || session.get().tenantId() != tenantId) {
            return false;
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1
                                         FROM credential
                                        WHERE tenant_id = :tenant
                                          AND id = :id
                                          AND recipient_email_hash = :hash)
                        """).bind("tenant", tenantId).bind("id", credentialId).bind("hash", Issuance.emailHash(session.get().email()))
                .mapTo(Boolean.class).one());
    }

    void signOut(String cookie) {
        if (Tokens.wellFormed(cookie)) {
            jdbi.useHandle(h -> RecipientAccess.close(h, cookie));
        }
    }

    Dashboard dashboard(RecipientAccess.Session session) {
        Instant now = clock.instant();
        List<HeldCredential> held = jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.id
                             , c.number
                             , a.name AS achievement
                             , c.state
                             , c.expires_at
                             , c.visibility
                             , c.tracking_allowed
                             , c.claimed_at
                             , COALESCE(e.views, 0) AS views
                             , COALESCE(e.shares, 0) AS shares
                             , COALESCE(e.verifications, 0) AS verifications
                          FROM credential c
                          JOIN achievement a ON a.id = c.achievement_id AND a.tenant_id = c.tenant_id
                          -- tracking's per-credential rollup: counted events only (no bots, repeats or the recipient's own views)
                          LEFT JOIN tracking_credential e ON e.tenant_id = c.tenant_id AND e.credential_id = c.id
                         WHERE c.tenant_id = :tenant
                           AND c.recipient_email_hash = :hash
                         ORDER BY c.issued_at DESC, c.number
                        """)
                .bind("tenant", session.tenantId()).bind("hash", Issuance.emailHash(session.email()))
                .map((rs, ctx) -> {
                    Instant expires = rs.getTimestamp("expires_at") == null ? null : rs.getTimestamp("expires_at").toInstant();
                    String state = rs.getString("state");
                    String standing = org.credence.issuance.IssuedCredential.standing(state, expires, now);
                    String status = standing.equals("active") ? "valid" : standing;
                    Instant claimed = rs.getTimestamp("claimed_at") == null ? null : rs.getTimestamp("claimed_at").toInstant();
                    return new HeldCredential(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("achievement"), status, expires,
                            rs.getString("visibility"), rs.getBoolean("tracking_allowed"), claimed, rs.getLong("views"), rs.getLong("shares"), rs.getLong("verifications"));
                })
                .list());
        return new Dashboard(tenants.byId(session.tenantId()), session.email(), held);
    }

    /** One of the session's own credentials, by number; empty when the number is not theirs at this tenant. */
    Optional<IssuedCredential> held(RecipientAccess.Session session, String number) {
        return jdbi.withHandle(h -> CredentialStore.byIdOrNumber(h, session.tenantId(), number))
                .filter(c -> Issuance.emailHash(c.recipientEmail()).equals(Issuance.emailHash(session.email())));
    }

    /** Sets the switches of one of the session's own credentials; false when the number is not theirs. */
    boolean setPrivacy(RecipientAccess.Session session, String number, String visibility, boolean trackingAllowed) {
        return jdbi.inTransaction(h -> {
            Optional<UUID> id = h.createQuery("""
                            UPDATE credential
                               SET visibility = :visibility
                                 , tracking_allowed = :tracking
                             WHERE tenant_id = :tenant
                               AND recipient_email_hash = :hash
                               AND number = :number
                            RETURNING id
                            """)
                    .bind("visibility", visibility).bind("tracking", trackingAllowed).bind("tenant", session.tenantId())
                    .bind("hash", Issuance.emailHash(session.email())).bind("number", number)
                    .mapTo(UUID.class).findOne();
            id.ifPresent(i -> audit.record(h, session.tenantId(), "recipient", "credential.privacy", "credential:" + i, null,
                    JsonFields.MAPPER.createObjectNode().put("visibility", visibility).put("trackingAllowed", trackingAllowed)));
            return id.isPresent();
        });
    }
}
