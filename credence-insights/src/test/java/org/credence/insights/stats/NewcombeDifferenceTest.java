package org.credence.insights.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewcombeDifferenceTest {

    private static final ConfidenceLevel LEVEL = ConfidenceLevel.NINETY_FIVE;

    /**
     * Newcombe RG (1998). Interval estimation for the difference between independent proportions:
     * comparison of eleven methods. Statistics in Medicine 17:873–890, Table II, examples (a)–(f),
     * method 10 (hybrid score, no continuity correction), 95 %.
     */
    @ParameterizedTest(name = "{0}/{1} − {2}/{3} gives {4} to {5}")
    @CsvSource({
            "56, 70, 48, 80,  0.0524, 0.3339",
            "9,  10, 3,  10,  0.1705, 0.8090",
            "6,  7,  2,  7,   0.0582, 0.8062",
            "5,  56, 0,  29, -0.0381, 0.1926",
            "0,  10, 0,  20, -0.1611, 0.2775",
            "10, 10, 0,  20,  0.6791, 1.0000"
    })
    void matches_newcombe_1998_table_two_method_ten(long x1, long n1, long x2, long n2, double low, double high) {
        Interval interval = NewcombeDifference.hybridScore(x1, n1, x2, n2, LEVEL);

        assertThat(interval.low()).isCloseTo(low, within(0.00005));
        assertThat(interval.high()).isCloseTo(high, within(0.00005));
        assertThat(interval.method()).isEqualTo(IntervalMethod.NEWCOMBE_HYBRID_SCORE);
    }

    /** The same table, method 11 (hybrid score with continuity correction), examples (a)–(e). */
    @ParameterizedTest(name = "{0}/{1} − {2}/{3} gives {4} to {5}")
    @CsvSource({
            "56, 70, 48, 80,  0.0428, 0.3422",
            "9,  10, 3,  10,  0.1013, 0.8387",
            "6,  7,  2,  7,  -0.0290, 0.8423",
            "5,  56, 0,  29, -0.0667, 0.2037",
            "0,  10, 0,  20, -0.2005, 0.3445"
    })
    void matches_newcombe_1998_table_two_method_eleven(long x1, long n1, long x2, long n2, double low,
            double high) {
        Interval interval = NewcombeDifference.continuityCorrected(x1, n1, x2, n2, LEVEL);

        assertThat(interval.low()).isCloseTo(low, within(0.00005));
        assertThat(interval.high()).isCloseTo(high, within(0.00005));
    }

    @Property(tries = 500)
    void interval_contains_the_difference_and_stays_within_minus_one_to_one(
            @ForAll @IntRange(min = 1, max = 2000) int n1, @ForAll @IntRange(max = 2000) int x1,
            @ForAll @IntRange(min = 1, max = 2000) int n2, @ForAll @IntRange(max = 2000) int x2) {
        Assume.that(x1 <= n1 && x2 <= n2);
        double difference = (double) x1 / n1 - (double) x2 / n2;

        Interval interval = NewcombeDifference.hybridScore(x1, n1, x2, n2, LEVEL);

        assertThat(interval.low()).isBetween(-1.0, 1.0);
        assertThat(interval.high()).isBetween(-1.0, 1.0);
        assertThat(interval.contains(difference)).isTrue();
    }

    @Property(tries = 300)
    void swapping_the_groups_negates_the_interval(
            @ForAll @IntRange(min = 1, max = 2000) int n1, @ForAll @IntRange(max = 2000) int x1,
            @ForAll @IntRange(min = 1, max = 2000) int n2, @ForAll @IntRange(max = 2000) int x2) {
        Assume.that(x1 <= n1 && x2 <= n2);

        Interval forward = NewcombeDifference.hybridScore(x1, n1, x2, n2, LEVEL);
        Interval backward = NewcombeDifference.hybridScore(x2, n2, x1, n1, LEVEL);

        assertThat(backward.low()).isCloseTo(-forward.high(), within(1e-12));
        assertThat(backward.high()).isCloseTo(-forward.low(), within(1e-12));
    }
}
