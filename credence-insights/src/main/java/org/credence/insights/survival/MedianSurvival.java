package org.credence.insights.survival;

import java.util.OptionalDouble;

/**
 * The median survival time with its confidence interval. Any of the three may be "not reached":
 * the estimate when the curve never drops to 0.5 (more than half the people have not had the event
 * yet), a bound when the corresponding band never drops to 0.5. A missing bound is not a number
 * the page may invent: it is shown as "not reached".
 *
 * @param estimate the smallest time with S(t) ≤ 0.5; empty when not reached
 * @param lower    the lower confidence limit; empty when not reached
 * @param upper    the upper confidence limit; empty when not reached
 * @param level    the confidence level, e.g. 0.95
 * @param people   n, everyone observed, censored included
 * @param events   how many had the event
 */
public record MedianSurvival(OptionalDouble estimate, OptionalDouble lower, OptionalDouble upper, double level,
        long people, long events) {

    /** Message key shown where a value is missing. */
    public static final String NOT_REACHED = "median not reached";

    /** Whether the curve dropped to 0.5: false means "median not reached". */
    public boolean reached() {
        return estimate.isPresent();
    }
}
