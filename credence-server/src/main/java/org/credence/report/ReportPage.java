package org.credence.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.credence.http.Pages;
import org.credence.insights.privacy.SuppressedGrid;
import org.credence.report.ReportView.ChartView;
import org.credence.report.ReportView.FigureRow;
import org.credence.report.ReportView.Note;
import org.credence.report.ReportView.SectionView;
import org.credence.report.ReportView.TableRows;
import org.credence.user.SignedIn;

/** The board report on screen ({@code reports/board.jte}): the same report the PDF draws, as HTML with inline SVG charts. */
final class ReportPage {
    private ReportPage() {}

    static String render(BoardReport report, ReportText t, SignedIn signedIn, String quarter) {
        Map<String, BoardReport.Footnote> footnotes = report.footnotes();
        List<SectionView> leading = new ArrayList<>();
        List<SectionView> lagging = new ArrayList<>();
        for (BoardSection section : report.sections()) {
            (section.layer().leading() ? leading : lagging).add(section(section, t, footnotes));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("lang", t.lang());
        model.put("t", Map.copyOf(tableOf(t)));
        model.put("signedIn", signedIn);
        model.put("bar", org.credence.app.AppBar.of(t.lang(), signedIn, "/app/reports/board"));
        model.put("title", t.get("title.board") + " — " + report.title());
        model.put("subtitle", t.format("subtitle.board", Map.of("period", report.period().label(), "previous", report.previous().label())));
        model.put("simulated", report.simulated());
        org.credence.analytics.Maturity.Answer maturity = t.maturity(report);
        model.put("maturity", maturity == null ? null : new ReportView.MaturityView(maturity.tierName(), maturity.tierMeans(),
                maturity.reasons().stream().map(org.credence.analytics.Maturity.Line::text).toList(), maturity.nextStep().text()));
        model.put("smallGroups", t.format("small_groups", Map.of("min", report.minGroupSize())));
        model.put("quarter", quarter);
        model.put("leading", leading);
        model.put("lagging", lagging);
        model.put("summary", t.summary(report.summary()));
        model.put("charts", ReportCharts.of(report, t).stream().map(c -> new ChartView(c.id(), c.title(), SvgCharts.of(c))).toList());
        model.put("footnotes", footnotes.values().stream().map(n -> new Note(n.number(), t.footnote(n))).toList());
        return Pages.render("reports/board.jte", model);
    }

    private static Map<String, String> tableOf(ReportText t) {
        Map<String, String> words = new HashMap<>();
        for (String key : List.of("back", "download.pdf", "print", "quarter", "show", "leading", "lagging", "column.figure", "column.current",
                "column.previous", "column.evidence", "cost_versus_return", "footnotes", "simulated", "maturity.title", "maturity.reasons",
                "maturity.next")) {
            words.put(key, t.get(key));
        }
        return words;
    }

    private static SectionView section(BoardSection section, ReportText t, Map<String, BoardReport.Footnote> footnotes) {
        List<FigureRow> figures = section.figures().stream().map(f -> new FigureRow(t.label(f.current().metric()), t.value(f.current()),
                t.interval(f.current()), t.value(f.previous()), t.interval(f.previous()), t.evidence(f.current()),
                footnotes.get(f.current().metric().id()).number(), t.warnings(f.current()), t.sentence(f))).toList();
        List<TableRows> tables = section.tables().stream().map(table -> table(table, t)).toList();
        return new SectionView(section.id(), t.get(section.layer().key()), figures, tables,
                section.noteKey() == null ? "" : t.get(section.noteKey()));
    }

    private static TableRows table(GridTable table, ReportText t) {
        SuppressedGrid grid = table.grid();
        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(grid.columns());
        header.add(t.get("column.total"));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i <= grid.rows().size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(i < grid.rows().size() ? grid.rows().get(i) : t.get("column.total"));
            for (int j = 0; j <= grid.columns().size(); j++) {
                OptionalLong v = grid.entry(i, j);
                row.add(v.isPresent() ? t.count(v.getAsLong()) : t.get("withheld"));
            }
            rows.add(row);
        }
        return new TableRows(t.get(table.titleKey()), header, rows);
    }
}
