package org.credence.report;

import java.util.List;

/** What the board report template shows, already formatted in the page's language: the template does no arithmetic. */
public final class ReportView {
    private ReportView() {}

    /** One figure beside the previous period's, with its evidence type and footnote number. */
    public record FigureRow(String label, String current, String currentInterval, String previous, String previousInterval,
                            String evidence, int footnote, List<String> warnings, String sentence) {}

    /** A table of counts with its total row; withheld cells read "withheld". */
    public record TableRows(String title, List<String> header, List<List<String>> rows) {}

    /** One layer's section. */
    public record SectionView(String id, String title, List<FigureRow> figures, List<TableRows> tables, String note) {}

    /** A chart as inline SVG (made on the server, every text escaped) and its caption. */
    public record ChartView(String id, String title, String svg) {}

    /** The measurement-maturity tier: its name, what it means, why, and the next step. */
    public record MaturityView(String tier, String means, List<String> reasons, String nextStep) {}

    /** A footnote: its number and text. */
    public record Note(int number, String text) {}
}
