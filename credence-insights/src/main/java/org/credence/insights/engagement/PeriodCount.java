package org.credence.insights.engagement;

/**
 * A count for one period of a time series.
 *
 * @param period the period's label as the server names it ("2025-W14", "2025-04")
 * @param count  the events in it, at least 0
 */
public record PeriodCount(String period, long count) {

    public PeriodCount {
        if (period == null || period.isBlank()) {
            throw new IllegalArgumentException("a period needs a label");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count for " + period + " (" + count + ") must not be negative");
        }
    }
}
