package org.credence.renewal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credence.delivery.MailContent;
import org.credence.delivery.MailRenderer;
import org.credence.delivery.Tokens;
import org.credence.i18n.Messages;
import org.credence.issuance.CredentialStore;
import org.credence.issuance.IssuedCredential;
import org.jdbi.v3.core.Handle;

/**
 * Renders expiry reminders and revocation/suspension notices when the worker sends them. A reminder gets a fresh
 * single-use renewal link then (kept hashed); a reminder whose credential was renewed, revoked or suspended while it
 * waited is not sent.
 */
final class RenewalMail implements MailRenderer {
    /** A renewal link works until this long after the credential's expiry: a lapsed credential can still be renewed. */
    static final Duration LINK_AFTER_EXPIRY = Duration.ofDays(90);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final URI publicUrl;
    private final Tokens tokens;

    RenewalMail(URI publicUrl, Tokens tokens) {
        this.publicUrl = publicUrl;
        this.tokens = tokens;
    }

    @Override
    public Optional<MailContent> render(Handle h, long tenantId, long mailId, String kind, String language, Instant now) {
        UUID credentialId = h.createQuery("SELECT credential_id FROM mail WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenantId).bind("id", mailId).mapTo(UUID.class).one();
        IssuedCredential c = CredentialStore.byId(h, tenantId, credentialId).orElseThrow();
        String lang = "nb".equals(language) ? "nb" : "en";
        var facts = h.createQuery("""
                        SELECT t.name AS issuer, a.name AS achievement
                          FROM tenant t JOIN achievement a ON a.tenant_id = t.id AND a.id = :achievement
                         WHERE t.id = :tenant
                        """)
                .bind("tenant", tenantId).bind("achievement", c.achievementId())
                .map((rs, ctx) -> Map.of("issuer", rs.getString("issuer"), "achievement", rs.getString("achievement"))).one();
        String page = publicUrl + "/c/" + c.number() + (lang.equals("en") ? "" : "?lang=" + lang);
        Map<String, String> values = new java.util.HashMap<>(facts);
        values.put("name", c.recipientName());
        values.put("number", c.number());
        values.put("reason", c.stateReason() == null ? "" : c.stateReason());
        String action;
        if (kind.equals("expiry_reminder")) {
            if (!c.state().equals("active") || c.expiresAt() == null) {
                return Optional.empty();
            }
            long days = Math.max(0, Duration.between(now, c.expiresAt()).plusHours(23).toDays());
            values.put("days", Long.toString(days));
            values.put("expires", DAY.format(c.expiresAt()));
            String token = tokens.next();
            RenewalStore.mintLink(h, Tokens.hash(token), tenantId, c.id(), now, c.expiresAt().plus(LINK_AFTER_EXPIRY));
            action = publicUrl + "/renew/" + token + (lang.equals("en") ? "" : "?lang=" + lang);
        } else {
            action = page;
        }
        Messages t = Messages.of("mail", lang);
        String prefix = kind + ".";
        return Optional.of(new MailContent(lang, t.format(prefix + "subject", values), t.format("hello", values),
                t.format(prefix + "body", values) + (values.get("reason").isEmpty() || !kind.equals("credential_revoked") && !kind.equals("credential_suspended") ? ""
                        : "\n\n" + t.format("notice.reason", values)),
                t.format(prefix + "action", values), action, t.format(prefix + "after", values), List.of(),
                t.format("footer", values)));
    }
}
