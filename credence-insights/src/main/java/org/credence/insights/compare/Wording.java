package org.credence.insights.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sentence to show, as a message key and named arguments; the server renders it in the
 * reader's language ({@code comparison} message area). Arguments carry a type so the renderer
 * formats numbers the same way everywhere (percent, points, ratio).
 *
 * @param key       the message key, e.g. {@code sentence.observational}
 * @param arguments named arguments, in order
 */
public record Wording(String key, Map<String, Argument> arguments) {

    public Wording {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a wording needs a key");
        }
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments == null ? Map.of() : arguments));
    }

    /** How an argument is to be formatted. */
    public enum Type {
        /** Text as given (a group label, a unit). */
        TEXT,
        /** A whole number (people). */
        COUNT,
        /** A proportion shown as a percentage: 0.35 → "35.0 %". */
        PERCENT,
        /** A difference of proportions shown in percentage points with a sign: 0.15 → "+15.0". */
        POINTS,
        /** A size of a difference of proportions in percentage points, no sign: 0.275 → "27.5". */
        POINTS_SIZE,
        /** A quantity in the comparison's unit with a sign: −14.0. */
        SIGNED,
        /** A quantity in the comparison's unit: 38.0. */
        NUMBER,
        /** A ratio with two decimals: 1.43. */
        RATIO,
        /** A p-value: three decimals, "&lt; 0.001" below that. */
        P_VALUE
    }

    /**
     * One argument.
     *
     * @param type   how to format it
     * @param number the value for numeric types
     * @param text   the value for {@link Type#TEXT}; for {@link Type#NUMBER} and {@link Type#SIGNED}
     *               the unit shown after the number ("days", "EUR"), or null
     */
    public record Argument(Type type, double number, String text) {

        public Argument {
            if (type == null || (type == Type.TEXT && text == null)) {
                throw new IllegalArgumentException("an argument needs a type, and a text argument its text");
            }
            if (type != Type.TEXT && !Double.isFinite(number)) {
                throw new IllegalArgumentException("a numeric argument must be finite, got " + number);
            }
        }

        /** A text argument. */
        public static Argument text(String text) {
            return new Argument(Type.TEXT, 0, text);
        }

        /** A numeric argument. */
        public static Argument of(Type type, double number) {
            return new Argument(type, number, null);
        }

        /** A quantity with its unit (null for none), signed or not. */
        public static Argument quantity(Type type, double number, String unit) {
            return new Argument(type, number, unit);
        }
    }
}
