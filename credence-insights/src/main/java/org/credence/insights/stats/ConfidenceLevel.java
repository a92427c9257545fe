package org.credence.insights.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A two-sided confidence level such as 0.95.
 *
 * <p>The normal quantile comes from Apache Commons Statistics rather than a hard-coded 1.96, so
 * a dashboard can ask for 90 % or 99 % and get the right width (1.96 is also only 1.959964…).
 *
 * @param value the probability the interval is built to cover, strictly between 0 and 1
 */
public record ConfidenceLevel(double value) {

    /** The level every dashboard uses unless told otherwise. */
    public static final ConfidenceLevel NINETY_FIVE = new ConfidenceLevel(0.95);

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    public ConfidenceLevel {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException("confidence level (" + value + ") must be between 0 and 1, exclusive");
        }
    }

    /** The same as the constructor; reads better at call sites: {@code ConfidenceLevel.of(0.9)}. */
    public static ConfidenceLevel of(double value) {
        return new ConfidenceLevel(value);
    }

    /** α, the probability left outside the interval, split equally between the two tails. */
    public double alpha() {
        return 1 - value;
    }

    /** The z with P(−z &lt; Z &lt; z) equal to this level: 1.959964… for 95 %. */
    public double z() {
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha() / 2);
    }
}
