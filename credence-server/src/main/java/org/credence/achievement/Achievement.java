package org.credence.achievement;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.credence.i18n.Messages;

/**
 * A credential template of a tenant.
 *
 * @param details skills/alignments, tags, validityDays, programUrl, image, passMark — kept as JSON
 * @param design the certificate design its PDFs are drawn with: a built-in name or one of the tenant's own
 */
public record Achievement(long id, long tenantId, String kind, String name, String description, String criteria, ObjectNode details,
                          String design) {
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

    /** Days a credential stays valid after issue; empty for no expiry. */
    public java.util.OptionalInt validityDays() {
        return details.hasNonNull("validityDays") ? java.util.OptionalInt.of(details.get("validityDays").asInt()) : java.util.OptionalInt.empty();
    }

    /** The lowest score (0–100) with which a reported completion earns the credential; empty: only 100 % progress does. */
    public java.util.Optional<java.math.BigDecimal> passMark() {
        return details.hasNonNull("passMark") ? java.util.Optional.of(details.get("passMark").decimalValue()) : java.util.Optional.empty();
    }
}
