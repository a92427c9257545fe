package org.credence.analytics;

import java.util.List;
import org.credence.insights.Channel;
import org.credence.insights.Figure;
import org.credence.insights.Input;
import org.credence.insights.engagement.Influencer;
import org.credence.insights.engagement.PeriodCount;
import org.credence.insights.marketing.ChannelValue;
import org.credence.insights.marketing.ScenarioCell;
import org.credence.insights.marketing.SensitivitySeries;
import org.credence.insights.privacy.SuppressedTable;

/** The engagement and marketing answers of {@link AnalyticsReports} (ROI layers 2 and 3), one record per report. */
public final class EngagementAnswers {
    private EngagementAnswers() {}

    /** Every engagement figure, unmeasured ones kept with a warning, and the share rate by channel. */
    public record Engagement(AnalyticsFilter filter, List<Figure> figures, List<ChannelFigure> shareRateByChannel, List<String> notes,
                             List<Table> tables) implements Report {
        public Engagement {
            figures = List.copyOf(figures);
            shareRateByChannel = List.copyOf(shareRateByChannel);
            notes = List.copyOf(notes);
            tables = List.copyOf(tables);
        }
    }

    /** A channel's figure. */
    public record ChannelFigure(Channel channel, Figure figure) {}

    /** Issued → claimed → viewed → shared → referral. */
    public record Funnel(AnalyticsFilter filter, List<Step> steps, List<String> notes, List<Table> tables) implements Report {
        public Funnel {
            steps = List.copyOf(steps);
            notes = List.copyOf(notes);
            tables = List.copyOf(tables);
        }
    }

    /**
     * One funnel step: the credentials that reached it, its rate (the issued count for the first) and what it counts.
     *
     * @param counts what the step counts, in English
     */
    public record Step(String step, long credentials, String counts, Figure figure) {}

    /** Weekly counted events and issuance. */
    public record Trends(AnalyticsFilter filter, String interval, List<EngagementQueries.Week> series, List<String> notes, List<Table> tables)
            implements Report {
        public Trends {
            series = List.copyOf(series);
            notes = List.copyOf(notes);
            tables = List.copyOf(tables);
        }
    }

    /** Achievements by credentials issued in the period. */
    public record Achievements(AnalyticsFilter filter, List<AchievementRow> achievements, List<Table> tables) implements Report {
        public Achievements {
            achievements = List.copyOf(achievements);
            tables = List.copyOf(tables);
        }
    }

    /** One achievement's cohort with its claim and share rates. */
    public record AchievementRow(long achievementId, String name, EngagementQueries.Cohort cohort, Figure claimRate, Figure shareRate) {}

    /** Verification volume, change, trend, weekly counts and countries (small groups withheld). */
    public record Verifications(AnalyticsFilter filter, Figure volume, Figure change, Figure trend, List<PeriodCount> weekly,
                                SuppressedTable byCountry, List<Table> tables) implements Report {
        public Verifications {
            weekly = List.copyOf(weekly);
            tables = List.copyOf(tables);
        }
    }

    /** Third-party views and verifications by coarse country, small groups withheld. */
    public record Geography(AnalyticsFilter filter, SuppressedTable views, SuppressedTable verifications, List<String> notes,
                            List<Table> tables) implements Report {
        public Geography {
            notes = List.copyOf(notes);
            tables = List.copyOf(tables);
        }
    }

    /** The recipients whose credentials drove the most referral clicks. */
    public record Influencers(AnalyticsFilter filter, List<Influencer> influencers, List<String> notes, List<Table> tables) implements Report {
        public Influencers {
            influencers = List.copyOf(influencers);
            notes = List.copyOf(notes);
            tables = List.copyOf(tables);
        }
    }

    /**
     * Advertising-equivalent value of the measured shares, by channel, as a scenario grid and as the sensitivity to CPM, with
     * the assumptions in force.
     *
     * @param kind "measured" (the what-if calculator is another answer)
     */
    public record Marketing(AnalyticsFilter filter, String kind, String note, String currency, Figure impressions, Figure equivalentMediaValue,
                            List<MarketingChannel> byChannel, List<ScenarioCell> scenarios, SensitivitySeries sensitivity,
                            List<ChannelAssumptions> assumptions, List<Table> tables) implements Report {
        public Marketing {
            byChannel = List.copyOf(byChannel);
            scenarios = List.copyOf(scenarios);
            assumptions = List.copyOf(assumptions);
            tables = List.copyOf(tables);
        }
    }

    /** One channel's value and the credentials shared on it. */
    public record MarketingChannel(ChannelValue value, long shares) {}

    /** The impressions per share and CPM assumed for one channel. */
    public record ChannelAssumptions(Channel channel, Input impressionsPerShare, Input cpm) {}
}
