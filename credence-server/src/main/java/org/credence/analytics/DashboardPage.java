package org.credence.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.credence.achievement.Achievement;
import org.credence.analytics.DashboardView.ChartView;
import org.credence.analytics.DashboardView.FigureView;
import org.credence.analytics.DashboardView.InputView;
import org.credence.analytics.DashboardView.Option;
import org.credence.analytics.DashboardView.Section;
import org.credence.analytics.DashboardView.TableView;
import org.credence.http.Json;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.user.SignedIn;

/**
 * The program manager's weekly dashboard: the same {@link Report}s the API serves, laid out with
 * a chart beside each table and a "how is this computed" note under each figure, in English or
 * Norwegian. Chart data rides in the page (no second request); the tables hold every number.
 */
final class DashboardPage {
    private final Map<String, String> t;
    /** The settings page's words for Credence's default assumptions, whose sources the insights library writes in English. */
    private final org.credence.i18n.Messages defaults;
    private final Readable readable;
    private final DashboardTables tables;
    /** The insights library's words (definitions, formulas, warnings, units) in the page's language. */
    private final InsightsText words;

    private DashboardPage(String lang, AnalyticsFilter filter) {
        this.t = DashboardText.of(lang);
        this.defaults = org.credence.i18n.Messages.of("settings", lang);
        this.readable = Readable.of(lang);
        this.words = InsightsText.of(lang);
        // without a filter (figures shown on another analytics page) there is no CSV query to carry
        String query = filter == null ? "" : "from=" + filter.from() + "&to=" + filter.to()
                + (filter.achievementId().isPresent() ? "&achievementId=" + filter.achievementId().getAsLong() : "") + "&lang=" + lang;
        this.tables = new DashboardTables(t, readable, query, words);
    }

    /** Figures (their API JSON) as the dashboard shows them, for the other analytics pages. */
    static List<FigureView> figureViews(String lang, List<JsonNode> figures) {
        return new DashboardPage(lang, null).figures(figures);
    }

    /** The CSV tables the page links to, by name, and the report each comes from. */
    static final Map<String, String> EXPORTS = Map.ofEntries(Map.entry("engagement", "engagement"), Map.entry("funnel", "funnel"),
            Map.entry("trends", "trends"), Map.entry("achievements", "achievements"),
            Map.entry("verifications-by-country", "verifications"), Map.entry("verifications-weekly", "verifications"),
            Map.entry("geography", "geography"), Map.entry("influencers", "influencers"), Map.entry("marketing-value", "marketing"),
            Map.entry("marketing-scenarios", "marketing"), Map.entry("marketing-sensitivity", "marketing"));

    static String render(String lang, SignedIn signedIn, boolean simulated, AnalyticsFilter filter, List<Achievement> achievements,
                         Map<String, Report> reports) {
        DashboardPage page = new DashboardPage(lang, filter);
        List<Option> options = new ArrayList<>();
        options.add(new Option("", page.t.get("filter.all"), filter.achievementId().isEmpty()));
        // an archived achievement keeps its history here, labelled as archived
        achievements.forEach(a -> options.add(new Option(Long.toString(a.id()),
                a.isArchived() ? Messages.of("dashboard", lang).format("filter.archived", Map.of("name", a.name())) : a.name(),
                filter.achievementId().isPresent() && filter.achievementId().getAsLong() == a.id())));
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("t", page.t);
        model.put("signedIn", signedIn);
        model.put("simulated", simulated);
        model.put("from", filter.from().toString());
        model.put("to", filter.to().toString());
        model.put("achievements", options);
        model.put("sections", FigureJson.forPage(() -> page.sections(reports)));
        model.put("nav", AnalyticsNav.of(lang, signedIn, AnalyticsNav.OVERVIEW));
        return Pages.render("analytics/dashboard.jte", model);
    }

