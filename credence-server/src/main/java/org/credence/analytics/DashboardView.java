package org.credence.analytics;

import java.util.List;

/**
 * What the dashboard template shows, already formatted in the page's language: no arithmetic or
 * lookups happen in the template.
 */
public final class DashboardView {
    private DashboardView() {}

    /** One input of a figure, marked measured or assumed; {@code provenance} says who set an assumption, when and why. */
    public record InputView(String name, String value, boolean assumed, String provenance) {}

    /** A figure with its "how is this computed" note. */
    public record FigureView(String label, String value, String interval, String definition, String formula, String denominator,
                             String caveat, List<InputView> inputs, List<String> warnings) {}

    /** A table and the link that downloads it as CSV. */
    public record TableView(String caption, String csvUrl, List<String> header, List<List<String>> rows) {}

    /** A Chart.js configuration as JSON, read by the page's script from the canvas's data attribute. */
    public record ChartView(String id, String label, String config) {}

    /** One section of the dashboard. */
    public record Section(String id, String title, String note, List<FigureView> figures, List<ChartView> charts, List<TableView> tables) {}

    /** An option of the achievement filter. */
    public record Option(String value, String label, boolean selected) {}
}
