package org.credence.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.tenant.Tenants;
import org.jdbi.v3.core.Jdbi;

/**
 * Every mail a recipient gets, rendered for the issuer to look at before sending any: the tenant's real look (logo,
 * colours, a badge of its own, sender name and reply-to) around a sample credential, in English or Norwegian. The words
 * are the very ones the mails use ({@code mail} bundle); the links are samples that open nothing.
 */
public final class MailPreviews {
    /** The mails shown, in the order a recipient meets them. */
    public static final List<String> KINDS = List.of(MailKind.CREDENTIAL_ISSUED.column(), MailKind.CLAIM_LINK.column(),
            MailKind.EXPIRY_REMINDER.column(), MailKind.CREDENTIAL_REVOKED.column(), MailKind.CREDENTIAL_SUSPENDED.column(),
            MailKind.CREDENTIAL_REINSTATED.column(),
            MailKind.SURVEY_INVITATION.column(), MailKind.SURVEY_REMINDER.column(), MailKind.RECIPIENT_SIGN_IN.column());
    private static final String SAMPLE_NUMBER = "CRD-2026-000123";

    /**
     * One rendered mail.
     *
     * @param from     the From header as the recipient sees it
     * @param replyTo  the Reply-To header, when the tenant set one
     * @param html     the HTML part, its images written in as data URIs
     * @param text     the plain-text part, exactly as sent
     */
    public record Preview(String kind, String subject, String from, Optional<String> replyTo, String html, String text) {}

    private final Jdbi jdbi;
    private final Tenants tenants;
    private final URI publicUrl;
    private final String from;
    private final Clock clock;
    private volatile MailBrand brand = MailBrand.PLAIN;

    MailPreviews(Jdbi jdbi, Tenants tenants, URI publicUrl, String from, Clock clock) {
        this.jdbi = jdbi;
        this.tenants = tenants;
        this.publicUrl = publicUrl;
        this.from = from;
        this.clock = clock;
    }

    void brandWith(MailBrand brand) {
        this.brand = brand;
    }

    /** The mail of {@code kind} (one of {@link #KINDS}) as the tenant's recipients would get it in {@code lang}. */
    public Preview preview(long tenantId, String kind, String lang) {
        if (!KINDS.contains(kind)) {
            throw new DomainException.NotFound(ErrorText.of("mail.kind_unknown", "kind", kind, "kinds", String.join(", ", KINDS)));
        }
        String language = "nb".equals(lang) ? "nb" : "en";
        Map<String, String> values = values(tenantId, language);
        String page = publicUrl + "/c/" + SAMPLE_NUMBER + query(language);
        MailContent content = switch (MailKind.of(kind)) {
            case CREDENTIAL_ISSUED, CLAIM_LINK -> MailComposer.content(language, kind, values, MailText.of(language, "hello", values),
                    publicUrl + "/claim/sample" + query(language), List.of(new MailContent.Link(MailText.of(language, "page", values), page),
                            new MailContent.Link(MailText.of(language, "pdf", values), publicUrl + "/c/" + SAMPLE_NUMBER + "/certificate.pdf")));
            case RECIPIENT_SIGN_IN -> MailComposer.content(language, kind, values, MailText.of(language, "hello.anonymous", values),
                    publicUrl + "/me/sign-in/sample" + query(language), List.of());
            case EXPIRY_REMINDER -> MailComposer.content(language, kind, values, MailText.of(language, "hello", values),
                    publicUrl + "/renew/sample" + query(language), List.of());
            case CREDENTIAL_REVOKED, CREDENTIAL_SUSPENDED -> withReason(MailComposer.content(language, kind, values,
                    MailText.of(language, "hello", values), page, List.of()), MailText.of(language, "notice.reason", values));
            case CREDENTIAL_REINSTATED -> MailComposer.content(language, kind, values, MailText.of(language, "hello", values), page, List.of());
            default -> MailComposer.content(language, kind, values, MailText.of(language, "hello", values),
                    publicUrl + "/surveys/sample" + query(language), List.of());
        };
        MailLook look = brand.sample(tenantId);
        return new Preview(kind, content.subject(), sender(look), look.replyTo(), content.html(look.forPreview()), content.text());
    }

    /** The sample's words: the tenant's own name and first achievement, a made-up recipient and dates from today. */
    private Map<String, String> values(long tenantId, String lang) {
        String achievement = jdbi.withHandle(h -> h.createQuery("SELECT name FROM achievement WHERE tenant_id = :tenant ORDER BY id LIMIT 1")
                .bind("tenant", tenantId).mapTo(String.class).findOne()).orElse(MailText.of(lang, "preview.achievement", Map.of()));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, String> values = new HashMap<>();
        values.put("issuer", tenants.byId(tenantId).name());
        values.put("achievement", achievement);
        values.put("name", MailText.of(lang, "preview.name", Map.of()));
        values.put("number", SAMPLE_NUMBER);
        values.put("expires", today.plusDays(30).toString());
        values.put("days", "30");
        values.put("closes", today.plusDays(60).toString());
        values.put("reason", MailText.of(lang, "preview.reason", Map.of()));
        values.put("week", today.getYear() + "-W01");
        return values;
    }

    private static MailContent withReason(MailContent c, String reason) {
        return new MailContent(c.lang(), c.subject(), c.greeting(), c.body() + "\n\n" + reason, c.actionLabel(), c.actionUrl(), c.after(),
                c.links(), c.footer());
    }

    /** The From header: the installation's address under the tenant's sender name, as {@link MailTransport#build} writes it. */
    private String sender(MailLook look) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            if (look.senderName().isPresent()) {
                address.setPersonal(look.senderName().get(), "UTF-8");
            }
            return address.getPersonal() == null ? address.getAddress() : address.getPersonal() + " <" + address.getAddress() + ">";
        } catch (AddressException | java.io.UnsupportedEncodingException e) {
            return from;
        }
    }

    private static String query(String lang) {
        return lang.equals("en") ? "" : "?lang=" + lang;
    }
}
