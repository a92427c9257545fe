package org.credence.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.credence.insights.Figure;
import org.credence.insights.privacy.SuppressedGrid;

/**
 * A report as CSV for spreadsheets: one row per figure (current and previous value, interval,
 * evidence, formula), then each table's cells as rows; a withheld value is the word "withheld",
 * never a number. Values are plain decimals (a proportion as 0.625), not formatted text.
 */
final class ReportCsv {
    private ReportCsv() {}

    static String of(BoardReport report) {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord("section", "layer", "metric", "period", "value", "unit", "low", "high", "evidence", "formula", "row", "column");
            for (BoardSection section : report.sections()) {
                String layer = "L" + section.layer().number();
                for (BoardFigure f : section.figures()) {
                    row(csv, section.id(), layer, report.period().label(), f.current());
                    if (f.previous() != null) {
                        row(csv, section.id(), layer, report.previous().label(), f.previous());
                    }
                }
                for (GridTable table : section.tables()) {
                    SuppressedGrid grid = table.grid();
                    List<String> rows = new ArrayList<>(grid.rows());
                    rows.add("total");
                    List<String> columns = new ArrayList<>(grid.columns());
                    columns.add("total");
                    for (int i = 0; i < rows.size(); i++) {
                        for (int j = 0; j < columns.size(); j++) {
                            OptionalLong v = grid.entry(i, j);
                            csv.writeRecord(section.id(), layer, table.id(), report.period().label(),
                                    v.isPresent() ? Long.toString(v.getAsLong()) : "withheld", table.unit(), "", "", "measured", "count",
                                    rows.get(i), columns.get(j));
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void row(CsvWriter csv, String section, String layer, String period, Figure f) {
        csv.writeRecord(section, layer, f.metric().id(), period,
                f.suppressed() ? "withheld" : f.value() == null ? "" : f.value().stripTrailingZeros().toPlainString(), f.unit(),
                f.interval() == null ? "" : Double.toString(f.interval().low()), f.interval() == null ? "" : Double.toString(f.interval().high()),
                f.metric().evidence().name().toLowerCase(Locale.ROOT), f.metric().formula().expression(), "", "");
    }
}
