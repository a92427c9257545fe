package org.credence.insights.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.credence.insights.Channel;
import org.credence.insights.Evidence;
import org.credence.insights.Figure;
import org.credence.insights.InputSource;
import org.credence.insights.Warning;
import org.credence.insights.stats.ConfidenceLevel;
import org.credence.insights.stats.GarwoodPoisson;
import org.credence.insights.stats.IntervalMethod;
import org.credence.insights.stats.WilsonScore;
import org.junit.jupiter.api.Test;

class EngagementMetricsTest {

    /** A cohort of 1,000 at the seed's 30 % share rate, with 381 referral clicks: the published "127 %". */
    static EngagementInputs cohort() {
        return EngagementInputs.builder()
                .issued(1000).claimed(820).viewed(700).shared(300)
                .sharedOn(Channel.LINKEDIN_PROFILE, 150).sharedOn(Channel.LINKEDIN_POST, 120).sharedOn(Channel.X, 20)
                .sharedOn(Channel.FACEBOOK, 30).sharedOn(Channel.EMAIL, 3).sharedOn(Channel.COPY_LINK, 40)
                .addedToProfile(150).sharedWithReferral(120).thirdPartyViews(4200).referralClicks(381)
                .referralVisitors(350).netNewVisitors(260).recipients(900).repeatEarners(90)
                .recipientsEligibleForReturn(600).recipientsReturnedAfter30Days(150)
                .build();
    }

    private final EngagementMetrics metrics = EngagementMetrics.of(cohort());

    @Test
    void share_rate_is_shared_over_issued_with_its_wilson_interval_and_stated_denominator() {
        Figure shareRate = metrics.shareRate();

        assertThat(shareRate.value()).isEqualTo(new BigDecimal("0.3"));
        assertThat(shareRate.interval()).isEqualTo(WilsonScore.interval(300, 1000, ConfidenceLevel.NINETY_FIVE));
        assertThat(shareRate.metric().denominator()).startsWith("credentials issued");
        assertThat(shareRate.metric().formula().expression())
                .isEqualTo("credentials with at least one share ÷ credentials issued");
        assertThat(shareRate.metric().evidence()).isEqualTo(Evidence.DERIVED);
        assertThat(shareRate.inputs().keySet()).containsExactly("credentials_shared", "credentials_issued");
        assertThat(shareRate.inputs().values()).allMatch(input -> input.source() == InputSource.MEASURED);
    }

    @Test
    void the_127_percent_figure_is_referral_visits_per_shared_credential() {
        Figure visits = metrics.referralVisitsPerSharedCredential();

        assertThat(visits.value()).isEqualTo(new BigDecimal("1.27"));
        assertThat(visits.unit()).isEqualTo("referral visits per shared credential");
        assertThat(visits.interval()).isEqualTo(GarwoodPoisson.rateInterval(381, 300, ConfidenceLevel.NINETY_FIVE));
        assertThat(visits.metric().caveat()).contains("cluster");
        // Not to be confused with the referral rate: shared credentials with at least one click.
        assertThat(metrics.referralRate().value()).isEqualTo(new BigDecimal("0.4"));
        assertThat(metrics.referralRate().interval().method()).isEqualTo(IntervalMethod.WILSON_SCORE);
    }

    @Test
    void every_channel_has_a_share_rate_over_issued_credentials() {
        Map<Channel, Figure> byChannel = metrics.shareRateByChannel();

        assertThat(byChannel.keySet()).containsExactly(Channel.values());
        Figure post = byChannel.get(Channel.LINKEDIN_POST);
        assertThat(post.metric().id()).isEqualTo("engagement.share_rate_by_channel.linkedin_post");
        assertThat(post.metric().label()).isEqualTo("Share rate — LinkedIn post");
        assertThat(post.value()).isEqualTo(new BigDecimal("0.12"));
        assertThat(post.inputs().keySet()).containsExactly("credentials_shared_on_linkedin_post", "credentials_issued");
        assertThat(byChannel.get(Channel.EMAIL).warnings()).extracting(Warning::code)
                .containsExactly(Warning.Code.FEW_EVENTS);
    }

