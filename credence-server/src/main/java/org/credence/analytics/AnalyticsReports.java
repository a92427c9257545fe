package org.credence.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.credence.analytics.EngagementAnswers.AchievementRow;
import org.credence.analytics.EngagementAnswers.Achievements;
import org.credence.analytics.EngagementAnswers.ChannelAssumptions;
import org.credence.analytics.EngagementAnswers.ChannelFigure;
import org.credence.analytics.EngagementAnswers.Engagement;
import org.credence.analytics.EngagementAnswers.Funnel;
import org.credence.analytics.EngagementAnswers.Geography;
import org.credence.analytics.EngagementAnswers.Influencers;
import org.credence.analytics.EngagementAnswers.Marketing;
import org.credence.analytics.EngagementAnswers.MarketingChannel;
import org.credence.analytics.EngagementAnswers.Step;
import org.credence.analytics.EngagementAnswers.Trends;
import org.credence.analytics.EngagementAnswers.Verifications;
import org.credence.insights.Channel;
import org.credence.insights.Figure;
import org.credence.insights.Warning;
import org.credence.insights.engagement.EngagementMetrics;
import org.credence.insights.engagement.Influencer;
import org.credence.insights.engagement.PeriodCount;
import org.credence.insights.engagement.TopInfluencers;
import org.credence.insights.marketing.ChannelValue;
import org.credence.insights.marketing.MarketingAssumptions;
import org.credence.insights.marketing.MarketingDefinitions;
import org.credence.insights.marketing.MarketingValue;
import org.credence.insights.marketing.Parameter;
import org.credence.insights.marketing.ScenarioCell;
import org.credence.insights.marketing.SensitivitySeries;
import org.credence.insights.privacy.SuppressedTable;
import org.credence.insights.stats.ConfidenceLevel;

/**
 * The program manager's figures for one tenant and filter, as typed {@link Report}s ({@link EngagementAnswers}): the measured
 * counts come from {@link EngagementQueries}, the mathematics from credence-insights. The API
 * routes and the dashboard page both read these, so a page never shows a number the API does not.
 */
public final class AnalyticsReports {
    /** How many recipients the influencer list shows. */
    static final int INFLUENCERS = 10;
    static final int INFLUENCER_CANDIDATES = 500;
    private static final int SENSITIVITY_POINTS = 11;
    // the readable columns of the CSV exports and the funnel's step explanations are English, like the rest of the API
    private static final Readable EN = Readable.of("en");
    private static final Map<String, String> EN_TEXT = DashboardText.of("en");
    /** The answers' notes, in English as the API has always written them; pages read the same keys in their language. */
    private static final org.credence.i18n.Messages EN_NOTES = org.credence.i18n.Messages.of("insights", "en");

    private final EngagementQueries queries;
    private final MarketingAssumptionStore assumptions;

    public AnalyticsReports(EngagementQueries queries, MarketingAssumptionStore assumptions) {
        this.queries = queries;
        this.assumptions = assumptions;
    }

    /** Every engagement figure (ROI layer 2), the share rate by channel among them. */
    public Engagement engagement(long tenantId, AnalyticsFilter filter, LocalDate today) {
        EngagementMetrics metrics = metrics(tenantId, filter, today);
        List<Figure> figures = metrics.all().stream().map(AnalyticsReports::markUnmeasured).toList();
        List<ChannelFigure> channels = new ArrayList<>();
        metrics.shareRateByChannel().forEach((channel, f) -> channels.add(new ChannelFigure(channel, f)));
        return new Engagement(filter, figures, channels, List.of(EN_NOTES.text("note.engagement.rates"),
                EN_NOTES.text("note.engagement.sources"), EN_NOTES.text("note.engagement.cohorts")),
                List.of(figureTable("engagement", figures)));
    }

