package org.credence.analytics.outcomes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalDouble;
import org.credence.analytics.ComparisonJson;
import org.credence.analytics.ComparisonText;
import org.credence.analytics.FigureJson;
import org.credence.analytics.outcomes.OutcomeAnswers.Attrition;
import org.credence.analytics.outcomes.OutcomeAnswers.Business;
import org.credence.analytics.outcomes.OutcomeAnswers.Completion;
import org.credence.analytics.outcomes.OutcomeAnswers.CurrencyPipeline;
import org.credence.analytics.outcomes.OutcomeAnswers.Groups;
import org.credence.analytics.outcomes.OutcomeAnswers.Header;
import org.credence.analytics.outcomes.OutcomeAnswers.Launch;
import org.credence.analytics.outcomes.OutcomeAnswers.Leads;
import org.credence.analytics.outcomes.OutcomeAnswers.Ramp;
import org.credence.analytics.outcomes.OutcomeAnswers.ReferralLeads;
import org.credence.analytics.outcomes.OutcomeAnswers.ReferralRow;
import org.credence.analytics.outcomes.OutcomeAnswers.Retention;
import org.credence.analytics.outcomes.OutcomeQueries.Pipeline;
import org.credence.insights.compare.Comparison;
import org.credence.insights.survival.MedianSurvival;
import org.credence.json.JsonFields;

/**
 * The outcome answers as the API's JSON ({@code /api/v1/analytics/completion|retention|business}), field by field and in a
 * fixed key order, so the wire format stays ours whatever the records grow (AnalyticsAnswersUnchangedTest holds it).
 */
public final class OutcomeJson {
    /** The API's sentences are English, like its figure definitions; the page renders its own in the reader's language. */
    private static final ComparisonText ENGLISH = ComparisonText.of("en");

    private OutcomeJson() {}

    /** Completion with vs without a credential offer and before vs after each launch. */
    public static ObjectNode completion(Completion answer) {
        ObjectNode body = header(answer.header());
        ObjectNode offer = body.putObject("offer");
        offer.set("with", FigureJson.figure(answer.offer().with()));
        offer.set("without", FigureJson.figure(answer.offer().without()));
        offer.set("comparison", comparison(answer.offer().comparison()));
        ArrayNode launches = body.putArray("launches");
        for (Launch l : answer.launches()) {
            ObjectNode launch = launches.addObject();
            launch.put("achievementId", l.achievementId()).put("achievement", l.achievement()).put("launchedOn", l.launchedOn().toString());
            launch.put("design", l.design().id());
            launch.set("before", FigureJson.figure(l.before()));
            launch.set("after", FigureJson.figure(l.after()));
            launch.set("comparison", comparison(l.comparison()));
        }
        body.put("followUpDays", answer.followUpDays());
        notes(body, answer.notes());
        return body;
    }

    /** Renewal, re-enrolment, repeat earners, time to productivity and attrition. */
    public static ObjectNode retention(Retention answer) {
        ObjectNode body = header(answer.header());
        ObjectNode renewal = body.putObject("renewal");
        ArrayNode cohorts = renewal.putArray("cohorts");
        answer.renewal().cohorts().forEach(c -> cohorts.addObject().put("cohort", c.cohort()).set("figure", FigureJson.figure(c.figure())));
        renewal.set("total", FigureJson.figure(answer.renewal().total()));
        renewal.put("rule", answer.renewal().rule());
        ObjectNode reEnrolment = body.putObject("reEnrolment");
        groups(reEnrolment, answer.reEnrolment().groups());
        reEnrolment.put("rule", answer.reEnrolment().rule());
        body.set("repeatEarners", FigureJson.figure(answer.repeatEarners()));
        ArrayNode ramp = body.putArray("timeToProductivity");
        for (Ramp r : answer.timeToProductivity()) {
            ObjectNode role = ramp.addObject().put("role", r.role());
            role.set("earners", median(r.earners()));
            role.set("others", median(r.others()));
            role.set("productiveByHorizonEarners", FigureJson.figure(r.productiveByHorizonEarners()));
            role.set("productiveByHorizonOthers", FigureJson.figure(r.productiveByHorizonOthers()));
            role.put("horizonDays", r.horizonDays());
            role.set("comparison", comparison(r.comparison()));
        }
        ArrayNode attrition = body.putArray("attrition");
        for (Attrition a : answer.attrition()) {
            ObjectNode row = attrition.addObject();
            row.put("months", a.months()).put("landmarkMonths", a.landmarkMonths());
            groups(row, a.groups());
            row.putObject("excluded").put("notYetAtLandmark", a.notYetAtLandmark()).put("leftBeforeLandmark", a.leftBeforeLandmark())
                    .put("followUpIncomplete", a.followUpIncomplete());
        }
        notes(body, answer.notes());
        return body;
    }

