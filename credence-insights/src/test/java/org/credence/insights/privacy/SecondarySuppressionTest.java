package org.credence.insights.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Small cells of a two-way table with its totals: withheld, and not recoverable by subtraction along rows and columns. */
class SecondarySuppressionTest {

    private static List<String> names(String prefix, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void a_table_without_small_cells_is_published_whole() {
        SuppressedGrid grid = SmallCellSuppression.DEFAULT.grid(List.of("a", "b"), List.of("x", "y"), new long[][] {{10, 20}, {5, 0}});

        assertThat(grid.withheldEntries()).isZero();
        assertThat(grid.rowTotal(0)).hasValue(30);
        assertThat(grid.columnTotal(1)).hasValue(20);
        assertThat(grid.total()).hasValue(35);
        assertThat(grid.cell(1, 1)).hasValue(0);
    }

    @Test
    void one_small_cell_takes_a_second_cell_in_its_row_and_its_column_and_the_fourth_corner() {
        // 3 is small: its row and its column each need a second withheld cell, and so does the row and column those land in
        SuppressedGrid grid = SmallCellSuppression.DEFAULT.grid(List.of("a", "b"), List.of("x", "y"), new long[][] {{3, 40}, {50, 60}});

        assertThat(grid.cell(0, 0)).isEmpty();
        assertThat(grid.cell(0, 1)).isEmpty();
        assertThat(grid.cell(1, 0)).isEmpty();
        assertThat(grid.cell(1, 1)).isEmpty();
        assertThat(grid.rowTotal(0)).hasValue(43);
        assertThat(grid.total()).hasValue(153);
    }

    @Test
    void a_small_total_is_withheld_with_a_partner_among_the_totals() {
        SuppressedGrid grid = SmallCellSuppression.DEFAULT.grid(List.of("a", "b", "c"), List.of("x"), new long[][] {{2}, {30}, {40}});

        assertThat(grid.rowTotal(0)).isEmpty();
        assertThat(grid.rowTotal(1)).isEmpty();
        assertThat(grid.rowTotal(2)).hasValue(40);
    }

    @Test
    void two_small_cells_that_sum_under_the_threshold_take_a_third() {
        SuppressedGrid grid = SmallCellSuppression.DEFAULT.grid(List.of("a"), List.of("x", "y", "z"), new long[][] {{1, 2, 30}});

        assertThat(grid.cell(0, 2)).isEmpty();
    }

    @Test
    void a_ragged_or_negative_table_is_refused() {
        assertThatThrownBy(() -> SmallCellSuppression.DEFAULT.grid(List.of("a"), List.of("x", "y"), new long[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmallCellSuppression.DEFAULT.grid(List.of("a"), List.of("x"), new long[][] {{-1}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_rate_computed_from_a_small_count_is_withheld_and_one_from_large_counts_is_not() {
        org.credence.insights.Metric metric = org.credence.insights.engagement.EngagementDefinitions.CLAIM_RATE;
        var level = org.credence.insights.stats.ConfidenceLevel.NINETY_FIVE;
        org.credence.insights.Figure small = org.credence.insights.Figures.proportion(metric,
                org.credence.insights.Count.of("claimed", 2, "credentials"), org.credence.insights.Count.of("issued", 900, "credentials"), level);
        org.credence.insights.Figure large = org.credence.insights.Figures.proportion(metric,
                org.credence.insights.Count.of("claimed", 200, "credentials"), org.credence.insights.Count.of("issued", 900, "credentials"), level);

        assertThat(SmallCellSuppression.DEFAULT.figure(small).suppressed()).isTrue();
        assertThat(SmallCellSuppression.DEFAULT.figure(small).value()).isNull();
        assertThat(SmallCellSuppression.DEFAULT.figure(large)).isEqualTo(large);
    }

    record Case(long threshold, long[][] counts) {}

    @Provide
    Arbitrary<Case> tables() {
        Arbitrary<long[][]> counts = Arbitraries.integers().between(1, 5).flatMap(r -> Arbitraries.integers().between(1, 6).flatMap(c ->
                Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 6)),
                                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(0, 60)))
                        .array(long[].class).ofSize(c).array(long[][].class).ofSize(r)));
        return Combinators.combine(Arbitraries.longs().between(1, 6), counts).as(Case::new);
    }

    @Property(tries = 2000)
    void every_small_entry_is_withheld_and_every_shown_entry_is_true(@ForAll("tables") Case c) {
        SuppressedGrid grid = suppress(c);
        long[][] full = extended(c.counts());

        for (int i = 0; i < full.length; i++) {
            for (int j = 0; j < full[i].length; j++) {
                OptionalLong shown = grid.entry(i, j);
                if (full[i][j] > 0 && full[i][j] < c.threshold()) {
                    assertThat(shown).as("entry (%d,%d) of\n%s", i, j, grid).isEmpty();
                }
                if (shown.isPresent()) {
                    assertThat(shown.getAsLong()).isEqualTo(full[i][j]);
                }
            }
        }
    }

    @Property(tries = 2000)
    void no_withheld_entry_can_be_worked_out_by_subtraction_along_rows_and_columns(@ForAll("tables") Case c) {
        SuppressedGrid grid = suppress(c);
        long[][] full = extended(c.counts());
        int rows = full.length;
        int cols = full[0].length;
        boolean[][] known = new boolean[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                known[i][j] = grid.entry(i, j).isPresent();
            }
        }
        // an attacker solves any row or column with one unknown, and repeats with what it learned
        boolean learned = true;
        while (learned) {
            learned = false;
            for (int i = 0; i < rows; i++) {
                learned |= solve(known, lineOfRow(i, cols));
            }
            for (int j = 0; j < cols; j++) {
                learned |= solve(known, lineOfColumn(j, rows));
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (grid.entry(i, j).isEmpty()) {
                    assertThat(known[i][j]).as("withheld entry (%d,%d) = %d recovered from\n%s", i, j, full[i][j], grid).isFalse();
                }
            }
        }
    }

    @Property(tries = 2000)
    void withheld_cells_of_a_line_with_a_shown_total_never_sum_to_a_small_group(@ForAll("tables") Case c) {
        SuppressedGrid grid = suppress(c);
        long[][] full = extended(c.counts());
        int rows = full.length;
        int cols = full[0].length;
        for (int i = 0; i < rows; i++) {
            assertHiddenSumSafe(grid, full, lineOfRow(i, cols), c.threshold());
        }
        for (int j = 0; j < cols; j++) {
            assertHiddenSumSafe(grid, full, lineOfColumn(j, rows), c.threshold());
        }
    }

    @Property
    void a_threshold_of_one_withholds_nothing(@ForAll @IntRange(min = 0, max = 50) int a, @ForAll @IntRange(min = 0, max = 50) int b) {
        SuppressedGrid grid = new SmallCellSuppression(1).grid(List.of("r"), List.of("x", "y"), new long[][] {{a, b}});

        assertThat(grid.withheldEntries()).isZero();
    }

    private static void assertHiddenSumSafe(SuppressedGrid grid, long[][] full, int[][] line, long threshold) {
        int[] total = line[line.length - 1];
        if (grid.entry(total[0], total[1]).isEmpty()) {
            return;
        }
        long hidden = 0;
        for (int k = 0; k < line.length - 1; k++) {
            if (grid.entry(line[k][0], line[k][1]).isEmpty()) {
                hidden += full[line[k][0]][line[k][1]];
            }
        }
        assertThat(hidden == 0 || hidden >= threshold).as("hidden sum %d in\n%s", hidden, grid).isTrue();
    }

    private static boolean solve(boolean[][] known, int[][] line) {
        int unknown = 0;
        int[] last = null;
        for (int[] e : line) {
            if (!known[e[0]][e[1]]) {
                unknown++;
                last = e;
            }
        }
        if (unknown == 1) {
            known[last[0]][last[1]] = true;
            return true;
        }
        return false;
    }

    private static int[][] lineOfRow(int i, int cols) {
        int[][] line = new int[cols][];
        for (int j = 0; j < cols; j++) {
            line[j] = new int[] {i, j};
        }
        return line;
    }

    private static int[][] lineOfColumn(int j, int rows) {
        int[][] line = new int[rows][];
        for (int i = 0; i < rows; i++) {
            line[i] = new int[] {i, j};
        }
        return line;
    }

    private static SuppressedGrid suppress(Case c) {
        return new SmallCellSuppression(c.threshold()).grid(names("r", c.counts().length), names("c", c.counts()[0].length), c.counts());
    }

    private static long[][] extended(long[][] counts) {
        int r = counts.length;
        int c = counts[0].length;
        long[][] full = new long[r + 1][c + 1];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                full[i][j] = counts[i][j];
                full[i][c] += counts[i][j];
                full[r][j] += counts[i][j];
                full[r][c] += counts[i][j];
            }
        }
        return full;
    }
}