    /** Issued → claimed → viewed → shared → referral, each step with its count and its rate. */
    public Funnel funnel(long tenantId, AnalyticsFilter filter, LocalDate today) {
        EngagementQueries.Cohort c = queries.cohort(tenantId, filter);
        EngagementMetrics metrics = metrics(tenantId, filter, today);
        List<Step> steps = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        Object[][] funnel = {
            {"issued", c.issued(), metrics.issued()},
            {"claimed", c.claimed(), metrics.claimRate()},
            {"viewed", c.viewed(), metrics.viewRate()},
            {"shared", c.shared(), metrics.shareRate()},
            {"referral", c.sharedWithReferral(), metrics.referralRate()}};
        for (Object[] step : funnel) {
            Figure figure = (Figure) step[2];
            String counts = EN_TEXT.get("funnel.counts." + step[0]);
            steps.add(new Step((String) step[0], (Long) step[1], counts, figure));
            rows.add(List.of((String) step[0], step[1].toString(), figure.metric().label(), plain(figure.value()),
                    figure.interval() == null ? "" : Double.toString(figure.interval().low()),
                    figure.interval() == null ? "" : Double.toString(figure.interval().high()),
                    figure.unit().equals(Readable.PROPORTION) ? EN.value(figure) : "", counts));
        }
        return new Funnel(filter, steps, List.of(EN_TEXT.get("funnel.note")), List.of(new Table("funnel",
                List.of("step", "credentials", "rate", "value", "low", "high", "rateShown", "counts"), rows)));
    }

    /** Weekly counted events (from tracking_daily) and weekly issuance. */
    public Trends trends(long tenantId, AnalyticsFilter filter) {
        List<EngagementQueries.Week> weeks = queries.weekly(tenantId, filter);
        List<List<String>> rows = new ArrayList<>();
        for (EngagementQueries.Week w : weeks) {
            rows.add(List.of(w.period(), w.start().toString(), Long.toString(w.issued()), Long.toString(w.claims()),
                    Long.toString(w.views()), Long.toString(w.shares()), Long.toString(w.verifications()), Long.toString(w.referralClicks())));
        }
        return new Trends(filter, "week", weeks, List.of(EN_NOTES.text("note.trends")), List.of(new Table("trends", List.of("period", "start", "issued", "claims",
                "views", "shares", "verifications", "referralClicks"), rows)));
    }

    /** Achievements by credentials issued in the period, with their share rate. */
    public Achievements achievements(long tenantId, AnalyticsFilter filter, LocalDate today) {
        List<AchievementRow> list = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        EngagementQueries.Recipients none = new EngagementQueries.Recipients(0, 0, 0, 0);
        for (EngagementQueries.AchievementCohort a : queries.byAchievement(tenantId, filter)) {
            EngagementMetrics m = EngagementMetrics.of(queries.inputs(a.cohort(), none));
            Figure shareRate = m.shareRate();
            Figure claimRate = m.claimRate();
            EngagementQueries.Cohort c = a.cohort();
            list.add(new AchievementRow(a.achievementId(), a.name(), c, claimRate, shareRate));
            rows.add(List.of(Long.toString(a.achievementId()), a.name(), Long.toString(c.issued()), Long.toString(c.claimed()),
                    Long.toString(c.shared()), plain(shareRate.value()), Long.toString(c.views()), Long.toString(c.verifications()),
                    Long.toString(c.referralClicks()), EN.value(claimRate), EN.value(shareRate)));
        }
        return new Achievements(filter, list, List.of(new Table("achievements", List.of("achievementId", "name", "issued", "claimed", "shared",
                "shareRate", "views", "verifications", "referralClicks", "claimRateShown", "shareRateShown"), rows)));
    }

