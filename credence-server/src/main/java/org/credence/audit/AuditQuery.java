package org.credence.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;

/**
 * Which of a tenant's audit entries to show and where the page starts: newest first by id, the page after
 * {@code beforeId} (0: from the newest). Each filter is exact, as the trail writes it, so each reads its index.
 *
 * @param actor   who, e.g. {@code user:12} or {@code api-key:crd_ab12cd34} (null: anyone)
 * @param action  what, e.g. {@code credential.revoke} (null: any)
 * @param subject the object, e.g. {@code credential:…} or {@code achievement:12} (null: any)
 * @param from    at or after (inclusive; null: since the first)
 * @param to      strictly before (null: until now)
 */
public record AuditQuery(String actor, String action, String subject, Instant from, Instant to, long beforeId, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final int MAX_TEXT = 300;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new DomainException.InvalidInput("limit", ErrorText.of("query.limit_range", "limit", limit, "max", MAX_LIMIT));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new DomainException.InvalidInput("to", ErrorText.of("audit.period_order", "to", to, "from", from));
        }
    }

    /**
     * Reads a page's or request's parameters ({@code actor, action, subject, from, to, before}); blank ones are no
     * filter. Dates are whole UTC days: {@code to} includes its day. A bad one is an {@link DomainException.InvalidInput} naming it.
     */
    public static AuditQuery from(Function<String, String> parameter, int limit) {
        LocalDate from = day(parameter.apply("from"), "from");
        LocalDate to = day(parameter.apply("to"), "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw new DomainException.InvalidInput("to", ErrorText.of("audit.days_order", "to", to, "from", from));
        }
        String before = text(parameter.apply("before"), "before");
        long beforeId;
        try {
            beforeId = before == null ? 0 : Long.parseLong(before);
        } catch (NumberFormatException e) {
            throw new DomainException.InvalidInput("before", ErrorText.of("audit.before_invalid", "value", before));
        }
        return new AuditQuery(text(parameter.apply("actor"), "actor"), text(parameter.apply("action"), "action"),
                text(parameter.apply("subject"), "subject"), from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), Math.max(0, beforeId), limit);
    }

    /** The same filters, the page after entry {@code id}. */
    public AuditQuery after(long id) {
        return new AuditQuery(actor, action, subject, from, to, id, limit);
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new DomainException.InvalidInput(field, ErrorText.of("audit.text_too_long", "field", field, "length", value.length(), "max", MAX_TEXT));
        }
        return value.strip();
    }

    private static LocalDate day(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (day.getYear() < 1 || day.getYear() > 9998) {
                throw new DomainException.InvalidInput(field, ErrorText.of("audit.out_of_range", "field", field, "value", value));
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new DomainException.InvalidInput(field, ErrorText.of("audit.not_a_date", "field", field, "value", value));
        }
    }
}
