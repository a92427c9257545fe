package org.credence.insights.privacy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.credence.insights.Count;
import org.credence.insights.Figure;
import org.credence.insights.Figures;
import org.credence.insights.Metric;
import org.credence.insights.Warning;

/**
 * Withholds counts of small groups so no individual can be singled out.
 *
 * <ol>
 *   <li>Primary: a group with fewer than {@code threshold} (5) is suppressed. Groups with 0 are
 *       left out altogether.</li>
 *   <li>Complementary: while exactly one group is suppressed, or the suppressed groups together
 *       hold fewer than {@code threshold}, the smallest shown group is suppressed too. Otherwise
 *       the total minus the shown groups gives the one hidden count back, or shows that a few
 *       hidden groups share a tiny total (two hidden groups summing to 2 must hold 1 each).</li>
 *   <li>The total is suppressed when it is under {@code threshold}.</li>
 * </ol>
 * What it does not hide: which groups exist (a suppressed group's name is shown, so it has at least
 * one member), and a count that other figures on the same page give away.
 *
 * <p>{@link #grid} does the same for a two-way table published with its row, column and grand
 * totals, where a withheld cell could otherwise be recovered by subtraction along its row or its
 * column (secondary suppression).
 *
 * @param threshold the smallest group shown, at least 1
 */
public record SmallCellSuppression(long threshold) {

    /** Groups under 5 are suppressed. */
    public static final SmallCellSuppression DEFAULT = new SmallCellSuppression(5);

