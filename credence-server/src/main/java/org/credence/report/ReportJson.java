package org.credence.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalLong;
import org.credence.analytics.FigureJson;
import org.credence.insights.Figure;
import org.credence.insights.privacy.SuppressedGrid;
import org.credence.json.JsonFields;

/**
 * A report as the API's JSON: the period and the one beside it, the board report's maturity tier
 * (as {@code GET /api/v1/analytics/maturity} gives it), and under {@code analytics} every
 * section's figures (current and previous, each the full figure with formula, inputs, interval,
 * evidence), its tables with withheld cells as null, the cost-versus-return line and the footnotes.
 */
final class ReportJson {
    private ReportJson() {}

    static ObjectNode of(BoardReport report, String kind, ReportText t) {
        ObjectNode body = JsonFields.MAPPER.createObjectNode();
        body.put("report", kind);
        body.put("tenant", report.title());
        body.set("period", period(report.period()));
        body.set("previous", period(report.previous()));
        body.put("simulated", report.simulated());
        body.put("minGroupSize", report.minGroupSize());
        body.put("language", t.lang());
        org.credence.analytics.Maturity.Answer maturity = t.maturity(report);
        if (maturity != null) {
            body.set("maturity", org.credence.analytics.RoiJson.maturity(maturity, t.lang()));
        }
        ObjectNode analytics = body.putObject("analytics");
        ArrayNode sections = analytics.putArray("sections");
        var footnotes = report.footnotes();
        for (BoardSection section : report.sections()) {
            ObjectNode s = sections.addObject();
            s.put("id", section.id()).put("layer", section.layer().number()).put("kind", section.layer().leading() ? "leading" : "lagging")
                    .put("title", t.get(section.layer().key()));
            ArrayNode figures = s.putArray("figures");
            for (BoardFigure f : section.figures()) {
                ObjectNode figure = figures.addObject();
                figure.put("footnote", footnotes.get(f.current().metric().id()).number());
                figure.set("current", FigureJson.figure(f.current()));
                if (f.previous() == null) {
                    figure.putNull("previous");
                } else {
                    figure.set("previous", FigureJson.figure(f.previous()));
                }
            }
            ArrayNode tables = s.putArray("tables");
            section.tables().forEach(table -> tables.add(table(table, t)));
            if (section.noteKey() == null) {
                s.putNull("note");
            } else {
                s.put("note", t.get(section.noteKey()));
            }
        }
        if (report.summary() != null) {
            ObjectNode line = analytics.putObject("costVersusReturn");
            line.put("text", t.summary(report.summary()));
            line.set("costs", figure(report.summary().costs()));
            line.set("returns", figure(report.summary().returns()));
            line.set("ratio", figure(report.summary().ratio()));
            line.set("advertisingEquivalent", figure(report.summary().advertisingEquivalent()));
        }
        ArrayNode notes = analytics.putArray("footnotes");
        footnotes.values().forEach(n -> notes.addObject().put("number", n.number()).put("metric", n.metric().id())
                .put("formula", n.metric().formula().expression()).put("text", t.footnote(n)));
        return body;
    }

    private static ObjectNode table(GridTable table, ReportText t) {
        SuppressedGrid grid = table.grid();
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("id", table.id()).put("title", t.get(table.titleKey())).put("unit", table.unit());
        grid.rows().forEach(node.putArray("rows")::add);
        grid.columns().forEach(node.putArray("columns")::add);
        ArrayNode cells = node.putArray("cells");
        ArrayNode rowTotals = node.putArray("rowTotals");
        for (int i = 0; i < grid.rows().size(); i++) {
            ArrayNode row = cells.addArray();
            for (int j = 0; j < grid.columns().size(); j++) {
                add(row, grid.cell(i, j));
            }
            add(rowTotals, grid.rowTotal(i));
        }
        ArrayNode columnTotals = node.putArray("columnTotals");
        for (int j = 0; j < grid.columns().size(); j++) {
            add(columnTotals, grid.columnTotal(j));
        }
        OptionalLong total = grid.total();
        if (total.isPresent()) {
            node.put("total", total.getAsLong());
        } else {
            node.putNull("total");
        }
        node.put("withheldEntries", grid.withheldEntries());
        return node;
    }

    private static void add(ArrayNode array, OptionalLong value) {
        if (value.isPresent()) {
            array.add(value.getAsLong());
        } else {
            array.addNull();
        }
    }

    private static ObjectNode figure(Figure figure) {
        return figure == null ? null : FigureJson.figure(figure);
    }

    private static ObjectNode period(ReportPeriod period) {
        return JsonFields.MAPPER.createObjectNode().put("label", period.label()).put("from", period.from().toString())
                .put("to", period.to().toString());
    }
}