    @Test
    void each_rate_has_the_documented_numerator_and_denominator() {
        assertThat(metrics.claimRate().value()).isEqualTo(new BigDecimal("0.82"));
        assertThat(metrics.viewRate().value()).isEqualTo(new BigDecimal("0.7"));
        assertThat(metrics.addToProfileRate().value()).isEqualTo(new BigDecimal("0.15"));
        assertThat(metrics.viewsPerSharedCredential().value()).isEqualTo(new BigDecimal("14"));
        assertThat(metrics.netNewShare().value()).isEqualTo(new BigDecimal("0.7428571428571429"));
        assertThat(metrics.repeatEarnerRate().value()).isEqualTo(new BigDecimal("0.1"));
        assertThat(metrics.reEngagementRate().value()).isEqualTo(new BigDecimal("0.25"));
        assertThat(metrics.reEngagementRate().inputs()).containsKey("recipients_eligible_for_return");
    }

    @Test
    void counts_are_measured_and_have_no_interval() {
        assertThat(metrics.issued().value()).isEqualTo(BigDecimal.valueOf(1000));
        assertThat(metrics.issued().metric().evidence()).isEqualTo(Evidence.MEASURED);
        assertThat(metrics.issued().interval()).isNull();
        assertThat(metrics.netNewVisitors().value()).isEqualTo(BigDecimal.valueOf(260));
    }

    @Test
    void all_lists_every_figure_once_with_a_definition() {
        assertThat(metrics.all()).hasSize(12 + Channel.values().length);
        assertThat(metrics.all()).extracting(figure -> figure.metric().id()).doesNotHaveDuplicates();
        assertThat(metrics.all()).allSatisfy(figure -> assertThat(figure.metric().definition()).isNotBlank());
    }

    @Test
    void a_program_with_nothing_issued_shows_no_rates_and_says_why() {
        EngagementMetrics empty = EngagementMetrics.of(EngagementInputs.builder().build());

        assertThat(empty.issued().value()).isEqualTo(BigDecimal.ZERO);
        assertThat(empty.all()).filteredOn(figure -> figure.metric().evidence() == Evidence.DERIVED)
                .allSatisfy(figure -> {
                    assertThat(figure.value()).isNull();
                    assertThat(figure.warnings()).extracting(Warning::code).containsExactly(Warning.Code.NO_DATA);
                });
    }

    @Test
    void a_small_program_is_flagged() {
        EngagementMetrics small = EngagementMetrics.of(EngagementInputs.builder().issued(12).claimed(9).shared(3)
                .build());

        assertThat(small.shareRate().hasSampleWarning()).isTrue();
        assertThat(small.shareRate().warnings()).extracting(Warning::code)
                .containsExactly(Warning.Code.SMALL_DENOMINATOR, Warning.Code.FEW_EVENTS);
    }

    @Test
    void inconsistent_counts_are_refused_naming_them() {
        assertThatThrownBy(() -> EngagementInputs.builder().issued(10).shared(11).build())
                .hasMessage("shared (11) is more than issued (10)");
        assertThatThrownBy(() -> EngagementInputs.builder().issued(10).shared(5).sharedOn(Channel.X, 6).build())
                .hasMessage("sharedByChannel[x] (6) is more than shared (5)");
        assertThatThrownBy(() -> EngagementInputs.builder().recipients(5).recipientsEligibleForReturn(5)
                .recipientsReturnedAfter30Days(6).build())
                .hasMessage("recipientsReturnedAfter30Days (6) is more than recipientsEligibleForReturn (5)");
        assertThatThrownBy(() -> EngagementInputs.builder().thirdPartyViews(-1).build())
                .hasMessage("thirdPartyViews (-1) must not be negative");
    }
}
