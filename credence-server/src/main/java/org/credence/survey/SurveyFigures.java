package org.credence.survey;

import org.apache.commons.statistics.distribution.TDistribution;
import org.credence.insights.stats.ConfidenceLevel;
import org.credence.insights.stats.Interval;
import org.credence.insights.stats.WilsonScore;

/** The statistics of survey results, from aggregates: proportions with Wilson intervals, a mean with its t interval. */
final class SurveyFigures {
    /** Groups with fewer answers than this are not shown (a respondent could be recognised). */
    static final int SMALL_SAMPLE = 5;

    /** A proportion {@code successes ÷ n} with its 95 % Wilson score interval; null interval when n is 0. */
    record Rate(long successes, long n, Double value, Interval interval) {}

    /** A mean with its 95 % t interval (n ≥ 2). */
    record Mean(long n, Double value, Double low, Double high) {}

    private SurveyFigures() {}

    static Rate rate(long successes, long n) {
        if (n == 0) {
            return new Rate(0, 0, null, null);
        }
        return new Rate(successes, n, (double) successes / n, WilsonScore.interval(successes, n, ConfidenceLevel.NINETY_FIVE));
    }

    /** From the count, sum and sum of squares of the answers. */
    static Mean mean(long n, double sum, double sumOfSquares) {
        if (n == 0) {
            return new Mean(0, null, null, null);
        }
        double mean = sum / n;
        if (n < 2) {
            return new Mean(n, mean, null, null);
        }
        double variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
        double half = TDistribution.of(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(variance / n);
        return new Mean(n, mean, mean - half, mean + half);
    }
}
