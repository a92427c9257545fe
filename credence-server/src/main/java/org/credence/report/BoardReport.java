package org.credence.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credence.insights.Figure;
import org.credence.insights.Metric;

/**
 * A report for one tenant and period, in sections, ready for the page, the PDF and the JSON.
 *
 * @param title         whose report: the tenant's name
 * @param period        the period reported on
 * @param previous      the period shown beside it
 * @param simulated     the tenant's data is simulated (demo): every rendering says so
 * @param minGroupSize  the small-group threshold applied
 * @param sections      in layer order
 * @param summary       the one line of cost versus return
 * @param maturity      the tenant's measurement-maturity tier (board report), or null; rendered in the reader's language
 */
public record BoardReport(String title, ReportPeriod period, ReportPeriod previous, boolean simulated, long minGroupSize,
                          List<BoardSection> sections, CostVersusReturn summary,
                          org.credence.analytics.Maturity.Assessment maturity) {
    public BoardReport {
        sections = List.copyOf(sections);
    }

    /** Every distinct metric of the report, numbered from 1 in reading order: the footnotes with formula and assumptions. */
    public Map<String, Footnote> footnotes() {
        Map<String, Footnote> notes = new LinkedHashMap<>();
        for (BoardSection section : sections) {
            for (BoardFigure figure : section.figures()) {
                Metric metric = figure.current().metric();
                notes.computeIfAbsent(metric.id(), id -> new Footnote(notes.size() + 1, metric, figure.current()));
            }
        }
        return notes;
    }

    /** Every figure of the report in reading order. */
    public List<BoardFigure> figures() {
        List<BoardFigure> all = new ArrayList<>();
        sections.forEach(s -> all.addAll(s.figures()));
        return all;
    }

    /**
     * A footnote: the metric's formula and, from the current figure, its inputs and assumptions.
     *
     * @param number 1, 2, … in reading order
     */
    public record Footnote(int number, Metric metric, Figure figure) {}

    /**
     * The one line of cost versus return. Each part is null when the tenant has no data for it.
     *
     * @param costs                fully loaded program costs in the period (layer 1 ledger)
     * @param returns              monetised benefits, base case, or null
     * @param ratio                the benefit–cost ratio, or the correlational value indicator when no
     *                             benefit has an isolation method; null without benefits
     * @param advertisingEquivalent advertising-equivalent value of the shares (layer 3, not revenue)
     */
    public record CostVersusReturn(Figure costs, Figure returns, Figure ratio, Figure advertisingEquivalent) {}
}
