package org.credence.analytics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.function.Function;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;

/**
 * What a dashboard figure is about: credentials issued from {@code from} to {@code to} (UTC days,
 * both included) and, optionally, one achievement. Event series (trends, verifications,
 * geography) use the same days as event days.
 */
public record AnalyticsFilter(LocalDate from, LocalDate to, OptionalLong achievementId) {
    /** The longest range a request may ask for: ten years of days is still a few thousand rollup rows. */
    static final int MAX_DAYS = 3700;

    public AnalyticsFilter {
        if (from.isAfter(to)) {
            throw new DomainException.InvalidInput("from", ErrorText.of("query.range_order", "from", from, "to", to));
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new DomainException.InvalidInput("from", ErrorText.of("query.range_too_long", "max", MAX_DAYS));
        }
    }

    /** {@code ?from=&to=&achievementId=} as {@code query} gives them by name; without dates, the twelve months up to {@code today}. */
    public static AnalyticsFilter of(Function<String, String> query, LocalDate today) {
        LocalDate to = date(query, "to", today);
        LocalDate from = date(query, "from", to.minusMonths(12).plusDays(1));
        return new AnalyticsFilter(from, to, QueryParams.optionalId(query, "achievementId"));
    }

    private static LocalDate date(Function<String, String> query, String name, LocalDate otherwise) {
        String text = query.apply(name);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException.InvalidInput(name, ErrorText.of("query.date_invalid", "name", name, "value", text));
        }
    }

    /** The achievement as a bind value: null for every achievement. */
    Long achievement() {
        return achievementId.isPresent() ? achievementId.getAsLong() : null;
    }
}
