package org.credence.achievement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.credence.i18n.Messages;

/**
 * A credential template of a tenant.
 *
 * @param alignments the skills it certifies, each aligned to a framework's entry
 * @param tags free labels such as {@code role:analyst}
 * @param validityDays days a credential stays valid after issue; empty for no expiry
 * @param passMark the lowest score (0–100) with which a reported completion earns the credential; empty: only 100 % progress does
 * @param programUrl the program's page (the criteria's {@code id} in the credential)
 * @param image the badge image's public URL named in the credential
 * @param design the certificate design its PDFs are drawn with: a built-in name or one of the tenant's own
 * @param hours the course's length in hours (a decimal, over 0, at most 10,000), for the certificate's {@code {hours}}
 *              placeholder; not in the signed credential (Open Badges 3.0 has no such field)
 * @param archived when and by whom it was archived (no longer offered for issuing); empty while it is offered
 */
public record Achievement(long id, long tenantId, String kind, String name, String description, String criteria, List<Alignment> alignments,
                          List<String> tags, OptionalInt validityDays, Optional<BigDecimal> passMark, Optional<String> programUrl,
                          Optional<String> image, String design, Optional<BigDecimal> hours,
                          Optional<Archived> archived) {
    public Achievement {
        alignments = List.copyOf(alignments);
        tags = List.copyOf(tags);
    }

    /**
     * A skill the achievement certifies, aligned to an entry of a framework (ESCO, O*NET …).
     *
     * @param targetFramework the framework's name; null when not given
     */
    public record Alignment(String targetName, String targetUrl, String targetFramework) {}

    /**
     * An archived achievement's retirement: credentials already issued from it stay valid; no new ones are issued.
     *
     * @param by the audit trail's name of who archived it
     */
    public record Archived(Instant at, String by) {}

    /** Whether it is archived: no longer offered for issuing, renewal or completions. */
    public boolean isArchived() {
        return archived.isPresent();
    }

    /** OB 3.0 achievementType for each kind. */
    public String achievementType() {
        return switch (kind) {
            case "certificate" -> "Certificate";
            case "certification" -> "Certification";
            case "badge" -> "Badge";
            case "diploma" -> "Diploma";
            default -> throw new IllegalStateException("unknown kind " + kind);
        };
    }

    /** The kind as a reader sees it on a certificate or badge, in {@code en} or {@code nb}: "Certification", "Kursbevis" … */
    public static String kindName(String kind, String language) {
        Map<String, String> names = Messages.of("achievement", "nb".equals(language) ? "nb" : "en").table();
        return names.getOrDefault("kind." + kind, kind);
    }
}
