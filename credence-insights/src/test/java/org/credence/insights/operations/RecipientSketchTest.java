package org.credence.insights.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecipientSketchTest {

    /** The registers the database would fill for {@code n} distinct 64-bit hashes: low 9 bits choose, the first 1 of the next 55 ranks. */
    private static Map<Integer, Long> sketch(long n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<Integer, Long> ranks = new HashMap<>();
        for (long i = 0; i < n; i++) {
            long h = random.nextLong();
            int register = (int) (h & 511);
            long w = (h >> 9) & ((1L << 55) - 1);
            long rank = w == 0 ? 56 : Long.numberOfLeadingZeros(w) - 9 + 1;
            ranks.merge(register, rank, Math::max);
        }
        return ranks;
    }

    @Test
    void anEmptySketchIsZeroAndASmallSetIsCountedAlmostExactly() {
        assertThat(RecipientSketch.estimate(Map.of())).isZero();
        assertThat(RecipientSketch.estimate(sketch(20, 1))).isBetween(19L, 21L);
    }

    @Test
    void aMillionIsEstimatedWithinThreeStandardErrors() {
        for (long seed = 1; seed <= 3; seed++) {
            long estimate = RecipientSketch.estimate(sketch(1_000_000, seed));
            assertThat(Math.abs(estimate - 1_000_000) / 1_000_000.0).isLessThan(3 * RecipientSketch.STANDARD_ERROR);
        }
    }
}
