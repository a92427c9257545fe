package org.credence.insights.compare;

import org.credence.insights.stats.Interval;

/**
 * The first group's measure divided by the second's: the relative risk for rates, the ratio of
 * medians for money.
 *
 * @param point    the ratio
 * @param interval its confidence interval; null when it is unbounded (see the comparison's notes)
 */
public record Ratio(double point, Interval interval) {
}
