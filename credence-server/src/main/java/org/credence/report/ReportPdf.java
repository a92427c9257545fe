package org.credence.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.credence.insights.privacy.SuppressedGrid;

/**
 * A report on one A4 landscape page: leading indicators (layers 1 to 4) on the left, the lagging
 * outcomes (layer 5), the cost-versus-return line and the charts on the right, every figure beside
 * the previous period's with its evidence type and a footnote number, and the footnotes (formula,
 * inputs, assumptions) across the bottom. Charts are filled paths, not images.
 */
final class ReportPdf {
    private static final float MARGIN = 28;
    private static final float GUTTER = 18;
    private static final float LEFT_WIDTH = 470;
    private static final float BODY = 7.5f;
    private static final float SMALL = 6f;
    private static final float FOOTNOTE_ROOM = 100;

    private final PdfPen pen;
    private final ReportText t;
    private final BoardReport report;
    private final Map<String, BoardReport.Footnote> footnotes;

    private ReportPdf(PdfPen pen, ReportText t, BoardReport report) {
        this.pen = pen;
        this.t = t;
        this.report = report;
        this.footnotes = report.footnotes();
    }

    /**
     * @param kind "board" or "weekly": the title
     * @param made the day the report is made, printed in its footer
     */
    static byte[] render(BoardReport report, String kind, ReportText t, LocalDate made) {
        String title = t.get("title." + kind) + " — " + report.title();
        try (PdfPen pen = new PdfPen(title, true)) {
            new ReportPdf(pen, t, report).draw(title, kind, made);
            return pen.finish();
        }
    }

    private void draw(String title, String kind, LocalDate made) {
        float top = pen.height - MARGIN;
        pen.text(title, MARGIN, top - 14, 15, true, PdfPen.INK);
        float y = top - 27;
        pen.text(t.format("subtitle." + kind, Map.of("period", report.period().label(), "previous", report.previous().label())),
                MARGIN, y, 9, false, PdfPen.MUTED);
        y -= 11;
        if (report.simulated()) {
            y = pen.paragraph(t.get("simulated"), MARGIN, y, pen.width - 2 * MARGIN, BODY, true, PdfPen.WARN, 0);
        }
        org.credence.analytics.Maturity.Answer maturity = t.maturity(report);
        if (maturity != null) {
            y = pen.paragraph(t.maturityLine(maturity), MARGIN, y, pen.width - 2 * MARGIN, BODY, false, PdfPen.INK, 0);
        }
        y = pen.paragraph(t.format("small_groups", Map.of("min", report.minGroupSize())), MARGIN, y, pen.width - 2 * MARGIN, SMALL, false,
                PdfPen.MUTED, 0) - 4;
        float lowest = MARGIN + FOOTNOTE_ROOM;
        float left = MARGIN;
        float right = MARGIN + LEFT_WIDTH + GUTTER;
        float rightWidth = pen.width - MARGIN - right;
        boolean anyLagging = report.sections().stream().anyMatch(s -> !s.layer().leading());

        float yl = heading(t.get(anyLagging ? "leading" : "column.figure"), left, y, LEFT_WIDTH);
        float yr = y;
        if (anyLagging) {
            yr = heading(t.get("lagging"), right, y, rightWidth);
        }
        for (BoardSection section : report.sections()) {
            if (section.layer().leading() || !anyLagging) {
                yl = section(section, left, yl, LEFT_WIDTH, lowest);
            } else {
                yr = section(section, right, yr, rightWidth, lowest);
            }
        }
        if (report.summary() != null) {
            yr = heading(t.get("cost_versus_return"), right, yr - 4, rightWidth);
            yr = pen.paragraph(t.summary(report.summary()), right, yr, rightWidth, BODY, false, PdfPen.INK, lowest) - 4;
        }
        for (ReportCharts.Chart chart : ReportCharts.of(report, t)) {
            yr = chart(chart, right, yr - 4, rightWidth, lowest);
        }
        // tables go to the right column, under the charts that draw them, so the left keeps every layer's figures
        for (BoardSection section : report.sections()) {
            for (GridTable table : section.tables()) {
                yr = grid(table, right, yr - 4, rightWidth, lowest);
            }
        }
        float yf = Math.min(Math.min(yl, yr), lowest + 10) - 4;
        pen.rule(MARGIN, yf + 8, pen.width - 2 * MARGIN, PdfPen.MUTED);
        yf = pen.paragraph(t.get("footnotes"), MARGIN, yf, pen.width - 2 * MARGIN, SMALL, true, PdfPen.INK, MARGIN);
        // one line a footnote, in two columns, to keep the one page; the page and the JSON give each in full
        float columnWidth = (pen.width - 2 * MARGIN - GUTTER) / 2;
        int perColumn = Math.max(1, (int) ((yf - MARGIN) / 6.5f));
        int i = 0;
        for (BoardReport.Footnote note : footnotes.values()) {
            if (i >= 2 * perColumn) {
                break;
            }
            float fx = i < perColumn ? MARGIN : MARGIN + columnWidth + GUTTER;
            float fy = yf - (i % perColumn) * 6.5f;
            pen.text(pen.fit("[" + note.number() + "] " + t.footnote(note), columnWidth, 5f, false), fx, fy, 5f, false, PdfPen.MUTED);
            i++;
        }
        pen.text(t.format("generated", Map.of("date", made.toString())), MARGIN, MARGIN - 10, 5.5f, false, PdfPen.MUTED);
    }

