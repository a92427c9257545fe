package org.credence.analytics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalLong;
import org.credence.analytics.EngagementAnswers.AchievementRow;
import org.credence.analytics.EngagementAnswers.Achievements;
import org.credence.analytics.EngagementAnswers.ChannelAssumptions;
import org.credence.analytics.EngagementAnswers.Engagement;
import org.credence.analytics.EngagementAnswers.Funnel;
import org.credence.analytics.EngagementAnswers.Geography;
import org.credence.analytics.EngagementAnswers.Influencers;
import org.credence.analytics.EngagementAnswers.Marketing;
import org.credence.analytics.EngagementAnswers.MarketingChannel;
import org.credence.analytics.EngagementAnswers.Step;
import org.credence.analytics.EngagementAnswers.Trends;
import org.credence.analytics.EngagementAnswers.Verifications;
import org.credence.insights.engagement.Influencer;
import org.credence.insights.marketing.ScenarioCell;
import org.credence.insights.marketing.SensitivitySeries;
import org.credence.insights.privacy.SuppressedTable;
import org.credence.json.JsonFields;

/**
 * The engagement and marketing answers as the API's JSON ({@code /api/v1/analytics/engagement|funnel|trends|…}), field by
 * field and in a fixed key order, so the wire format stays ours whatever the records grow (AnalyticsAnswersUnchangedTest
 * holds it). The simulated flag is added by the route ({@link SimulatedJson}).
 */
public final class EngagementJson {
    private EngagementJson() {}

    /** Any engagement answer. */
    public static ObjectNode of(Report report) {
        // Java 17: no pattern switch yet; Report is sealed, so this chain is complete
        if (report instanceof Engagement r) {
            return engagement(r);
        } else if (report instanceof Funnel r) {
            return funnel(r);
        } else if (report instanceof Trends r) {
            return trends(r);
        } else if (report instanceof Achievements r) {
            return achievements(r);
        } else if (report instanceof Verifications r) {
            return verifications(r);
        } else if (report instanceof Geography r) {
            return geography(r);
        } else if (report instanceof Influencers r) {
            return influencers(r);
        }
        return marketing((Marketing) report);
    }

    private static ObjectNode engagement(Engagement r) {
        ObjectNode body = withFilter(r.filter());
        ArrayNode list = body.putArray("figures");
        r.figures().forEach(f -> list.add(FigureJson.figure(f)));
        ArrayNode channels = body.putArray("shareRateByChannel");
        r.shareRateByChannel().forEach(c -> channels.addObject().put("channel", c.channel().id()).put("label", c.channel().label())
                .set("figure", FigureJson.figure(c.figure())));
        notes(body, r.notes());
        return body;
    }

    private static ObjectNode funnel(Funnel r) {
        ObjectNode body = withFilter(r.filter());
        ArrayNode steps = body.putArray("steps");
        for (Step step : r.steps()) {
            steps.addObject().put("step", step.step()).put("credentials", step.credentials()).put("counts", step.counts())
                    .set("figure", FigureJson.figure(step.figure()));
        }
        notes(body, r.notes());
        return body;
    }

    private static ObjectNode trends(Trends r) {
        ObjectNode body = withFilter(r.filter());
        body.put("interval", r.interval());
        ArrayNode series = body.putArray("series");
        for (EngagementQueries.Week w : r.series()) {
            series.addObject().put("period", w.period()).put("start", w.start().toString()).put("issued", w.issued())
                    .put("claims", w.claims()).put("views", w.views()).put("shares", w.shares())
                    .put("verifications", w.verifications()).put("referralClicks", w.referralClicks());
        }
        notes(body, r.notes());
        return body;
    }

    private static ObjectNode achievements(Achievements r) {
        ObjectNode body = withFilter(r.filter());
        ArrayNode list = body.putArray("achievements");
        for (AchievementRow a : r.achievements()) {
            EngagementQueries.Cohort c = a.cohort();
            list.addObject().put("achievementId", a.achievementId()).put("name", a.name()).put("issued", c.issued())
                    .put("claimed", c.claimed()).put("shared", c.shared()).put("views", c.views())
                    .put("verifications", c.verifications()).put("referralClicks", c.referralClicks())
                    .<ObjectNode>set("claimRate", FigureJson.figure(a.claimRate())).set("shareRate", FigureJson.figure(a.shareRate()));
        }
        return body;
    }

