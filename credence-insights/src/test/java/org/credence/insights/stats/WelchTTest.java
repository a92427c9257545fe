package org.credence.insights.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WelchTTest {

    /** Issue 13 worked value: 38 ± 14 days (n 45) against 52 ± 22 (n 60) → −14.0, −21.0 to −7.0, df ≈ 100.6. */
    @Test
    void days_to_productivity_example() {
        WelchT welch = WelchT.of(38, 14, 45, 52, 22, 60, ConfidenceLevel.NINETY_FIVE);

        assertThat(welch.difference()).isCloseTo(-14.0, within(1e-12));
        assertThat(welch.interval().low()).isCloseTo(-21.0, within(0.05));
        assertThat(welch.interval().high()).isCloseTo(-7.0, within(0.05));
        assertThat(welch.degreesOfFreedom()).isCloseTo(100.6, within(0.05));
        // scipy.stats.ttest_ind_from_stats(38, 14, 45, 52, 22, 60, equal_var=False): t −3.97218, p 1.33990e-4
        assertThat(welch.t()).isCloseTo(-3.97218, within(0.00001));
        assertThat(welch.pValue()).isCloseTo(1.33990e-4, within(0.00001e-4));
        assertThat(welch.interval().method()).isEqualTo(IntervalMethod.WELCH_T);
    }

    @Property(tries = 300)
    void swapping_the_groups_negates_the_interval_and_keeps_the_p_value(
            @ForAll @DoubleRange(min = -100, max = 100) double mean1, @ForAll @DoubleRange(min = 0.1, max = 50) double sd1,
            @ForAll @IntRange(min = 2, max = 500) int n1, @ForAll @DoubleRange(min = -100, max = 100) double mean2,
            @ForAll @DoubleRange(min = 0.1, max = 50) double sd2, @ForAll @IntRange(min = 2, max = 500) int n2) {
        WelchT forward = WelchT.of(mean1, sd1, n1, mean2, sd2, n2, ConfidenceLevel.NINETY_FIVE);
        WelchT backward = WelchT.of(mean2, sd2, n2, mean1, sd1, n1, ConfidenceLevel.NINETY_FIVE);

        assertThat(forward.interval().contains(forward.difference())).isTrue();
        assertThat(backward.interval().low()).isCloseTo(-forward.interval().high(), within(1e-9));
        assertThat(backward.pValue()).isCloseTo(forward.pValue(), within(1e-12));
    }
}
