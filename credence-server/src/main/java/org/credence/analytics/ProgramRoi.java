package org.credence.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.credence.insights.marketing.MarketingAssumptions;
import org.credence.insights.marketing.MarketingValue;
import org.credence.insights.roi.BenefitLine;
import org.credence.insights.roi.NetPresentValue;
import org.credence.insights.roi.ParticipantEstimate;
import org.credence.insights.roi.Payback;
import org.credence.insights.roi.PhillipsRoi;
import org.credence.insights.roi.RevenueKind;
import org.credence.insights.roi.RevenueLine;
import org.credence.insights.roi.RevenueModel;
import org.credence.insights.roi.RoiCase;
import org.jdbi.v3.core.Jdbi;

/**
 * The tenant's program ROI: its benefits model against the cost ledger's fully loaded costs, in
 * three cases, with and without the advertising-equivalent value of the same period; payback and
 * NPV; and the revenue model from the imported revenue lines.
 *
 * <p>Conventions, stated with the answer: benefits are annual amounts; costs and advertising value
 * are over the period (by default the twelve months up to today); payback and NPV treat the
 * period's costs as the upfront cost and one twelfth of the base-case benefits as the monthly net flow.
 */
public final class ProgramRoi {
    private final Jdbi jdbi;
    private final BenefitStore benefits;
    private final ProgramCosts costs;
    private final SurveyEstimates surveys;
    private final EngagementQueries engagement;
    private final MarketingAssumptionStore assumptions;

    public ProgramRoi(Jdbi jdbi, BenefitStore benefits, ProgramCosts costs, SurveyEstimates surveys, EngagementQueries engagement,
                      MarketingAssumptionStore assumptions) {
        this.jdbi = jdbi;
        this.benefits = benefits;
        this.costs = costs;
        this.surveys = surveys;
        this.engagement = engagement;
        this.assumptions = assumptions;
    }

    /**
     * The answer for one period.
     *
     * @param benefits         the lines in the chosen currency, as used
     * @param otherCurrency    lines in force in another currency: listed, not converted, not counted
     * @param survey           the survey estimate used by survey-based lines, when any
     * @param advertisingValue the period's advertising-equivalent value, or null when its currency differs
     * @param payback          from the period's costs and one twelfth of the base-case benefits a month
     * @param npv              over {@code years} at {@code rate}, year-end convention
     */
    public record Answer(LocalDate from, LocalDate to, String currency, PhillipsRoi roi, List<BenefitStore.Benefit> benefits,
                         List<BenefitStore.Benefit> otherCurrency, Optional<ParticipantEstimate> survey, BigDecimal advertisingValue,
                         Payback payback, BigDecimal npv, BigDecimal rate, int years, RevenueModel revenue) {}

    /**
     * The currency of the tenant's money figures unless a request names another: the one most cost-ledger
     * lines are in (costs are the denominator), else the marketing assumptions' currency.
     */
    public String defaultCurrency(long tenantId) {
        return costs.mainCurrency(tenantId)
                .orElseGet(() -> assumptions.effective(tenantId, OptionalLong.empty()).currency().getCurrencyCode());
    }

    public Answer answer(long tenantId, LocalDate from, LocalDate to, String currency, BigDecimal rate, int years) {
        Optional<ParticipantEstimate> survey = Optional.empty();
        List<BenefitLine> lines = new ArrayList<>();
        List<BenefitStore.Benefit> used = new ArrayList<>();
        List<BenefitStore.Benefit> other = new ArrayList<>();
        for (BenefitStore.Benefit benefit : benefits.effective(tenantId)) {
            if (!benefit.currency().equals(currency)) {
                other.add(benefit);
                continue;
            }
            BigDecimal amount = benefit.annualAmount();
            if (benefit.fromSurvey()) {
                if (survey.isEmpty()) {
                    survey = surveys.estimate(tenantId, from, to);
                }
                amount = survey.map(ParticipantEstimate::adjustedBenefit).orElse(BigDecimal.ZERO);
            }
            lines.add(new BenefitLine(benefit.name(), amount, benefit.isolation(), benefit.attribution(), benefit.confidence(), benefit.factors()));
            used.add(benefit);
        }
        BigDecimal cost = costs.total(tenantId, from, to, currency);
        MarketingAssumptions marketing = assumptions.effective(tenantId, OptionalLong.empty());
        BigDecimal advertising = null;
        if (marketing.currency().getCurrencyCode().equals(currency)) {
            var cohort = engagement.cohort(tenantId, new AnalyticsFilter(from, to, OptionalLong.empty()));
            advertising = MarketingValue.of(cohort.sharedByChannel(), marketing).equivalentMediaValue().value();
        }
        PhillipsRoi roi = PhillipsRoi.of(lines, cost, advertising);
        BigDecimal monthly = roi.result(RoiCase.BASE, false).benefits()
                .divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
        Payback payback = Payback.of(cost, monthly, rate);
        BigDecimal npv = NetPresentValue.of(cost, monthly, rate, years);
        return new Answer(from, to, currency, roi, used, other, survey, advertising, payback, npv, rate, years, revenue(tenantId, from, to));
    }

    /** The revenue lines booked in the period, summed per kind and currency from the daily rollup (V31), never the lines. */
    RevenueModel revenue(long tenantId, LocalDate from, LocalDate to) {
        List<RevenueLine> lines = jdbi.withHandle(h -> h.createQuery("""
                        SELECT kind, currency, SUM(quantity) AS quantity, SUM(amount) AS amount FROM revenue_daily
                        WHERE tenant_id = :tenant AND booked_on BETWEEN :from AND :to GROUP BY kind, currency
                        HAVING SUM(quantity) <> 0 OR SUM(amount) <> 0""")
                .bind("tenant", tenantId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new RevenueLine(RevenueKind.fromCode(rs.getString("kind")), rs.getLong("quantity"),
                        rs.getBigDecimal("amount"), rs.getString("currency").strip()))
                .list());
        return RevenueModel.of(lines);
    }
}
