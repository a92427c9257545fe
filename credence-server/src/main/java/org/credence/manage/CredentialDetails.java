package org.credence.manage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credence.audit.AuditEntry;
import org.credence.audit.AuditReader;
import org.credence.delivery.CredentialMail;
import org.credence.delivery.Delivery;
import org.credence.issuance.CredentialStore;
import org.credence.issuance.IssuedCredential;
import org.credence.json.JsonFields;
import org.jdbi.v3.core.Jdbi;

/**
 * What the app's credential page shows of one credential: its signed facts, its mails, and its timeline, gathered from
 * the audit trail (issued, revoked, suspended, reinstated, resent, renewed, e-mail changed, claimed), its mails' steps
 * and the tracked events (viewed, shared, verified, downloaded). Every read names the tenant and is bounded: a
 * credential with a long history shows its newest {@link #TIMELINE} events.
 */
public final class CredentialDetails {
    /** Events a timeline shows at most, newest first. */
    public static final int TIMELINE = 60;
    private static final int AUDIT = 40;
    private static final int TRACKED = 40;
    private static final int MAILS = 10;

    /**
     * One credential's page.
     *
     * @param standing   active, expired, suspended, revoked or superseded, now
     * @param renews     the number of the credential this one renewed (null: none)
     * @param renewedBy  the number of its renewal (null: none)
     */
    public record Detail(IssuedCredential credential, String achievement, String standing, Instant claimedAt, String renews, String renewedBy,
                         Engagement engagement, List<CredentialMail> mails, List<Event> timeline) {}

    /** Counted tracked events of the credential (bots, double clicks and the recipient's own views left out). */
    public record Engagement(long views, long shares, long verifications) {}

    /**
     * One event of the timeline.
     *
     * @param kind   what happened: an audit action ({@code credential.revoke} …), {@code mail.<step>}, {@code tracked.<type>} or {@code expired}
     * @param detail what it was about: a reason, a credential number, a mail's kind, a share channel; null: nothing more
     * @param actor  who did it, as the audit trail names them (null for mail and tracked events)
     */
    public record Event(Instant at, String kind, String detail, String actor) {}

    private final Jdbi jdbi;
    private final AuditReader audit;
    private final Delivery delivery;
    private final Clock clock;

    public CredentialDetails(Jdbi jdbi, AuditReader audit, Delivery delivery, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** The tenant's credential by id or number; empty when the tenant has none such (another tenant's is none). */
    public Optional<Detail> find(long tenantId, String idOrNumber) {
        Optional<IssuedCredential> found = jdbi.withHandle(h -> CredentialStore.byIdOrNumber(h, tenantId, idOrNumber));
        return found.map(c -> detail(tenantId, c));
    }

    private record Facts(String achievement, Instant claimedAt, String renews, UUID renewedById, String renewedBy) {}

    private Detail detail(long tenantId, IssuedCredential c) {
        Instant now = clock.instant();
        Facts facts = jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.name
                             , c.claimed_at
                             , (SELECT p.number FROM credential p WHERE p.tenant_id = c.tenant_id AND p.id = c.renews) AS renews
                             , c.superseded_by
                             , (SELECT s.number FROM credential s WHERE s.tenant_id = c.tenant_id AND s.id = c.superseded_by) AS renewed_by
                          FROM credential c
                          JOIN achievement a ON a.tenant_id = c.tenant_id AND a.id = c.achievement_id
                         WHERE c.tenant_id = :tenant AND c.id = :id
                        """)
                .bind("tenant", tenantId).bind("id", c.id())
                .map((rs, ctx) -> new Facts(rs.getString("name"), rs.getTimestamp("claimed_at") == null ? null : rs.getTimestamp("claimed_at").toInstant(),
                        rs.getString("renews"), rs.getObject("superseded_by", UUID.class), rs.getString("renewed_by")))
                .one());
        Engagement engagement = jdbi.withHandle(h -> h.createQuery("""
                        SELECT views, shares, verifications FROM tracking_credential WHERE credential_id = :id AND tenant_id = :tenant
                        """)
                .bind("id", c.id()).bind("tenant", tenantId)
                .map((rs, ctx) -> new Engagement(rs.getLong(1), rs.getLong(2), rs.getLong(3))).findOne().orElse(new Engagement(0, 0, 0)));
        List<CredentialMail> mails = delivery.mails(tenantId, c.id(), MAILS);
        List<Event> timeline = new ArrayList<>();
        String self = "credential:" + c.id();
        List<String> subjects = facts.renewedById() == null ? List.of(self) : List.of(self, "credential:" + facts.renewedById());
        for (AuditEntry e : audit.about(tenantId, subjects, AUDIT)) {
            if (!e.subject().equals(self)) {
                // the renewal's own trail: only the renewal itself belongs on this credential's timeline
                if (e.action().equals("credential.renew")) {
                    timeline.add(new Event(e.at(), "credential.renewed", facts.renewedBy(), e.actor()));
                }
                continue;
            }
            timeline.add(new Event(e.at(), e.action(), detailOf(e), e.actor()));
        }
        for (CredentialMail mail : mails) {
            for (CredentialMail.Step step : mail.steps()) {
                timeline.add(new Event(step.at(), "mail." + step.status(), mail.kind(), null));
            }
        }
        // the per-event table, newest first along (tenant, credential, time): counted events only, claims are in the trail
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT type, channel, occurred_at
                          FROM tracking_event
                         WHERE tenant_id = :tenant AND credential_id = :id AND counted AND type <> 'claim'
                         ORDER BY occurred_at DESC
                         LIMIT :limit
                        """)
                .bind("tenant", tenantId).bind("id", c.id()).bind("limit", TRACKED)
                .map((rs, ctx) -> new Event(rs.getTimestamp("occurred_at").toInstant(), "tracked." + rs.getString("type"),
                        rs.getString("channel").isEmpty() ? null : rs.getString("channel"), null))
                .forEach(timeline::add));
        if (c.expiresAt() != null && !c.expiresAt().isAfter(now)) {
            timeline.add(new Event(c.expiresAt(), "expired", null, null));
        }
        timeline.sort(Comparator.comparing(Event::at).reversed());
        List<Event> shown = timeline.size() > TIMELINE ? List.copyOf(timeline.subList(0, TIMELINE)) : List.copyOf(timeline);
        return new Detail(c, facts.achievement(), IssuedCredential.standing(c.state(), c.expiresAt(), now), facts.claimedAt(), facts.renews(),
                facts.renewedBy(), engagement, mails, shown);
    }

    /** What an audit entry says about the credential in a few words: the reason given, or the renewal's number. */
    private static String detailOf(AuditEntry e) {
        JsonNode after = parse(e.after());
        return switch (e.action()) {
            case "credential.revoke", "credential.suspend", "credential.reinstate" -> text(after, "reason");
            case "credential.renew" -> text(after, "renews");
            default -> null;
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? JsonFields.MAPPER.missingNode() : JsonFields.MAPPER.readTree(json);
        } catch (IOException e) {
            return JsonFields.MAPPER.missingNode();
        }
    }
}
