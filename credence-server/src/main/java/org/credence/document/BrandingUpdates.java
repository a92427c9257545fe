package org.credence.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.json.JsonFields;
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

    /** Replaces the settings (page size, colours, LinkedIn organisation, mail sender and reply-to); absent fields return to their defaults. */
    public Branding replaceSettings(Caller caller, ObjectNode body) {
        String pageSize = Optional.ofNullable(JsonFields.optionalText(body, "pageSize", 10)).orElse("A4");
        if (!pageSize.equals("A4") && !pageSize.equals("Letter")) {
            throw new DomainException.InvalidInput("pageSize", "pageSize must be A4 or Letter");
        }
        String primary = colour(body, "primaryColour");
        String accent = colour(body, "accentColour");
        String linkedin = linkedinOrganizationId(body.get("linkedinOrganizationId"));
        String senderName = MailSender.name(JsonFields.optionalText(body, "mailSenderName", 1000));
        String replyTo = MailSender.replyTo(JsonFields.optionalText(body, "mailReplyTo", 1000));
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

    /** Stores a checked PNG/JPEG upload, re-encoded as PNG, in the slot. */
    public Branding putImage(Caller caller, Slot slot, String contentType, byte[] body) {
        if (UploadedImages.mediaType(contentType).equals("image/svg+xml")) {
            // certificates are PDFs drawn from raster images; an SVG logo would need a rasteriser we do not ship
            throw new DomainException.UnsupportedType("send the " + slot.column + " as image/png or image/jpeg; SVG is accepted for badge images only");
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
            audit.record(h, caller.tenantId(), caller.actor(), action, "branding", json(before), json(after));
        });
        return brandings.find(caller.tenantId());
    }

    /** The branding as the API shows it: settings, and for each image whether it is set and its SHA-256. */
    public static ObjectNode json(Branding b) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("pageSize", b.pageSize());
        node.put("primaryColour", b.primaryColour());
        node.put("accentColour", b.accentColour());
        node.put("linkedinOrganizationId", b.linkedinOrganizationId().orElse(null));
        node.put("mailSenderName", b.mailSenderName().orElse(null));
        node.put("mailReplyTo", b.mailReplyTo().orElse(null));
        node.set("logo", image(b.logo()));
        node.set("signature", image(b.signature()));
        return node;
    }

    private static JsonNode image(Optional<Branding.Image> image) {
        if (image.isEmpty()) {
            return JsonFields.MAPPER.nullNode();
        }
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("contentType", image.get().contentType());
        node.put("bytes", image.get().bytes().length);
        node.put("sha256", StoredDocuments.sha256(image.get().bytes()));
        return node;
    }

    private static String colour(ObjectNode body, String field) {
        String value = JsonFields.optionalText(body, field, 20);
        if (value == null) {
            return null;
        }
        if (!value.matches("#[0-9a-fA-F]{6}")) {
            throw new DomainException.InvalidInput(field, field + " must be a colour as #rrggbb, like #1f3a5f");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static String linkedinOrganizationId(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isIntegralNumber() ? value.asText() : value.isTextual() ? value.asText().strip() : "";
        if (!text.matches("[0-9]{1,20}")) {
            throw new DomainException.InvalidInput("linkedinOrganizationId",
                    "linkedinOrganizationId must be the numeric id of the LinkedIn organisation page (digits only, as in linkedin.com/company/12345)");
        }
        return text;
    }
}
