package org.credence.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.credence.achievement.Achievement;
import org.credence.analytics.DashboardView.FigureView;
import org.credence.analytics.DashboardView.Option;
import org.credence.analytics.DashboardView.TableView;
import org.credence.analytics.costs.CostCategory;
import org.credence.analytics.costs.CostLine;
import org.credence.analytics.costs.CostTotals;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.insights.marketing.Assumption;
import org.credence.insights.operations.ManualProcessAssumptions;
import org.credence.insights.operations.ManualProcessParameter;
import org.credence.user.Permission;
import org.credence.user.SignedIn;

/**
 * {@code /app/analytics/operations}: the operations figures, the cost ledger with a form to add a
 * line, and the cost-avoided assumptions with who set them, when and why; English or Norwegian.
 * Everything is formatted here, so the template only lays it out.
 */
final class OperationsPage {
    private final String lang;
    private final Messages m;
    private final Map<String, String> t;
    private final Locale locale;

    private OperationsPage(String lang) {
        this.lang = lang;
        this.m = Messages.of("operations", lang);
        this.t = m.table();
        this.locale = lang.equals("nb") ? Locale.forLanguageTag("nb-NO") : Locale.UK;
    }

    /** What the page shows besides the report: the ledger's lines, the assumptions' history and a notice after a form. */
    record Extras(List<CostLine> lines, List<ManualProcessAssumptions.Override> history, List<Achievement> achievements, String notice) {}

    static String render(String lang, SignedIn signedIn, OperationsReport.View view, Extras extras) {
        OperationsPage page = new OperationsPage(lang);
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("t", page.t);
        model.put("d", DashboardText.of(lang));
        model.put("nav", AnalyticsNav.of(lang, signedIn, "/app/analytics/operations"));
        model.put("signedIn", signedIn);
        model.put("simulated", view.simulated());
        model.put("from", view.from().toString());
        model.put("to", view.to().toString());
        model.put("notice", extras.notice());
        model.put("mayEnterCosts", signedIn.may(Permission.MANAGE_COSTS));
        model.put("granularities", page.granularities(view.granularity()));
        model.put("achievements", page.achievements(extras.achievements(), view.achievementId(), "filter.all"));
        model.put("costAchievements", page.achievements(extras.achievements(), null, "cost.program"));
        model.put("categories", page.categories());
        model.put("figures", page.figures(view));
        model.put("tables", page.tables(view, extras));
        return Pages.render("operations/page.jte", model);
    }

