package org.credence.insights;

/**
 * The wording of a kind of {@link Warning}: a stable key that translations are looked up by, and
 * the English with {@code {name}} placeholders for the numbers (or words) that triggered it.
 * {@link Warning.Text} holds the library's; an application may word its own warnings in an enum
 * of its own.
 */
public interface WarningText {
    /** What kind of caution this wording is for. */
    Warning.Code code();

    /** The stable key translations are looked up by: {@code warning.few_events}. */
    String key();

    /** The English pattern, placeholders {@code {name}} unfilled. */
    String english();
}
