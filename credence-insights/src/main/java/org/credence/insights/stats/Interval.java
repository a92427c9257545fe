package org.credence.insights.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * A two-sided confidence interval.
 *
 * @param low    the lower bound
 * @param high   the upper bound, not below {@code low}
 * @param level  the confidence level, e.g. 0.95
 * @param method how the bounds were computed
 */
public record Interval(double low, double high, double level, IntervalMethod method) {

    public Interval {
        if (Double.isNaN(low) || Double.isNaN(high) || Double.isInfinite(low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException("interval bounds must be finite, got [" + low + ", " + high + "]");
        }
        if (low > high) {
            throw new IllegalArgumentException("interval low (" + low + ") is above high (" + high + ")");
        }
        if (method == null) {
            throw new IllegalArgumentException("interval method is required");
        }
        new ConfidenceLevel(level); // validates the level
    }

    /** Whether {@code value} lies within the bounds, both included. */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** {@code high − low}. */
    public double width() {
        return high - low;
    }

    /** The same interval with each bound mapped through an increasing function (a change of scale). */
    Interval map(DoubleUnaryOperator increasing, IntervalMethod newMethod) {
        return new Interval(increasing.applyAsDouble(low), increasing.applyAsDouble(high), level, newMethod);
    }
}
