package org.credence.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.credence.achievement.Achievement;
import org.credence.analytics.AnalyticsFilter;
import org.credence.analytics.EngagementQueries;
import org.credence.analytics.MarketingAssumptionStore;
import org.credence.analytics.OperationsQueries;
import org.credence.analytics.OperationsReport;
import org.credence.analytics.ProgramRoi;
import org.credence.analytics.outcomes.OutcomeAnswers;
import org.credence.analytics.outcomes.OutcomeQueries;
import org.credence.analytics.outcomes.OutcomeReports;
import org.credence.insights.Figure;
import org.credence.insights.Warning;
import org.credence.insights.compare.Comparison;
import org.credence.insights.engagement.EngagementMetrics;
import org.credence.insights.marketing.MarketingValue;
import org.credence.insights.roi.RoiCase;
import org.credence.insights.roi.RoiResult;
import org.credence.survey.SurveyOutcomes;

/**
 * The section builders of the five layers, each from its service's typed results: operations
 * (layer 1: issuance, time to issue, delivery, costs), engagement (layer 2), marketing value
 * (layer 3), completion and retention (layer 4) and business outcomes with the program's ROI
 * (layer 5), with the surveys' response rate and answers. A layer whose service is missing gets a
 * note saying what data would measure it.
 */
public final class Sections {
    /** The ROI's discount rate and horizon for payback and NPV, as the ROI page's defaults. */
    private static final BigDecimal RATE = new BigDecimal("0.10");
    private static final int YEARS = 3;

    private final EngagementQueries engagement;
    private final MarketingAssumptionStore assumptions;
    private final ReportQueries queries;
    private final ReportSources sources;

    public Sections(ReportSources sources, ReportQueries queries) {
        this.engagement = sources.engagement();
        this.assumptions = sources.assumptions();
        this.queries = queries;
        this.sources = sources;
    }

    /** The board report's sections in layer order. */
    public List<SectionBuilder> board() {
        return List.of(this::operations, this::engagement, this::marketing,
                sources.outcomes() == null ? pending("completion", Layer.COMPLETION) : this::completion,
                sources.outcomes() == null ? pending("outcomes", Layer.OUTCOMES) : this::outcomes);
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
        if (sources.operations() == null) {
            return new BoardSection("operations", Layer.OPERATIONS, List.of(r.pair(metrics(r.tenantId(), r.current(), r.today()).issued(),
                    metrics(r.tenantId(), r.previous(), r.today()).issued())), List.of(table), "note.operations");
        }
        Map<String, Figure> now = operations(r.tenantId(), r.current()).figures();
        Map<String, Figure> before = operations(r.tenantId(), r.previous()).figures();
        List<BoardFigure> figures = new ArrayList<>();
        for (String id : List.of("operations.credentials_issued", "operations.time_to_issue.median", "operations.delivery_success",
                "operations.claim_lag.median", "operations.support_tickets", "operations.cost_per_credential", "operations.cost_avoided")) {
            if (now.containsKey(id)) {
                figures.add(r.pair(now.get(id), before.get(id)));
            }
        }
        // money counts no people: the ledger's line count is no small group to withhold
        if (now.containsKey("operations.program_cost")) {
            figures.add(new BoardFigure(now.get("operations.program_cost"), before.get("operations.program_cost")));
        }
        return new BoardSection("operations", Layer.OPERATIONS, figures, List.of(table), "note.operations");
    }

    private OperationsReport.View operations(long tenantId, ReportPeriod period) {
        boolean monthly = period.from().plusMonths(1).isBefore(period.to());
        // the operations report takes [from, to): the day after the period's last
        return sources.operations().view(tenantId, period.from(), period.to().plusDays(1),
                monthly ? OperationsQueries.Granularity.MONTH : OperationsQueries.Granularity.DAY, OptionalLong.empty());
    }