    private float heading(String text, float x, float y, float width) {
        pen.text(text, x, y - 9, 10, true, PdfPen.ACCENT);
        pen.rule(x, y - 12, width, PdfPen.ACCENT);
        return y - 22;
    }

    private float section(BoardSection section, float x, float y, float width, float lowest) {
        if (y < lowest) {
            return y;
        }
        pen.text(t.get(section.layer().key()), x, y, 8.5f, true, PdfPen.INK);
        y -= 11;
        float valueWidth = Math.min(105, width * 0.25f);
        float evidenceWidth = 62;
        float labelWidth = width - 2 * valueWidth - evidenceWidth;
        if (!section.figures().isEmpty()) {
            pen.text(t.get("column.figure"), x, y, SMALL, true, PdfPen.MUTED);
            pen.textRight(t.get("column.current"), x + labelWidth + valueWidth - 4, y, SMALL, true, PdfPen.MUTED);
            pen.textRight(t.get("column.previous"), x + labelWidth + 2 * valueWidth - 4, y, SMALL, true, PdfPen.MUTED);
            pen.text(t.get("column.evidence"), x + labelWidth + 2 * valueWidth + 4, y, SMALL, true, PdfPen.MUTED);
            y -= 9;
        }
        for (BoardFigure f : section.figures()) {
            if (y < lowest) {
                return y;
            }
            int number = footnotes.get(f.current().metric().id()).number();
            List<String> label = pen.wrap(t.label(f.current().metric()), labelWidth - 6, BODY, false);
            pen.text(pen.fit(label.get(0), labelWidth - 6, BODY, false), x, y, BODY, false, PdfPen.INK);
            pen.textRight(t.value(f.current()), x + labelWidth + valueWidth - 4, y, BODY, true, PdfPen.INK);
            pen.textRight(t.value(f.previous()), x + labelWidth + 2 * valueWidth - 4, y, BODY, false, PdfPen.MUTED);
            pen.text(t.evidence(f.current()) + " [" + number + "]", x + labelWidth + 2 * valueWidth + 4, y, BODY, false, PdfPen.INK);
            if (label.size() > 1) {
                y -= 8;
                pen.text(pen.fit(String.join(" ", label.subList(1, label.size())), labelWidth - 6, BODY, false), x, y, BODY, false, PdfPen.INK);
            }
            String interval = t.interval(f.current());
            String previousInterval = t.interval(f.previous());
            List<String> warnings = t.warnings(f.current());
            if (!interval.isEmpty() || !previousInterval.isEmpty() || !warnings.isEmpty()) {
                y -= 6.5f;
                if (!warnings.isEmpty()) {
                    pen.text(pen.fit(String.join(", ", warnings), labelWidth - 6, 5.5f, false), x + 6, y, 5.5f, false, PdfPen.WARN);
                }
                pen.textRight(interval, x + labelWidth + valueWidth - 4, y, 5.5f, false, PdfPen.MUTED);
                pen.textRight(previousInterval, x + labelWidth + 2 * valueWidth - 4, y, 5.5f, false, PdfPen.MUTED);
            }
            String sentence = t.sentence(f);
            if (!sentence.isEmpty()) {
                y -= 6.5f;
                pen.text(pen.fit(sentence, width - 6, 5.5f, false), x + 6, y, 5.5f, false, PdfPen.MUTED);
            }
            y -= 9;
        }
        if (section.noteKey() != null) {
            y = pen.paragraph(t.get(section.noteKey()), x, y, width, SMALL, false, PdfPen.MUTED, lowest);
        }
        return y - 5;
    }

