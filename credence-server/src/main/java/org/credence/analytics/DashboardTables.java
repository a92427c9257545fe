package org.credence.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.credence.analytics.DashboardView.TableView;
import org.credence.insights.Figure;

/**
 * The dashboard's tables as a person reads them: rates as percentages with their interval, counts
 * with grouping, channels, countries, steps and yes/no in words of the page's language. The CSV
 * link beside each still downloads the machine-readable table of the same name.
 */
final class DashboardTables {
    private final Map<String, String> t;
    private final Readable readable;
    private final String query;
    private final InsightsText words;

    DashboardTables(Map<String, String> t, Readable readable, String query, InsightsText words) {
        this.t = t;
        this.words = words;
        this.readable = readable;
        this.query = query;
    }

    /** Every table of one report, in the report's order. */
    List<TableView> of(Report report) {
        // only the marketing tables show money, in the answer's currency
        String currency = report instanceof EngagementAnswers.Marketing m ? m.currency() : null;
        return report.tables().stream().map(table -> switch (table.name()) {
            case "funnel" -> funnel((EngagementAnswers.Funnel) report);
            case "engagement" -> engagement((EngagementAnswers.Engagement) report);
            case "achievements" -> achievements((EngagementAnswers.Achievements) report);
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
                    count(row.get(2)), money(currency, row.get(3)), count(row.get(4)), money(currency, row.get(5))));
            case "marketing-scenarios" -> view(table, List.of("column.impressionsScenario", "column.cpmScenario", "column.impressions",
                    "marketing.value"), row -> List.of(t.get("scenario." + row.get(0)), t.get("scenario." + row.get(1)), count(row.get(2)),
                    money(currency, row.get(3))));
            case "marketing-sensitivity" -> view(table, List.of("assumption.cpm", "column.impressions", "marketing.value"),
                    row -> List.of(money(currency, row.get(0)), count(row.get(1)), money(currency, row.get(2))));
            default -> new TableView(caption(table.name()), csv(table.name()), table.header(), table.rows());
        }).toList();
    }

    /** Each step in words with its count, its rate and its interval, and what it counts. */
    private TableView funnel(EngagementAnswers.Funnel funnel) {
        List<List<String>> rows = new ArrayList<>();
        for (EngagementAnswers.Step step : funnel.steps()) {
            String name = step.step();
            rows.add(List.of(t.get("step." + name), readable.number(BigDecimal.valueOf(step.credentials())),
                    step.figure().unit().equals(Readable.PROPORTION) ? readable.value(step.figure()) : "—", t.get("funnel.counts." + name)));
        }
        return new TableView(caption("funnel"), csv("funnel"),
                List.of(t.get("column.step"), t.get("credentials"), t.get("column.rate"), t.get("column.counts")), rows);
    }

    private TableView engagement(EngagementAnswers.Engagement engagement) {
        List<List<String>> rows = new ArrayList<>();
        for (Figure f : engagement.figures()) {
            String warnings = f.warnings().stream().map(words::warning).collect(Collectors.joining(" "));
            rows.add(List.of(figureName(f.metric().id(), f.metric().label()), readable.value(f),
                    t.get("evidence." + f.metric().evidence().name().toLowerCase(Locale.ROOT)), warnings));
        }
        return new TableView(caption("engagement"), csv("engagement"),
                List.of(t.get("column.figure"), t.get("column.value"), t.get("column.evidence"), t.get("warnings")), rows);
    }

    private TableView achievements(EngagementAnswers.Achievements achievements) {
        List<List<String>> rows = new ArrayList<>();
        for (EngagementAnswers.AchievementRow a : achievements.achievements()) {
            EngagementQueries.Cohort c = a.cohort();
            rows.add(List.of(a.name(), count(c.issued()), count(c.claimed()), readable.value(a.claimRate()), count(c.shared()),
                    readable.value(a.shareRate()), count(c.views()), count(c.verifications()), count(c.referralClicks())));
        }
        return new TableView(caption("achievements"), csv("achievements"), List.of(t.get("filter.achievement"), t.get("trend.issued"),
                t.get("step.claimed"), t.get("metric.engagement.claim_rate"), t.get("step.shared"), t.get("metric.engagement.share_rate"),
                t.get("trend.views"), t.get("trend.verifications"), t.get("trend.referralClicks")), rows);
    }

    /** A figure's name in words: its own, or its family's followed by the group's (a channel, a country). */
    String figureName(JsonNode figure) {
        return figureName(figure.get("id").asText(), figure.get("label").asText());
    }

    /** A figure's name in words from its metric's id and (English) label. */
    private String figureName(String id, String label) {
        String own = t.get("metric." + id);
        if (own != null) {
            return own;
        }
        int dot = id.lastIndexOf('.');
        String family = dot < 0 ? null : t.get("metric." + id.substring(0, dot));
        if (family == null) {
            return label;
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

    private String count(long value) {
        return readable.number(BigDecimal.valueOf(value));
    }

    private String money(String currency, String cell) {
        return cell.isEmpty() ? "—" : currency + " " + readable.money(new BigDecimal(cell));
    }
}
