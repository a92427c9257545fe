package org.credence.insights.compare;

/**
 * One side of a {@link Comparison}: its label and size, and the summary its kind needs — the
 * events for a rate, the mean and standard deviation for a mean, the median for money.
 *
 * @param label     what the group is, as the reader sees it ("earners", "before launch")
 * @param n         the group's size
 * @param successes events (rates): a whole number of people; null for other kinds
 * @param rate      successes ÷ n (rates), else null
 * @param mean      the mean (means), else null
 * @param sd        the standard deviation (means), else null
 * @param median    the median (money), else null
 */
public record Group(String label, long n, Long successes, Double rate, Double mean, Double sd, Double median) {

    public Group {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a group needs a label");
        }
        if (n < 0) {
            throw new IllegalArgumentException("group " + label + " has a negative size (" + n + ")");
        }
    }

    /** A group measured as {@code successes} of {@code n}. */
    public static Group ofRate(String label, long successes, long n) {
        return new Group(label, n, successes, n == 0 ? null : (double) successes / n, null, null, null);
    }

    /** A group measured by mean and standard deviation. */
    public static Group ofMean(String label, double mean, double sd, long n) {
        return new Group(label, n, null, null, mean, sd, null);
    }

    /** A group of money amounts summarised by their median. */
    public static Group ofMedian(String label, double median, long n) {
        return new Group(label, n, null, null, null, null, median);
    }
}