    /** Layer 4: completion with vs without a credential offer, and re-enrolment of earners vs non-earners, each a difference with its interval. */
    BoardSection completion(SectionRequest r) {
        List<Achievement> achievements = sources.achievements().list(r.tenantId());
        OutcomeReports outcomes = sources.outcomes();
        OutcomeAnswers.Completion now = outcomes.completion(scope(r, r.current()), achievements);
        OutcomeAnswers.Completion before = outcomes.completion(scope(r, r.previous()), achievements);
        OutcomeAnswers.Retention retentionNow = outcomes.retention(scope(r, r.current()));
        OutcomeAnswers.Retention retentionBefore = outcomes.retention(scope(r, r.previous()));
        return new BoardSection("completion", Layer.COMPLETION, List.of(
                comparison(r, ReportDefinitions.COMPLETION_UPLIFT, now.offer().comparison(), before.offer().comparison(), "enrolments"),
                comparison(r, ReportDefinitions.RE_ENROLMENT_DIFFERENCE, retentionNow.reEnrolment().groups().comparison(),
                        retentionBefore.reEnrolment().groups().comparison(), "people")), List.of(), "note.completion");
    }

    /** Layer 5: pipeline and won revenue from credentialed contacts, win rate against other contacts, and the program's ROI (or value indicator). */
    BoardSection outcomes(SectionRequest r) {
        List<Achievement> achievements = sources.achievements().list(r.tenantId());
        OutcomeAnswers.Business now = sources.outcomes().business(scope(r, r.current()), achievements);
        OutcomeAnswers.Business before = sources.outcomes().business(scope(r, r.previous()), achievements);
        List<BoardFigure> figures = new ArrayList<>();
        // the pipeline sums come from the business answer, which the outcome reports cache per tenant and data
        List<PipelineRow> pipelineNow = pipelineRows(now);
        List<PipelineRow> pipelineBefore = pipelineRows(before);
        String currency = mainCurrency(pipelineNow);
        if (currency != null) {
            figures.add(new BoardFigure(pipeline(pipelineNow, currency, false), pipeline(pipelineBefore, currency, false)));
            figures.add(new BoardFigure(pipeline(pipelineNow, currency, true), pipeline(pipelineBefore, currency, true)));
        }
        figures.add(comparison(r, ReportDefinitions.WIN_RATE_DIFFERENCE, winRate(now), winRate(before), "opportunities"));
        if (sources.surveys() != null) {
            figures.addAll(surveys(r));
        }
        if (sources.roi() != null) {
            ProgramRoi.Answer roiNow = roi(r.tenantId(), r.current());
            ProgramRoi.Answer roiBefore = roi(r.tenantId(), r.previous());
            List<Figure> current = roiNow.roi().figures(RoiCase.BASE, false, roiNow.currency());
            List<Figure> previous = roiBefore.roi().figures(RoiCase.BASE, false, roiBefore.currency());
            for (int i = 0; i < current.size(); i++) {
                Figure p = i < previous.size() && previous.get(i).metric().id().equals(current.get(i).metric().id()) ? previous.get(i) : null;
                figures.add(new BoardFigure(current.get(i), p));
            }
        }
        return new BoardSection("outcomes", Layer.OUTCOMES, figures, List.of(), "note.outcomes");
    }

    /**
     * The earners' survey response rate with its n, always; satisfaction and skill applied once five answered in
     * the quarter (the previous quarter's beside them when it had five too). Each through the small-group rule.
     */
    private List<BoardFigure> surveys(SectionRequest r) {
        SurveyOutcomes.Outcome now = sources.surveys().earners(r.tenantId(), r.current().from(), r.current().to());
        SurveyOutcomes.Outcome before = sources.surveys().earners(r.tenantId(), r.previous().from(), r.previous().to());
        List<BoardFigure> figures = new ArrayList<>();
        figures.add(r.pair(now.responseRate(), before.responseRate()));
        if (now.satisfaction() != null) {
            figures.add(r.pair(now.satisfaction(), before.satisfaction()));
            figures.add(r.pair(now.skillApplied(), before.skillApplied()));
        }
        return figures;
    }