    private List<FigureView> figures(OperationsReport.View view) {
        List<JsonNode> json = new ArrayList<>();
        FigureJson.forPage(() -> OperationsRoutes.viewJson(view)).get("figures").forEach(json::add);
        // the dashboard's rendering, with this page's names for the operations metrics
        List<FigureView> views = DashboardPage.figureViews(lang, json);
        List<FigureView> named = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            named.add(rename(views.get(i), json.get(i).get("id").asText()));
        }
        return named;
    }

    private FigureView rename(FigureView f, String id) {
        return new FigureView(t.getOrDefault("metric." + id, f.label()), f.value(), f.interval(), f.definition(), f.formula(), f.denominator(),
                f.caveat(), f.inputs(), f.warnings());
    }

    private List<TableView> tables(OperationsReport.View view, Extras extras) {
        List<TableView> tables = new ArrayList<>();
        List<List<String>> series = view.series().stream().map(r -> List.of(r.start().toString(), number(r.issued()), number(r.claimed()),
                number(r.tickets()), number(r.timed()), decimal(r.timeToIssueMedian()), decimal(r.timeToIssueP90()))).toList();
        tables.add(new TableView(t.get("series.title"), null, List.of(t.get("series.start"), t.get("series.issued"), t.get("series.claimed"),
                t.get("series.tickets"), t.get("series.timed"), t.get("series.median"), t.get("series.p90")), series));
        tables.add(new TableView(t.get("tickets.title"), null, List.of(t.get("tickets.channel"), t.get("tickets.count")),
                view.ticketsByChannel().entrySet().stream().map(e -> List.of(e.getKey(), number(e.getValue()))).toList()));
        List<String> totalsHeader = new ArrayList<>(List.of(t.get("costs.currency")));
        for (CostCategory category : CostCategory.values()) {
            totalsHeader.add(t.get("category." + category.id()));
        }
        totalsHeader.add(t.get("costs.total"));
        List<List<String>> totals = new ArrayList<>();
        for (CostTotals.CurrencyTotal total : view.costs().byCurrency()) {
            List<String> row = new ArrayList<>(List.of(total.currency()));
            total.byCategory().values().forEach(amount -> row.add(money(amount)));
            row.add(money(total.total()));
            totals.add(row);
        }
        tables.add(new TableView(t.get("costs.totals"), null, totalsHeader, totals));
        Map<Long, String> names = new HashMap<>();
        extras.achievements().forEach(a -> names.put(a.id(), a.name()));
        List<List<String>> lines = extras.lines().stream().map(line -> List.of(line.incurredOn().toString(),
                line.incurredUntil() == null ? "" : line.incurredUntil().toString(), t.get("category." + line.category().id()),
                line.achievementId() == null ? t.get("cost.program") : names.getOrDefault(line.achievementId(), "#" + line.achievementId()),
                line.currency() + " " + money(line.amount()),
                line.hours() == null ? "" : decimal(line.hours()) + " × " + money(line.hourlyRate()), line.note(), line.owner(),
                status(line))).toList();
        tables.add(new TableView(t.get("costs.lines"), null, List.of(t.get("cost.date"), t.get("cost.until"), t.get("cost.category"),
                t.get("cost.achievement"), t.get("cost.amount"), t.get("cost.hours") + " × " + t.get("cost.rate"), t.get("cost.note"),
                t.get("cost.owner"), t.get("cost.status")), lines));
        tables.add(assumptions(view.costAvoided()));
        tables.add(new TableView(t.get("assumptions.history"), null, List.of(t.get("assumptions.parameter"), t.get("assumptions.value"),
                t.get("assumptions.source")), extras.history().stream().map(o -> List.of(t.get("assumption." + OperationsRoutes.apiName(o.parameter())),
                decimal(o.value()), who(o.provenance()))).toList()));
        return tables;
    }

    /** A default's source in the page's language (the settings page's words): the insights library writes it in English. */
    private String defaultSource(ManualProcessParameter parameter, ManualProcessAssumptions assumptions) {
        return Messages.of("settings", lang).format("assumptions.builtin." + (parameter == ManualProcessParameter.HOURLY_RATE ? "rate" : "minutes"),
                java.util.Map.of("currency", assumptions.currency().getCurrencyCode()));
    }

    private TableView assumptions(ManualProcessAssumptions assumptions) {
        List<List<String>> rows = new ArrayList<>();
        for (ManualProcessParameter parameter : ManualProcessParameter.values()) {
            Assumption a = assumptions.of(parameter);
            rows.add(List.of(t.get("assumption." + OperationsRoutes.apiName(parameter)), decimal(a.value()) + " " + a.unit(),
                    ManualProcessAssumptions.isDefault(a) ? t.get("assumptions.default") + " — " + defaultSource(parameter, assumptions) : who(a.provenance())));
        }
        return new TableView(t.get("assumptions.title"), null, List.of(t.get("assumptions.parameter"), t.get("assumptions.value"),
                t.get("assumptions.source")), rows);
    }

    private static String who(org.credence.insights.Provenance p) {
        return p.setBy() + (p.setAt() == null ? "" : ", " + p.setAt().toString().substring(0, 10)) + " — " + p.reason();
    }

    private String status(CostLine line) {
        String version = m.format("cost.version", Map.of("version", line.version()));
        if (line.voided()) {
            return m.format("cost.voided", Map.of("reason", line.reason())) + " (" + version + ")";
        }
        return line.version() > 1 ? m.format("cost.corrected", Map.of("reason", line.reason())) + " (" + version + ")" : version;
    }

    private List<Option> granularities(OperationsQueries.Granularity selected) {
        List<Option> options = new ArrayList<>();
        for (OperationsQueries.Granularity g : OperationsQueries.Granularity.values()) {
            String id = g.name().toLowerCase(Locale.ROOT);
            options.add(new Option(id, t.get("granularity." + id), g == selected));
        }
        return options;
    }

    private List<Option> achievements(List<Achievement> achievements, Long selected, String allKey) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", allKey.startsWith("filter") ? DashboardText.of(lang).get(allKey) : t.get(allKey), selected == null));
        achievements.forEach(a -> options.add(new Option(Long.toString(a.id()), a.name(), selected != null && selected == a.id())));
        return options;
    }

    private List<Option> categories() {
        List<Option> options = new ArrayList<>();
        for (CostCategory category : CostCategory.values()) {
            options.add(new Option(category.id(), t.get("category." + category.id()), false));
        }
        return options;
    }

    private String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    private String decimal(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(3);
        return format.format(value);
    }

    private String money(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }
}
