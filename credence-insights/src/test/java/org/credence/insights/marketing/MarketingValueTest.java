package org.credence.insights.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.credence.insights.Channel;
import org.credence.insights.Figure;
import org.credence.insights.InputSource;
import org.credence.insights.Provenance;
import org.credence.insights.Scope;
import org.junit.jupiter.api.Test;

class MarketingValueTest {

    /** 300 shared credentials as in the seed's cohort, spread over channels. */
    private static final Map<Channel, Long> SHARES = Map.of(Channel.LINKEDIN_PROFILE, 150L, Channel.LINKEDIN_POST, 120L,
            Channel.X, 20L, Channel.EMAIL, 10L);

    private final MarketingValue value = MarketingValue.of(SHARES, MarketingAssumptions.defaults());

    @Test
    void with_default_assumptions_300_shares_give_the_seed_figures() {
        assertThat(value.impressions().value()).isEqualTo(new BigDecimal("60000"));
        assertThat(value.equivalentMediaValue().value()).isEqualTo(new BigDecimal("300.00"));
        assertThat(value.equivalentMediaValue().unit()).isEqualTo("USD");
        assertThat(value.equivalentMediaValue().metric().caveat())
                .startsWith("Advertising-equivalent value (not revenue)");
        assertThat(MarketingDefinitions.NOT_REVENUE).isEqualTo("advertising-equivalent value (not revenue)");
    }

    @Test
    void measured_shares_come_first_and_apart_from_the_assumptions() {
        Figure total = value.equivalentMediaValue();

        assertThat(total.measuredInputs()).hasSize(Channel.values().length)
                .allSatisfy((name, input) -> assertThat(name).startsWith("shares_"));
        assertThat(total.assumedInputs()).hasSize(2 * Channel.values().length)
                .allSatisfy((name, input) -> assertThat(input.provenance()).isNotNull());
        assertThat(total.inputs().keySet().iterator().next()).isEqualTo("shares_linkedin_profile");
        assertThat(value.impressions().assumedInputs().keySet()).noneMatch(name -> name.startsWith("cpm"));
    }

    @Test
    void each_channel_uses_its_own_assumptions_and_the_totals_add_up() {
        var tuned = MarketingAssumptions.defaults().with(new AssumptionOverride(Parameter.IMPRESSIONS_PER_SHARE,
                Channel.EMAIL, BigDecimal.valueOf(3), new Provenance("anna@acme.example",
                        Instant.parse("2025-03-01T10:00:00Z"), "an e-mail reaches a few people", Scope.tenant("acme"))));
        MarketingValue model = MarketingValue.of(SHARES, tuned);

        List<ChannelValue> channels = model.byChannel();
        ChannelValue email = channels.stream().filter(channel -> channel.channel() == Channel.EMAIL).findFirst().orElseThrow();
        assertThat(email.impressions().value()).isEqualTo(new BigDecimal("30"));
        assertThat(email.equivalentMediaValue().value()).isEqualTo(new BigDecimal("0.15"));
        assertThat(email.equivalentMediaValue().inputs().get("impressions_per_share_email").provenance().reason())
                .isEqualTo("an e-mail reaches a few people");
        assertThat(email.equivalentMediaValue().inputs().get("shares_email").source()).isEqualTo(InputSource.MEASURED);

        BigDecimal sum = channels.stream().map(channel -> channel.equivalentMediaValue().value())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(model.equivalentMediaValue().value()).isEqualByComparingTo(sum).isEqualByComparingTo("290.15");
    }

    @Test
    void the_scenario_grid_halves_and_doubles_each_assumption() {
        ScenarioGrid grid = value.scenarios();

        assertThat(grid.cells()).hasSize(9);
        assertThat(grid.diagonal(Scenario.BASE).equivalentMediaValue().value()).isEqualTo(new BigDecimal("300.00"));
        assertThat(grid.diagonal(Scenario.CONSERVATIVE).equivalentMediaValue().value()).isEqualTo(new BigDecimal("75.00"));
        assertThat(grid.diagonal(Scenario.OPTIMISTIC).equivalentMediaValue().value()).isEqualTo(new BigDecimal("1200.00"));
        assertThat(grid.cell(Scenario.CONSERVATIVE, Scenario.OPTIMISTIC).impressions().value())
                .isEqualTo(new BigDecimal("30000"));
        assertThat(grid.diagonal(Scenario.CONSERVATIVE).equivalentMediaValue().inputs().get("cpm_factor").value())
                .isEqualByComparingTo("0.5");
    }

