package org.credence.insights;

/**
 * A measured count with the name and unit it is shown under as a figure's input.
 *
 * @param name  the input's name: {@code credentials_shared}
 * @param value the count, not negative
 * @param unit  what is counted: "credentials", "recipients"
 */
public record Count(String name, long value, String unit) {

    public Count {
        if (name == null || name.isBlank() || unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("a count needs a name and a unit");
        }
        if (value < 0) {
            throw new IllegalArgumentException(name + " (" + value + ") must not be negative");
        }
    }

    /** Shorthand for the constructor. */
    public static Count of(String name, long value, String unit) {
        return new Count(name, value, unit);
    }

    /** This count as a measured input. */
    public Input input() {
        return Input.measured(value, unit);
    }
}
