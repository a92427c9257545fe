package org.credence.insights.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DurationHistogramTest {

    private static DurationHistogram of(long... millis) {
        Map<Integer, Long> counts = new TreeMap<>();
        for (long ms : millis) {
            counts.merge(DurationHistogram.bucket(ms), 1L, Long::sum);
        }
        return DurationHistogram.of(counts);
    }

    @Test
    void theMedianAndP90OfOneToTenSecondsAreTheFifthAndNinthByNearestRank() {
        DurationHistogram h = of(1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000);
        DurationHistogram.Quantile median = h.quantile(0.5).orElseThrow();
        DurationHistogram.Quantile p90 = h.quantile(0.9).orElseThrow();
        assertThat(median.bucket()).isEqualTo(98);
        assertThat(median.lowMillis()).isLessThanOrEqualTo(5000).isCloseTo(4869.99, org.assertj.core.data.Offset.offset(0.01));
        assertThat(median.highMillis()).isGreaterThan(5000).isCloseTo(5310.85, org.assertj.core.data.Offset.offset(0.01));
        assertThat(OperationsMetrics.duration(median.millis(), OperationsMetrics.SECONDS)).isEqualByComparingTo("5.09");
        assertThat(p90.bucket()).isEqualTo(105);
        assertThat(OperationsMetrics.duration(p90.millis(), OperationsMetrics.SECONDS)).isEqualByComparingTo("9.33");
        assertThat(median.n()).isEqualTo(10);
    }

    @Test
    void anEmptyHistogramHasNoQuantileAndZeroAndNegativeDurationsShareTheFirstBucket() {
        assertThat(DurationHistogram.of(Map.of()).quantile(0.5)).isEmpty();
        assertThat(DurationHistogram.bucket(0)).isZero();
        assertThat(DurationHistogram.bucket(-5)).isZero();
    }

    @Property
    void theBucketOfADurationContainsItAndSpansAtMostNinePercent(@ForAll @LongRange(min = 1000, max = 400L * 365 * 86_400_000) long millis) {
        int bucket = DurationHistogram.bucket(millis);
        assertThat(DurationHistogram.lowerBound(bucket)).isLessThanOrEqualTo(millis + 1e-6 * millis);
        assertThat(DurationHistogram.upperBound(bucket)).isGreaterThanOrEqualTo(millis - 1e-6 * millis);
        assertThat((DurationHistogram.upperBound(bucket) + 1) / (DurationHistogram.lowerBound(bucket) + 1)).isLessThan(1.091);
    }

    @Property
    void theReportedQuantileIsWithinFivePercentOfTheExactOne(@ForAll @LongRange(min = 1000, max = 10_000_000_000L) long a,
                                                            @ForAll @LongRange(min = 1000, max = 10_000_000_000L) long b,
                                                            @ForAll @LongRange(min = 1000, max = 10_000_000_000L) long c) {
        long exactMedian = java.util.stream.LongStream.of(a, b, c).sorted().skip(1).findFirst().orElseThrow();
        double reported = of(a, b, c).quantile(0.5).orElseThrow().millis();
        assertThat(Math.abs(reported - exactMedian) / exactMedian).isLessThan(0.05);
    }
}
