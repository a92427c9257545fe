package org.credence.insights.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.credence.insights.Channel;
import org.credence.insights.Provenance;
import org.credence.insights.Scope;
import org.junit.jupiter.api.Test;

class MarketingAssumptionsTest {

    private static final Instant MARCH = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant APRIL = Instant.parse("2025-04-01T10:00:00Z");

    private static AssumptionOverride override(Parameter parameter, Channel channel, int value, Scope scope,
            Instant at) {
        return new AssumptionOverride(parameter, channel, BigDecimal.valueOf(value),
                new Provenance("anna@acme.example", at, "set in test", scope));
    }

    @Test
    void defaults_are_the_seed_example_on_every_channel_with_their_source() {
        MarketingAssumptions defaults = MarketingAssumptions.defaults();

        assertThat(defaults.currency().getCurrencyCode()).isEqualTo("USD");
        for (Channel channel : Channel.values()) {
            assertThat(defaults.of(Parameter.IMPRESSIONS_PER_SHARE, channel).value()).isEqualByComparingTo("200");
            assertThat(defaults.of(Parameter.CPM, channel).value()).isEqualByComparingTo("5");
            assertThat(defaults.of(Parameter.CPM, channel).unit()).isEqualTo("USD per 1000 impressions");
            assertThat(defaults.of(Parameter.CPM, channel).provenance().reason()).contains("conservative");
        }
    }

    @Test
    void an_achievement_override_beats_its_tenant_whatever_order_they_arrive_in() {
        var achievement = override(Parameter.IMPRESSIONS_PER_SHARE, Channel.LINKEDIN_POST, 350,
                Scope.achievement("42"), MARCH);
        var tenant = override(Parameter.IMPRESSIONS_PER_SHARE, null, 120, Scope.tenant("acme"), APRIL);

        for (List<AssumptionOverride> order : List.of(List.of(achievement, tenant), List.of(tenant, achievement))) {
            MarketingAssumptions resolved = MarketingAssumptions.defaults().applying(order);

            assertThat(resolved.of(Parameter.IMPRESSIONS_PER_SHARE, Channel.LINKEDIN_POST).value())
                    .isEqualByComparingTo("350");
            assertThat(resolved.of(Parameter.IMPRESSIONS_PER_SHARE, Channel.X).value()).isEqualByComparingTo("120");
            assertThat(resolved.of(Parameter.IMPRESSIONS_PER_SHARE, Channel.X).provenance().scope())
                    .isEqualTo(Scope.tenant("acme"));
            assertThat(resolved.of(Parameter.CPM, Channel.X).value()).isEqualByComparingTo("5");
        }
    }

    @Test
    void within_a_scope_the_later_edit_wins() {
        var march = override(Parameter.CPM, Channel.EMAIL, 3, Scope.tenant("acme"), MARCH);
        var april = override(Parameter.CPM, Channel.EMAIL, 8, Scope.tenant("acme"), APRIL);

        MarketingAssumptions resolved = MarketingAssumptions.defaults().applying(List.of(april, march));

        assertThat(resolved.of(Parameter.CPM, Channel.EMAIL).value()).isEqualByComparingTo("8");
        assertThat(resolved.of(Parameter.CPM, Channel.EMAIL).provenance().setAt()).isEqualTo(APRIL);
    }

    @Test
    void every_channel_needs_an_assumption() {
        var defaults = MarketingAssumptions.defaults();

        assertThatThrownBy(() -> new MarketingAssumptions(defaults.currency(),
                Map.of(Channel.X, defaults.of(Parameter.IMPRESSIONS_PER_SHARE, Channel.X)), defaults.cpm()))
                .hasMessage("impressions per share has no assumption for channel linkedin_profile");
        assertThatThrownBy(() -> override(Parameter.CPM, null, -1, Scope.tenant("acme"), MARCH))
                .hasMessage("CPM override (-1) must be 0 or more");
    }
}
