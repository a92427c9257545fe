package org.credence.document;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Reads a tenant's branding (table {@code tenant_branding}); a tenant that set nothing gets the defaults. */
public final class Brandings {
    private final Jdbi jdbi;

    public Brandings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Branding find(long tenantId) {
        return jdbi.withHandle(h -> find(h, tenantId));
    }

    /** The branding as seen inside the caller's transaction. */
    public Branding find(org.jdbi.v3.core.Handle h, long tenantId) {
        return h.createQuery("""
                        SELECT page_size, primary_colour, accent_colour, logo, logo_type, signature, signature_type, linkedin_organization_id,
                               mail_sender_name, mail_reply_to
                        FROM tenant_branding WHERE tenant_id = :tenant""")
                .bind("tenant", tenantId)
                .map((rs, ctx) -> new Branding(rs.getString("page_size"),
                        orDefault(rs.getString("primary_colour"), Branding.DEFAULT_PRIMARY),
                        orDefault(rs.getString("accent_colour"), Branding.DEFAULT_ACCENT),
                        image(rs.getString("logo_type"), rs.getBytes("logo")),
                        image(rs.getString("signature_type"), rs.getBytes("signature")),
                        Optional.ofNullable(rs.getString("linkedin_organization_id")),
                        Optional.ofNullable(rs.getString("mail_sender_name")), Optional.ofNullable(rs.getString("mail_reply_to"))))
                .findOne()
                .orElseGet(Branding::defaults);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static Optional<Branding.Image> image(String type, byte[] bytes) {
        return bytes == null || type == null ? Optional.empty() : Optional.of(new Branding.Image(type, bytes));
    }
}
