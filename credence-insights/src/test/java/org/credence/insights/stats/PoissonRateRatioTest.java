package org.credence.insights.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The ratio interval is the Wilson interval (tested against Newcombe's published examples in
 * {@link WilsonScoreTest}) mapped through p ↦ p/(1 − p)·t₁/t₂; these tests check that mapping.
 */
class PoissonRateRatioTest {

    private static final ConfidenceLevel LEVEL = ConfidenceLevel.NINETY_FIVE;

    @Test
    void is_the_conditional_wilson_interval_on_the_ratio_scale() {
        // 40 then 60 events: given 100 in all, the later count is binomial; Wilson 60/100 → ratio.
        Interval p = WilsonScore.interval(60, 100, LEVEL);
        Interval ratio = PoissonRateRatio.interval(40, 1, 60, 1, LEVEL);

        assertThat(ratio.low()).isCloseTo(p.low() / (1 - p.low()), within(1e-12));
        assertThat(ratio.high()).isCloseTo(p.high() / (1 - p.high()), within(1e-12));
        assertThat(ratio.contains(1.5)).isTrue();
        // Wilson 60/100 is 0.50200 to 0.69060, so the ratio runs from 1.00804 to 2.23205.
        assertThat(ratio.low()).isCloseTo(1.00804, within(0.00001));
        assertThat(ratio.high()).isCloseTo(2.23205, within(0.00001));
        assertThat(ratio.method()).isEqualTo(IntervalMethod.POISSON_RATIO_CONDITIONAL);
    }

    @Test
    void unequal_exposures_scale_the_ratio() {
        // 30 events in a 30-day month, then 14 in a 14-day part month: the same daily rate.
        Interval ratio = PoissonRateRatio.interval(30, 30, 14, 14, LEVEL);

        assertThat(ratio.contains(1.0)).isTrue();
        Interval unadjusted = PoissonRateRatio.interval(30, 1, 14, 1, LEVEL);
        assertThat(ratio.low()).isCloseTo(unadjusted.low() * 30 / 14, within(1e-12));
    }

    @Test
    void refuses_a_zero_baseline() {
        assertThatThrownBy(() -> PoissonRateRatio.interval(0, 1, 5, 1, LEVEL))
                .hasMessage("baseline count (0) must be at least 1");
    }

    @Property(tries = 300)
    void equal_counts_give_an_interval_around_one(@ForAll @IntRange(min = 1, max = 100_000) int count) {
        Interval ratio = PoissonRateRatio.interval(count, 1, count, 1, LEVEL);

        assertThat(ratio.contains(1.0)).isTrue();
        assertThat(ratio.low() * ratio.high()).isCloseTo(1.0, within(1e-9)); // symmetric on the log scale
    }
}
