package org.credence.insights.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WilsonScoreTest {

    private static final ConfidenceLevel NINETY_FIVE = ConfidenceLevel.NINETY_FIVE;

    /**
     * Newcombe RG (1998). Two-sided confidence intervals for the single proportion: comparison of
     * seven methods. Statistics in Medicine 17:857–872, Table I, method 3 (score, no continuity
     * correction), 95 %, published to four decimals.
     */
    @ParameterizedTest(name = "{0}/{1} gives {2} to {3}")
    @CsvSource({
            "81, 263, 0.2553, 0.3662",
            "15, 148, 0.0624, 0.1605",
            "0,  20,  0.0000, 0.1611",
            "1,  29,  0.0061, 0.1718"
    })
    void matches_newcombe_1998_table_one_score_method(long x, long n, double low, double high) {
        Interval interval = WilsonScore.interval(x, n, NINETY_FIVE);

        assertThat(interval.low()).isCloseTo(low, within(0.00005));
        assertThat(interval.high()).isCloseTo(high, within(0.00005));
        assertThat(interval.method()).isEqualTo(IntervalMethod.WILSON_SCORE);
        assertThat(interval.level()).isEqualTo(0.95);
    }

    /** The same table, method 4 (score with continuity correction). */
    @ParameterizedTest(name = "{0}/{1} gives {2} to {3}")
    @CsvSource({
            "81, 263, 0.2535, 0.3682",
            "15, 148, 0.0598, 0.1644",
            "0,  20,  0.0000, 0.2005",
            "1,  29,  0.0018, 0.1963"
    })
    void matches_newcombe_1998_table_one_continuity_corrected_method(long x, long n, double low, double high) {
        Interval interval = WilsonScore.continuityCorrected(x, n, NINETY_FIVE);

        assertThat(interval.low()).isCloseTo(low, within(0.00005));
        assertThat(interval.high()).isCloseTo(high, within(0.00005));
        assertThat(interval.method()).isEqualTo(IntervalMethod.WILSON_SCORE_CONTINUITY_CORRECTED);
    }

    @Test
    void bounds_are_exactly_zero_and_one_at_the_extremes() {
        assertThat(WilsonScore.interval(0, 7, NINETY_FIVE).low()).isZero();
        assertThat(WilsonScore.interval(7, 7, NINETY_FIVE).high()).isEqualTo(1.0);
        assertThat(WilsonScore.continuityCorrected(7, 7, NINETY_FIVE).high()).isEqualTo(1.0);
    }

    @Test
    void a_lower_confidence_level_gives_a_narrower_interval() {
        Interval ninety = WilsonScore.interval(81, 263, ConfidenceLevel.of(0.90));
        Interval ninetyNine = WilsonScore.interval(81, 263, ConfidenceLevel.of(0.99));

        assertThat(ninety.width()).isLessThan(WilsonScore.interval(81, 263, NINETY_FIVE).width());
        assertThat(ninetyNine.width()).isGreaterThan(WilsonScore.interval(81, 263, NINETY_FIVE).width());
        assertThat(ninety.level()).isEqualTo(0.90);
    }

    @Test
    void refuses_impossible_counts_naming_them() {
        assertThatThrownBy(() -> WilsonScore.interval(1, 0, NINETY_FIVE))
                .hasMessage("trials (0) must be at least 1");
        assertThatThrownBy(() -> WilsonScore.interval(11, 10, NINETY_FIVE))
                .hasMessage("successes (11) must be between 0 and trials (10)");
        assertThatThrownBy(() -> WilsonScore.continuityCorrected(-1, 10, NINETY_FIVE))
                .hasMessage("successes (-1) must be between 0 and trials (10)");
    }
}
