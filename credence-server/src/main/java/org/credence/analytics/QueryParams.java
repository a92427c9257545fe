package org.credence.analytics;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.OptionalLong;
import org.credence.domain.DomainException;

/** Query parameters read strictly, with errors that name the parameter. */
final class QueryParams {
    private QueryParams() {}

    static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw new DomainException.InvalidInput(name, "query parameter " + name + " is required");
        }
        return value.strip();
    }

    static BigDecimal decimal(Context ctx, String name) {
        String text = required(ctx, name);
        try {
            if (text.length() > 30) {
                throw new NumberFormatException();
            }
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new DomainException.InvalidInput(name, name + " must be a decimal number like 0.3, not '" + text + "'");
        }
    }

    static BigDecimal nonNegative(Context ctx, String name) {
        BigDecimal value = decimal(ctx, name);
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
            throw new DomainException.InvalidInput(name, name + " must be between 0 and 1,000,000,000");
        }
        return value;
    }

    static BigDecimal proportion(Context ctx, String name) {
        BigDecimal value = decimal(ctx, name);
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new DomainException.InvalidInput(name, name + " is a proportion between 0 and 1 (0.3 for 30 %), not " + value.toPlainString());
        }
        return value;
    }

    static long count(Context ctx, String name) {
        BigDecimal value = nonNegative(ctx, name);
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new DomainException.InvalidInput(name, name + " must be a whole number");
        }
    }

    static OptionalLong optionalId(Context ctx, String name) {
        String text = ctx.queryParam(name);
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