    /** Verification volume, change on the previous week, trend, weekly series and countries (groups under 5 withheld). */
    public Verifications verifications(long tenantId, AnalyticsFilter filter) {
        List<PeriodCount> periods = queries.weekly(tenantId, filter).stream()
                .map(w -> new PeriodCount(w.period(), w.verifications())).toList();
        org.credence.insights.engagement.Verifications v = new org.credence.insights.engagement.Verifications(periods, ConfidenceLevel.NINETY_FIVE);
        SuppressedTable countries = org.credence.insights.engagement.Verifications.byCountry(queries.byCountry(tenantId, filter, "verification"));
        return new Verifications(filter, v.volume(), v.changeOnPreviousPeriod(), v.trend(), periods, countries,
                List.of(countryTable("verifications-by-country", countries),
                        new Table("verifications-weekly", List.of("period", "verifications"),
                                periods.stream().map(p -> List.of(p.period(), Long.toString(p.count()))).toList())));
    }

    /** Third-party views and verifications by coarse country, groups under 5 withheld. */
    public Geography geography(long tenantId, AnalyticsFilter filter) {
        SuppressedTable views = org.credence.insights.engagement.Verifications.byCountry(queries.byCountry(tenantId, filter, "view"));
        SuppressedTable verifications = org.credence.insights.engagement.Verifications.byCountry(queries.byCountry(tenantId, filter, "verification"));
        List<List<String>> rows = new ArrayList<>();
        countryRows("view", views, rows);
        countryRows("verification", verifications, rows);
        return new Geography(filter, views, verifications, List.of(EN_NOTES.text("note.geography")),
                List.of(new Table("geography", List.of("type", "country", "count"), rows)));
    }

    /** Recipients whose credentials drove the most referral clicks, then third-party views; named only with consent. */
    public Influencers influencers(long tenantId, AnalyticsFilter filter) {
        List<Influencer> ranked = TopInfluencers.rank(queries.influencers(tenantId, filter, INFLUENCER_CANDIDATES), INFLUENCERS);
        List<List<String>> rows = new ArrayList<>();
        for (Influencer i : ranked) {
            rows.add(List.of(Integer.toString(i.rank()), i.label(), Boolean.toString(i.named()), Long.toString(i.thirdPartyViews()),
                    Long.toString(i.referralClicks()), EN_TEXT.get("named." + i.named())));
        }
        return new Influencers(filter, ranked, List.of(EN_NOTES.format("note.influencers", Map.of("candidates", INFLUENCER_CANDIDATES))),
                List.of(new Table("influencers", List.of("rank", "label", "named", "thirdPartyViews", "referralClicks", "namedShown"), rows)));
    }

