package org.credence.manage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credence.app.AppBar;
import org.credence.audit.AuditReader;
import org.credence.delivery.CredentialMail;
import org.credence.http.FormMessage;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.issuance.IssuedCredential;
import org.credence.user.SignedIn;

/** Renders the app's credential page and its confirmation steps, in English and Norwegian (bokmål). Public for its templates' row types. */
public final class CredentialDetailPage {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The signed facts as the page states them; null where there is nothing to state. */
    public record Facts(String number, String recipientName, String recipientEmail, String achievement, String issued, String expires,
                        String standing, String standingLabel, String reason, String claimed, String renews, String renewedBy) {}

    /** A button to an action's confirmation step. */
    public record Action(String href, String label, boolean danger) {}

    /** A mail about the credential. */
    public record Mail(String kind, String to, String status, String statusLabel, String reason, int attempts, String at) {}

    /** An event of the timeline, in words. */
    public record Event(String at, String label, String detail, String who) {}

    private CredentialDetailPage() {}

    static Map<String, String> text(String lang) {
        return Messages.of("credential_detail", lang).table();
    }

    static String detail(String lang, SignedIn signedIn, CredentialDetails.Detail d, String notice, AuditReader audit) {
        Map<String, String> t = text(lang);
        String suffix = suffix(lang);
        IssuedCredential c = d.credential();
        List<Action> actions = java.util.Arrays.stream(CredentialAction.values())
                .filter(a -> signedIn.may(a.permission()) && a.appliesTo(d.standing()))
                .map(a -> new Action("/app/credentials/" + c.number() + "/" + a.word() + suffix, t.get("action." + a.word()),
                        a == CredentialAction.REVOKE || a == CredentialAction.SUSPEND))
                .toList();
        List<Mail> mails = d.mails().stream().map(m -> mail(t, m)).toList();
        Map<String, String> names = audit.actorNames(c.tenantId(), d.timeline().stream().map(CredentialDetails.Event::actor)
                .filter(java.util.Objects::nonNull).distinct().toList());
        List<Event> timeline = d.timeline().stream().map(e -> new Event(MINUTE.format(e.at()), t.getOrDefault("event." + e.kind(), e.kind()),
                e.kind().startsWith("mail.") ? t.getOrDefault("mailkind." + e.detail(), e.detail()) : e.detail(),
                e.actor() == null ? null : names.getOrDefault(e.actor(), t.getOrDefault("actor." + e.actor(), e.actor())))).toList();
        Map<String, Object> model = base(lang, signedIn, t, facts(t, d));
        model.put("notice", notice);
        model.put("actions", actions);
        model.put("mails", mails);
        model.put("timeline", timeline);
        model.put("engagement", d.engagement());
        model.put("links", Map.of("page", "/c/" + c.number() + suffix, "verify", "/verify/" + c.number() + suffix,
                "json", "/c/" + c.number() + "/credential.json", "pdf", "/c/" + c.number() + "/certificate.pdf"));
        return Pages.render("app/credential.jte", model);
    }

    /**
     * An action's confirmation step: what will happen, the fields it takes, with {@code values} as typed and
     * {@code message} beside its field (null: none).
     */
    static String confirm(String lang, SignedIn signedIn, CredentialDetails.Detail d, CredentialAction action, Map<String, String> values,
                          FormMessage message) {
        return confirm(lang, signedIn, d, action, values, message, Map.of());
    }

    /**
     * The confirmation step, carrying {@code kept} as hidden fields: the resend step keeps where it was asked from
     * ({@code from}: detail or list) and the list's filters, and its Cancel goes back there.
     */
    static String confirm(String lang, SignedIn signedIn, CredentialDetails.Detail d, CredentialAction action, Map<String, String> values,
                          FormMessage message, Map<String, String> kept) {
        Map<String, String> t = text(lang);
        Map<String, Object> model = base(lang, signedIn, t, facts(t, d));
        model.put("action", action.word());
        model.put("values", values);
        model.put("message", message);
        model.put("postTo", "/app/credentials/" + d.credential().number() + "/" + action.word());
        model.put("hidden", kept);
        Map<String, String> filters = new LinkedHashMap<>(kept);
        filters.remove("from");
        model.put("back", "list".equals(kept.get("from")) ? org.credence.delivery.IssuerCredentialsPage.link(filters, lang)
                : "/app/credentials/" + d.credential().number() + suffix(lang));
        model.put("danger", action == CredentialAction.REVOKE || action == CredentialAction.SUSPEND);
        return Pages.render("app/credential-confirm.jte", model);
    }

    private static Map<String, Object> base(String lang, SignedIn signedIn, Map<String, String> t, Facts facts) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lang", lang);
        model.put("t", t);
        model.put("signedIn", signedIn);
        model.put("bar", AppBar.of(lang, signedIn, "/app/credentials/" + facts.number()));
        model.put("facts", facts);
        model.put("list", "/app/credentials" + suffix(lang));
        return model;
    }

    private static Facts facts(Map<String, String> t, CredentialDetails.Detail d) {
        IssuedCredential c = d.credential();
        return new Facts(c.number(), c.recipientName(), c.recipientEmail(), d.achievement(), MINUTE.format(c.issuedAt()),
                c.expiresAt() == null ? null : DAY.format(c.expiresAt()), d.standing(), t.get("state." + d.standing()), reason(d),
                at(d.claimedAt()), d.renews(), d.renewedBy());
    }

    /**
     * The reason beside the state only while it explains it (suspended, revoked): a reinstatement's reason beside
     * "Active" or "Superseded" read as if it were why (the timeline keeps every reason).
     */
    private static String reason(CredentialDetails.Detail d) {
        return d.standing().equals("suspended") || d.standing().equals("revoked") ? d.credential().stateReason() : null;
    }

    private static Mail mail(Map<String, String> t, CredentialMail m) {
        Instant when = m.sentAt() != null ? m.sentAt() : m.steps().isEmpty() ? m.createdAt() : m.steps().get(m.steps().size() - 1).at();
        return new Mail(t.getOrDefault("mailkind." + m.kind(), m.kind()), m.recipient(), m.status(),
                m.status().equals("queued") && m.lastError() != null ? t.get("mail.retrying") : t.getOrDefault("mail." + m.status(), m.status()),
                m.lastError(), m.attempts(), MINUTE.format(when));
    }

    private static String at(Instant instant) {
        return instant == null ? null : MINUTE.format(instant);
    }

    private static String suffix(String lang) {
        return lang.equals("en") ? "" : "?lang=" + lang;
    }
}
