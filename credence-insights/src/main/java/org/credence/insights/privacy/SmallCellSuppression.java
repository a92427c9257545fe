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
                "withheld: fewer than " + threshold + ", or withheld so a small group cannot be worked out")));
        Metric totalMetric = metric.forGroup("total", "total");
        Figure totalFigure = total > 0 && total < threshold
                ? Figure.suppressed(totalMetric, unit, "withheld: the total is under " + threshold)
                : Figure.of(totalMetric, BigDecimal.valueOf(total), unit, Map.of());
        return new SuppressedTable(cells, totalFigure, hidden.size());
    }

    private static Metric group(Metric metric, String key) {
        return metric.forGroup(key, key);
    }

    private static long sum(List<Map.Entry<String, Long>> entries) {
        return entries.stream().mapToLong(Map.Entry::getValue).sum();
    }
}
