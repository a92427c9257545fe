package org.credence.insights.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfidenceLevelTest {

    /** Standard normal quantiles as printed in any z table (e.g. Abramowitz &amp; Stegun 26.2). */
    @ParameterizedTest(name = "{0} → z = {1}")
    @CsvSource({"0.90, 1.644854", "0.95, 1.959964", "0.99, 2.575829"})
    void gives_the_two_sided_normal_quantile(double level, double z) {
        assertThat(ConfidenceLevel.of(level).z()).isCloseTo(z, within(0.0000005));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.5, 1.5, Double.NaN})
    void refuses_a_level_outside_zero_to_one(double level) {
        assertThatThrownBy(() -> ConfidenceLevel.of(level))
                .hasMessage("confidence level (" + level + ") must be between 0 and 1, exclusive");
    }
}