    /** The table of counts with its totals; a withheld cell reads "withheld". At most six rows, the rest summed in the totals. */
    private float grid(GridTable table, float x, float y, float width, float lowest) {
        SuppressedGrid grid = table.grid();
        int columns = grid.columns().size() + 1;
        float cell = Math.min(52, (width - 120) / columns);
        float labelWidth = width - cell * columns;
        pen.text(t.get(table.titleKey()), x, y, SMALL, true, PdfPen.INK);
        y -= 8;
        for (int j = 0; j < columns; j++) {
            String head = j < grid.columns().size() ? grid.columns().get(j) : t.get("column.total");
            pen.textRight(head.length() > 7 ? head.substring(5) : head, x + labelWidth + cell * (j + 1) - 3, y, 5.5f, true, PdfPen.MUTED);
        }
        y -= 7.5f;
        int shownRows = Math.min(grid.rows().size(), 6);
        for (int i = 0; i <= shownRows; i++) {
            if (y < lowest) {
                return y;
            }
            boolean totals = i == shownRows;
            int row = totals ? grid.rows().size() : i;
            pen.text(pen.fit(totals ? t.get("column.total") : grid.rows().get(i), labelWidth - 4, 5.5f, totals), x, y, 5.5f, totals, PdfPen.INK);
            for (int j = 0; j < columns; j++) {
                OptionalLong value = grid.entry(row, j);
                pen.textRight(value.isPresent() ? t.count(value.getAsLong()) : t.get("withheld"), x + labelWidth + cell * (j + 1) - 3, y, 5.5f,
                        totals, value.isPresent() ? PdfPen.INK : PdfPen.WARN);
            }
            y -= 7.5f;
        }
        return y - 3;
    }

    private float chart(ReportCharts.Chart chart, float x, float y, float width, float lowest) {
        if (y - 20 < lowest) {
            return y;
        }
        y = pen.paragraph(chart.title(), x, y, width, SMALL, true, PdfPen.INK, lowest);
        double scale = ReportCharts.scale(chart);
        float labelWidth = width * 0.38f;
        float barRoom = width - labelWidth - 50;
        for (ReportCharts.Bar bar : chart.bars()) {
            if (y - 9 < lowest) {
                return y;
            }
            pen.text(pen.fit(bar.label(), labelWidth - 4, 5.5f, false), x, y - 5, 5.5f, false, PdfPen.INK);
            float barHeight = bar.previous() == null ? 6 : 4;
            float w = (float) (bar.current() / scale * barRoom);
            pen.box(x + labelWidth, y - 6, Math.max(w, 0.5f), barHeight, PdfPen.ACCENT);
            pen.text(bar.currentText(), x + labelWidth + w + 3, y - 5.5f, 5f, false, PdfPen.INK);
            if (bar.previous() != null) {
                float p = (float) (bar.previous() / scale * barRoom);
                pen.box(x + labelWidth, y - 10.5f, Math.max(p, 0.5f), barHeight, PdfPen.LIGHT);
                pen.text(bar.previousText(), x + labelWidth + p + 3, y - 10.5f, 5f, false, PdfPen.MUTED);
                y -= 4.5f;
            }
            y -= 9;
        }
        return y - 4;
    }
}
