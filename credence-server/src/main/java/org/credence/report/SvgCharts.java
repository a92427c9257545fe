package org.credence.report;

import java.util.Locale;

/**
 * A chart as inline SVG, drawn on the server: no script, so it passes the pages' content security
 * policy and prints as vectors. Labels are escaped here because the template inserts the SVG as is.
 */
final class SvgCharts {
    private static final int WIDTH = 560;
    private static final int LABEL = 190;
    private static final int ROW = 22;

    private SvgCharts() {}

    static String of(ReportCharts.Chart chart) {
        double scale = ReportCharts.scale(chart);
        int barRoom = WIDTH - LABEL - 80;
        int height = chart.bars().size() * ROW + 8;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" aria-label=\"").append(escape(chart.title())).append("\">");
        int y = 4;
        for (ReportCharts.Bar bar : chart.bars()) {
            svg.append("<text x=\"0\" y=\"").append(y + 12).append("\" font-size=\"11\">").append(escape(bar.label())).append("</text>");
            boolean pair = bar.previous() != null;
            int h = pair ? 8 : 14;
            double w = Math.max(0.5, bar.current() / scale * barRoom);
            svg.append(rect(LABEL, y + 1, w, h, "#0b57d0")).append(label(LABEL + w + 4, y + h, bar.currentText()));
            if (pair) {
                double p = Math.max(0.5, bar.previous() / scale * barRoom);
                svg.append(rect(LABEL, y + 11, p, h, "#a8c7fa")).append(label(LABEL + p + 4, y + 11 + h, bar.previousText()));
            }
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    private static String rect(double x, double y, double w, double h, String fill) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", x, y, w, h, fill);
    }

    private static String label(double x, double y, String text) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\">%s</text>", x, y, escape(text));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
