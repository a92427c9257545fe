package org.credence.insights.compare;

import org.credence.insights.stats.MeanInterval;
import org.credence.insights.stats.ConfidenceLevel;
import org.credence.insights.stats.Interval;
import org.credence.insights.stats.WilsonScore;

/**
 * One side of a {@link Comparison}: its label and size, and the summary its kind needs — the
 * events for a rate, the mean and standard deviation for a mean, the median for money — with
 * that summary's own 95 % interval, so a page can show "35.0 % (31.3–38.9 %)".
 *
 * @param label     what the group is, as the reader sees it ("earners", "before launch")
 * @param n         the group's size
 * @param successes events (rates): a whole number of people; null for other kinds
 * @param rate      successes ÷ n (rates), else null
 * @param mean      the mean (means), else null
 * @param sd        the standard deviation (means), else null
 * @param median    the median (money), else null
 * @param interval  the group's own interval: Wilson for a rate, t for a mean, bootstrap
 *                  percentile for a median; null when there is none (an empty group)
 */
public record Group(String label, long n, Long successes, Double rate, Double mean, Double sd, Double median,
        Interval interval) {

    public Group {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a group needs a label");
        }
        if (n < 0) {
            throw new IllegalArgumentException("group " + label + " has a negative size (" + n + ")");
        }
    }

    /** A group measured as {@code successes} of {@code n}, with its Wilson score interval. */
    public static Group ofRate(String label, long successes, long n) {
        if (n == 0) {
            return new Group(label, 0, successes, null, null, null, null, null);
        }
        return new Group(label, n, successes, (double) successes / n, null, null, null,
                WilsonScore.interval(successes, n, ConfidenceLevel.NINETY_FIVE));
    }

    /** A group measured by mean and standard deviation, with the t interval of its mean (n ≥ 2). */
    public static Group ofMean(String label, double mean, double sd, long n) {
        return new Group(label, n, null, null, mean, sd, null,
                n < 2 ? null : MeanInterval.of(mean, sd, n, ConfidenceLevel.NINETY_FIVE));
    }

    /** A group of money amounts summarised by their median and the median's interval (may be null). */
    public static Group ofMedian(String label, double median, long n, Interval interval) {
        return new Group(label, n, null, null, null, null, median, interval);
    }
}
