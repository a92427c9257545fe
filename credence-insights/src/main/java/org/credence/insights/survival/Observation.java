package org.credence.insights.survival;

/**
 * One person's follow-up for a Kaplan–Meier estimate: how long they were followed and whether the
 * event (reaching productivity, leaving) was seen at that time or the follow-up ended without it.
 *
 * @param time  the time from the origin (hire date) to the event or to the end of follow-up, in any
 *              unit the caller keeps consistent (days, weeks); not negative
 * @param event true when the event happened at {@code time}; false when the person was censored —
 *              still ramping, or still employed, at the last day we know of
 */
public record Observation(double time, boolean event) {

    public Observation {
        if (Double.isNaN(time) || Double.isInfinite(time) || time < 0) {
            throw new IllegalArgumentException("an observation's time must be finite and not negative, got " + time);
        }
    }

    /** The event was seen at {@code time}. */
    public static Observation event(double time) {
        return new Observation(time, true);
    }

    /** Followed until {@code time} without the event. */
    public static Observation censored(double time) {
        return new Observation(time, false);
    }
}
