package org.credence.document;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.tenant.Caller;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Changes a tenant's branding: validated settings, and logo and signature images checked and
 * re-encoded by {@link UploadedImages}. Every change lands in the audit trail, and the tenant's
 * stored badge and share images are forgotten so they are drawn again in the new look.
 */
public final class BrandingUpdates {
    public static final Set<String> FIELDS = Set.of("pageSize", "primaryColour", "accentColour", "linkedinOrganizationId", "mailSenderName",
            "mailReplyTo");
    /** The languages a tenant's mails, certificates and badges speak. */
    public static final Set<String> LANGUAGES = Set.of("en", "nb");
    /** Documents drawn from the branding: badges, share images and certificates (whose logo, colours and page size change). */
    static final String DRAWN_FROM_BRANDING = "kind IN ('badge.png', 'badge.svg', 'share.png', 'certificate.pdf', 'certificate.png')";

    private final Jdbi jdbi;
    private final Brandings brandings;
    private final AuditTrail audit;

    public BrandingUpdates(Jdbi jdbi, Brandings brandings, AuditTrail audit) {
        this.jdbi = jdbi;
        this.brandings = brandings;
        this.audit = audit;
    }

    /** An uploaded image slot. The column names are these constants, never request text. */
    public enum Slot {
        LOGO("logo"), SIGNATURE("signature");

        final String column;

        Slot(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }

    /**
     * The settings a person or script sets, as typed; a null member returns to its default.
     *
     * @param pageSize {@code A4} or {@code Letter}
     * @param primaryColour {@code #rrggbb}
     * @param accentColour {@code #rrggbb}
     * @param linkedinOrganizationId the digits of the LinkedIn organisation id
     * @param mailSenderName the name mails are sent under (the address stays the installation's)
     * @param mailReplyTo the address replies to mails go to
     */
    public record Settings(String pageSize, String primaryColour, String accentColour, String linkedinOrganizationId, String mailSenderName,
                           String mailReplyTo) {
        /** The settings of {@code branding}, to change one member and keep the rest. */
        public static Settings of(Branding branding) {
            return new Settings(branding.pageSize(), branding.primaryColour(), branding.accentColour(),
                    branding.linkedinOrganizationId().orElse(null), branding.mailSenderName().orElse(null), branding.mailReplyTo().orElse(null));
        }
    }

    /** Replaces the settings (page size, colours, LinkedIn organisation, mail sender and reply-to); absent fields return to their defaults. */
    public Branding replaceSettings(Caller caller, Settings settings) {
        String pageSize = Optional.ofNullable(settings.pageSize()).orElse("A4");
        if (!pageSize.equals("A4") && !pageSize.equals("Letter")) {
            throw new DomainException.InvalidInput("pageSize", ErrorText.of("branding.page_size_invalid"));
        }
        String primary = colour(settings.primaryColour(), "primaryColour");
        String accent = colour(settings.accentColour(), "accentColour");
        String linkedin = linkedinOrganizationId(settings.linkedinOrganizationId());
        String senderName = MailSender.name(settings.mailSenderName());
        String replyTo = MailSender.replyTo(settings.mailReplyTo());
        return change(caller, "branding.update", h -> h.createUpdate("""
                        INSERT INTO tenant_branding (tenant_id, page_size, primary_colour, accent_colour, linkedin_organization_id,
                                                     mail_sender_name, mail_reply_to)
                        VALUES (:tenant, :pageSize, :primary, :accent, :linkedin, :senderName, :replyTo)
                        ON CONFLICT (tenant_id) DO UPDATE
                           SET page_size = EXCLUDED.page_size
                             , primary_colour = EXCLUDED.primary_colour
                             , accent_colour = EXCLUDED.accent_colour
                             , linkedin_organization_id = EXCLUDED.linkedin_organization_id
                             , mail_sender_name = EXCLUDED.mail_sender_name
                             , mail_reply_to = EXCLUDED.mail_reply_to
                             , updated_at = now()
                        """)
                .bind("tenant", caller.tenantId()).bind("pageSize", pageSize).bind("primary", primary).bind("accent", accent)
                .bind("linkedin", linkedin).bind("senderName", senderName).bind("replyTo", replyTo).execute());
    }

