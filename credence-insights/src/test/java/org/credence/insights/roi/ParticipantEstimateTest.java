package org.credence.insights.roi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.credence.insights.roi.ParticipantEstimate.Response;
import org.junit.jupiter.api.Test;

class ParticipantEstimateTest {

    @Test
    void sums_impact_times_attribution_times_confidence_and_counts_non_respondents_as_no_improvement() {
        List<Response> responses = List.of(
                new Response(new BigDecimal("10000"), new BigDecimal("0.50"), new BigDecimal("0.80")),  // 4000
                new Response(new BigDecimal("20000"), new BigDecimal("0.25"), new BigDecimal("0.60"))); // 3000

        ParticipantEstimate estimate = ParticipantEstimate.of(responses, 10);

        assertThat(estimate.adjustedBenefit()).isEqualByComparingTo("7000");
        assertThat(estimate.claimedImpact()).isEqualByComparingTo("30000");
        assertThat(estimate.respondents()).isEqualTo(2);
        assertThat(estimate.responseRate()).isEqualByComparingTo("0.2");
    }

    @Test
    void nobody_surveyed_has_no_response_rate() {
        assertThat(ParticipantEstimate.of(List.of(), 0).responseRate()).isNull();
        assertThat(ParticipantEstimate.of(List.of(), 0).adjustedBenefit()).isEqualByComparingTo("0");
    }
}