    private List<Section> sections(Map<String, Report> reports) {
        List<Section> sections = new ArrayList<>();
        JsonNode funnel = EngagementJson.of(reports.get("funnel"));
        sections.add(new Section("funnel", t.get("funnel.title"), t.get("funnel.note"), figures(funnel.get("steps").findValues("figure")),
                List.of(chart("chart-funnel", t.get("funnel.title"), "bar", labels(funnel.get("steps"), "step", "step."),
                        List.of(dataset(t.get("credentials"), funnel.get("steps").findValues("credentials"))))),
                tables.of(reports.get("funnel"))));
        JsonNode engagement = EngagementJson.of(reports.get("engagement"));
        JsonNode channels = engagement.get("shareRateByChannel");
        List<JsonNode> channelRates = new ArrayList<>();
        channels.forEach(c -> channelRates.add(percent(c.at("/figure/value"))));
        String engagementNote = String.join(" ", words.note("note.engagement.rates"), words.note("note.engagement.sources"),
                words.note("note.engagement.cohorts"));
        sections.add(new Section("engagement", t.get("engagement.title"), engagementNote,
                figures(list(engagement.get("figures"))),
                List.of(chart("chart-channels", t.get("channels.title"), "bar", labels(channels, "channel", "channel."),
                        List.of(dataset(t.get("channels.rate"), channelRates)))),
                tables.of(reports.get("engagement"))));
        JsonNode trends = EngagementJson.of(reports.get("trends"));
        List<ObjectNode> series = new ArrayList<>();
        for (String field : List.of("issued", "claims", "views", "shares", "verifications", "referralClicks")) {
            series.add(dataset(t.get("trend." + field), trends.get("series").findValues(field)));
        }
        sections.add(new Section("trends", t.get("trends.title"), words.note("note.trends"), List.of(),
                List.of(chart("chart-trends", t.get("trends.title"), "line", labels(trends.get("series"), "period", null), series)),
                tables.of(reports.get("trends"))));
        sections.add(new Section("achievements", t.get("achievements.title"), "", List.of(), List.of(), tables.of(reports.get("achievements"))));
        JsonNode verifications = EngagementJson.of(reports.get("verifications"));
        sections.add(new Section("verifications", t.get("verifications.title"), t.get("verifications.note"),
                figures(List.of(verifications.get("volume"), verifications.get("change"), verifications.get("trend"))),
                List.of(chart("chart-verifications", t.get("verifications.title"), "line", labels(verifications.get("weekly"), "period", null),
                        List.of(dataset(t.get("trend.verifications"), verifications.get("weekly").findValues("count"))))),
                tables.of(reports.get("verifications"))));
        sections.add(new Section("geography", t.get("geography.title"), words.note("note.geography"),
                List.of(), List.of(), tables.of(reports.get("geography"))));
        sections.add(new Section("influencers", t.get("influencers.title"), words.note("note.influencers"),
                List.of(), List.of(), tables.of(reports.get("influencers"))));
        JsonNode marketing = EngagementJson.of(reports.get("marketing"));
        JsonNode points = marketing.at("/sensitivity/points");
        List<TableView> marketingTables = new ArrayList<>(tables.of(reports.get("marketing")));
        marketingTables.add(1, assumptions(marketing.get("assumptions"), marketing.path("currency").asText()));
        sections.add(new Section("marketing", t.get("marketing.title"), t.get("marketing.note"),
                figures(List.of(marketing.get("impressions"), marketing.get("equivalentMediaValue"))),
                List.of(chart("chart-sensitivity", words.caption("caption.sensitivity",
                        marketing.at("/sensitivity/unit").asText(), marketing.at("/sensitivity/caption").asText()), "line", labels(points, "value", null),
                        List.of(dataset(t.get("marketing.value") + " (" + marketing.get("currency").asText() + ")",
                                points.findValues("equivalentMediaValue"))))),
                marketingTables));
        return sections;
    }

    /** The assumptions in force, each with who set it, when and why: shown next to the value they produce. */
    private TableView assumptions(JsonNode rows, String currency) {
        List<List<String>> cells = new ArrayList<>();
        for (JsonNode row : rows) {
            for (String parameter : List.of("impressionsPerShare", "cpm")) {
                JsonNode input = row.get(parameter);
                cells.add(List.of(t.getOrDefault("channel." + row.get("channel").asText(), row.get("channel").asText()), t.get("assumption." + parameter),
                        readable.number(input.get("value").decimalValue()) + " " + words.unit(input.get("unit").asText()),
                        provenance(input.get("provenance"), parameter.equals("cpm") ? "cpm" : "impressions_per_share", currency)));
            }
        }
        return new TableView(t.get("assumptions.title"), null, List.of(t.get("assumptions.channel"), t.get("assumptions.parameter"),
                t.get("assumptions.value"), t.get("assumptions.source")), cells);
    }

