package org.credence.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.credence.insights.stats.ConfidenceLevel;
import org.credence.insights.stats.IntervalMethod;
import org.credence.insights.stats.WilsonScore;
import org.junit.jupiter.api.Test;

class FiguresTest {

    private static final Metric RATE = new Metric("test.rate", "Rate", "Successes over trials.",
            new Formula("proportion", "successes ÷ trials"), "trials", Evidence.DERIVED, null);
    private static final ConfidenceLevel LEVEL = ConfidenceLevel.NINETY_FIVE;

    @Test
    void a_proportion_carries_its_exact_value_wilson_interval_and_named_inputs() {
        Figure figure = Figures.proportion(RATE, Count.of("shared", 300, "credentials"),
                Count.of("issued", 1000, "credentials"), LEVEL);

        assertThat(figure.value()).isEqualTo(new BigDecimal("0.3"));
        assertThat(figure.unit()).isEqualTo(Figures.PROPORTION);
        assertThat(figure.interval()).isEqualTo(WilsonScore.interval(300, 1000, LEVEL));
        assertThat(figure.inputs()).containsOnlyKeys("shared", "issued");
        assertThat(figure.inputs().keySet()).containsExactly("shared", "issued");
        assertThat(figure.inputs().get("issued")).isEqualTo(Input.measured(1000, "credentials"));
        assertThat(figure.warnings()).isEmpty();
        assertThat(figure.hasSampleWarning()).isFalse();
    }

    @Test
    void a_zero_denominator_gives_no_value_and_says_so() {
        Figure figure = Figures.proportion(RATE, Count.of("shared", 0, "credentials"),
                Count.of("issued", 0, "credentials"), LEVEL);

        assertThat(figure.value()).isNull();
        assertThat(figure.interval()).isNull();
        assertThat(figure.warnings()).extracting(Warning::code).containsExactly(Warning.Code.NO_DATA);
        assertThat(figure.warnings().get(0).message()).isEqualTo("no credentials yet (issued is 0): there is no rate to show");
    }

    @Test
    void a_small_denominator_and_few_events_are_both_flagged() {
        Figure figure = Figures.proportion(RATE, Count.of("shared", 2, "credentials"),
                Count.of("issued", 12, "credentials"), LEVEL);

        assertThat(figure.value()).isNotNull();
        assertThat(figure.warnings()).extracting(Warning::code)
                .containsExactly(Warning.Code.SMALL_DENOMINATOR, Warning.Code.FEW_EVENTS);
        assertThat(figure.warnings().get(0).message()).isEqualTo("based on 12 credentials, under 30: read as a rough indication");
        assertThat(figure.warnings().get(1).message()).startsWith("2 of 12: fewer than 5 events");
    }

    @Test
    void few_non_events_are_flagged_as_well_as_few_events() {
        Figure figure = Figures.proportion(RATE, Count.of("claimed", 98, "credentials"),
                Count.of("issued", 100, "credentials"), LEVEL);

        assertThat(figure.warnings()).extracting(Warning::code).containsExactly(Warning.Code.FEW_EVENTS);
        assertThat(figure.warnings().get(0).message()).startsWith("98 of 100: fewer than 5 non-events");
    }

    @Test
    void a_rate_per_unit_may_exceed_one_and_uses_the_exact_poisson_interval() {
        Figure figure = Figures.ratePerUnit(RATE, Count.of("referral_clicks", 381, "visits"),
                Count.of("shared", 300, "credentials"), "visits per shared credential", LEVEL);

        assertThat(figure.value()).isEqualTo(new BigDecimal("1.27"));
        assertThat(figure.interval().method()).isEqualTo(IntervalMethod.GARWOOD_EXACT_POISSON);
        assertThat(figure.interval().contains(1.27)).isTrue();
        assertThat(figure.unit()).isEqualTo("visits per shared credential");
    }

    @Test
    void a_non_terminating_proportion_keeps_sixteen_significant_digits() {
        Figure figure = Figures.proportion(RATE, Count.of("x", 81, "credentials"), Count.of("n", 263, "credentials"),
                LEVEL);

        assertThat(figure.value()).isEqualTo(new BigDecimal("0.3079847908745247"));
    }

    @Test
    void refuses_a_numerator_above_the_denominator() {
        assertThatThrownBy(() -> Figures.proportion(RATE, Count.of("shared", 11, "credentials"),
                Count.of("issued", 10, "credentials"), LEVEL))
                .hasMessage("test.rate: shared (11) is more than issued (10)");
    }
}
