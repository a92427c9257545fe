package org.credence.insights;

/**
 * Something the reader of a figure must know before trusting it. The code is stable (pages
 * translate it); the message is English and names the numbers that triggered it.
 */
public record Warning(Code code, String message) {

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

    public Warning {
        if (code == null || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a warning needs a code and a message");
        }
    }
}
