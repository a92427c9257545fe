package org.credence.pathway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credence.insights.Count;
import org.credence.insights.Evidence;
import org.credence.insights.Figure;
import org.credence.insights.Figures;
import org.credence.insights.Formula;
import org.credence.insights.Metric;
import org.credence.insights.privacy.SmallCellSuppression;
import org.credence.insights.privacy.SuppressedTable;
import org.credence.insights.stats.ConfidenceLevel;

/**
 * A pathway's funnel: how many recipients started it (earned at least one component), reached each "k of N",
 * and completed it (hold its credential). Formula and privacy in docs/pathways.md:
 * <ul>
 *   <li>each recipient who started is in exactly one stage: "completed" when they hold the pathway's
 *       credential, else "k of N" with k their earned components, capped at N;</li>
 *   <li>the stages are suppressed with {@link SmallCellSuppression} (primary and complementary);</li>
 *   <li>"reached k" is the number in stage k or later (completed reaches every k); it is shown only when
 *       every withheld stage lies on one side of k, so it can be worked out from what is shown already and
 *       gives no withheld stage away; its share of those who started has a Wilson interval.</li>
 * </ul>
 *
 * @param stages       recipients by stage, after suppression: "1_of_N" … "N_of_N", then "completed"
 * @param reached      recipients who reached at least k (k = 1 … N, then completed), each with its share of
 *                     those who started; a withheld one has no value
 */
public record PathwayFunnel(Pathway pathway, int minGroupSize, SuppressedTable stages, List<Reached> reached) {
    private static final String UNIT = "recipients";
    private static final Metric STAGE = new Metric("pathway.stage", "Recipients at this stage",
            "Recipients whose furthest stage on the pathway is this one: k of N components earned (k capped at N), or the pathway's credential held.",
            new Formula("count", "count of recipients (distinct e-mail hashes) at the stage"), null, Evidence.MEASURED, null);
    private static final Metric REACHED = new Metric("pathway.reached", "Recipients who reached this stage",
            "Recipients who earned at least k of the pathway's components, or hold its credential.",
            new Formula("count", "sum of the stages from k on, completed included"), null, Evidence.MEASURED, null);
    private static final Metric SHARE = new Metric("pathway.reached_share", "Share of those who started",
            "Recipients who reached this stage, of those who earned at least one component.",
            new Formula("proportion", "reached(k) / started, Wilson score interval at 95 %"), "recipients who started the pathway",
            Evidence.DERIVED, null);

    public PathwayFunnel {
        reached = List.copyOf(reached);
    }

    /** One step of the cumulative funnel. */
    public record Reached(String stage, Figure recipients, Figure shareOfStarted) {}

    /**
     * @param counts recipients by stage before suppression: {@code counts[k-1]} at "k of N" (k = 1 … N), {@code counts[N]} completed
     */
    static PathwayFunnel of(Pathway pathway, long[] counts, int minGroupSize) {
        int n = pathway.minimum();
        List<String> names = new ArrayList<>();
        Map<String, Long> byStage = new LinkedHashMap<>();
        for (int k = 1; k <= n; k++) {
            names.add(k + "_of_" + n);
        }
        names.add("completed");
        for (int i = 0; i < names.size(); i++) {
            byStage.put(names.get(i), counts[i]);
        }
        SmallCellSuppression suppression = new SmallCellSuppression(minGroupSize);
        SuppressedTable table = suppression.apply(STAGE, UNIT, byStage);
        boolean[] withheld = new boolean[names.size()];
        for (Figure cell : table.cells()) {
            if (cell.suppressed()) {
                withheld[names.indexOf(cell.metric().id().substring(STAGE.id().length() + 1))] = true;
            }
        }
        long started = 0;
        for (long c : counts) {
            started += c;
        }
        List<Reached> reached = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            long sum = 0;
            boolean before = false;
            boolean after = false;
            for (int i = 0; i < names.size(); i++) {
                if (i >= k) {
                    sum += counts[i];
                }
                before |= withheld[i] && i < k;
                after |= withheld[i] && i >= k;
            }
            String stage = k == 0 ? "started" : names.get(k);
            Metric count = REACHED.forGroup(stage, stage);
            Metric share = SHARE.forGroup(stage, stage);
            boolean hide = (before && after) || (sum > 0 && sum < minGroupSize) || table.total().suppressed();
            reached.add(hide
                    ? new Reached(stage, Figure.suppressed(count, UNIT, "withheld: it would give a withheld stage away, or counts fewer than "
                    + minGroupSize), Figure.suppressed(share, Figures.PROPORTION, "withheld with its count"))
                    : new Reached(stage, Figures.count(count, Count.of(stage, sum, UNIT)),
                    Figures.proportion(share, Count.of("reached", sum, UNIT), Count.of("started", started, UNIT), ConfidenceLevel.NINETY_FIVE)));
        }
        return new PathwayFunnel(pathway, minGroupSize, table, reached);
    }
}
