package org.credence.integration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks one cell of an outcome import (or of a bulk issuance file) and turns it into the text PostgreSQL casts to the column's
 * type, or says in a sentence what is wrong with it. Pure: no database, no HTTP.
 */
public final class ValueParser {
    /** A value that could not be read; the message says what to write instead. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d{1,2}");
    private static final BigDecimal LIMIT = new BigDecimal("1e16");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final int MAX_TEXT = 500;

    private ValueParser() {}

    /**
     * The cell as SQL text for {@code type}.
     *
     * @param achievements the tenant's achievements by id (as text) and by slug, for {@link Column.Type#ACHIEVEMENT}
     */
    static String parse(Column.Type type, String value, Map<String, Long> achievements) throws Invalid {
        return switch (type) {
            case ID, EXTERNAL_ID -> id(value);
            case EMAIL -> email(value);
            case TEXT -> text(value);
            case TIMESTAMP -> instant(value).toString();
            case DATE -> date(value).toString();
            case AMOUNT -> amount(value, false).toPlainString();
            case SIGNED_AMOUNT -> amount(value, true).toPlainString();
            case CURRENCY -> currency(value);
            case PROGRESS -> progress(value).toPlainString();
            case QUANTITY -> String.valueOf(quantity(value));
            case OUTCOME -> outcome(value);
            case REVENUE_KIND -> revenueKind(value);
            case ACHIEVEMENT -> String.valueOf(achievement(value, achievements));
        };
    }

    static String id(String value) throws Invalid {
        if (value.length() > 200) {
            throw new Invalid("an id is at most 200 characters (this one has " + value.length() + ")");
        }
        return value;
    }

    /** The address as given (trimmed); the caller hashes it and drops it. */
    public static String email(String value) throws Invalid {
        int at = value.indexOf('@');
        if (at < 1 || at != value.lastIndexOf('@') || at == value.length() - 1 || value.length() > 320 || value.chars().anyMatch(Character::isWhitespace)) {
            throw new Invalid("not an e-mail address: write it as name@example.org");
        }
        return value;
    }

    static String text(String value) throws Invalid {
        if (value.length() > MAX_TEXT) {
            throw new Invalid("at most " + MAX_TEXT + " characters (this value has " + value.length() + ")");
        }
        return value;
    }

    /** An ISO-8601 date (its start in UTC), date-time with an offset, or local date-time (read as UTC). */
    public static Instant instant(String value) throws Invalid {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            String text = value.replace(' ', 'T');
            if (hasOffset(text)) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Invalid("not an ISO-8601 date or date-time: write 2026-03-31 or 2026-03-31T14:05:00Z");
        }
    }

    /** An ISO-8601 date; of a date-time, its date where it was written. */
    static LocalDate date(String value) throws Invalid {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value);
            }
            String text = value.replace(' ', 'T');
            return hasOffset(text) ? OffsetDateTime.parse(text).toLocalDate() : LocalDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new Invalid("not an ISO-8601 date: write 2026-03-31");
        }
    }

    private static boolean hasOffset(String text) {
        int t = text.indexOf('T');
        return t > 0 && (text.endsWith("Z") || text.endsWith("z") || text.indexOf('+', t) > 0 || text.indexOf('-', t) > 0);
    }

    /** A decimal with a point, or a comma followed by one or two digits (1234,50); rounded to cents. */
    static BigDecimal amount(String value, boolean signed) throws Invalid {
        String text = value;
        if (DECIMAL_COMMA.matcher(text).matches()) {
            text = text.replace(',', '.');
        } else if (!DECIMAL.matcher(text).matches()) {
            throw new Invalid("not an amount: write digits with a decimal point and no thousands separators or currency sign, e.g. 1234.50");
        }
        BigDecimal amount = new BigDecimal(text).setScale(2, RoundingMode.HALF_EVEN);
        if (amount.abs().compareTo(LIMIT) >= 0) {
            throw new Invalid("amount too large (at most 16 digits before the decimal point)");
        }
        if (!signed && amount.signum() < 0) {
            throw new Invalid("amount must not be negative");
        }
        return amount;
    }

    static String currency(String value) throws Invalid {
        String code = value.toUpperCase(Locale.ROOT);
        try {
            if (code.length() == 3) {
                return Currency.getInstance(code).getCurrencyCode();
            }
        } catch (IllegalArgumentException unknown) {
            // falls through to the message below
        }
        throw new Invalid("not an ISO 4217 currency code: write three letters such as EUR, NOK or USD");
    }

    /** 0–100, a trailing % allowed. */
    static BigDecimal progress(String value) throws Invalid {
        String text = value.endsWith("%") ? value.substring(0, value.length() - 1).strip() : value;
        BigDecimal progress;
        try {
            progress = amount(text, false);
        } catch (Invalid e) {
            throw new Invalid("progress is a percentage from 0 to 100, e.g. 85 or 85%");
        }
        if (progress.compareTo(HUNDRED) > 0) {
            throw new Invalid("progress is a percentage from 0 to 100, e.g. 85 or 85%");
        }
        return progress;
    }

    static int quantity(String value) throws Invalid {
        try {
            int quantity = Integer.parseInt(value);
            if (quantity >= 1) {
                return quantity;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Invalid("quantity is a whole number of at least 1");
    }

    /** open, won or lost; CRM spellings such as "Closed Won" are read too. */
    static String outcome(String value) throws Invalid {
        String key = HeaderMatcher.key(value);
        return switch (key) {
            case "open" -> "open";
            case "won", "closedwon", "win" -> "won";
            case "lost", "closedlost", "loss" -> "lost";
            default -> throw new Invalid("outcome must be open, won or lost");
        };
    }

    static String revenueKind(String value) throws Invalid {
        String key = HeaderMatcher.key(value);
        return switch (key) {
            case "examfee", "exam" -> "exam_fee";
            case "renewal" -> "renewal";
            case "bundle" -> "bundle";
            case "other" -> "other";
            default -> throw new Invalid("kind must be exam_fee, renewal, bundle or other");
        };
    }

    /** The id of the tenant's achievement named by id or slug (the map's keys, lower case). */
    public static long achievement(String value, Map<String, Long> achievements) throws Invalid {
        Long id = achievements.get(value.toLowerCase(Locale.ROOT));
        if (id == null) {
            throw new Invalid("no achievement with id or slug '" + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "' at this tenant");
        }
        return id;
    }
}
