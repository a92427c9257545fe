package org.credence.insights.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static final ConfidenceLevel LEVEL = ConfidenceLevel.NINETY_FIVE;

    @Test
    void the_same_seed_gives_the_same_interval_and_another_seed_a_different_one() {
        double[] first = skewed(120, 1);
        double[] second = skewed(150, 2);

        Bootstrap.MedianComparison one = Bootstrap.medians(first, second, 2_000, 7, LEVEL);
        Bootstrap.MedianComparison again = Bootstrap.medians(first, second, 2_000, 7, LEVEL);
        Bootstrap.MedianComparison other = Bootstrap.medians(first, second, 2_000, 8, LEVEL);

        assertThat(again).isEqualTo(one);
        assertThat(other.ratioInterval()).isNotEqualTo(one.ratioInterval());
    }

    @Test
    void the_point_estimates_are_the_sample_medians_and_lie_within_their_intervals() {
        double[] first = {10, 20, 30, 40, 1_000};
        double[] second = {5, 10, 15, 20};

        Bootstrap.MedianComparison result = Bootstrap.medians(first, second, LEVEL);

        assertThat(result.median1()).isEqualTo(30);
        assertThat(result.median2()).isEqualTo(12.5);
        assertThat(result.ratio()).isCloseTo(2.4, within(1e-12));
        assertThat(result.difference()).isCloseTo(17.5, within(1e-12));
        assertThat(result.ratioInterval().contains(result.ratio())).isTrue();
        assertThat(result.differenceInterval().contains(result.difference())).isTrue();
        assertThat(result.resamples()).isEqualTo(Bootstrap.DEFAULT_RESAMPLES);
    }

    /** Lognormal medians: exp(μ). Twice the scale should give a ratio near 2 with an interval around it. */
    @Test
    void a_doubled_scale_gives_a_ratio_of_medians_near_two() {
        double[] base = skewed(2_000, 3);
        double[] doubled = skewed(2_000, 4);
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }

        Bootstrap.MedianComparison result = Bootstrap.medians(doubled, base, LEVEL);

        assertThat(result.ratioInterval().contains(2.0)).isTrue();
        assertThat(result.ratioInterval().width()).isLessThan(0.5);
    }

    @Test
    void a_reference_group_mostly_zero_has_no_upper_bound_for_the_ratio() {
        double[] first = {10, 20, 30};
        double[] second = {0, 0, 0, 0, 5};

        Bootstrap.MedianComparison result = Bootstrap.medians(first, second, LEVEL);

        assertThat(result.ratio()).isNull();
        assertThat(result.ratioInterval()).isNull();
        assertThat(result.differenceInterval()).isNotNull();
    }

    private static double[] skewed(int n, long seed) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = 1_000 * Math.exp(random.nextGaussian());
        }
        return values;
    }
}