    private ProgramRoi.Answer roi(long tenantId, ReportPeriod period) {
        return sources.roi().answer(tenantId, period.from(), period.to(), sources.roi().defaultCurrency(tenantId), RATE, YEARS);
    }

    private static BoardFigure comparison(SectionRequest r, org.credence.insights.Metric metric, Comparison now, Comparison before, String unit) {
        Figure current = now == null ? ReportDefinitions.none(metric) : ReportDefinitions.difference(metric, now, unit);
        Figure previous = before == null ? ReportDefinitions.none(metric) : ReportDefinitions.difference(metric, before, unit);
        BoardFigure pair = r.pair(current, previous);
        return new BoardFigure(pair.current(), pair.previous(), pair.current().suppressed() ? null : now);
    }

    /** One group of the business answer's pipeline: a currency and group (credentialed or others). */
    private record PipelineRow(String currency, boolean credentialed, long open, BigDecimal openAmount, long won, BigDecimal wonAmount) {}

    private static List<PipelineRow> pipelineRows(OutcomeAnswers.Business answer) {
        List<PipelineRow> rows = new ArrayList<>();
        for (OutcomeAnswers.CurrencyPipeline currency : answer.pipeline()) {
            currency.groups().forEach(g -> rows.add(new PipelineRow(g.currency(), g.credentialed(), g.open(), g.openAmount(), g.won(), g.wonAmount())));
        }
        return rows;
    }

    /** The win-rate comparison, null without a main currency or when a group closed nothing. */
    private static Comparison winRate(OutcomeAnswers.Business answer) {
        return answer.winRate() == null ? null : answer.winRate().groups().comparison();
    }

    /** The currency with the most won opportunities; amounts in other currencies are never added to it. */
    private static String mainCurrency(List<PipelineRow> pipeline) {
        return pipeline.stream().collect(java.util.stream.Collectors.groupingBy(PipelineRow::currency,
                        java.util.stream.Collectors.summingLong(PipelineRow::won)))
                .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static Figure pipeline(List<PipelineRow> pipeline, String currency, boolean wonOnly) {
        BigDecimal amount = BigDecimal.ZERO;
        long count = 0;
        for (PipelineRow p : pipeline) {
            if (p.credentialed() && p.currency().equals(currency)) {
                amount = amount.add(p.wonAmount()).add(wonOnly ? BigDecimal.ZERO : p.openAmount());
                count += p.won() + (wonOnly ? 0 : p.open());
            }
        }
        return ReportDefinitions.amount(wonOnly ? ReportDefinitions.WON_CREDENTIALED : ReportDefinitions.PIPELINE_CREDENTIALED, amount, currency,
                "opportunities", count);
    }

    private static OutcomeQueries.Scope scope(SectionRequest r, ReportPeriod period) {
        return OutcomeQueries.Scope.ofReport(r.tenantId(), period.from(), period.to(), r.today());
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
        Figure advertising = r.suppression().figure(marketingValue(r.tenantId(), r.current()).equivalentMediaValue());
        if (sources.roi() == null) {
            return new BoardReport.CostVersusReturn(null, null, null, advertising);
        }
        ProgramRoi.Answer answer = roi(r.tenantId(), r.current());
        RoiResult base = answer.roi().result(RoiCase.BASE, false);
        if (base.costs().signum() == 0) {
            return new BoardReport.CostVersusReturn(null, null, null, advertising);
        }
        Figure costs = ReportDefinitions.money(ReportDefinitions.FULLY_LOADED_COSTS, base.costs(), answer.currency());
        if (answer.benefits().isEmpty()) {
            return new BoardReport.CostVersusReturn(costs, null, null, advertising);
        }
        return new BoardReport.CostVersusReturn(costs, ReportDefinitions.money(ReportDefinitions.MONETISED_BENEFITS, base.benefits(),
                answer.currency()), answer.roi().figures(RoiCase.BASE, false, answer.currency()).get(0), advertising);
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
