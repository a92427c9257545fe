package org.credence.insights;

/** How much of a figure rests on observation and how much on assumption. */
public enum Evidence {
    /** Counted from stored events: credentials issued, verifications. */
    MEASURED,
    /** Computed by a formula from measured counts only: rates, ratios, trends. */
    DERIVED,
    /** Depends on at least one assumed input (impressions per share, CPM): a model, not a count. */
    ESTIMATED
}