    private List<FigureView> figures(List<JsonNode> figures) {
        List<FigureView> views = new ArrayList<>();
        for (JsonNode f : figures) {
            List<InputView> inputs = new ArrayList<>();
            f.get("inputs").fields().forEachRemaining(e -> inputs.add(new InputView(words.input(e.getKey()),
                    readable.number(e.getValue().get("value").decimalValue()) + " " + words.unit(e.getValue().get("unit").asText()),
                    e.getValue().get("source").asText().equals("assumed"), inputProvenance(e.getKey(), e.getValue()))));
            JsonNode interval = f.get("interval");
            String unit = f.get("unit").asText();
            String range = interval == null ? "" : t.get("interval") + " " + readable.range(interval.get("low").asDouble(),
                    interval.get("high").asDouble(), unit) + " (" + t.getOrDefault("method." + interval.get("method").asText(),
                    interval.get("method").asText()) + ")";
            String id = f.get("id").asText();
            views.add(new FigureView(tables.figureName(f),
                    f.get("value").isNull() ? "—" : withUnit(readable.plain(f.get("value").decimalValue(), unit), unit), range,
                    words.metricText(id, "definition", f.get("definition").asText()), words.metricText(id, "formula", f.get("formula").asText()),
                    words.metricText(id, "denominator", f.path("denominator").asText("")), words.metricText(id, "caveat", f.path("caveat").asText("")),
                    inputs, warnings(f.get("warnings"))));
        }
        return views;
    }

    /** A figure's warnings in the page's language: by key and arguments where the JSON was built {@link FigureJson#forPage for a page}. */
    private List<String> warnings(JsonNode warnings) {
        List<String> texts = new ArrayList<>();
        for (JsonNode w : warnings) {
            Map<String, Object> arguments = new java.util.LinkedHashMap<>();
            w.path("arguments").fields().forEachRemaining(a -> arguments.put(a.getKey(),
                    a.getValue().isNumber() ? a.getValue().numberValue() : a.getValue().asText()));
            texts.add(words.warning(w.has("key") ? w.get("key").asText() : null, arguments,
                    w.has("about") ? w.get("about").asText() : null, w.get("message").asText()));
        }
        return texts;
    }

    /** An assumption's source; a Credence default's (parameter {@code which}) in the page's language. */
    private String provenance(JsonNode provenance, String which, String currency) {
        if (provenance != null && org.credence.insights.Provenance.BUILT_IN_AUTHOR.equals(provenance.path("setBy").asText())) {
            return t.get("assumed") + ": " + defaults.text("assumptions.builtin") + " — "
                    + defaults.format("assumptions.builtin." + which, Map.of("currency", currency));
        }
        return provenance(provenance);
    }

    /** A figure input's source; a Credence default's in the page's language when it is one the settings page words. */
    private String inputProvenance(String key, JsonNode input) {
        String which = InsightsText.defaultAssumption(key);
        java.util.regex.Matcher currency = java.util.regex.Pattern.compile("\\b[A-Z]{3}\\b").matcher(input.path("unit").asText());
        return which == null ? provenance(input.get("provenance")) : provenance(input.get("provenance"), which, currency.find() ? currency.group() : "");
    }

    private String provenance(JsonNode provenance) {
        if (provenance == null || provenance.isNull()) {
            return t.get("measured");
        }
        return t.get("assumed") + ": " + provenance.get("setBy").asText() + (provenance.has("setAt") ? ", " + provenance.get("setAt").asText().substring(0, 10) : "")
                + " — " + provenance.get("reason").asText();
    }

    /** A card's value with its unit spelled out, unless the number already shows it (%, a currency). */
    private String withUnit(String value, String unit) {
        return unit.equals(Readable.PROPORTION) || unit.matches("[A-Z]{3}") ? value : value + " " + words.unit(unit);
    }

    private static JsonNode percent(JsonNode proportion) {
        return proportion.isNull() ? proportion : Json.MAPPER.getNodeFactory().numberNode(proportion.decimalValue().movePointRight(2));
    }

    private List<String> labels(JsonNode rows, String field, String textPrefix) {
        List<String> labels = new ArrayList<>();
        rows.forEach(r -> labels.add(textPrefix == null ? r.get(field).asText() : t.getOrDefault(textPrefix + r.get(field).asText(), r.get(field).asText())));
        return labels;
    }

    private static ObjectNode dataset(String label, List<JsonNode> values) {
        ObjectNode set = Json.MAPPER.createObjectNode();
        set.put("label", label);
        ArrayNode data = set.putArray("data");
        values.forEach(data::add);
        return set;
    }

    private static ChartView chart(String id, String label, String type, List<String> labels, List<ObjectNode> datasets) {
        ObjectNode config = Json.MAPPER.createObjectNode();
        config.put("type", type);
        ObjectNode data = config.putObject("data");
        labels.forEach(data.putArray("labels")::add);
        datasets.forEach(data.putArray("datasets")::add);
        config.putObject("options").put("animation", false).put("maintainAspectRatio", false);
        return new ChartView(id, label, config.toString());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
