package org.credence.insights.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RelativeRiskTest {

    private static final ConfidenceLevel LEVEL = ConfidenceLevel.NINETY_FIVE;

    /** Issue 13 worked value: re-enrolment 200/400 against 210/600 → RR 1.43 (1.23–1.65). */
    @Test
    void re_enrolment_example_gives_one_point_four_three() {
        RelativeRisk rr = RelativeRisk.katz(200, 400, 210, 600, LEVEL);

        assertThat(rr.point()).isCloseTo(1.4286, within(0.00005));
        assertThat(rr.interval().low()).isCloseTo(1.23, within(0.005));
        assertThat(rr.interval().high()).isCloseTo(1.65, within(0.005));
        assertThat(rr.interval().method()).isEqualTo(IntervalMethod.KATZ_LOG_RISK_RATIO);
    }

    @Test
    void a_group_without_events_gets_the_half_correction_instead_of_an_infinite_ratio() {
        RelativeRisk rr = RelativeRisk.katz(5, 50, 0, 40, LEVEL);

        assertThat(rr.point()).isCloseTo((5.5 / 51) / (0.5 / 41), within(1e-12));
        assertThat(rr.interval().method()).isEqualTo(IntervalMethod.KATZ_LOG_RISK_RATIO_HALF_CORRECTED);
        assertThat(rr.interval().contains(rr.point())).isTrue();
    }
}
