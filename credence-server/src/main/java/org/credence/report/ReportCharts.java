package org.credence.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.credence.insights.Figure;
import org.credence.insights.Figures;
import org.credence.insights.privacy.SuppressedGrid;

/**
 * What a report's charts draw, made once from the report so the page's SVG and the PDF's vector
 * drawing show the same bars: withheld cells are left out, never drawn.
 */
final class ReportCharts {
    private static final int MOST_BARS = 8;

    private ReportCharts() {}

    /**
     * One bar: a value this period and, when there is one, the previous period's.
     *
     * @param previous null when the chart has no previous value
     */
    record Bar(String label, double current, Double previous, String currentText, String previousText) {}

    /** A horizontal bar chart; {@code percent} when the values are proportions shown as percentages. */
    record Chart(String id, String title, List<Bar> bars, boolean percent) {}

    static List<Chart> of(BoardReport report, ReportText text) {
        List<Chart> charts = new ArrayList<>();
        List<Bar> rates = new ArrayList<>();
        for (BoardFigure f : report.figures()) {
            if (shown(f.current()) && f.current().unit().equals(Figures.PROPORTION)) {
                Double previous = f.previous() != null && shown(f.previous()) ? f.previous().value().doubleValue() : null;
                rates.add(new Bar(text.label(f.current().metric()), f.current().value().doubleValue(), previous,
                        text.value(f.current()), previous == null ? "" : text.value(f.previous())));
            }
        }
        if (!rates.isEmpty()) {
            charts.add(new Chart("rates", text.get("chart.rates"), rates, true));
        }
        for (BoardSection section : report.sections()) {
            for (GridTable table : section.tables()) {
                SuppressedGrid grid = table.grid();
                List<Bar> bars = new ArrayList<>();
                for (int i = 0; i < grid.rows().size() && bars.size() < MOST_BARS; i++) {
                    OptionalLong total = grid.rowTotal(i);
                    if (total.isPresent() && total.getAsLong() > 0) {
                        bars.add(new Bar(grid.rows().get(i), total.getAsLong(), null, text.count(total.getAsLong()), ""));
                    }
                }
                if (!bars.isEmpty()) {
                    charts.add(new Chart(table.id(), text.get("chart.issued"), bars, false));
                }
            }
        }
        return charts;
    }

    private static boolean shown(Figure figure) {
        return !figure.suppressed() && figure.value() != null;
    }

    /** The longest bar's value, so every bar of the chart is drawn to one scale. */
    static double scale(Chart chart) {
        double max = 0;
        for (Bar bar : chart.bars()) {
            max = Math.max(max, Math.max(bar.current(), bar.previous() == null ? 0 : bar.previous()));
        }
        return max <= 0 ? 1 : max;
    }
}
