package org.credence.document;

import java.util.Optional;

/**
 * A tenant's look on certificates, badges and pages.
 *
 * @param pageSize {@code A4} or {@code Letter}
 * @param primaryColour {@code #rrggbb}
 * @param accentColour {@code #rrggbb}
 * @param linkedinOrganizationId the numeric LinkedIn organisation id, for add-to-profile links
 */
public record Branding(String pageSize, String primaryColour, String accentColour, Optional<Image> logo, Optional<Image> signature,
                       Optional<String> linkedinOrganizationId) {
    /** Credence's own look, for a tenant that set nothing. */
    public static final String DEFAULT_PRIMARY = "#1f3a5f";
    public static final String DEFAULT_ACCENT = "#c8a43b";

    /** An uploaded image with its media type ({@code image/png}, {@code image/jpeg}). */
    public record Image(String contentType, byte[] bytes) {}

    public static Branding defaults() {
        return new Branding("A4", DEFAULT_PRIMARY, DEFAULT_ACCENT, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
