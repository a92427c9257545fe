package org.credence.insights.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinearFitTest {

    /**
     * Anscombe FJ (1973). Graphs in statistical analysis. The American Statistician 27:17–21,
     * data set I: "regression coefficient of y on x: 0.500 (estimated standard error 0.118)",
     * "equation of regression line: y = 3 + 0.5x".
     */
    @Test
    void matches_anscombe_1973_data_set_one() {
        double[] x = {10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5};
        double[] y = {8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68};

        LinearFit fit = LinearFit.of(x, y);

        assertThat(fit.slope()).isCloseTo(0.500, within(0.0005));
        assertThat(fit.intercept()).isCloseTo(3.00, within(0.005));
        assertThat(fit.slopeStandardError()).isCloseTo(0.118, within(0.0005));
        assertThat(fit.points()).isEqualTo(11);
        // t(0.975; 9) = 2.262: 0.5001 ± 2.262 × 0.1179
        Interval interval = fit.slopeInterval(ConfidenceLevel.NINETY_FIVE);
        assertThat(interval.low()).isCloseTo(0.2334, within(0.0001));
        assertThat(interval.high()).isCloseTo(0.7668, within(0.0001));
    }

    @Test
    void a_perfect_line_has_no_uncertainty() {
        LinearFit fit = LinearFit.of(new double[] {0, 1, 2, 3}, new double[] {5, 7, 9, 11});

        assertThat(fit.slope()).isEqualTo(2.0);
        assertThat(fit.slopeStandardError()).isZero();
    }

    @Test
    void refuses_what_cannot_be_fitted() {
        assertThatThrownBy(() -> LinearFit.of(new double[] {1, 2}, new double[] {1, 2}))
                .hasMessage("a slope with a standard error needs at least 3 points, got 2");
        assertThatThrownBy(() -> LinearFit.of(new double[] {4, 4, 4}, new double[] {1, 2, 3}))
                .hasMessage("all x values are equal (4.0): the slope is undefined");
        assertThatThrownBy(() -> LinearFit.of(new double[] {1, 2, 3}, new double[] {1, 2}))
                .hasMessage("x has 3 values but y has 2");
    }
}
