package org.credence.insights.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.credence.insights.Figure;
import org.credence.insights.engagement.Verifications;
import org.junit.jupiter.api.Test;

class SmallCellSuppressionTest {

    private static Map<String, Long> counts(Object... pairs) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            counts.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return counts;
    }

    private static Map<String, BigDecimal> shown(SuppressedTable table) {
        Map<String, BigDecimal> shown = new LinkedHashMap<>();
        table.cells().stream().filter(cell -> !cell.suppressed())
                .forEach(cell -> shown.put(cell.metric().id().replaceAll(".*\\.", ""), cell.value()));
        return shown;
    }

    @Test
    void nothing_is_suppressed_when_every_group_has_five_or_more() {
        SuppressedTable table = Verifications.byCountry(counts("NO", 120, "SE", 40, "DK", 5));

        assertThat(shown(table)).containsExactly(Map.entry("NO", BigDecimal.valueOf(120)),
                Map.entry("SE", BigDecimal.valueOf(40)), Map.entry("DK", BigDecimal.valueOf(5)));
        assertThat(table.total().value()).isEqualTo(BigDecimal.valueOf(165));
        assertThat(table.suppressedCells()).isZero();
        assertThat(table.cells().get(0).metric().id()).isEqualTo("engagement.verifications_by_country.NO");
    }

    @Test
    void a_single_small_group_takes_the_next_smallest_with_it() {
        // Without the second suppression, 165 − 120 − 40 would give Iceland's 3 back.
        SuppressedTable table = Verifications.byCountry(counts("NO", 120, "SE", 40, "DK", 9, "IS", 3));

        assertThat(shown(table)).containsOnlyKeys("NO", "SE");
        assertThat(table.suppressedCells()).isEqualTo(2);
        assertThat(table.cells()).filteredOn(Figure::suppressed)
                .extracting(cell -> cell.metric().id()).containsExactly(
                        "engagement.verifications_by_country.DK", "engagement.verifications_by_country.IS");
        assertThat(table.total().value()).isEqualTo(BigDecimal.valueOf(172));
    }

    @Test
    void small_groups_whose_sum_is_small_are_protected_too() {
        // IS 1 and FO 1 sum to 2 with both present: each must be 1. The next smallest hides them.
        SuppressedTable table = Verifications.byCountry(counts("NO", 120, "SE", 40, "IS", 1, "FO", 1));

        assertThat(shown(table)).containsOnlyKeys("NO");
        assertThat(table.suppressedCells()).isEqualTo(3);
    }

    @Test
    void a_lone_small_group_leaves_nothing_shown_and_the_total_suppressed() {
        SuppressedTable table = Verifications.byCountry(counts("NO", 3));

        assertThat(table.cells()).allMatch(Figure::suppressed);
        assertThat(table.total().suppressed()).isTrue();
        assertThat(table.total().value()).isNull();
    }

    @Test
    void groups_with_zero_are_left_out_and_bad_counts_refused() {
        SuppressedTable table = Verifications.byCountry(counts("NO", 10, "SE", 0));

        assertThat(table.cells()).hasSize(1);
        assertThatThrownBy(() -> Verifications.byCountry(counts("NO", -1)))
                .hasMessage("engagement.verifications_by_country: group 'NO' needs a name and a count of at least 0, got -1");
    }

    @Property(tries = 500)
    void no_small_group_is_shown_and_no_hidden_group_can_be_worked_out_alone(
            @ForAll @Size(max = 12) Map<@IntRange(min = 0, max = 30) Integer, @IntRange(min = 1, max = 40) Integer> raw) {
        Map<String, Long> counts = new LinkedHashMap<>();
        raw.forEach((key, value) -> counts.put("G" + key, value.longValue()));

        SuppressedTable table = SmallCellSuppression.DEFAULT.apply(
                org.credence.insights.engagement.EngagementDefinitions.VERIFICATIONS_BY_COUNTRY, "verifications", counts);

        long shownTotal = 0;
        for (Figure cell : table.cells()) {
            if (!cell.suppressed()) {
                assertThat(cell.value().longValue()).isGreaterThanOrEqualTo(5);
                shownTotal += cell.value().longValue();
            }
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long hiddenTotal = total - shownTotal;
        if (!table.total().suppressed() && table.cells().stream().anyMatch(cell -> !cell.suppressed())) {
            // What the total gives away is the hidden groups' sum: never one group alone, never a small sum.
            assertThat(table.suppressedCells()).isNotEqualTo(1);
            assertThat(hiddenTotal == 0 || hiddenTotal >= 5).isTrue();
        }
        assertThat(table.cells()).hasSize(counts.size());
    }
}
