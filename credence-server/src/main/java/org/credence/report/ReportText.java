package org.credence.report;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.credence.i18n.Messages;
import org.credence.insights.Figure;
import org.credence.insights.Input;
import org.credence.insights.Metric;

/**
 * A report's words and numbers in English or Norwegian: the {@code reports} bundle, metric names
 * from the {@code dashboard} bundle (one name per metric across pages), rates as percentages
 * with their interval, money with its currency. The page, the PDF and the mail read the same text.
 */
final class ReportText {
    private final String lang;
    private final Messages texts;
    private final Map<String, String> metricNames;
    private final Locale locale;
    /** The insights library's formulas, caveats, input names and units in this language. */
    private final org.credence.analytics.InsightsText words;

    private ReportText(String lang) {
        this.words = org.credence.analytics.InsightsText.of(lang);
        this.lang = lang;
        this.texts = Messages.of("reports", lang);
        // the dashboard's names, then the operations page's (time to issue, claim lag, costs: the board's layer 1)
        this.metricNames = new java.util.HashMap<>(Messages.of("operations", lang).table());
        this.metricNames.putAll(Messages.of("dashboard", lang).table());
        this.locale = lang.equals("nb") ? Locale.forLanguageTag("nb-NO") : Locale.UK;
    }

    /** "nb" for Norwegian, English otherwise. */
    static ReportText of(String lang) {
        return new ReportText("nb".equals(lang) ? "nb" : "en");
    }

    String lang() {
        return lang;
    }

    String get(String key) {
        return texts.text(key);
    }

    String format(String key, Map<String, ?> arguments) {
        return texts.format(key, arguments);
    }

    /** The metric's name in this language: the dashboard's or operations page's, else the reports bundle's, else the English label. */
    String label(Metric metric) {
        String key = "metric." + metric.id();
        return metricNames.getOrDefault(key, texts.table().getOrDefault(key, metric.label()));
    }

    /** The value as a reader sees it: "62.5 %", "EUR 1,234.00", "1,200 credentials"; "withheld" or "—" when there is none. */
    String value(Figure figure) {
        if (figure == null) {
            return get("none");
        }
        if (figure.suppressed()) {
            return get("withheld");
        }
        return figure.value() == null ? get("none") : number(figure.value(), figure.unit());
    }

    /** "95 % CI 58.1 % – 66.7 %", or "" for a figure without an interval. */
    String interval(Figure figure) {
        if (figure == null || figure.interval() == null) {
            return "";
        }
        return format("interval", Map.of("level", Math.round(figure.interval().level() * 100),
                "low", number(BigDecimal.valueOf(figure.interval().low()), figure.unit()),
                "high", number(BigDecimal.valueOf(figure.interval().high()), figure.unit())));
    }

    String evidence(Figure figure) {
        return get("evidence." + figure.metric().evidence().name().toLowerCase(Locale.ROOT));
    }

    /** The warnings worth a reader's attention (small sample, not measured, withheld), as text. */
    List<String> warnings(Figure figure) {
        return figure.warnings().stream().map(w -> get("warning." + w.code().name().toLowerCase(Locale.ROOT))).distinct().toList();
    }

