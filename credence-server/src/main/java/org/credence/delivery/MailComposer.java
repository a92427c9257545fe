package org.credence.delivery;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Renders a due mail at the moment it is sent. A mail with a link gets a fresh single-use token
 * here, so no live link is ever stored in the database.
 */
final class MailComposer {
    private final URI publicUrl;
    private final Tokens tokens;
    /** Set once at start, after the report services exist (they are built after delivery). */
    private volatile ReportMail reports = ReportMail.NONE;
    private volatile MailRenderer surveys;
    private volatile MailRenderer renewals;
    private volatile MailRenderer accounts;

    MailComposer(URI publicUrl, Tokens tokens) {
        this.publicUrl = publicUrl;
        this.tokens = tokens;
    }

    void renderReportsWith(ReportMail reports) {
        this.reports = reports;
    }

    /** A report mail, rendered by the reports module from its reference; empty when it cannot be. */
    Optional<ReportMail.Rendered> report(MailQueue.Due mail) {
        return reports.render(mail.tenantId(), mail.reference(), mail.language());
    }

    void renderSurveysWith(MailRenderer renderer) {
        this.surveys = renderer;
    }

    void renderRenewalsWith(MailRenderer renderer) {
        this.renewals = renderer;
    }

    void renderAccountsWith(MailRenderer renderer) {
        this.accounts = renderer;
    }

    /** The mail, or empty when it must not go out: its credential was revoked (or its survey answered or closed) while it waited. */
    Optional<MailContent> compose(Handle h, MailQueue.Due mail, Instant now) {
        String lang = mail.language();
        String kind = mail.kind().column();
        if (mail.kind().survey()) {
            if (surveys == null) {
                throw new IllegalStateException("no renderer for survey mail");
            }
            return surveys.render(h, mail.tenantId(), mail.id(), kind, lang, now);
        }
        if (mail.kind().renewal()) {
            if (renewals == null) {
                throw new IllegalStateException("no renderer for renewal mail");
            }
            return renewals.render(h, mail.tenantId(), mail.id(), kind, lang, now);
        }
        if (mail.kind().account()) {
            if (accounts == null) {
                throw new IllegalStateException("no renderer for account mail");
            }
            return accounts.render(h, mail.tenantId(), mail.id(), kind, lang, now);
        }
        if (mail.kind() == MailKind.RECIPIENT_SIGN_IN) {
            Map<String, String> values = Map.of("issuer", h.createQuery("SELECT name FROM tenant WHERE id = :tenant")
                    .bind("tenant", mail.tenantId()).mapTo(String.class).one());
            String token = RecipientAccess.mintLink(h, tokens, mail.tenantId(), mail.recipient(), now);
            return Optional.of(content(lang, kind, values, MailText.of(lang, "hello.anonymous", values),
                    publicUrl + "/me/sign-in/" + token + query(lang), List.of()));
        }
        CredentialCard card = CredentialCard.of(h, mail.tenantId(), mail.credentialId());
        if (card.state().equals("revoked")) {
            return Optional.empty();
        }
        return Optional.of(credentialMail(mail, card, ClaimTokens.mint(h, tokens, mail.tenantId(), mail.credentialId(), now)));
    }

    /**
     * {@link #compose} for a batch, by mail id: the mails about a credential (its card read and its claim link minted for all
     * of them in three statements), the others one by one.
     */
    java.util.Map<Long, Optional<MailContent>> composeAll(Handle h, List<MailQueue.Due> due, Instant now) {
        java.util.Map<Long, Optional<MailContent>> composed = new java.util.HashMap<>();
        java.util.Set<java.util.UUID> seen = new java.util.HashSet<>();
        List<MailQueue.Due> aboutCredentials = new java.util.ArrayList<>();
        for (MailQueue.Due mail : due) {
            boolean credentialMail = mail.kind() == MailKind.CREDENTIAL_ISSUED || mail.kind() == MailKind.CLAIM_LINK;
            // a credential twice in a batch: its second link must supersede the first, as one by one
            if (credentialMail && mail.credentialId() != null && seen.add(mail.credentialId())) {
                aboutCredentials.add(mail);
            } else if (mail.kind() != MailKind.WEEKLY_REPORT) {
                composed.put(mail.id(), compose(h, mail, now));
            }
        }
        if (aboutCredentials.isEmpty()) {
            return composed;
        }
        java.util.Map<java.util.UUID, CredentialCard> cards = CredentialCard.of(h, aboutCredentials.stream().map(MailQueue.Due::tenantId).toList(),
                aboutCredentials.stream().map(MailQueue.Due::credentialId).toList());
        List<MailQueue.Due> sending = new java.util.ArrayList<>();
        for (MailQueue.Due mail : aboutCredentials) {
            CredentialCard card = cards.get(mail.credentialId());
            if (card == null) {
                composed.put(mail.id(), compose(h, mail, now)); // as alone: a credential that is gone fails its mail
            } else if (card.state().equals("revoked")) {
                composed.put(mail.id(), Optional.empty());
            } else {
                sending.add(mail);
            }
        }
        List<String> minted = ClaimTokens.mintAll(h, tokens, sending.stream().map(MailQueue.Due::tenantId).toList(),
                sending.stream().map(MailQueue.Due::credentialId).toList(), now);
        for (int i = 0; i < sending.size(); i++) {
            MailQueue.Due mail = sending.get(i);
            composed.put(mail.id(), Optional.of(credentialMail(mail, cards.get(mail.credentialId()), minted.get(i))));
        }
        return composed;
    }

    /** The mail about a credential, with its claim link. */
    private MailContent credentialMail(MailQueue.Due mail, CredentialCard card, String token) {
        String lang = mail.language();
        // a renewal's first mail must not read like a first award
        String kind = mail.kind() == MailKind.CREDENTIAL_ISSUED && card.renewal() ? "credential_renewed" : mail.kind().column();
        Map<String, String> values = Map.of("name", card.recipientName(), "number", card.number(), "achievement", card.achievement(),
                "issuer", card.issuer());
        String page = publicUrl + "/c/" + values.get("number");
        // the recipient's own page needs the issuer's short name, which nothing else tells them
        List<MailContent.Link> links = List.of(new MailContent.Link(MailText.of(lang, "page", values), page),
                new MailContent.Link(MailText.of(lang, "pdf", values), page + "/certificate.pdf"),
                new MailContent.Link(MailText.of(lang, "me", values), publicUrl + "/me?" + (lang.equals("en") ? "" : "lang=" + lang + "&")
                        + "tenant=" + card.issuerSlug()));
        return content(lang, kind, values, MailText.of(lang, "hello", values), publicUrl + "/claim/" + token + query(lang), links);
    }

    /** A mail of {@code kind} from its texts in the {@code mail} bundle. */
    static MailContent content(String lang, String kind, Map<String, String> values, String greeting, String action, List<MailContent.Link> links) {
        return new MailContent(lang, MailText.of(lang, kind + ".subject", values), greeting, MailText.of(lang, kind + ".body", values),
                MailText.of(lang, kind + ".action", values), action, MailText.of(lang, kind + ".after", values), links,
                MailText.of(lang, "footer", values));
    }

    /** Links open the page in the mail's language. */
    private static String query(String lang) {
        return lang.equals("en") ? "" : "?lang=" + lang;
    }
}
