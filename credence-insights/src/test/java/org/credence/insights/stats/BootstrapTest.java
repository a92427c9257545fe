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

    /**
     * The median drawn through order statistics has the same distribution as the median of n
     * values drawn one by one: checked against the naive resampling for an odd and an even n.
     */
    @Test
    void the_order_statistic_shortcut_matches_drawing_every_value() {
        for (double[] sample : new double[][] {{1, 2, 3, 5, 8, 13, 21}, {1, 2, 4, 8, 16, 32}}) {
            int draws = 100_000;
            var random = org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
            Bootstrap.MedianSampler sampler = new Bootstrap.MedianSampler(sample, random);
            java.util.Map<Double, Integer> shortcut = new java.util.HashMap<>();
            java.util.Map<Double, Integer> naive = new java.util.HashMap<>();
            Random plain = new Random(12);
            double[] resample = new double[sample.length];
            for (int i = 0; i < draws; i++) {
                shortcut.merge(sampler.next(), 1, Integer::sum);
                for (int j = 0; j < sample.length; j++) {
                    resample[j] = sample[plain.nextInt(sample.length)];
                }
                java.util.Arrays.sort(resample);
                naive.merge(Bootstrap.median(resample), 1, Integer::sum);
            }
            java.util.Set<Double> values = new java.util.HashSet<>(naive.keySet());
            values.addAll(shortcut.keySet());
            for (double value : values) {
                assertThat(shortcut.getOrDefault(value, 0) / (double) draws).as("P(median = %s)", value)
                        .isCloseTo(naive.getOrDefault(value, 0) / (double) draws, within(0.006));
            }
        }
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
