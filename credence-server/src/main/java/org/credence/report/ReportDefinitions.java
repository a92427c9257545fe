package org.credence.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.credence.insights.Evidence;
import org.credence.insights.Figure;
import org.credence.insights.Formula;
import org.credence.insights.Input;
import org.credence.insights.Metric;
import org.credence.insights.compare.Comparison;
import org.credence.insights.compare.Group;

/**
 * The figures the board report adds on top of the services' own: each a difference between two
 * groups (from an outcome comparison) or a sum the outcome queries already make. Documented in
 * docs/reports.md.
 */
final class ReportDefinitions {
    /** The unit of a difference of two proportions: printed as percentage points. */
    static final String POINTS = "proportion difference";

    static final Metric COMPLETION_UPLIFT = new Metric("report.completion_uplift", "Completion uplift",
            "Completion rate of enrolments in courses with a credential offer minus that of courses without one.",
            new Formula("difference of proportions", "completed ÷ enrolled (with a credential offer) − completed ÷ enrolled (without)"),
            "enrolments in the period", Evidence.DERIVED, "an association unless the program ran a randomised holdout");
    static final Metric RE_ENROLMENT_DIFFERENCE = new Metric("report.re_enrolment_difference", "Re-enrolment: earners minus non-earners",
            "Share of earners who enrolled again minus the share of non-earners who did.",
            new Formula("difference of proportions", "re-enrolled ÷ people (earners) − re-enrolled ÷ people (non-earners)"),
            "people with an enrolment in the period", Evidence.DERIVED, "an association, not an effect of the credential");
    static final Metric WIN_RATE_DIFFERENCE = new Metric("report.win_rate_difference", "Win rate: credentialed minus other contacts",
            "Won ÷ closed opportunities of contacts who earned a credential before the opportunity was created, minus the same for other contacts.",
            new Formula("difference of proportions", "won ÷ closed (credentialed contacts) − won ÷ closed (other contacts)"),
            "opportunities closed in the period", Evidence.DERIVED, "an association, not revenue caused by credentials");
    static final Metric PIPELINE_CREDENTIALED = new Metric("report.pipeline_credentialed", "Pipeline from credentialed contacts",
            "Open and won opportunity amounts whose contact earned a credential before the opportunity was created.",
            new Formula("sum", "Σ amount of open and won opportunities of credentialed contacts, in the main currency"),
            null, Evidence.MEASURED, "associated with credentials, not caused by them");
    static final Metric WON_CREDENTIALED = new Metric("report.won_revenue_credentialed", "Won revenue from credentialed contacts",
            "Won opportunity amounts whose contact earned a credential before the opportunity was created.",
            new Formula("sum", "Σ amount of won opportunities of credentialed contacts, in the main currency"),
            null, Evidence.MEASURED, "associated with credentials, not caused by them");

    static final Metric FULLY_LOADED_COSTS = new Metric("report.fully_loaded_costs", "Fully loaded costs",
            "Every cost line of the ledger in the period (platform, design, delivery, exam administration, staff hours × rate).",
            new Formula("sum", "Σ cost lines in the period, spread lines prorated by day"), null, Evidence.MEASURED, null);
    static final Metric MONETISED_BENEFITS = new Metric("report.monetised_benefits", "Monetised benefits (base case)",
            "The benefit lines in force, each annual amount × attribution × confidence, in the base case.",
            new Formula("sum", "Σ annual amount × attribution × confidence × case factor"), null, Evidence.ESTIMATED,
            "an estimate: attribution and confidence are judgements");

    private ReportDefinitions() {}

    /** A figure with no value because the period has no data for it. */
    static Figure none(Metric metric) {
        return new Figure(metric, null, POINTS, Map.of(), null,
                java.util.List.of(org.credence.insights.Warning.of(org.credence.analytics.AnalyticsWarning.NO_DATA_FOR_BOTH_GROUPS)),
                false);
    }

    /** An amount of money as a figure with no inputs. */
    static Figure money(Metric metric, BigDecimal amount, String currency) {
        return Figure.of(metric, amount, currency, Map.of());
    }

    /**
     * A comparison of two rates as one figure: the difference, its interval, and both groups' sizes as inputs.
     *
     * @param unit what the groups count ("people", "opportunities")
     */
    static Figure difference(Metric metric, Comparison c, String unit) {
        Map<String, Input> inputs = new LinkedHashMap<>();
        group(inputs, c.first(), unit);
        group(inputs, c.second(), unit);
        BigDecimal value = Double.isNaN(c.difference()) ? null : new BigDecimal(c.difference(), MathContext.DECIMAL64);
        return new Figure(metric, value, POINTS, inputs, c.differenceInterval(), c.warnings(), false);
    }

    /** An amount of money measured from the outcome data; {@code count} is how many records it sums, as an input. */
    static Figure amount(Metric metric, BigDecimal amount, String currency, String countName, long count) {
        Map<String, Input> inputs = new LinkedHashMap<>();
        inputs.put(countName, Input.measured(count, countName.replace('_', ' ')));
        return Figure.of(metric, amount, currency, inputs);
    }

    private static void group(Map<String, Input> inputs, Group group, String unit) {
        String name = group.label().toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
        inputs.put(name + "_n", Input.measured(group.n(), unit));
        if (group.successes() != null) {
            inputs.put(name + "_events", Input.measured(group.successes(), unit));
        }
    }
}
