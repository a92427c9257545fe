package org.credence.report;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.credence.analytics.AnalyticsFilter;
import org.credence.analytics.EngagementQueries;
import org.credence.analytics.MarketingAssumptionStore;
import org.credence.insights.engagement.EngagementMetrics;
import org.credence.insights.marketing.MarketingValue;

/**
 * The section builders of the layers Credence measures today: operations (issuance), engagement
 * (layer 2) and marketing value (layer 3), and the notes standing in for completion (layer 4) and
 * business outcomes (layer 5) until their figures are plugged in.
 */
public final class Sections {
    private final EngagementQueries engagement;
    private final MarketingAssumptionStore assumptions;
    private final ReportQueries queries;

    public Sections(EngagementQueries engagement, MarketingAssumptionStore assumptions, ReportQueries queries) {
        this.engagement = engagement;
        this.assumptions = assumptions;
        this.queries = queries;
    }

    /** The board report's sections in layer order. */
    public List<SectionBuilder> board() {
        return List.of(this::operations, this::engagement, this::marketing, pending("completion", Layer.COMPLETION),
                pending("outcomes", Layer.OUTCOMES));
    }

    /** The weekly report's sections: operations and engagement. */
    public List<SectionBuilder> weekly() {
        return List.of(this::operations, this::engagement);
    }

    /** Layer 1: credentials issued, and issued by achievement and month (or day), small groups withheld. */
    BoardSection operations(SectionRequest r) {
        ReportQueries.IssuedGrid grid = queries.issuedByAchievement(r.tenantId(), r.current());
        GridTable table = new GridTable("issued-by-achievement", "table.issued", "credentials",
                r.suppression().grid(grid.rows().isEmpty() ? List.of("—") : grid.rows(), grid.columns(),
                        grid.rows().isEmpty() ? new long[][] {new long[grid.columns().size()]} : grid.counts()));
        return new BoardSection("operations", Layer.OPERATIONS,
                List.of(r.pair(metrics(r.tenantId(), r.current(), r.today()).issued(), metrics(r.tenantId(), r.previous(), r.today()).issued())),
                List.of(table), "note.operations");
    }

    /** Layer 2: activation (claim rate), share rate and referral rate of the credentials issued in the period. */
    BoardSection engagement(SectionRequest r) {
        EngagementMetrics now = metrics(r.tenantId(), r.current(), r.today());
        EngagementMetrics before = metrics(r.tenantId(), r.previous(), r.today());
        return new BoardSection("engagement", Layer.ENGAGEMENT, List.of(r.pair(now.claimRate(), before.claimRate()),
                r.pair(now.shareRate(), before.shareRate()), r.pair(now.referralRate(), before.referralRate())), List.of(), null);
    }

    /** Layer 3: impressions and advertising-equivalent value (an estimate over the tenant's assumptions, not revenue). */
    BoardSection marketing(SectionRequest r) {
        MarketingValue now = marketingValue(r.tenantId(), r.current());
        MarketingValue before = marketingValue(r.tenantId(), r.previous());
        return new BoardSection("marketing", Layer.MARKETING, List.of(r.pair(now.impressions(), before.impressions()),
                r.pair(now.equivalentMediaValue(), before.equivalentMediaValue())), List.of(), "note.marketing");
    }

    /**
     * The cost-versus-return line: the advertising-equivalent value of the period. Program costs
     * (layer 1 ledger) and monetised returns (ROI) are null until those services are plugged in.
     */
    public BoardReport.CostVersusReturn costVersusReturn(SectionRequest r) {
        return new BoardReport.CostVersusReturn(null, null, r.suppression().figure(marketingValue(r.tenantId(), r.current()).equivalentMediaValue()));
    }

    /** The advertising-equivalent value of the period. */
    MarketingValue marketingValue(long tenantId, ReportPeriod period) {
        AnalyticsFilter filter = filter(period);
        return MarketingValue.of(engagement.cohort(tenantId, filter).sharedByChannel(), assumptions.effective(tenantId, OptionalLong.empty()));
    }

    private EngagementMetrics metrics(long tenantId, ReportPeriod period, LocalDate today) {
        AnalyticsFilter filter = filter(period);
        return EngagementMetrics.of(engagement.inputs(engagement.cohort(tenantId, filter), engagement.recipients(tenantId, filter, today)));
    }

    /** A layer not measured yet: no figures, a note saying what data would measure it. */
    private static SectionBuilder pending(String id, Layer layer) {
        return r -> new BoardSection(id, layer, List.of(), List.of(), "note." + id + ".pending");
    }

    private static AnalyticsFilter filter(ReportPeriod period) {
        return new AnalyticsFilter(period.from(), period.to(), OptionalLong.empty());
    }
}