    /**
     * Advertising-equivalent value (not revenue) of the measured shares: credentials shared at
     * least once on each channel × the tenant's assumed impressions per share × CPM, with the
     * scenario grid and the sensitivity to CPM.
     */
    public Marketing marketingValue(long tenantId, AnalyticsFilter filter) {
        EngagementQueries.Cohort c = queries.cohort(tenantId, filter);
        MarketingAssumptions effective = assumptions.effective(tenantId, filter.achievementId());
        MarketingValue model = MarketingValue.of(c.sharedByChannel(), effective);
        List<MarketingChannel> channels = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (ChannelValue v : model.byChannel()) {
            Channel channel = v.channel();
            channels.add(new MarketingChannel(v, c.sharedByChannel().get(channel)));
            rows.add(List.of(channel.id(), Long.toString(c.sharedByChannel().get(channel)),
                    plain(effective.of(Parameter.IMPRESSIONS_PER_SHARE, channel).value()), plain(effective.of(Parameter.CPM, channel).value()),
                    plain(v.impressions().value()), plain(v.equivalentMediaValue().value()), EN_TEXT.get("channel." + channel.id())));
        }
        List<ScenarioCell> cells = model.scenarios().cells();
        List<List<String>> gridRows = new ArrayList<>();
        for (ScenarioCell cell : cells) {
            gridRows.add(List.of(cell.impressionsPerShare().id(), cell.cpm().id(), plain(cell.impressions().value()),
                    plain(cell.equivalentMediaValue().value())));
        }
        BigDecimal highestCpm = effective.cpm().values().stream().map(a -> a.value()).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        BigDecimal to = highestCpm.signum() == 0 ? BigDecimal.TEN : highestCpm.multiply(BigDecimal.valueOf(2));
        SensitivitySeries sensitivity = model.sensitivity(Parameter.CPM, BigDecimal.ZERO, to, SENSITIVITY_POINTS);
        List<ChannelAssumptions> assumed = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            assumed.add(new ChannelAssumptions(channel, effective.of(Parameter.IMPRESSIONS_PER_SHARE, channel).input(),
                    effective.of(Parameter.CPM, channel).input()));
        }
        return new Marketing(filter, "measured", MarketingDefinitions.NOT_REVENUE + "; shares are measured, impressions per share and CPM are assumptions",
                effective.currency().getCurrencyCode(), model.impressions(), model.equivalentMediaValue(), channels, cells, sensitivity, assumed, List.of(
                new Table("marketing-value", List.of("channel", "sharedCredentials", "impressionsPerShare", "cpm", "impressions",
                        "equivalentMediaValue", "channelName"), rows),
                new Table("marketing-scenarios", List.of("impressionsPerShare", "cpm", "impressions", "equivalentMediaValue"), gridRows),
                new Table("marketing-sensitivity", List.of("cpm", "impressions", "equivalentMediaValue"), sensitivity.points().stream()
                        .map(p -> List.of(plain(p.value()), plain(p.impressions()), plain(p.equivalentMediaValue()))).toList())));
    }

    /** Whether the tenant's data is simulated (pages show a banner, the API a flag). */
    public boolean simulated(long tenantId) {
        return queries.simulated(tenantId);
    }

    private EngagementMetrics metrics(long tenantId, AnalyticsFilter filter, LocalDate today) {
        return EngagementMetrics.of(queries.inputs(queries.cohort(tenantId, filter), queries.recipients(tenantId, filter, today)));
    }

    /** A figure Credence cannot measure keeps its definition but loses its value, with a warning saying why. */
    private static Figure markUnmeasured(Figure figure) {
        AnalyticsWarning reason = EngagementQueries.NOT_MEASURED.get(figure.metric().id());
        return reason == null ? figure
                : new Figure(figure.metric(), null, figure.unit(), Map.of(), null, List.of(Warning.of(reason)), false);
    }

    private static Table figureTable(String name, List<Figure> figures) {
        return new Table(name, List.of("id", "label", "value", "unit", "low", "high", "evidence", "warnings", "shown"), figures.stream()
                .map(f -> List.of(f.metric().id(), f.metric().label(), plain(f.value()), f.unit(),
                        f.interval() == null ? "" : Double.toString(f.interval().low()),
                        f.interval() == null ? "" : Double.toString(f.interval().high()),
                        f.metric().evidence().name().toLowerCase(java.util.Locale.ROOT),
                        f.warnings().stream().map(Warning::message).collect(Collectors.joining("; ")), EN.value(f)))
                .toList());
    }

    private static Table countryTable(String name, SuppressedTable table) {
        List<List<String>> rows = new ArrayList<>();
        countryRows(null, table, rows);
        return new Table(name, List.of("country", "count"), rows);
    }

    /** One row per country ("withheld" for a suppressed one), then the total; with {@code type} as the first column when given. */
    private static void countryRows(String type, SuppressedTable table, List<List<String>> rows) {
        List<Figure> cells = new ArrayList<>(table.cells());
        cells.add(table.total());
        for (Figure f : cells) {
            String id = f.metric().id();
            String country = id.substring(id.lastIndexOf('.') + 1);
            String count = f.suppressed() ? "withheld" : plain(f.value());
            rows.add(type == null ? List.of(country, count) : List.of(type, country, count));
        }
    }

    /** A decimal as plain text (no exponent), '' for none. */
    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
