package org.credence.insights.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class EValueTest {

    /** Issue 13 worked value: RR 1.43 (1.23–1.65) → E-value 2.21, 1.77 at the lower limit. */
    @Test
    void re_enrolment_example_gives_two_point_two_one_and_one_point_seven_seven() {
        EValue e = EValue.forRiskRatio(RelativeRisk.katz(200, 400, 210, 600, ConfidenceLevel.NINETY_FIVE));

        assertThat(e.point()).isCloseTo(2.21, within(0.005));
        assertThat(e.limit()).isCloseTo(1.77, within(0.005));
    }

    /** VanderWeele &amp; Ding 2017: their worked RR of 3.9 (1.8–8.7) gives 7.26 and 3.0. */
    @Test
    void matches_vanderweele_and_ding_worked_example() {
        EValue e = EValue.forRiskRatio(3.9,
                new Interval(1.8, 8.7, 0.95, IntervalMethod.KATZ_LOG_RISK_RATIO));

        assertThat(e.point()).isCloseTo(7.26, within(0.005));
        assertThat(e.limit()).isCloseTo(3.0, within(0.005));
    }

    @Test
    void an_interval_crossing_one_needs_no_confounding_at_its_limit() {
        EValue e = EValue.forRiskRatio(1.2, new Interval(0.9, 1.6, 0.95, IntervalMethod.KATZ_LOG_RISK_RATIO));

        assertThat(e.limit()).isEqualTo(1.0);
    }

    @Test
    void a_protective_ratio_is_inverted_first_and_uses_the_upper_limit() {
        EValue e = EValue.forRiskRatio(0.5, new Interval(0.4, 0.8, 0.95, IntervalMethod.KATZ_LOG_RISK_RATIO));

        assertThat(e.point()).isCloseTo(EValue.of(2.0), within(1e-12));
        assertThat(e.limit()).isCloseTo(EValue.of(1.25), within(1e-12));
    }

    @Property(tries = 300)
    void an_e_value_is_at_least_one_and_symmetric_in_the_inverse(
            @ForAll @DoubleRange(min = 0.01, max = 100) double rr) {
        assertThat(EValue.of(rr)).isGreaterThanOrEqualTo(1.0);
        assertThat(EValue.of(1 / rr)).isCloseTo(EValue.of(rr), within(1e-9 * EValue.of(rr)));
    }
}
