package org.credence.standards.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Reads the credential members that Open Badges 3.0 §8.2 mirrors into JWT claims, and converts
 * between their date-times and JWT NumericDates (whole seconds since the epoch).
 */
final class CredentialFields {
    private static final BigDecimal EARLIEST = BigDecimal.valueOf(Instant.MIN.getEpochSecond());
    private static final BigDecimal LATEST = BigDecimal.valueOf(Instant.MAX.getEpochSecond());

    private CredentialFields() {}

    /** {@code id}, mirrored in {@code jti}. */
    static Optional<String> id(JsonNode vc) {
        return text(vc.get("id"));
    }

    /** {@code issuer} when it is a string, else {@code issuer.id}; mirrored in {@code iss}. */
    static Optional<String> issuerId(JsonNode vc) {
        JsonNode issuer = vc.get("issuer");
        if (issuer != null && issuer.isTextual()) {
            return Optional.of(issuer.asText());
        }
        return issuer != null && issuer.isObject() ? text(issuer.get("id")) : Optional.empty();
    }

    /** {@code credentialSubject.id} of the one subject; mirrored in {@code sub}. */
    static Optional<String> subjectId(JsonNode vc) {
        JsonNode subject = vc.get("credentialSubject");
        if (subject != null && subject.isArray() && subject.size() == 1) {
            subject = subject.get(0);
        }
        return subject != null && subject.isObject() ? text(subject.get("id")) : Optional.empty();
    }

    /**
     * A date-time member ({@code validFrom}, {@code validUntil}).
     *
     * @throws IllegalArgumentException if present but not a date-time with a time zone
     */
    static Optional<Instant> dateTime(JsonNode vc, String member) {
        JsonNode value = vc.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(member + " is not a string");
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(member + " '" + value.asText() + "' is not a date-time with a time zone");
        }
    }

    /**
     * A NumericDate claim, floored to whole seconds (RFC 7519 allows fractions).
     *
     * @throws IllegalArgumentException if present but not a number in the range of {@link Instant}
     */
    static Optional<Instant> numericDate(JsonNode claims, String claim) {
        JsonNode value = claims.get(claim);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(claim + " is not a NumericDate (a number of seconds), it is " + value.getNodeType());
        }
        BigDecimal seconds = value.decimalValue();
        // range first: flooring something like 1E+999999999 would build a huge number
        if (seconds.compareTo(EARLIEST) < 0 || seconds.compareTo(LATEST) > 0) {
            throw new IllegalArgumentException(claim + " " + value.asText() + " is out of range for a date");
        }
        return Optional.of(Instant.ofEpochSecond(seconds.setScale(0, RoundingMode.FLOOR).longValueExact()));
    }

    /** The NumericDate for a date-time: whole seconds, fractions dropped. */
    static long numericDate(Instant instant) {
        return instant.getEpochSecond();
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
