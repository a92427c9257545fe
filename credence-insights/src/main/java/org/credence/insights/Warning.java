package org.credence.insights;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Something the reader of a figure must know before trusting it. The code is stable; the message
 * is English and names the numbers that triggered it. A warning written from a {@link WarningText} also
 * carries that text's stable key and its arguments, so a page can write it in the reader's
 * language with the numbers formatted for them ("7,5" in Norwegian).
 *
 * @param code      what kind of caution applies
 * @param message   the English message, as the JSON API has always given it
 * @param text      the wording the message was written from ({@link Text} for the library's); null for a message written freely
 * @param arguments the text's arguments by name, in order (numbers, or the English words of a unit or input name)
 * @param about     the group the warning is about (a comparison's "earners"), written before the message; null if none
 */
public record Warning(Code code, String message, WarningText text, Map<String, Object> arguments, String about) {

    /** What kind of caution applies. */
    public enum Code {
        /** The denominator is zero: there is no value to show. */
        NO_DATA,
        /** The denominator is below the small-sample threshold. */
        SMALL_DENOMINATOR,
        /** Fewer events (or non-events) than the threshold: the estimate is unstable. */
        FEW_EVENTS,
        /** The value is withheld so no small group of people can be singled out. */
        SUPPRESSED,
        /** Too few periods to fit or compare a trend. */
        TOO_FEW_PERIODS,
        /** The platform does not collect what the figure needs: no value, and the message says what would. */
        NOT_MEASURED
    }

    /**
     * Every warning text the library writes, in English with {@code {name}} placeholders. The key
     * ({@code warning.<name>}) is what translations are looked up by; a test checks each has an
     * English and a Norwegian text.
     */
    public enum Text implements WarningText {
        NO_DATA_YET(Code.NO_DATA, "no {unit} yet ({name} is 0): there is no rate to show"),
        NO_DATA_IN_PERIOD(Code.NO_DATA, "no {unit} in the period"),
        NO_COSTS_FOR_RATIO(Code.NO_DATA, "no costs in the ledger for this period: there is no ratio to show"),
        SMALL_DENOMINATOR(Code.SMALL_DENOMINATOR, "based on {n} {unit}, under {minimum}: read as a rough indication"),
        FEW_EVENTS(Code.FEW_EVENTS, "{successes} of {trials}: fewer than {minimum} events, so the rate can move a lot with one more"),
        FEW_NON_EVENTS(Code.FEW_EVENTS,
                "{successes} of {trials}: fewer than {minimum} non-events, so the rate can move a lot with one more"),
        FEW_EVENTS_RATE(Code.FEW_EVENTS, "only {events} {unit}: fewer than {minimum}, so the rate can move a lot with one more"),
        CHANGE_NEEDS_TWO_PERIODS(Code.TOO_FEW_PERIODS, "a change needs two periods, there are {periods}"),
        TREND_NEEDS_THREE_PERIODS(Code.TOO_FEW_PERIODS, "a trend needs at least three periods, there are {periods}"),
        LEFT_OUT(Code.NOT_MEASURED, "{count} {unit} left out: {name}"),
        COSTS_NOT_IN_ONE_CURRENCY(Code.NOT_MEASURED, "the cost ledger has lines in several currencies for this period, or none: "
                + "enter the program's costs in one currency to see a cost per unit"),
        DEFAULT_MANUAL_PROCESS(Code.NOT_MEASURED, "uses Credence's default assumptions (10 minutes, 40 an hour) until you set "
                + "your own"),
        WITHHELD_SMALL_GROUP(Code.SUPPRESSED, "withheld: fewer than {threshold}, or withheld so a small group cannot be worked out"),
        WITHHELD_SMALL_TOTAL(Code.SUPPRESSED, "withheld: the total is under {threshold}"),
        WITHHELD_SMALL_COUNT(Code.SUPPRESSED, "withheld: it counts, or is computed from, fewer than {threshold}"),
        INPUTS_WITHHELD(Code.SUPPRESSED, "measured inputs withheld: at least one counts fewer than {threshold}");

        private final Code code;
        private final String english;

        Text(Code code, String english) {
            this.code = code;
            this.english = english;
        }

        @Override
        public Code code() {
            return code;
        }

        @Override
        public String key() {
            return "warning." + name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String english() {
            return english;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    public Warning {
        if (code == null || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a warning needs a code and a message");
        }
        if (text != null && text.code() != code) {
            throw new IllegalArgumentException(text.key() + " is a " + text.code() + " warning, not " + code);
        }
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments == null ? Map.of() : arguments));
    }

    /** A warning written freely, in English only (prefer {@link #of}). */
    public Warning(Code code, String message) {
        this(code, message, null, Map.of(), null);
    }

    /**
     * The warning {@code text} says with these arguments, given as name, value, name, value …
     * (numbers, or a unit's or input's English name).
     */
    public static Warning of(WarningText text, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(text.key() + ": arguments come as name, value pairs");
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Warning(text.code(), english(text, arguments), text, arguments, null);
    }

    /** The English message: each placeholder replaced by its argument as Java writes it (1234, not 1,234). */
    private static String english(WarningText text, Map<String, Object> arguments) {
        Matcher placeholder = PLACEHOLDER.matcher(text.english());
        StringBuilder message = new StringBuilder();
        while (placeholder.find()) {
            if (!arguments.containsKey(placeholder.group(1))) {
                throw new IllegalArgumentException(text.key() + " needs the argument " + placeholder.group(1));
            }
            placeholder.appendReplacement(message, Matcher.quoteReplacement(String.valueOf(arguments.get(placeholder.group(1)))));
        }
        return placeholder.appendTail(message).toString();
    }

    /** The same warning about one group: the message reads "{group}: {message}". */
    public Warning about(String group) {
        return new Warning(code, group + ": " + message, text, arguments, group);
    }
}