    @Test
    void scenario_factors_are_editable_and_must_be_ordered() {
        var provenance = new Provenance("cfo@acme.example", Instant.parse("2025-03-01T10:00:00Z"), "board asked for ±20 %",
                Scope.tenant("acme"));
        var narrow = new ScenarioFactors(new BigDecimal("0.8"), BigDecimal.ONE, new BigDecimal("1.2"), provenance);

        ScenarioGrid grid = value.scenarios(narrow, ScenarioFactors.DEFAULT);

        assertThat(grid.cell(Scenario.OPTIMISTIC, Scenario.BASE).equivalentMediaValue().value())
                .isEqualTo(new BigDecimal("360.00"));
        assertThatThrownBy(() -> new ScenarioFactors(BigDecimal.ONE, new BigDecimal("0.5"), BigDecimal.TEN, provenance))
                .hasMessage("scenario factors must satisfy 0 ≤ conservative (1) ≤ base (0.5) ≤ optimistic (10)");
    }

    @Test
    void the_sensitivity_series_varies_one_assumption_across_a_range() {
        SensitivitySeries series = value.sensitivity(Parameter.IMPRESSIONS_PER_SHARE, BigDecimal.valueOf(50),
                BigDecimal.valueOf(400), 8);

        assertThat(series.points()).extracting(SensitivityPoint::value).extracting(BigDecimal::toPlainString)
                .containsExactly("50", "100", "150", "200", "250", "300", "350", "400");
        assertThat(series.points().get(3).equivalentMediaValue()).isEqualTo(new BigDecimal("300.00"));
        assertThat(series.points().get(0).equivalentMediaValue()).isEqualTo(new BigDecimal("75.00"));
        assertThat(series.caption()).contains("advertising-equivalent value (not revenue)");

        SensitivitySeries cpm = value.sensitivity(Parameter.CPM, BigDecimal.ONE, BigDecimal.TEN, 10);
        assertThat(cpm.points().get(4).equivalentMediaValue()).isEqualTo(new BigDecimal("300.00"));
        assertThat(cpm.unit()).isEqualTo("USD per 1000 impressions");
    }

    @Test
    void negative_shares_and_bad_ranges_are_refused() {
        assertThatThrownBy(() -> MarketingValue.of(Map.of(Channel.X, -2L), MarketingAssumptions.defaults()))
                .hasMessage("shares on x (-2) must not be negative");
        assertThatThrownBy(() -> value.sensitivity(Parameter.CPM, BigDecimal.TEN, BigDecimal.ONE, 5))
                .hasMessage("sensitivity range must satisfy 0 ≤ from (10) ≤ to (1)");
    }

    @Property(tries = 300)
    void with_whole_inputs_the_value_is_shares_times_impressions_times_cpm_over_1000_to_the_cent(
            @ForAll @IntRange(max = 100_000) int shares, @ForAll @IntRange(max = 2000) int impressionsPerShare,
            @ForAll @IntRange(max = 100) int cpm) {
        var assumptions = MarketingAssumptions.defaults()
                .with(new AssumptionOverride(Parameter.IMPRESSIONS_PER_SHARE, null, BigDecimal.valueOf(impressionsPerShare),
                        Provenance.builtIn("test")))
                .with(new AssumptionOverride(Parameter.CPM, null, BigDecimal.valueOf(cpm), Provenance.builtIn("test")));

        MarketingValue model = MarketingValue.of(Map.of(Channel.LINKEDIN_POST, (long) shares), assumptions);
        WhatIf whatIf = MarketingValue.whatIf(shares, BigDecimal.ONE, BigDecimal.valueOf(impressionsPerShare),
                BigDecimal.valueOf(cpm));

        BigDecimal expected = BigDecimal.valueOf((long) shares * impressionsPerShare * cpm).movePointLeft(3)
                .setScale(2, RoundingMode.HALF_EVEN);
        assertThat(model.equivalentMediaValue().value()).isEqualTo(expected);
        assertThat(whatIf.equivalentMediaValue().value()).isEqualTo(expected);
    }
}
