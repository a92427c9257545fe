package org.credence.document;

import java.util.Optional;

/**
 * A tenant's look on certificates, badges and pages.
 *
 * @param pageSize {@code A4} or {@code Letter}
 * @param primaryColour {@code #rrggbb}
 * @param accentColour {@code #rrggbb}
 * @param linkedinOrganizationId the numeric LinkedIn organisation id, for add-to-profile links
 * @param mailSenderName the name recipients see as the sender of the tenant's mail (empty: the tenant's name)
 * @param mailReplyTo the address replies to the tenant's mail go to (empty: none, replies go to the sending address)
 */
public record Branding(String pageSize, String primaryColour, String accentColour, Optional<Image> logo, Optional<Image> signature,
                       Optional<String> linkedinOrganizationId, Optional<String> mailSenderName, Optional<String> mailReplyTo) {
    /** Credence's own look, for a tenant that set nothing. */
    public static final String DEFAULT_PRIMARY = "#1f3a5f";
    public static final String DEFAULT_ACCENT = "#c8a43b";

    /** An uploaded image with its media type ({@code image/png}, {@code image/jpeg}). */
    public record Image(String contentType, byte[] bytes) {}

    /** A look without mail settings (certificates and badges need none). */
    public Branding(String pageSize, String primaryColour, String accentColour, Optional<Image> logo, Optional<Image> signature,
                    Optional<String> linkedinOrganizationId) {
        this(pageSize, primaryColour, accentColour, logo, signature, linkedinOrganizationId, Optional.empty(), Optional.empty());
    }

    public static Branding defaults() {
        return new Branding("A4", DEFAULT_PRIMARY, DEFAULT_ACCENT, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
