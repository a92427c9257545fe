package org.credence.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.credence.analytics.DashboardView.TableView;

/**
 * The dashboard's tables as a person reads them: rates as percentages with their interval, counts
 * with grouping, channels, countries, steps and yes/no in words of the page's language. The CSV
 * link beside each still downloads the machine-readable table of the same name.
 */
final class DashboardTables {
    private final Map<String, String> t;
    private final Readable readable;
    private final String query;

    DashboardTables(Map<String, String> t, Readable readable, String query) {
        this.t = t;
        this.readable = readable;
        this.query = query;
    }

    /** Every table of one report, in the report's order. */
    List<TableView> of(Report report) {
        JsonNode json = report.json();
        return report.tables().stream().map(table -> switch (table.name()) {
            case "funnel" -> funnel(json);
            case "engagement" -> engagement(json);
            case "achievements" -> achievements(json);
            case "trends" -> view(table, List.of("column.period", "column.start", "trend.issued", "trend.claims", "trend.views", "trend.shares",
                    "trend.verifications", "trend.referralClicks"), row -> {
                        List<String> cells = new ArrayList<>(row.subList(0, 2));
                        row.subList(2, row.size()).forEach(c -> cells.add(count(c)));
                        return cells;
                    });
            case "verifications-by-country" -> view(table, List.of("column.country", "trend.verifications"),
                    row -> List.of(country(row.get(0)), count(row.get(1))));
            case "verifications-weekly" -> view(table, List.of("column.week", "trend.verifications"), row -> List.of(row.get(0), count(row.get(1))));
            case "geography" -> view(table, List.of("column.type", "column.country", "column.count"),
                    row -> List.of(t.get("type." + row.get(0)), country(row.get(1)), count(row.get(2))));
            case "influencers" -> view(table, List.of("column.rank", "column.recipient", "column.named", "column.thirdPartyViews",
                    "trend.referralClicks"), row -> List.of(row.get(0),
                    Boolean.parseBoolean(row.get(2)) ? row.get(1) : t.get("influencer.anonymous").replace("{rank}", row.get(0)),
                    t.get("named." + row.get(2)), count(row.get(3)), count(row.get(4))));
            case "marketing-value" -> view(table, List.of("assumptions.channel", "column.sharedCredentials", "assumption.impressionsPerShare",
                    "assumption.cpm", "column.impressions", "marketing.value"), row -> List.of(channel(row.get(0)), count(row.get(1)),
                    count(row.get(2)), money(json, row.get(3)), count(row.get(4)), money(json, row.get(5))));
            case "marketing-scenarios" -> view(table, List.of("column.impressionsScenario", "column.cpmScenario", "column.impressions",
                    "marketing.value"), row -> List.of(t.get("scenario." + row.get(0)), t.get("scenario." + row.get(1)), count(row.get(2)),
                    money(json, row.get(3))));
            case "marketing-sensitivity" -> view(table, List.of("assumption.cpm", "column.impressions", "marketing.value"),
                    row -> List.of(money(json, row.get(0)), count(row.get(1)), money(json, row.get(2))));
            default -> new TableView(caption(table.name()), csv(table.name()), table.header(), table.rows());
        }).toList();
    }

    /** Each step in words with its count, its rate and its interval, and what it counts. */
    private TableView funnel(JsonNode json) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode step : json.get("steps")) {
            String name = step.get("step").asText();
            JsonNode figure = step.get("figure");
            rows.add(List.of(t.get("step." + name), readable.number(step.get("credentials").decimalValue()),
                    figure.get("unit").asText().equals(Readable.PROPORTION) ? readable.value(figure) : "—", t.get("funnel.counts." + name)));
        }
        return new TableView(caption("funnel"), csv("funnel"),
                List.of(t.get("column.step"), t.get("credentials"), t.get("column.rate"), t.get("column.counts")), rows);
    }

    private TableView engagement(JsonNode json) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode f : json.get("figures")) {
            List<String> warnings = new ArrayList<>();
            f.get("warnings").forEach(w -> warnings.add(w.get("message").asText()));
            rows.add(List.of(figureName(f), readable.value(f), t.get("evidence." + f.get("evidence").asText()), String.join(" ", warnings)));
        }
        return new TableView(caption("engagement"), csv("engagement"),
                List.of(t.get("column.figure"), t.get("column.value"), t.get("column.evidence"), t.get("warnings")), rows);
    }

    private TableView achievements(JsonNode json) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode a : json.get("achievements")) {
            rows.add(List.of(a.get("name").asText(), readable.number(a.get("issued").decimalValue()), readable.number(a.get("claimed").decimalValue()),
                    readable.value(a.get("claimRate")), readable.number(a.get("shared").decimalValue()), readable.value(a.get("shareRate")),
                    readable.number(a.get("views").decimalValue()), readable.number(a.get("verifications").decimalValue()),
                    readable.number(a.get("referralClicks").decimalValue())));
        }
        return new TableView(caption("achievements"), csv("achievements"), List.of(t.get("filter.achievement"), t.get("trend.issued"),
                t.get("step.claimed"), t.get("metric.engagement.claim_rate"), t.get("step.shared"), t.get("metric.engagement.share_rate"),
                t.get("trend.views"), t.get("trend.verifications"), t.get("trend.referralClicks")), rows);
    }

    /** A figure's name in words: its own, or its family's followed by the group's (a channel, a country). */
    String figureName(JsonNode figure) {
        String id = figure.get("id").asText();
        String own = t.get("metric." + id);
        if (own != null) {
            return own;
        }
        int dot = id.lastIndexOf('.');
        String family = dot < 0 ? null : t.get("metric." + id.substring(0, dot));
        if (family == null) {
            return figure.get("label").asText();
        }
        String group = id.substring(dot + 1);
        return family + ": " + t.getOrDefault("channel." + group, country(group));
    }

    private TableView view(Table table, List<String> headerKeys, Function<List<String>, List<String>> row) {
        return new TableView(caption(table.name()), csv(table.name()), headerKeys.stream().map(t::get).toList(),
                table.rows().stream().map(row).toList());
    }

    private String caption(String table) {
        return t.getOrDefault("table." + table, table);
    }

    private String csv(String table) {
        return "/app/analytics/export/" + table + "?" + query;
    }

    private String channel(String id) {
        return t.getOrDefault("channel." + id, id);
    }

    private String country(String code) {
        return switch (code) {
            case "total" -> t.get("country.total");
            case "unknown" -> t.get("country.unknown");
            default -> readable.country(code);
        };
    }

    /** A count as text, or "withheld" in words when suppressed. */
    private String count(String cell) {
        if (cell.isEmpty()) {
            return "—";
        }
        return cell.equals("withheld") ? t.get("withheld") : readable.number(new BigDecimal(cell));
    }

    private String money(JsonNode marketing, String cell) {
        return cell.isEmpty() ? "—" : marketing.get("currency").asText() + " " + readable.money(new BigDecimal(cell));
    }
}
