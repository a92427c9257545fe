package org.credence.analytics;

import java.math.BigDecimal;
import java.util.OptionalLong;
import java.util.function.Function;
import org.credence.domain.DomainException;

/** Query parameters read strictly, with errors that name the parameter; {@code query} gives a parameter's value by name (null if absent). */
final class QueryParams {
    private QueryParams() {}

    static String required(Function<String, String> query, String name) {
        String value = query.apply(name);
        if (value == null || value.isBlank()) {
            throw new DomainException.InvalidInput(name, "query parameter " + name + " is required");
        }
        return value.strip();
    }

    static BigDecimal decimal(Function<String, String> query, String name) {
        String text = required(query, name);
        try {
            if (text.length() > 30) {
                throw new NumberFormatException();
            }
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new DomainException.InvalidInput(name, name + " must be a decimal number like 0.3, not '" + text + "'");
        }
    }

    static BigDecimal nonNegative(Function<String, String> query, String name) {
        BigDecimal value = decimal(query, name);
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
            throw new DomainException.InvalidInput(name, name + " must be between 0 and 1,000,000,000");
        }
        return value;
    }

    static BigDecimal proportion(Function<String, String> query, String name) {
        BigDecimal value = decimal(query, name);
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new DomainException.InvalidInput(name, name + " is a proportion between 0 and 1 (0.3 for 30 %), not " + value.toPlainString());
        }
        return value;
    }

    static long count(Function<String, String> query, String name) {
        BigDecimal value = nonNegative(query, name);
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new DomainException.InvalidInput(name, name + " must be a whole number");
        }
    }

    static OptionalLong optionalId(Function<String, String> query, String name) {
        String text = query.apply(name);
        if (text == null || text.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw new DomainException.InvalidInput(name, name + " must be a number, not '" + text + "'");
        }
    }
}
