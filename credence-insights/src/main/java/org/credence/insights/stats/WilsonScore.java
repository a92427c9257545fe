package org.credence.insights.stats;

/**
 * The Wilson score interval for a binomial proportion.
 *
 * <p>Chosen over the textbook Wald interval (p ± z·√(pq/n)) because Wald collapses to a width of
 * zero at 0/n and n/n and covers far less than its nominal level for small n or extreme p —
 * exactly the cells a credential dashboard shows (a new program, a rarely used channel). Newcombe
 * (1998, Stat Med 17:857) compares seven methods and recommends the score method; its Table I
 * worked examples are this class's tests.
 */
public final class WilsonScore {

    private WilsonScore() {
    }

    /**
     * The Wilson score interval: (2x + z² ± z·√(z² + 4x(n−x)/n)) / (2(n + z²)).
     *
     * @param successes x, between 0 and {@code trials}
     * @param trials    n, at least 1
     */
    public static Interval interval(long successes, long trials, ConfidenceLevel level) {
        requireProportion(successes, trials);
        double x = successes;
        double n = trials;
        double z = level.z();
        double z2 = z * z;
        double spread = z * Math.sqrt(z2 + 4 * x * (n - x) / n);
        double denominator = 2 * (n + z2);
        // At x = 0 and x = n the bounds are exactly 0 and 1; computing them would leave ±1e-17.
        double low = successes == 0 ? 0 : (2 * x + z2 - spread) / denominator;
        double high = successes == trials ? 1 : (2 * x + z2 + spread) / denominator;
        return new Interval(clamp(low), clamp(high), level.value(), IntervalMethod.WILSON_SCORE);
    }

    /**
     * The score interval with Yates' continuity correction (Newcombe 1998, method 4): wider, and
     * conservative — its coverage stays at or above the nominal level, at the cost of width.
     */
    public static Interval continuityCorrected(long successes, long trials, ConfidenceLevel level) {
        requireProportion(successes, trials);
        double n = trials;
        double p = successes / n;
        double q = 1 - p;
        double z = level.z();
        double z2 = z * z;
        double denominator = 2 * (n + z2);
        double low = successes == 0 ? 0
                : (2 * n * p + z2 - 1 - z * Math.sqrt(z2 - 2 - 1 / n + 4 * p * (n * q + 1))) / denominator;
        double high = successes == trials ? 1
                : (2 * n * p + z2 + 1 + z * Math.sqrt(z2 + 2 - 1 / n + 4 * p * (n * q - 1))) / denominator;
        return new Interval(clamp(low), clamp(high), level.value(),
                IntervalMethod.WILSON_SCORE_CONTINUITY_CORRECTED);
    }

    static void requireProportion(long successes, long trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials (" + trials + ") must be at least 1");
        }
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException(
                    "successes (" + successes + ") must be between 0 and trials (" + trials + ")");
        }
    }

    private static double clamp(double bound) {
        return Math.min(1, Math.max(0, bound));
    }
}
