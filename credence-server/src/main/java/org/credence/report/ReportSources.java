package org.credence.report;

import org.credence.achievement.Achievements;
import org.credence.analytics.AnalyticsFolder;
import org.credence.analytics.EngagementQueries;
import org.credence.analytics.MarketingAssumptionStore;
import org.credence.analytics.Maturity;
import org.credence.analytics.OperationsReport;
import org.credence.analytics.ProgramRoi;
import org.credence.analytics.outcomes.OutcomeQueries;
import org.credence.analytics.outcomes.OutcomeReports;
import org.credence.survey.SurveyModule;
import org.credence.survey.SurveyOutcomes;

/**
 * The analytics services the report sections read their typed results from. The engagement ones
 * are always there; a layer whose service is null gets a note saying what would measure it.
 *
 * @param operations   layer 1: operations figures and the cost ledger, or null
 * @param outcomes     layers 4 and 5: completion, retention and business comparisons, or null
 * @param roi          the program's ROI against the cost ledger (cost versus return), or null
 * @param achievements the tenant's achievements (outcome comparisons by launch date need them)
 * @param surveys      layer 5: the surveys' response rate and answers of a period, or null
 * @param maturity     the measurement-maturity tier shown at the top of the board report, or null
 */
public record ReportSources(EngagementQueries engagement, MarketingAssumptionStore assumptions, AnalyticsFolder folder,
                            OperationsReport operations, OutcomeReports outcomes, ProgramRoi roi,
                            Achievements achievements, SurveyOutcomes surveys, Maturity maturity) {

    /** Every service built on the database alone, for the command line (a running server passes its own instances). */
    public static ReportSources of(org.jdbi.v3.core.Jdbi jdbi, java.time.Clock clock) {
        org.credence.audit.AuditTrail audit = new org.credence.audit.AuditTrail(jdbi);
        EngagementQueries engagement = new EngagementQueries(jdbi);
        MarketingAssumptionStore assumptions = new MarketingAssumptionStore(jdbi, clock);
        AnalyticsFolder folder = new AnalyticsFolder(jdbi);
        org.credence.analytics.costs.ProgramCostLedger costs = new org.credence.analytics.costs.ProgramCostLedger(jdbi, audit, clock);
        OperationsReport operations = new OperationsReport(new org.credence.analytics.OperationsQueries(jdbi), engagement, folder, costs,
                new org.credence.analytics.CostAvoidedAssumptionStore(jdbi, clock));
        OutcomeReports outcomes = new OutcomeReports(new OutcomeQueries(jdbi), new org.credence.analytics.outcomes.ProgramStore(jdbi, audit));
        ProgramRoi roi = new ProgramRoi(jdbi, new org.credence.analytics.BenefitStore(jdbi, clock),
                org.credence.analytics.ProgramCosts.of(costs), SurveyModule.estimatesOf(jdbi), engagement, assumptions);
        // reports only list achievements; no design is checked
        return new ReportSources(engagement, assumptions, folder, operations, outcomes, roi,
                new Achievements(jdbi, audit, (tenant, design) -> false), SurveyModule.outcomesOf(jdbi),
                new Maturity(new org.credence.analytics.MaturityQueries(jdbi)));
    }
}
