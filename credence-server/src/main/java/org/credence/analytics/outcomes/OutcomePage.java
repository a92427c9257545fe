package org.credence.analytics.outcomes;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.credence.achievement.Achievement;
import org.credence.analytics.AnalyticsNav;
import org.credence.analytics.ComparisonText;
import org.credence.analytics.ComparisonView;
import org.credence.analytics.DashboardView.Option;
import org.credence.analytics.outcomes.OutcomeAnswers.Attrition;
import org.credence.analytics.outcomes.OutcomeAnswers.Business;
import org.credence.analytics.outcomes.OutcomeAnswers.Completion;
import org.credence.analytics.outcomes.OutcomeAnswers.CurrencyPipeline;
import org.credence.analytics.outcomes.OutcomeAnswers.Groups;
import org.credence.analytics.outcomes.OutcomeAnswers.Launch;
import org.credence.analytics.outcomes.OutcomeAnswers.Leads;
import org.credence.analytics.outcomes.OutcomeAnswers.Offer;
import org.credence.analytics.outcomes.OutcomeAnswers.Ramp;
import org.credence.analytics.outcomes.OutcomeAnswers.ReferralLeads;
import org.credence.analytics.outcomes.OutcomeAnswers.ReferralRow;
import org.credence.analytics.outcomes.OutcomeAnswers.Retention;
import org.credence.analytics.outcomes.OutcomeQueries.Pipeline;
import org.credence.analytics.outcomes.OutcomeView.Block;
import org.credence.analytics.outcomes.OutcomeView.Section;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.insights.Figure;
import org.credence.insights.compare.Comparison;
import org.credence.insights.compare.Group;
import org.credence.insights.compare.Wording;
import org.credence.insights.survival.MedianSurvival;
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

    static String render(String lang, SignedIn signedIn, OutcomeQueries.Scope scope, List<Achievement> achievements, Completion completion,
                         Retention retention, Business business) {
        OutcomePage page = new OutcomePage(lang);
        List<Option> options = new ArrayList<>();
        options.add(new Option("", page.m.text("filter.all"), scope.achievementId().isEmpty()));
        achievements.forEach(a -> options.add(new Option(Long.toString(a.id()), a.name(),
                scope.achievementId().isPresent() && scope.achievementId().getAsLong() == a.id())));
        Map<String, Object> model = new HashMap<>();
        model.put("lang", page.lang);
        model.put("t", page.m.table());
        model.put("signedIn", signedIn);
        model.put("simulated", completion.header().simulated());
        // a recompute after new data is running: these are the previous answers (OutcomeWarmer)
        boolean stale = List.of(completion, retention, business).stream().anyMatch(o -> o.header().stale());
        model.put("staleNote", stale ? page.m.text("stale") : null);
        model.put("from", scope.from().toString());
        model.put("to", scope.to().toString());
        model.put("achievements", options);
        model.put("nav", AnalyticsNav.of(page.lang, signedIn, "/app/analytics/outcomes"));
        model.put("sections", List.of(page.completion(completion), page.retention(retention), page.business(business)));
        return Pages.render("analytics/outcomes.jte", model);
    }

    private Section completion(Completion answer) {
        String formula = m.format("completion.formula", Map.of("days", answer.followUpDays()));
        List<Block> blocks = new ArrayList<>();
        Offer offer = answer.offer();
        blocks.add(new Block("completion-offer", m.text("completion.offer"), rateHeader(),
                List.of(rateRow(m.text("completion.with"), offer.with()), rateRow(m.text("completion.without"), offer.without())),
                comparisons(offer.comparison()), List.of(formula, m.text("completion.cannot"))));
        for (Launch launch : answer.launches()) {
            blocks.add(new Block("completion-launch-" + launch.achievementId(),
                    m.format("completion.launch", Map.of("achievement", launch.achievement(), "date", launch.launchedOn().toString())),
                    rateHeader(), List.of(rateRow(m.text("completion.before"), launch.before()), rateRow(m.text("completion.after"), launch.after())),
                    comparisons(launch.comparison()), List.of(formula)));
        }
        return new Section("completion", m.text("completion.title"), "", blocks);
    }

    private Section retention(Retention answer) {
        List<Block> blocks = new ArrayList<>();
        List<List<String>> cohorts = new ArrayList<>();
        for (OutcomeAnswers.Cohort cohort : answer.renewal().cohorts()) {
            cohorts.add(rateRow(cohort.cohort(), cohort.figure()));
        }
        cohorts.add(rateRow(m.text("renewal.total"), answer.renewal().total()));
        blocks.add(new Block("renewal", m.text("renewal.title"), rateHeader(), cohorts, List.of(),
                List.of(m.format("renewal.formula", Map.of("days", OutcomeQueries.RENEWAL_WINDOW_DAYS)), answer.renewal().rule())));
        Groups reEnrolment = answer.reEnrolment().groups();
        blocks.add(new Block("re-enrolment", m.text("reenrolment.title"), rateHeader(),
                List.of(rateRow(m.text("earners"), reEnrolment.earners()), rateRow(m.text("others"), reEnrolment.others())),
                comparisons(reEnrolment.comparison()), List.of(m.format("reenrolment.formula", Map.of("days", OutcomeQueries.FOLLOW_UP_DAYS)),
                        answer.reEnrolment().rule())));
        blocks.add(new Block("repeat-earners", m.text("repeat.title"), rateHeader(), List.of(rateRow(m.text("repeat.row"), answer.repeatEarners())),
                List.of(), List.of(m.text("repeat.formula"))));
        for (Ramp role : answer.timeToProductivity()) {
            String name = role.role();
            String productive = m.format("ramp.productive", Map.of("days", OutcomeReports.RAMP_HORIZON_DAYS));
            blocks.add(new Block("ramp-" + name, m.format("ramp.title", Map.of("role", name)),
                    List.of("", m.text("n"), m.text("ramp.median"), productive),
                    List.of(rampRow(m.text("earners"), role.earners(), role.productiveByHorizonEarners()),
                            rampRow(m.text("others"), role.others(), role.productiveByHorizonOthers())),
                    comparisons(role.comparison()), List.of(m.format("ramp.formula", Map.of("days", OutcomeQueries.RAMP_LANDMARK_DAYS)))));
        }
        for (Attrition attrition : answer.attrition()) {
            int months = attrition.months();
            blocks.add(new Block("attrition-" + months, m.format("attrition.title", Map.of("months", months)), rateHeader(),
                    List.of(rateRow(m.text("earners"), attrition.groups().earners()), rateRow(m.text("others"), attrition.groups().others())),
                    comparisons(attrition.groups().comparison()),
                    List.of(m.format("attrition.formula", Map.of("months", months, "landmark", attrition.landmarkMonths())),
                            m.format("attrition.excluded", Map.of("left", attrition.leftBeforeLandmark(),
                                    "incomplete", attrition.followUpIncomplete(), "notyet", attrition.notYetAtLandmark(),
                                    "months", months)))));
        }
        return new Section("retention", m.text("retention.title"), "", blocks);
    }

    private Section business(Business answer) {
        List<Block> blocks = new ArrayList<>();
        for (CurrencyPipeline currency : answer.pipeline()) {
            String code = currency.currency();
            List<List<String>> rows = new ArrayList<>();
            for (boolean credentialed : List.of(true, false)) {
                Pipeline g = currency.groups().stream().filter(p -> p.credentialed() == credentialed).findFirst().orElseThrow();
                rows.add(List.of(m.text(credentialed ? "pipeline.credentialed" : "pipeline.others"), count(g.opportunities()),
                        money(CurrencyPipeline.pipelineAmount(g), code), money(g.wonAmount(), code),
                        g.medianWon() == null ? m.text("none") : money(g.medianWon(), code)));
            }
            blocks.add(new Block("pipeline-" + code, m.format("pipeline.title", Map.of("currency", code)),
                    List.of("", m.text("pipeline.opportunities"), m.text("pipeline.pipeline"), m.text("pipeline.won"), m.text("pipeline.median")),
                    rows, List.of(), List.of(m.text("business.rule"))));
        }
        String main = answer.mainCurrency();
        if (main != null) {
            List<String> excluded = answer.excludedOpportunities() == 0 ? List.of()
                    : List.of(m.format("currency.excluded", Map.of("count", answer.excludedOpportunities())));
            List<String> winNotes = new ArrayList<>(List.of(m.text("winrate.formula"), m.text("business.rule")));
            winNotes.addAll(excluded);
            Groups winRate = answer.winRate().groups();
            blocks.add(new Block("win-rate", m.format("winrate.title", Map.of("currency", main)), rateHeader(),
                    List.of(rateRow(m.text("pipeline.credentialed"), winRate.earners()), rateRow(m.text("pipeline.others"), winRate.others())),
                    comparisons(winRate.comparison()), winNotes));
            List<String> dealNotes = new ArrayList<>(List.of(m.text("dealsize.formula"), m.text("business.rule")));
            dealNotes.addAll(excluded);
            blocks.add(new Block("deal-size", m.format("dealsize.title", Map.of("currency", main)), List.of(), List.of(),
                    comparisons(answer.dealSize().comparison()), dealNotes));
        }
        List<List<String>> leads = new ArrayList<>();
        ReferralLeads referral = answer.referralLeads();
        for (ReferralRow row : referral.byAchievement()) {
            leads.add(List.of(row.achievement(), count(row.leads().contacts()), count(row.leads().withOpportunity()), count(row.leads().withWon())));
        }
        Leads none = referral.unattributed();
        leads.add(List.of(m.text("referral.unattributed"), count(none.contacts()), count(none.withOpportunity()), count(none.withWon())));
        leads.add(List.of(m.text("referral.total"), count(referral.total().value().longValue()), "", ""));
        blocks.add(new Block("referral-leads", m.text("referral.title"),
                List.of(m.text("referral.achievement"), m.text("referral.contacts"), m.text("referral.opportunity"), m.text("referral.won")),
                leads, List.of(), List.of(m.text("referral.formula"))));
        return new Section("business", m.text("business.title"), m.text("business.rule"), blocks);
    }

    private List<ComparisonView> comparisons(Comparison c) {
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

    /** Label, n and "62.0 % (55.1–68.4 %)" from a rate figure, with its warnings after it. */
    private List<String> rateRow(String label, Figure figure) {
        long n = figure.inputs().get("total").value().longValue();
        String rate = figure.value() == null ? m.text("none")
                : percent(figure.value().doubleValue()) + (figure.interval() != null
                        ? " (" + percent(figure.interval().low()) + "–" + percent(figure.interval().high()) + ")" : "");
        List<String> warnings = figure.warnings().stream().map(org.credence.analytics.InsightsText.of(lang)::warning).toList();
        return List.of(label, count(n), warnings.isEmpty() ? rate : rate + " — " + m.text("caution") + ": " + String.join("; ", warnings));
    }

    private List<String> rampRow(String label, MedianSurvival median, Figure productive) {
        String days = median.estimate().isEmpty() ? m.text("not_reached")
                : number(median.estimate().getAsDouble()) + " (" + bound(median.lower()) + "–" + bound(median.upper()) + ")";
        String censored = m.format("ramp.censored", Map.of("people", median.people(), "censored", median.people() - median.events()));
        return List.of(label, count(median.people()), days + " · " + censored, rateRow("", productive).get(2));
    }

    private String bound(OptionalDouble value) {
        return value.isEmpty() ? m.text("not_reached") : number(value.getAsDouble());
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

    private String money(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(0);
        return format.format(amount) + " " + currency;
    }
}
