package org.credence.insights.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * An ordinary least-squares line y = intercept + slope·x.
 *
 * @param slope               the fitted slope
 * @param intercept           the fitted intercept
 * @param slopeStandardError  the slope's standard error, √(SSE / (n − 2) / Sxx)
 * @param points              n, the number of points fitted (at least 3)
 */
public record LinearFit(double slope, double intercept, double slopeStandardError, int points) {

    /**
     * Fits y on x by least squares.
     *
     * @throws IllegalArgumentException with fewer than three points (no standard error), arrays of
     *                                  different lengths, or all x equal (no slope)
     */
    public static LinearFit of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        }
        int n = x.length;
        if (n < 3) {
            throw new IllegalArgumentException("a slope with a standard error needs at least 3 points, got " + n);
        }
        double meanX = mean(x);
        double meanY = mean(y);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("all x values are equal (" + x[0] + "): the slope is undefined");
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double residual = y[i] - intercept - slope * x[i];
            sse += residual * residual;
        }
        return new LinearFit(slope, intercept, Math.sqrt(sse / (n - 2) / sxx), n);
    }

    /** slope ± t(1 − α/2; n − 2) × standard error. Assumes independent, roughly normal residuals. */
    public Interval slopeInterval(ConfidenceLevel level) {
        double t = TDistribution.of(points - 2.0).inverseCumulativeProbability(1 - level.alpha() / 2);
        double half = t * slopeStandardError;
        return new Interval(slope - half, slope + half, level.value(), IntervalMethod.LEAST_SQUARES_SLOPE_T);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
