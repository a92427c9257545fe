package org.credence.insights.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TwoProportionTestTest {

    /** 200/400 against 210/600: Pearson χ² = 22.323 (1 df), p = 2.304 × 10⁻⁶ (scipy chi2_contingency, no correction). */
    @Test
    void re_enrolment_example_is_pearsons_chi_square() {
        double pooled = 410.0 / 1000;
        double z = (0.5 - 0.35) / Math.sqrt(pooled * (1 - pooled) * (1.0 / 400 + 1.0 / 600));

        assertThat(z * z).isCloseTo(22.323, within(0.001));
        assertThat(TwoProportionTest.pValue(200, 400, 210, 600)).isCloseTo(2.304e-6, within(0.001e-6));
    }

    @Test
    void equal_rates_give_one_and_all_events_give_one() {
        assertThat(TwoProportionTest.pValue(10, 20, 20, 40)).isCloseTo(1.0, within(1e-12));
        assertThat(TwoProportionTest.pValue(20, 20, 40, 40)).isEqualTo(1.0);
    }
}
