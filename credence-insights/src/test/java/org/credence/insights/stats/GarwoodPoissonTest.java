package org.credence.insights.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GarwoodPoissonTest {

    private static final ConfidenceLevel LEVEL = ConfidenceLevel.NINETY_FIVE;

    /**
     * Exact 95 % limits for a Poisson mean given an observed count: Garwood F (1936), Fiducial limits
     * for the Poisson distribution, Biometrika 28:437–442; the same values stand in the usual tables
     * of Poisson confidence limits (0 → 0 to 3.689, 1 → 0.0253 to 5.572, 10 → 4.795 to 18.39).
     */
    @ParameterizedTest(name = "{0} events give {1} to {2}")
    @CsvSource({
            "0,  0.0000,  3.6889",
            "1,  0.0253,  5.5716",
            "2,  0.2422,  7.2247",
            "5,  1.6235, 11.6683",
            "10, 4.7954, 18.3904",
            "20, 12.2165, 30.8884"
    })
    void matches_the_published_exact_poisson_limits(long events, double low, double high) {
        Interval interval = GarwoodPoisson.rateInterval(events, 1, LEVEL);

        assertThat(interval.low()).isCloseTo(low, within(0.00005));
        assertThat(interval.high()).isCloseTo(high, within(0.00005));
        assertThat(interval.method()).isEqualTo(IntervalMethod.GARWOOD_EXACT_POISSON);
    }

    @Test
    void the_rate_interval_is_the_count_interval_divided_by_the_exposure() {
        Interval perCredential = GarwoodPoisson.rateInterval(381, 300, LEVEL);
        Interval count = GarwoodPoisson.rateInterval(381, 1, LEVEL);

        assertThat(perCredential.low()).isCloseTo(count.low() / 300, within(1e-12));
        assertThat(perCredential.high()).isCloseTo(count.high() / 300, within(1e-12));
        assertThat(perCredential.contains(381 / 300.0)).isTrue();
    }

    @Test
    void refuses_a_negative_count_or_no_exposure() {
        assertThatThrownBy(() -> GarwoodPoisson.rateInterval(-1, 1, LEVEL)).hasMessage("events (-1) must not be negative");
        assertThatThrownBy(() -> GarwoodPoisson.rateInterval(3, 0, LEVEL))
                .hasMessage("exposure (0.0) must be a positive number");
    }

    @Property(tries = 300)
    void the_interval_contains_the_observed_rate_and_moves_up_with_the_count(
            @ForAll @IntRange(max = 5000) int events, @ForAll @IntRange(min = 1, max = 5000) int exposure) {
        Interval interval = GarwoodPoisson.rateInterval(events, exposure, LEVEL);
        Interval next = GarwoodPoisson.rateInterval(events + 1, exposure, LEVEL);

        assertThat(interval.contains((double) events / exposure)).isTrue();
        assertThat(next.low()).isGreaterThan(interval.low());
        assertThat(next.high()).isGreaterThan(interval.high());
    }
}
