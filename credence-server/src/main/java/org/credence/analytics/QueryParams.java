package org.credence.analytics;

import java.math.BigDecimal;
import java.util.OptionalLong;
import java.util.function.Function;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;

/** Query parameters read strictly, with errors that name the parameter; {@code query} gives a parameter's value by name (null if absent). */
final class QueryParams {
    private QueryParams() {}

    static String required(Function<String, String> query, String name) {
        String value = query.apply(name);
        if (value == null || value.isBlank()) {
            throw new DomainException.InvalidInput(name, ErrorText.of("query.parameter_required", "name", name));
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
            throw new DomainException.InvalidInput(name, ErrorText.of("query.not_decimal", "name", name, "value", text));
        }
    }

    static BigDecimal nonNegative(Function<String, String> query, String name) {
        BigDecimal value = decimal(query, name);
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
            throw new DomainException.InvalidInput(name, ErrorText.of("query.too_large", "name", name));
        }
        return value;
    }

    static BigDecimal proportion(Function<String, String> query, String name) {
        BigDecimal value = decimal(query, name);
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new DomainException.InvalidInput(name, ErrorText.of("query.not_proportion", "name", name, "value", value.toPlainString()));
        }
        return value;
    }

    static long count(Function<String, String> query, String name) {
        BigDecimal value = nonNegative(query, name);
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new DomainException.InvalidInput(name, ErrorText.of("query.whole_required", "name", name));
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
            throw new DomainException.InvalidInput(name, ErrorText.of("query.not_a_number", "name", name, "value", text));
        }
    }
}