    private static final Comparator<Map.Entry<String, Long>> SMALLEST_FIRST =
            Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey());

    public SmallCellSuppression {
        if (threshold < 1) {
            throw new IllegalArgumentException("suppression threshold (" + threshold + ") must be at least 1");
        }
    }

    /**
     * Suppresses {@code countsByGroup}: one figure a group, its metric {@code metric.forGroup(group)}.
     *
     * @param unit what is counted ("verifications")
     */
    public SuppressedTable apply(Metric metric, String unit, Map<String, Long> countsByGroup) {
        List<Map.Entry<String, Long>> shown = new ArrayList<>();
        List<Map.Entry<String, Long>> hidden = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> entry : countsByGroup.entrySet()) {
            if (entry.getKey() == null || entry.getKey().isBlank() || entry.getValue() == null || entry.getValue() < 0) {
                throw new IllegalArgumentException(metric.id() + ": group '" + entry.getKey() + "' needs a name and a "
                        + "count of at least 0, got " + entry.getValue());
            }
            if (entry.getValue() > 0) {
                (entry.getValue() < threshold ? hidden : shown).add(Map.entry(entry.getKey(), entry.getValue()));
                total += entry.getValue();
            }
        }
        shown.sort(SMALLEST_FIRST);
        while (!hidden.isEmpty() && !shown.isEmpty() && (hidden.size() == 1 || sum(hidden) < threshold)) {
            hidden.add(shown.remove(0));
        }

        List<Figure> cells = new ArrayList<>();
        shown.sort(SMALLEST_FIRST.reversed());
        shown.forEach(entry -> cells.add(Figures.count(group(metric, entry.getKey()),
                Count.of(entry.getKey(), entry.getValue(), unit))));
        hidden.sort(Map.Entry.comparingByKey());
        hidden.forEach(entry -> cells.add(Figure.suppressed(group(metric, entry.getKey()), unit,
                Warning.of(Warning.Text.WITHHELD_SMALL_GROUP, "threshold", threshold))));
        Metric totalMetric = metric.forGroup("total", "total");
        Figure totalFigure = total > 0 && total < threshold
                ? Figure.suppressed(totalMetric, unit, Warning.of(Warning.Text.WITHHELD_SMALL_TOTAL, "threshold", threshold))
                : Figure.of(totalMetric, BigDecimal.valueOf(total), unit, Map.of());
        return new SuppressedTable(cells, totalFigure, hidden.size());
    }

    /**
     * One figure as a report may publish it. A measured or derived figure is withheld whole when
     * it, or any measured count it is computed from, holds 1 to {@code threshold − 1}: a rate of
     * 2 out of 900 names a group of two (money inputs are not counts of people and never withhold). An estimated figure (a model over assumptions) keeps its
     * value but loses its measured inputs when any is small, since the inputs would show the group.
     * Anything else comes back unchanged.
     */
    public Figure figure(Figure figure) {
        if (figure.suppressed()) {
            return figure;
        }
        // money (an ISO 4217 unit) is not a count of people
        boolean smallInput = figure.measuredInputs().values().stream()
                .anyMatch(input -> !input.unit().matches("[A-Z]{3}") && small(input.value()));
        if (figure.metric().evidence() == org.credence.insights.Evidence.ESTIMATED) {
            if (!smallInput) {
                return figure;
            }
            Map<String, org.credence.insights.Input> kept = new java.util.LinkedHashMap<>(figure.assumedInputs());
            List<org.credence.insights.Warning> warnings = new ArrayList<>(figure.warnings());
            warnings.add(Warning.of(Warning.Text.INPUTS_WITHHELD, "threshold", threshold));
            return new Figure(figure.metric(), figure.value(), figure.unit(), kept, figure.interval(), warnings, false);
        }
        boolean smallCount = figure.inputs().isEmpty() && figure.value() != null && small(figure.value());
        return smallInput || smallCount
                ? Figure.suppressed(figure.metric(), figure.unit(), Warning.of(Warning.Text.WITHHELD_SMALL_COUNT, "threshold", threshold))
                : figure;
    }

    private boolean small(BigDecimal count) {
        return count.signum() > 0 && count.compareTo(BigDecimal.valueOf(threshold)) < 0;
    }

    /**
     * Suppresses a two-way table of counts published with its totals. Primary: every cell or total
     * from 1 to {@code threshold − 1}. Secondary, repeated until nothing changes: in every line of
     * the table extended by its totals (each row with its row total, each column with its column
     * total, the row of column totals and the column of row totals, each with the grand total),
     * <ul>
     *   <li>a line with exactly one withheld entry gets a second one, since the line's sum gives the
     *       one back by subtraction;</li>
     *   <li>a line whose total is shown and whose withheld cells together hold 1 to
     *       {@code threshold − 1} gets one more, since their sum would show they are all small.</li>
     * </ul>
     * The extra entry is the line's smallest shown non-zero cell, else a zero cell, else its total.
     * So no withheld entry is the only unknown of any row or column: none can be worked out by
     * subtracting published numbers along a row or a column, nor along a chain of such steps.
     *
     * @param counts {@code counts[i][j]} for row {@code i} and column {@code j}, each at least 0
     */
    public SuppressedGrid grid(List<String> rows, List<String> columns, long[][] counts) {
        int r = rows.size();
        int c = columns.size();
        if (r == 0 || c == 0 || counts.length != r) {
            throw new IllegalArgumentException("a grid needs at least one row and one column, and a row of counts per row name");
        }
        long[][] v = new long[r + 1][c + 1];
        for (int i = 0; i < r; i++) {
            if (counts[i].length != c) {
                throw new IllegalArgumentException("row '" + rows.get(i) + "' has " + counts[i].length + " counts for " + c + " columns");
            }
            for (int j = 0; j < c; j++) {
                if (counts[i][j] < 0) {
                    throw new IllegalArgumentException("cell (" + rows.get(i) + ", " + columns.get(j) + ") is negative: " + counts[i][j]);
                }
                v[i][j] = counts[i][j];
                v[i][c] += counts[i][j];
                v[r][j] += counts[i][j];
                v[r][c] += counts[i][j];
            }
        }
        boolean[][] withheld = new boolean[r + 1][c + 1];
        for (int i = 0; i <= r; i++) {
            for (int j = 0; j <= c; j++) {
                withheld[i][j] = v[i][j] > 0 && v[i][j] < threshold;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i <= r; i++) {
                changed |= protect(line(i, -1, r, c), v, withheld);
            }
            for (int j = 0; j <= c; j++) {
                changed |= protect(line(-1, j, r, c), v, withheld);
            }
        }
        return new SuppressedGrid(rows, columns, v, withheld);
    }

    /** The entries of row {@code row} (or, when it is -1, of column {@code column}) of the extended table, its total last. */
    private static int[][] line(int row, int column, int r, int c) {
        int length = row >= 0 ? c + 1 : r + 1;
        int[][] entries = new int[length][];
        for (int k = 0; k < length; k++) {
            entries[k] = row >= 0 ? new int[] {row, k} : new int[] {k, column};
        }
        return entries;
    }

    /** Withholds one more entry of the line when it needs one; true when it did. */
    private boolean protect(int[][] line, long[][] v, boolean[][] withheld) {
        int count = 0;
        long hiddenSum = 0;
        for (int k = 0; k < line.length - 1; k++) {
            if (withheld[line[k][0]][line[k][1]]) {
                count++;
                hiddenSum += v[line[k][0]][line[k][1]];
            }
        }
        int[] total = line[line.length - 1];
        boolean totalWithheld = withheld[total[0]][total[1]];
        int withheldEntries = count + (totalWithheld ? 1 : 0);
        boolean needed = withheldEntries == 1 || (!totalWithheld && hiddenSum > 0 && hiddenSum < threshold);
        if (!needed) {
            return false;
        }
        int[] pick = null;
        for (int k = 0; k < line.length - 1; k++) {
            int[] e = line[k];
            if (!withheld[e[0]][e[1]] && (pick == null || rank(v, e) < rank(v, pick))) {
                pick = e;
            }
        }
        if (pick == null) {
            pick = totalWithheld ? null : total;
        }
        if (pick == null) {
            return false;
        }
        withheld[pick[0]][pick[1]] = true;
        return true;
    }

    /** Smallest non-zero count first, zeros after every non-zero count. */
    private static long rank(long[][] v, int[] entry) {
        long value = v[entry[0]][entry[1]];
        return value == 0 ? Long.MAX_VALUE : value;
    }

    private static Metric group(Metric metric, String key) {
        return metric.forGroup(key, key);
    }

    private static long sum(List<Map.Entry<String, Long>> entries) {
        return entries.stream().mapToLong(Map.Entry::getValue).sum();
    }
}