    /**
     * A footnote: the formula, the measured inputs, then the assumptions, each distinct assumption
     * once (the same CPM on six channels is one line naming the six), with who set it and why.
     */
    String footnote(BoardReport.Footnote note) {
        Metric metric = note.metric();
        List<String> parts = new ArrayList<>();
        parts.add(label(metric) + ": " + words.formula(metric) + ".");
        List<String> measured = new ArrayList<>();
        Map<String, List<String>> assumed = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Input> e : note.figure().inputs().entrySet()) {
            Input input = e.getValue();
            String name = words.input(e.getKey());
            if (input.source() == org.credence.insights.InputSource.MEASURED) {
                measured.add(name + " = " + number(input.value(), input.unit()));
            } else {
                String value = number(input.value(), input.unit()) + (input.provenance() == null ? ""
                        : " (" + provenance(e.getKey(), input) + ")");
                assumed.computeIfAbsent(value, v -> new ArrayList<>()).add(name);
            }
        }
        if (!measured.isEmpty()) {
            parts.add(get("inputs") + ": " + String.join("; ", measured) + ".");
        }
        assumed.forEach((value, names) -> parts.add(get("assumptions") + ": " + String.join(", ", names) + " = " + value));
        if (metric.caveat() != null) {
            String caveat = words.caveat(metric);
            caveat = Character.toUpperCase(caveat.charAt(0)) + caveat.substring(1);
            parts.add(caveat.endsWith(".") ? caveat : caveat + ".");
        }
        if (note.figure().suppressed()) {
            parts.add(get("withheld.why"));
        }
        return String.join(" ", parts);
    }

    /** Who set an assumption and why; a Credence default's reason in this language (the library writes it in English). */
    private String provenance(String name, Input input) {
        org.credence.insights.Provenance provenance = input.provenance();
        String which = org.credence.analytics.InsightsText.defaultAssumption(name);
        if (lang.equals("en") || which == null || !org.credence.insights.Provenance.BUILT_IN_AUTHOR.equals(provenance.setBy())) {
            return provenance.setBy() + ": " + provenance.reason();
        }
        Messages settings = Messages.of("settings", lang);
        java.util.regex.Matcher currency = java.util.regex.Pattern.compile("\\b[A-Z]{3}\\b").matcher(input.unit());
        return settings.text("assumptions.builtin") + ": "
                + settings.format("assumptions.builtin." + which, Map.of("currency", currency.find() ? currency.group() : ""));
    }

    /** For a difference between two groups, the sentence its study design allows ("associated with", never "caused"); else "". */
    String sentence(BoardFigure figure) {
        return figure.comparison() == null ? "" : org.credence.analytics.ComparisonText.of(lang).sentence(figure.comparison());
    }

    /** The report's measurement-maturity tier in this language, or null when it has none (the weekly report). */
    org.credence.analytics.Maturity.Answer maturity(BoardReport report) {
        return report.maturity() == null ? null : org.credence.analytics.Maturity.render(report.maturity(), lang);
    }

    /** The tier in one paragraph for the PDF: its name and meaning, why, and the next step. */
    String maturityLine(org.credence.analytics.Maturity.Answer answer) {
        return format("maturity.line", Map.of("tier", answer.tierName(), "means", answer.tierMeans(),
                "reasons", String.join("; ", answer.reasons().stream().map(org.credence.analytics.Maturity.Line::text).toList()),
                "next", answer.nextStep().text()));
    }

    /** The one line of cost versus return. */
    String summary(BoardReport.CostVersusReturn line) {
        if (line == null) {
            return "";
        }
        String value = value(line.advertisingEquivalent());
        if (line.costs() == null) {
            return format("summary.no_costs", Map.of("value", value));
        }
        if (line.returns() == null) {
            return format("summary.costs_only", Map.of("costs", value(line.costs()), "value", value));
        }
        return format("summary.full", Map.of("costs", value(line.costs()), "returns", value(line.returns()), "value", value,
                "ratioName", line.ratio() == null ? "" : label(line.ratio().metric()), "ratio", value(line.ratio())));
    }

    /** A count for a table cell. */
    String count(long count) {
        return NumberFormat.getIntegerInstance(locale).format(count);
    }

    private String number(BigDecimal value, String unit) {
        if (unit.equals(ReportDefinitions.POINTS)) {
            NumberFormat points = NumberFormat.getNumberInstance(locale);
            points.setMaximumFractionDigits(1);
            points.setMinimumFractionDigits(1);
            return (value.signum() > 0 ? "+" : "") + points.format(value.movePointRight(2)) + " " + get("unit.points");
        }
        if (unit.equals("ratio")) {
            NumberFormat ratio = NumberFormat.getNumberInstance(locale);
            ratio.setMinimumFractionDigits(2);
            ratio.setMaximumFractionDigits(2);
            return ratio.format(value) + ":1";
        }
        if (unit.equals("percent")) {
            return NumberFormat.getNumberInstance(locale).format(value) + " %";
        }
        if (unit.equals("proportion")) {
            NumberFormat percent = NumberFormat.getPercentInstance(locale);
            percent.setMaximumFractionDigits(1);
            return percent.format(value);
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        if (unit.matches("[A-Z]{3}")) {
            number.setMinimumFractionDigits(0);
            number.setMaximumFractionDigits(0);
            return unit + " " + number.format(value);
        }
        number.setMaximumFractionDigits(2);
        return number.format(value) + " " + unitName(unit);
    }

    private String unitName(String unit) {
        return texts.table().getOrDefault("unit." + unit.replace(' ', '_'), words.unit(unit));
    }
}
