package org.credence.insights.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.credence.insights.Warning;
import org.credence.insights.stats.ConfidenceLevel;
import org.credence.insights.stats.IntervalMethod;
import org.credence.insights.stats.PoissonRateRatio;
import org.junit.jupiter.api.Test;

class VerificationsTest {

    private static final ConfidenceLevel LEVEL = ConfidenceLevel.NINETY_FIVE;

    private static Verifications of(long... counts) {
        List<PeriodCount> periods = new java.util.ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            periods.add(new PeriodCount("2025-W" + (10 + i), counts[i]));
        }
        return new Verifications(periods, LEVEL);
    }

    @Test
    void volume_is_the_total_with_each_period_as_an_input() {
        var volume = of(40, 50, 60).volume();

        assertThat(volume.value()).isEqualTo(BigDecimal.valueOf(150));
        assertThat(volume.inputs().keySet()).containsExactly("2025-W10", "2025-W11", "2025-W12");
    }

    @Test
    void change_on_the_previous_period_is_a_rate_ratio_minus_one() {
        var change = of(10, 40, 60).changeOnPreviousPeriod();

        assertThat(change.value()).isEqualTo(new BigDecimal("0.5"));
        var ratio = PoissonRateRatio.interval(40, 1, 60, 1, LEVEL);
        assertThat(change.interval().low()).isCloseTo(ratio.low() - 1, within(1e-12));
        assertThat(change.interval().high()).isCloseTo(ratio.high() - 1, within(1e-12));
        assertThat(change.interval().method()).isEqualTo(IntervalMethod.POISSON_RATIO_CONDITIONAL);
        assertThat(change.inputs().keySet()).containsExactly("previous_period_2025-W11", "latest_period_2025-W12");
        assertThat(change.warnings()).isEmpty();
    }

    @Test
    void no_change_can_be_computed_from_an_empty_previous_period() {
        var change = of(5, 0, 7).changeOnPreviousPeriod();

        assertThat(change.value()).isNull();
        assertThat(change.warnings()).extracting(Warning::code).contains(Warning.Code.NO_DATA);
    }

    @Test
    void the_trend_is_the_least_squares_slope_per_period() {
        var trend = of(10, 12, 14, 16).trend();

        assertThat(trend.value()).isEqualByComparingTo("2");
        assertThat(trend.interval().method()).isEqualTo(IntervalMethod.LEAST_SQUARES_SLOPE_T);
        assertThat(trend.unit()).isEqualTo("verifications per period");
    }

    @Test
    void too_few_periods_give_no_trend_and_say_why() {
        assertThat(of(10, 12).trend().warnings()).extracting(Warning::message)
                .containsExactly("a trend needs at least three periods, there are 2");
        assertThat(of(10).changeOnPreviousPeriod().warnings()).extracting(Warning::code)
                .containsExactly(Warning.Code.TOO_FEW_PERIODS);
    }

    @Test
    void period_labels_must_be_distinct() {
        assertThatThrownBy(() -> new Verifications(List.of(new PeriodCount("2025-04", 1), new PeriodCount("2025-04", 2)),
                LEVEL)).hasMessage("period labels must be distinct, got [2025-04, 2025-04]");
    }
}