    /** The language ({@code en} or {@code nb}) the tenant's mails, certificates and badges speak. */
    public String language(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT locale FROM tenant WHERE id = :tenant").bind("tenant", tenantId).mapTo(String.class).one());
    }

    /** Sets the language of the tenant's mails, certificates and badges; audited like the other branding changes. */
    public void setLanguage(Caller caller, String language) {
        if (language == null || !LANGUAGES.contains(language)) {
            throw new DomainException.InvalidInput("language", ErrorText.of("branding.language_invalid"));
        }
        jdbi.useTransaction(h -> {
            String before = h.createQuery("SELECT locale FROM tenant WHERE id = :tenant FOR UPDATE").bind("tenant", caller.tenantId())
                    .mapTo(String.class).one();
            h.createUpdate("UPDATE tenant SET locale = :locale WHERE id = :tenant").bind("locale", language).bind("tenant", caller.tenantId()).execute();
            // badges and certificates carry words in the tenant's language: drawn again
            StoredDocuments.forgetting(h, caller.tenantId());
            h.createUpdate("DELETE FROM credential_document WHERE tenant_id = :tenant AND " + DRAWN_FROM_BRANDING)
                    .bind("tenant", caller.tenantId()).execute();
            audit.record(h, caller.tenantId(), caller.actor(), "branding.language.set", "branding", BrandingJson.language(before),
                    BrandingJson.language(language));
        });
    }

    /** Stores a checked PNG/JPEG upload, re-encoded as PNG, in the slot. */
    public Branding putImage(Caller caller, Slot slot, String contentType, byte[] body) {
        if (UploadedImages.mediaType(contentType).equals("image/svg+xml")) {
            // certificates are PDFs drawn from raster images; an SVG logo would need a rasteriser we do not ship
            throw new DomainException.UnsupportedType(ErrorText.of("branding.image_type", "slot", slot.column));
        }
        UploadedImages.CleanPng png = UploadedImages.raster(contentType, body);
        return change(caller, "branding." + slot.column + ".set", h -> h.createUpdate("""
                        INSERT INTO tenant_branding (tenant_id, %1$s, %1$s_type)
                        VALUES (:tenant, :bytes, 'image/png')
                        ON CONFLICT (tenant_id) DO UPDATE
                           SET %1$s = EXCLUDED.%1$s
                             , %1$s_type = EXCLUDED.%1$s_type
                             , updated_at = now()
                        """.formatted(slot.column))
                .bind("tenant", caller.tenantId()).bind("bytes", png.bytes()).execute());
    }

    /** Removes the slot's image; removing one that is not there is not an error. */
    public Branding deleteImage(Caller caller, Slot slot) {
        return change(caller, "branding." + slot.column + ".delete", h -> h.createUpdate("""
                        UPDATE tenant_branding
                           SET %1$s = NULL
                             , %1$s_type = NULL
                             , updated_at = now()
                         WHERE tenant_id = :tenant
                        """.formatted(slot.column))
                .bind("tenant", caller.tenantId()).execute());
    }

    private Branding change(Caller caller, String action, java.util.function.Consumer<Handle> write) {
        jdbi.useTransaction(h -> {
            Branding before = brandings.find(h, caller.tenantId());
            write.accept(h);
            StoredDocuments.forgetting(h, caller.tenantId());
            h.createUpdate("DELETE FROM credential_document WHERE tenant_id = :tenant AND " + DRAWN_FROM_BRANDING)
                    .bind("tenant", caller.tenantId()).execute();
            Branding after = brandings.find(h, caller.tenantId());
            audit.record(h, caller.tenantId(), caller.actor(), action, "branding", BrandingJson.of(before), BrandingJson.of(after));
        });
        return brandings.find(caller.tenantId());
    }

    private static String colour(String value, String field) {
        if (value == null) {
            return null;
        }
        if (!value.matches("#[0-9a-fA-F]{6}")) {
            throw new DomainException.InvalidInput(field, ErrorText.of("branding.colour_invalid", "field", field));
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static String linkedinOrganizationId(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (!text.matches("[0-9]{1,20}")) {
            throw new DomainException.InvalidInput("linkedinOrganizationId",
                    ErrorText.of("branding.linkedin_invalid"));
        }
        return text;
    }
}
