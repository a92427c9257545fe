package org.credence.analytics.outcomes;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.credence.achievement.Achievement;
import org.credence.analytics.AnalyticsNav;
import org.credence.analytics.ComparisonText;
import org.credence.analytics.ComparisonView;
import org.credence.analytics.DashboardView.Option;
import org.credence.analytics.outcomes.OutcomeReports.Outcome;
import org.credence.analytics.outcomes.OutcomeView.Block;
import org.credence.analytics.outcomes.OutcomeView.Section;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.insights.compare.Comparison;
import org.credence.insights.compare.Group;
import org.credence.insights.compare.Wording;
import org.credence.user.SignedIn;

/**
 * {@code /app/analytics/outcomes}: every completion, retention and business figure of {@link OutcomeReports} with its groups,
 * n and interval, its comparison block and its formula as a footnote, in English or Norwegian. The numbers are the API's.
 */
final class OutcomePage {
    private final Messages m;
    private final Locale locale;
    private final String lang;
    private final ComparisonText comparisonText;

    private OutcomePage(String lang) {
        this.lang = lang.equals("nb") ? "nb" : "en";
        this.m = Messages.of("outcomes", this.lang);
        this.locale = this.lang.equals("nb") ? Locale.forLanguageTag("nb-NO") : Locale.UK;
        this.comparisonText = ComparisonText.of(this.lang);
    }

    static String render(String lang, SignedIn signedIn, OutcomeQueries.Scope scope, List<Achievement> achievements, Outcome completion,
                         Outcome retention, Outcome business) {
        OutcomePage page = new OutcomePage(lang);
        List<Option> options = new ArrayList<>();
        options.add(new Option("", page.m.text("filter.all"), scope.achievementId().isEmpty()));
        achievements.forEach(a -> options.add(new Option(Long.toString(a.id()), a.name(),
                scope.achievementId().isPresent() && scope.achievementId().getAsLong() == a.id())));
        Map<String, Object> model = new HashMap<>();
        model.put("lang", page.lang);
        model.put("t", page.m.table());
        model.put("signedIn", signedIn);
        model.put("simulated", completion.json().path("simulated").asBoolean());
        // a recompute after new data is running: these are the previous answers (OutcomeWarmer)
        boolean stale = List.of(completion, retention, business).stream().anyMatch(o -> o.json().path("stale").asBoolean());
        model.put("staleNote", stale ? page.m.text("stale") : null);
        model.put("from", scope.from().toString());
        model.put("to", scope.to().toString());
        model.put("achievements", options);
        model.put("nav", AnalyticsNav.of(page.lang, signedIn, "/app/analytics/outcomes"));
        model.put("sections", List.of(page.completion(completion), page.retention(retention), page.business(business)));
        return Pages.render("analytics/outcomes.jte", model);
    }

