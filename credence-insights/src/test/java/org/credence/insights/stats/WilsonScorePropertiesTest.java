package org.credence.insights.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class WilsonScorePropertiesTest {

    private static final ConfidenceLevel LEVEL = ConfidenceLevel.NINETY_FIVE;

    @Property(tries = 500)
    void interval_lies_in_the_unit_range_and_contains_the_point_estimate(
            @ForAll @LongRange(min = 1, max = 1_000_000) long n, @ForAll @IntRange(max = 1000) int permille) {
        long x = n * permille / 1000;
        double p = (double) x / n;

        for (Interval interval : new Interval[] {WilsonScore.interval(x, n, LEVEL),
                WilsonScore.continuityCorrected(x, n, LEVEL)}) {
            assertThat(interval.low()).isBetween(0.0, 1.0);
            assertThat(interval.high()).isBetween(0.0, 1.0);
            assertThat(interval.contains(p)).as("%s contains %d/%d", interval, x, n).isTrue();
        }
    }

    @Property(tries = 500)
    void swapping_successes_and_failures_mirrors_the_interval(
            @ForAll @LongRange(min = 1, max = 100_000) long n, @ForAll @IntRange(max = 1000) int permille) {
        long x = n * permille / 1000;

        Interval interval = WilsonScore.interval(x, n, LEVEL);
        Interval mirrored = WilsonScore.interval(n - x, n, LEVEL);

        assertThat(mirrored.low()).isCloseTo(1 - interval.high(), within(1e-12));
        assertThat(mirrored.high()).isCloseTo(1 - interval.low(), within(1e-12));
    }

    @Property(tries = 300)
    void more_trials_at_the_same_proportion_give_a_narrower_interval(
            @ForAll @IntRange(min = 1, max = 50) int trials, @ForAll @IntRange(max = 50) int successes,
            @ForAll @IntRange(min = 2, max = 100) int factor) {
        Assume.that(successes <= trials);

        Interval small = WilsonScore.interval(successes, trials, LEVEL);
        Interval large = WilsonScore.interval((long) successes * factor, (long) trials * factor, LEVEL);

        assertThat(large.width()).isLessThan(small.width());
    }

    @Property(tries = 300)
    void the_continuity_correction_only_widens(@ForAll @IntRange(min = 1, max = 5000) int n,
            @ForAll @IntRange(max = 5000) int x) {
        Assume.that(x <= n);

        Interval plain = WilsonScore.interval(x, n, LEVEL);
        Interval corrected = WilsonScore.continuityCorrected(x, n, LEVEL);

        assertThat(corrected.low()).isLessThanOrEqualTo(plain.low() + 1e-15);
        assertThat(corrected.high()).isGreaterThanOrEqualTo(plain.high() - 1e-15);
    }
}
