package org.credence.document;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.achievement.Achievement;

/** Fills a design's text templates from one certificate, with dates and kinds in its language. */
final class CertificateFields {
    private static final Pattern FIELD = Pattern.compile("\\{([^{}]*)}");
    private static final Map<String, DateTimeFormatter> DATES = Map.of(
            "en", DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC),
            "nb", DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("nb-NO")).withZone(ZoneOffset.UTC));
    private final CertificateRenderer.Certificate certificate;

    CertificateFields(CertificateRenderer.Certificate certificate) {
        this.certificate = certificate;
    }

    /** The template filled in; empty when it names a field this certificate lacks (such as no expiry). */
    String fill(String template, String language) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = value(m.group(1), language);
            if (value.isEmpty()) {
                return "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether this certificate has a value for the field ({@code expiresOn}, {@code grade}, {@code hours} and the description may be missing). */
    boolean has(String field) {
        return !value(field, "en").isEmpty();
    }

    private String value(String field, String language) {
        return switch (field) {
            case "recipient.name" -> certificate.recipientName();
            case "achievement.name" -> certificate.achievementName();
            case "achievement.kind" -> Achievement.kindName(certificate.achievementKind(), language);
            case "issuer.name" -> certificate.issuerName();
            case "issuedOn" -> date(certificate.issuedAt(), language);
            case "expiresOn" -> certificate.expiresAt().map(at -> date(at, language)).orElse("");
            case "number" -> certificate.number();
            case "verifyUrl" -> certificate.verifyUrl();
            case "achievement.description" -> certificate.achievementDescription();
            case "grade" -> certificate.grade();
            case "hours" -> certificate.hours() == null ? "" : hours(certificate.hours(), language);
            default -> throw new IllegalArgumentException("unknown field {" + field + "}");
        };
    }

    /** The course's hours as the reader writes numbers: 7.5 in English, 7,5 in Norwegian; no grouping (10000). */
    static String hours(BigDecimal hours, String language) {
        NumberFormat format = NumberFormat.getNumberInstance("nb".equals(language) ? Locale.forLanguageTag("nb-NO") : Locale.ENGLISH);
        format.setGroupingUsed(false);
        format.setMaximumFractionDigits(2);
        return format.format(hours);
    }

    static String date(Instant at, String language) {
        return DATES.get(language).format(at);
    }
}