    private Section completion(Outcome outcome) {
        JsonNode json = outcome.json();
        int days = json.path("followUpDays").asInt();
        String formula = m.format("completion.formula", Map.of("days", days));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block("completion-offer", m.text("completion.offer"), rateHeader(),
                List.of(rateRow(m.text("completion.with"), json.at("/offer/with")), rateRow(m.text("completion.without"), json.at("/offer/without"))),
                comparisons(outcome, "offer"), List.of(formula, m.text("completion.cannot"))));
        for (JsonNode launch : json.path("launches")) {
            blocks.add(new Block("completion-launch-" + launch.path("achievementId").asLong(),
                    m.format("completion.launch", Map.of("achievement", launch.path("achievement").asText(), "date", launch.path("launchedOn").asText())),
                    rateHeader(), List.of(rateRow(m.text("completion.before"), launch.path("before")), rateRow(m.text("completion.after"), launch.path("after"))),
                    comparisons(outcome, "launch." + launch.path("achievementId").asLong()), List.of(formula)));
        }
        return new Section("completion", m.text("completion.title"), "", blocks);
    }

    private Section retention(Outcome outcome) {
        JsonNode json = outcome.json();
        List<Block> blocks = new ArrayList<>();
        List<List<String>> cohorts = new ArrayList<>();
        for (JsonNode cohort : json.at("/renewal/cohorts")) {
            cohorts.add(rateRow(cohort.path("cohort").asText(), cohort.path("figure")));
        }
        cohorts.add(rateRow(m.text("renewal.total"), json.at("/renewal/total")));
        blocks.add(new Block("renewal", m.text("renewal.title"), rateHeader(), cohorts, List.of(),
                List.of(m.format("renewal.formula", Map.of("days", OutcomeQueries.RENEWAL_WINDOW_DAYS)), json.at("/renewal/rule").asText())));
        blocks.add(new Block("re-enrolment", m.text("reenrolment.title"), rateHeader(),
                List.of(rateRow(m.text("earners"), json.at("/reEnrolment/earners")), rateRow(m.text("others"), json.at("/reEnrolment/others"))),
                comparisons(outcome, "reEnrolment"), List.of(m.format("reenrolment.formula", Map.of("days", OutcomeQueries.FOLLOW_UP_DAYS)),
                        json.at("/reEnrolment/rule").asText())));
        blocks.add(new Block("repeat-earners", m.text("repeat.title"), rateHeader(), List.of(rateRow(m.text("repeat.row"), json.path("repeatEarners"))),
                List.of(), List.of(m.text("repeat.formula"))));
        for (JsonNode role : json.path("timeToProductivity")) {
            String name = role.path("role").asText();
            String productive = m.format("ramp.productive", Map.of("days", OutcomeReports.RAMP_HORIZON_DAYS));
            blocks.add(new Block("ramp-" + name, m.format("ramp.title", Map.of("role", name)),
                    List.of("", m.text("n"), m.text("ramp.median"), productive),
                    List.of(rampRow(m.text("earners"), role.path("earners"), role.path("productiveByHorizonEarners")),
                            rampRow(m.text("others"), role.path("others"), role.path("productiveByHorizonOthers"))),
                    comparisons(outcome, "ramp." + name), List.of(m.format("ramp.formula", Map.of("days", OutcomeQueries.RAMP_LANDMARK_DAYS)))));
        }
        for (JsonNode attrition : json.path("attrition")) {
            int months = attrition.path("months").asInt();
            JsonNode excluded = attrition.path("excluded");
            blocks.add(new Block("attrition-" + months, m.format("attrition.title", Map.of("months", months)), rateHeader(),
                    List.of(rateRow(m.text("earners"), attrition.path("earners")), rateRow(m.text("others"), attrition.path("others"))),
                    comparisons(outcome, "attrition." + months),
                    List.of(m.format("attrition.formula", Map.of("months", months, "landmark", attrition.path("landmarkMonths").asInt())),
                            m.format("attrition.excluded", Map.of("left", excluded.path("leftBeforeLandmark").asLong(),
                                    "incomplete", excluded.path("followUpIncomplete").asLong(), "notyet", excluded.path("notYetAtLandmark").asLong(),
                                    "months", months)))));
        }
        return new Section("retention", m.text("retention.title"), "", blocks);
    }

    private Section business(Outcome outcome) {
        JsonNode json = outcome.json();
        List<Block> blocks = new ArrayList<>();
        for (JsonNode currency : json.path("pipeline")) {
            String code = currency.path("currency").asText();
            List<List<String>> rows = new ArrayList<>();
            for (String group : List.of("credentialed", "others")) {
                JsonNode g = currency.path(group);
                rows.add(List.of(m.text("pipeline." + group), count(g.path("opportunities").asLong()), money(g.path("pipelineAmount"), code),
                        money(g.path("wonAmount"), code), g.path("medianWon").isNull() ? m.text("none") : money(g.path("medianWon"), code)));
            }
            blocks.add(new Block("pipeline-" + code, m.format("pipeline.title", Map.of("currency", code)),
                    List.of("", m.text("pipeline.opportunities"), m.text("pipeline.pipeline"), m.text("pipeline.won"), m.text("pipeline.median")),
                    rows, List.of(), List.of(m.text("business.rule"))));
        }
        String main = json.path("mainCurrency").asText(null);
        if (main != null) {
            List<String> excluded = json.path("excludedOpportunities").asLong() == 0 ? List.of()
                    : List.of(m.format("currency.excluded", Map.of("count", json.path("excludedOpportunities").asLong())));
            List<String> winNotes = new ArrayList<>(List.of(m.text("winrate.formula"), m.text("business.rule")));
            winNotes.addAll(excluded);
            blocks.add(new Block("win-rate", m.format("winrate.title", Map.of("currency", main)), rateHeader(),
                    List.of(rateRow(m.text("pipeline.credentialed"), json.at("/winRate/earners")), rateRow(m.text("pipeline.others"), json.at("/winRate/others"))),
                    comparisons(outcome, "winRate"), winNotes));
            List<String> dealNotes = new ArrayList<>(List.of(m.text("dealsize.formula"), m.text("business.rule")));
            dealNotes.addAll(excluded);
            blocks.add(new Block("deal-size", m.format("dealsize.title", Map.of("currency", main)), List.of(), List.of(),
                    comparisons(outcome, "dealSize"), dealNotes));
        }
        List<List<String>> leads = new ArrayList<>();
        JsonNode referral = json.path("referralLeads");
        for (JsonNode row : referral.path("byAchievement")) {
            leads.add(List.of(row.path("achievement").asText(), count(row.path("contacts").asLong()), count(row.path("withOpportunity").asLong()),
                    count(row.path("withWon").asLong())));
        }
        JsonNode none = referral.path("unattributed");
        leads.add(List.of(m.text("referral.unattributed"), count(none.path("contacts").asLong()), count(none.path("withOpportunity").asLong()),
                count(none.path("withWon").asLong())));
        leads.add(List.of(m.text("referral.total"), count(referral.at("/total/value").asLong()), "", ""));
        blocks.add(new Block("referral-leads", m.text("referral.title"),
                List.of(m.text("referral.achievement"), m.text("referral.contacts"), m.text("referral.opportunity"), m.text("referral.won")),
                leads, List.of(), List.of(m.text("referral.formula"))));
        return new Section("business", m.text("business.title"), m.text("business.rule"), blocks);
    }

    private List<ComparisonView> comparisons(Outcome outcome, String key) {
        Comparison c = outcome.comparisons().get(key);
        return c == null ? List.of() : List.of(comparisonText.view(localized(c)));
    }

    /** The English group labels the reports give their comparisons, and this page's words for them. */
    private static final Map<String, String> GROUP_KEYS = Map.of("With a credential offer", "completion.with",
            "Without a credential offer", "completion.without", "After launch", "completion.after", "Before launch", "completion.before",
            "Earners", "earners", "Non-earners", "others", "Credentialed contacts", "pipeline.credentialed", "Other contacts", "pipeline.others");

    /** The comparison with its group labels in the page's language, in the groups and in every sentence that names them. */
    private Comparison localized(Comparison c) {
        java.util.function.UnaryOperator<String> label = text -> GROUP_KEYS.containsKey(text) ? m.text(GROUP_KEYS.get(text)) : text;
        java.util.function.UnaryOperator<Wording> words = w -> {
            Map<String, Wording.Argument> arguments = new java.util.LinkedHashMap<>();
            w.arguments().forEach((name, a) -> arguments.put(name, a.type() == Wording.Type.TEXT ? Wording.Argument.text(label.apply(a.text())) : a));
            return new Wording(w.key(), arguments);
        };
        java.util.function.UnaryOperator<Group> group = g -> new Group(label.apply(g.label()), g.n(), g.successes(), g.rate(), g.mean(), g.sd(),
                g.median(), g.interval());
        return new Comparison(c.kind(), c.design(), c.unit(), group.apply(c.first()), group.apply(c.second()), c.difference(),
                c.differenceInterval(), c.ratio(), c.eValue(), c.eValueBasis(), c.minimumDetectableEffect(), c.sizeNeededPerGroup(), c.pValue(),
                c.adjustedPValue(), c.familySize(), c.warnings(), words.apply(c.wording()), c.notes().stream().map(words).toList());
    }

    private List<String> rateHeader() {
        return List.of("", m.text("n"), m.text("rate"));
    }

    /** Label, n and "62.0 % (55.1–68.4 %)" from a figure's JSON, with its warnings after it. */
    private List<String> rateRow(String label, JsonNode figure) {
        long n = figure.at("/inputs/total/value").asLong();
        String rate = figure.path("value").isNull() || figure.path("value").isMissingNode() ? m.text("none")
                : percent(figure.path("value").asDouble()) + (figure.has("interval")
                        ? " (" + percent(figure.at("/interval/low").asDouble()) + "–" + percent(figure.at("/interval/high").asDouble()) + ")" : "");
        List<String> warnings = new ArrayList<>();
        figure.path("warnings").forEach(w -> warnings.add(w.path("message").asText()));
        return List.of(label, count(n), warnings.isEmpty() ? rate : rate + " — " + m.text("caution") + ": " + String.join("; ", warnings));
    }

    private List<String> rampRow(String label, JsonNode median, JsonNode productive) {
        String days = median.path("medianDays").isNull() ? m.text("not_reached")
                : number(median.path("medianDays").asDouble()) + " (" + bound(median.path("lowerDays")) + "–" + bound(median.path("upperDays")) + ")";
        String censored = m.format("ramp.censored", Map.of("people", median.path("people").asLong(), "censored", median.path("censored").asLong()));
        return List.of(label, count(median.path("people").asLong()), days + " · " + censored, rateRow("", productive).get(2));
    }

    private String bound(JsonNode value) {
        return value.isNull() ? m.text("not_reached") : number(value.asDouble());
    }

    private String percent(double proportion) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(proportion * 100) + " %";
    }

    private String number(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(0);
        return format.format(value);
    }

    private String count(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    private String money(JsonNode amount, String currency) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(0);
        return format.format(new BigDecimal(amount.asText("0"))) + " " + currency;
    }
}
