package org.credence.survey;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.credence.delivery.MailContent;
import org.credence.delivery.MailRenderer;
import org.credence.delivery.Tokens;
import org.credence.i18n.Messages;
import org.jdbi.v3.core.Handle;

/**
 * Renders survey invitations and reminders when the worker sends them: a fresh form link is minted then
 * (kept hashed), so no live link is stored. An invitation answered, closed, or whose credential was
 * revoked while the mail waited is not sent.
 */
final class SurveyMail implements MailRenderer {
    private final URI publicUrl;
    private final Tokens tokens;

    SurveyMail(URI publicUrl, Tokens tokens) {
        this.publicUrl = publicUrl;
        this.tokens = tokens;
    }

    @Override
    public Optional<MailContent> render(Handle h, long tenantId, long mailId, String kind, String language, Instant now) {
        Optional<SurveyStore.Invitation> found = SurveyStore.byMail(h, tenantId, mailId);
        if (found.isEmpty() || !found.get().open(now)) {
            return Optional.empty();
        }
        SurveyStore.Invitation invitation = found.get();
        var who = h.createQuery("""
                        SELECT t.name AS issuer, a.name AS achievement, c.recipient_name, c.state
                          FROM tenant AS t
                          JOIN achievement AS a ON a.tenant_id = t.id AND a.id = :achievement
                          LEFT JOIN credential AS c ON c.tenant_id = t.id AND c.id = CAST(:credential AS UUID)
                         WHERE t.id = :tenant
                        """)
                .bind("tenant", tenantId).bind("achievement", invitation.achievementId()).bind("credential", invitation.credentialId())
                .map((rs, ctx) -> new String[] {rs.getString("issuer"), rs.getString("achievement"), rs.getString("recipient_name"), rs.getString("state")})
                .one();
        if (invitation.credentialId() != null && !"active".equals(who[3])) {
            return Optional.empty();
        }
        String token = tokens.next();
        SurveyStore.token(h, tenantId, invitation.id(), Tokens.hash(token), now);
        String lang = "nb".equals(language) ? "nb" : "en";
        String prefix = kind + ".";
        Map<String, String> values = Map.of("issuer", who[0], "achievement", who[1], "name", who[2] == null ? "" : who[2],
                "closes", DateTimeFormatter.ISO_LOCAL_DATE.format(invitation.closesAt().atOffset(ZoneOffset.UTC)));
        Messages t = Messages.of("mail", lang);
        return Optional.of(new MailContent(lang, t.format(prefix + "subject", values),
                t.format(who[2] == null ? "hello.anonymous" : "hello", values), t.format(prefix + "body", values),
                t.format(prefix + "action", values), publicUrl + "/s/" + token, t.format(prefix + "after", values), List.of(),
                t.format("footer", values)));
    }
}