    private static ObjectNode verifications(Verifications r) {
        ObjectNode body = withFilter(r.filter());
        body.set("volume", FigureJson.figure(r.volume()));
        body.set("change", FigureJson.figure(r.change()));
        body.set("trend", FigureJson.figure(r.trend()));
        ArrayNode weekly = body.putArray("weekly");
        r.weekly().forEach(p -> weekly.addObject().put("period", p.period()).put("count", p.count()));
        body.set("byCountry", suppressed(r.byCountry()));
        return body;
    }

    private static ObjectNode geography(Geography r) {
        ObjectNode body = withFilter(r.filter());
        body.set("views", suppressed(r.views()));
        body.set("verifications", suppressed(r.verifications()));
        notes(body, r.notes());
        return body;
    }

    private static ObjectNode influencers(Influencers r) {
        ObjectNode body = withFilter(r.filter());
        ArrayNode list = body.putArray("influencers");
        for (Influencer i : r.influencers()) {
            list.addObject().put("rank", i.rank()).put("label", i.label()).put("named", i.named())
                    .put("thirdPartyViews", i.thirdPartyViews()).put("referralClicks", i.referralClicks());
        }
        notes(body, r.notes());
        return body;
    }

    private static ObjectNode marketing(Marketing r) {
        ObjectNode body = withFilter(r.filter());
        body.put("kind", r.kind());
        body.put("note", r.note());
        body.put("currency", r.currency());
        body.set("impressions", FigureJson.figure(r.impressions()));
        body.set("equivalentMediaValue", FigureJson.figure(r.equivalentMediaValue()));
        ArrayNode channels = body.putArray("byChannel");
        for (MarketingChannel c : r.byChannel()) {
            channels.addObject().put("channel", c.value().channel().id()).put("label", c.value().channel().label()).put("shares", c.shares())
                    .<ObjectNode>set("impressions", FigureJson.figure(c.value().impressions()))
                    .set("equivalentMediaValue", FigureJson.figure(c.value().equivalentMediaValue()));
        }
        ArrayNode grid = body.putArray("scenarios");
        for (ScenarioCell cell : r.scenarios()) {
            grid.addObject().put("impressionsPerShare", cell.impressionsPerShare().id()).put("cpm", cell.cpm().id())
                    .<ObjectNode>set("impressions", FigureJson.figure(cell.impressions()))
                    .set("equivalentMediaValue", FigureJson.figure(cell.equivalentMediaValue()));
        }
        SensitivitySeries sensitivity = r.sensitivity();
        ObjectNode series = body.putObject("sensitivity");
        series.put("varied", sensitivity.varied().name().toLowerCase(java.util.Locale.ROOT)).put("unit", sensitivity.unit())
                .put("currency", sensitivity.currency()).put("caption", sensitivity.caption());
        ArrayNode points = series.putArray("points");
        sensitivity.points().forEach(p -> points.addObject().put("value", p.value()).put("impressions", p.impressions())
                .put("equivalentMediaValue", p.equivalentMediaValue()));
        ArrayNode assumed = body.putArray("assumptions");
        for (ChannelAssumptions a : r.assumptions()) {
            assumed.addObject().put("channel", a.channel().id())
                    .<ObjectNode>set("impressionsPerShare", FigureJson.input(a.impressionsPerShare()))
                    .set("cpm", FigureJson.input(a.cpm()));
        }
        return body;
    }

    private static ObjectNode withFilter(AnalyticsFilter filter) {
        ObjectNode body = JsonFields.MAPPER.createObjectNode();
        ObjectNode f = body.putObject("filter");
        f.put("from", filter.from().toString()).put("to", filter.to().toString());
        OptionalLong achievement = filter.achievementId();
        if (achievement.isPresent()) {
            f.put("achievementId", achievement.getAsLong());
        } else {
            f.putNull("achievementId");
        }
        return body;
    }

    private static void notes(ObjectNode body, List<String> notes) {
        ArrayNode array = body.putArray("notes");
        notes.forEach(array::add);
    }

    private static ObjectNode suppressed(SuppressedTable table) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        ArrayNode cells = node.putArray("cells");
        table.cells().forEach(f -> cells.add(FigureJson.figure(f)));
        node.set("total", FigureJson.figure(table.total()));
        node.put("suppressedCells", table.suppressedCells());
        return node;
    }
}