    /** Pipeline by currency, win rate, deal size and referral leads. */
    public static ObjectNode business(Business answer) {
        ObjectNode body = header(answer.header());
        body.put("rule", answer.rule());
        ArrayNode currencies = body.putArray("pipeline");
        for (CurrencyPipeline currency : answer.pipeline()) {
            ObjectNode node = currencies.addObject().put("currency", currency.currency());
            for (Pipeline p : currency.groups()) {
                ObjectNode group = node.putObject(p.credentialed() ? "credentialed" : "others");
                group.put("opportunities", p.opportunities()).put("open", p.open()).put("openAmount", p.openAmount())
                        .put("won", p.won()).put("wonAmount", p.wonAmount()).put("lost", p.lost())
                        .put("pipelineAmount", CurrencyPipeline.pipelineAmount(p));
                if (p.medianWon() == null) {
                    group.putNull("medianWon");
                } else {
                    group.put("medianWon", p.medianWon());
                }
            }
        }
        body.put("mainCurrency", answer.mainCurrency());
        body.put("excludedOpportunities", answer.excludedOpportunities());
        ObjectNode winRate = body.putObject("winRate");
        if (answer.winRate() != null) {
            groups(winRate, answer.winRate().groups());
            winRate.put("currency", answer.winRate().currency());
        }
        ObjectNode dealSize = body.putObject("dealSize");
        dealSize.set("comparison", answer.dealSize() == null ? JsonFields.MAPPER.nullNode() : comparison(answer.dealSize().comparison()));
        if (answer.dealSize() != null) {
            dealSize.put("currency", answer.dealSize().currency());
            dealSize.put("sampled", answer.dealSize().sampled());
            dealSize.put("formula", answer.dealSize().formula());
        }
        body.set("referralLeads", referrals(answer.referralLeads()));
        return body;
    }

    private static ObjectNode referrals(ReferralLeads leads) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.set("total", FigureJson.figure(leads.total()));
        ArrayNode list = node.putArray("byAchievement");
        for (ReferralRow row : leads.byAchievement()) {
            leads(list.addObject().put("achievementId", row.achievementId()).put("achievement", row.achievement()).put("campaign", row.campaign()),
                    row.leads());
        }
        leads(node.putObject("unattributed"), leads.unattributed());
        node.put("rule", leads.rule());
        return node;
    }

    private static void leads(ObjectNode node, Leads leads) {
        node.put("contacts", leads.contacts()).put("withOpportunity", leads.withOpportunity()).put("withWon", leads.withWon());
    }

    private static void groups(ObjectNode into, Groups groups) {
        into.set("earners", FigureJson.figure(groups.earners()));
        into.set("others", FigureJson.figure(groups.others()));
        into.set("comparison", comparison(groups.comparison()));
    }

    private static JsonNode comparison(Comparison comparison) {
        return comparison == null ? JsonFields.MAPPER.nullNode() : ComparisonJson.comparison(comparison, ENGLISH);
    }

    private static ObjectNode median(MedianSurvival median) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("people", median.people()).put("productive", median.events()).put("censored", median.people() - median.events());
        put(node, "medianDays", median.estimate());
        put(node, "lowerDays", median.lower());
        put(node, "upperDays", median.upper());
        node.put("level", median.level());
        node.put("method", "kaplan_meier_brookmeyer_crowley_log_log");
        return node;
    }

    private static void put(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(field, value.getAsDouble());
        } else {
            node.putNull(field);
        }
    }

    private static void notes(ObjectNode body, List<String> notes) {
        ArrayNode array = body.putArray("notes");
        notes.forEach(array::add);
    }

    private static ObjectNode header(Header header) {
        ObjectNode body = JsonFields.MAPPER.createObjectNode();
        ObjectNode filter = body.putObject("filter");
        filter.put("from", header.from().toString()).put("to", header.to().toString());
        if (header.achievementId().isPresent()) {
            filter.put("achievement", header.achievementId().getAsLong());
        } else {
            filter.putNull("achievement");
        }
        body.put("simulated", header.simulated());
        body.put("asOf", header.asOf().toString());
        // stale = true when a newer answer is being computed (see OutcomeWarmer)
        body.put("computedAt", header.computedAt().toString());
        body.put("stale", header.stale());
        return body;
    }
}
