package org.credence.insights.stats;

/**
 * Newcombe's hybrid score interval for the difference of two independent proportions p₁ − p₂.
 *
 * <p>It combines the two single-proportion Wilson intervals (l₁, u₁) and (l₂, u₂):
 * <pre>
 *   low  = (p₁ − p₂) − √((p₁ − l₁)² + (u₂ − p₂)²)
 *   high = (p₁ − p₂) + √((u₁ − p₁)² + (p₂ − l₂)²)
 * </pre>
 * Newcombe (1998, Stat Med 17:873) compares eleven methods; this one (his method 10) keeps close
 * to nominal coverage, never leaves [−1, 1] and is defined at 0/n — unlike the Wald difference.
 * It is what A/B comparisons of share or claim rates use.
 */
public final class NewcombeDifference {

    private NewcombeDifference() {
    }

    /** Method 10: built from plain Wilson score intervals. */
    public static Interval hybridScore(long successes1, long trials1, long successes2, long trials2,
            ConfidenceLevel level) {
        return combine(successes1, trials1, WilsonScore.interval(successes1, trials1, level),
                successes2, trials2, WilsonScore.interval(successes2, trials2, level),
                IntervalMethod.NEWCOMBE_HYBRID_SCORE);
    }

    /** Method 11: built from continuity-corrected Wilson intervals; wider and conservative. */
    public static Interval continuityCorrected(long successes1, long trials1, long successes2, long trials2,
            ConfidenceLevel level) {
        return combine(successes1, trials1, WilsonScore.continuityCorrected(successes1, trials1, level),
                successes2, trials2, WilsonScore.continuityCorrected(successes2, trials2, level),
                IntervalMethod.NEWCOMBE_HYBRID_SCORE_CONTINUITY_CORRECTED);
    }

    private static Interval combine(long x1, long n1, Interval first, long x2, long n2, Interval second,
            IntervalMethod method) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double difference = p1 - p2;
        double below = Math.hypot(p1 - first.low(), second.high() - p2);
        double above = Math.hypot(first.high() - p1, p2 - second.low());
        // The bounds lie in [−1, 1] mathematically; rounding can overshoot by an ulp.
        double low = Math.max(-1, difference - below);
        double high = Math.min(1, difference + above);
        return new Interval(low, high, first.level(), method);
    }
}
