package org.credence.insights.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class HolmTest {

    /** Holm 1979 by hand: 0.01, 0.04, 0.03, 0.005 → ×4, ×3, ×2, ×1 in ascending order, made monotone. */
    @Test
    void adjusts_a_family_of_four_in_the_order_given() {
        double[] adjusted = Holm.adjust(0.01, 0.04, 0.03, 0.005);

        assertThat(adjusted[3]).isCloseTo(0.02, within(1e-12));
        assertThat(adjusted[0]).isCloseTo(0.03, within(1e-12));
        assertThat(adjusted[2]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[1]).isCloseTo(0.06, within(1e-12));
    }

    /** The same as R's {@code p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "holm")}: 0.05 0.08 0.09 0.09 0.09. */
    @Test
    void matches_r_p_adjust_holm() {
        assertThat(Holm.adjust(0.01, 0.02, 0.03, 0.04, 0.05))
                .containsExactly(new double[] {0.05, 0.08, 0.09, 0.09, 0.09}, within(1e-12));
    }

    @Test
    void one_test_is_not_adjusted() {
        assertThat(Holm.adjust(0.03)).containsExactly(0.03);
    }

    @Property(tries = 300)
    void adjusted_values_are_at_least_raw_at_most_one_and_keep_the_order(
            @ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = 0, max = 1) Double> raw) {
        double[] p = raw.stream().mapToDouble(Double::doubleValue).toArray();
        double[] adjusted = Holm.adjust(p);

        for (int i = 0; i < p.length; i++) {
            assertThat(adjusted[i]).isGreaterThanOrEqualTo(p[i]).isLessThanOrEqualTo(1.0);
            for (int j = 0; j < p.length; j++) {
                if (p[i] <= p[j]) {
                    assertThat(adjusted[i]).isLessThanOrEqualTo(adjusted[j]);
                }
            }
        }
        assertThat(Arrays.stream(adjusted).max().orElseThrow()).isLessThanOrEqualTo(1.0);
    }
}
