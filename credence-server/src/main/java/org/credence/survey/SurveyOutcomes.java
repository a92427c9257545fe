package org.credence.survey;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credence.insights.Count;
import org.credence.insights.Evidence;
import org.credence.insights.Figure;
import org.credence.insights.Figures;
import org.credence.insights.Formula;
import org.credence.insights.Input;
import org.credence.insights.Metric;
import org.credence.insights.stats.ConfidenceLevel;
import org.credence.insights.stats.Interval;
import org.credence.insights.stats.IntervalMethod;
import org.jdbi.v3.core.Jdbi;

/**
 * The surveys' results of a period across all the tenant's achievements, as report figures: the earners'
 * response rate (always, with its n), and from {@value SurveyFigures#SMALL_SAMPLE} answers on their mean
 * satisfaction and the share who applied the skill. A period holds the invitations sent in it. Reads the
 * same aggregates as {@link Surveys#results}, never answers one by one; the database alone, so the report
 * command can build it.
 */
public final class SurveyOutcomes {
    static final Metric RESPONSE_RATE = new Metric("survey.response_rate", "Survey response rate (earners)",
            "Earners invited to a post-completion survey in the period who answered it.",
            new Formula("proportion", "answered ÷ invited (earners invited in the period)"), "earners invited in the period",
            Evidence.DERIVED, "a low rate means the answers may speak for the keenest earners only");
    static final Metric SATISFACTION = new Metric("survey.satisfaction_mean", "Satisfaction (mean, 1 to 5)",
            "Mean of the earners' satisfaction answers (1 = very dissatisfied, 5 = very satisfied).",
            new Formula("mean", "Σ satisfaction ÷ answers with a satisfaction, ± t(n − 1) × sd ÷ √n"), "earners who rated satisfaction",
            Evidence.DERIVED, "self-reported by those who answered");
    static final Metric SKILL_APPLIED = new Metric("survey.skill_applied", "Applied the skill at work",
            "Earners who answered that they applied what the credential stands for at work (partly not counted).",
            new Formula("proportion", "answered yes ÷ answered the skill item"), "earners who answered the skill item",
            Evidence.DERIVED, "self-reported by those who answered");

    private final Jdbi jdbi;

    SurveyOutcomes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The earners' survey figures of a period.
     *
     * @param satisfaction null, and {@code skillApplied} too, when fewer than {@value SurveyFigures#SMALL_SAMPLE} answered
     */
    public record Outcome(Figure responseRate, Figure satisfaction, Figure skillApplied) {
        /** The figures there are, in reading order. */
        public List<Figure> figures() {
            return satisfaction == null ? List.of(responseRate) : List.of(responseRate, satisfaction, skillApplied);
        }
    }

    /** The earners invited from {@code from} to {@code to} (inclusive, UTC days), over every achievement of the tenant. */
    public Outcome earners(long tenantId, LocalDate from, LocalDate to) {
        SurveyStore.Aggregates a = jdbi.withHandle(h -> SurveyStore.aggregates(h, tenantId, "earner",
                from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        // the Phillips estimate is the ROI's business (SurveyBenefits); the report shows the answers only
        SurveyResults.Cohort cohort = SurveyResults.cohort(a, List.of());
        Figure response = rate(RESPONSE_RATE, cohort.responseRate(), "answered", "invited");
        if (cohort.suppressed()) {
            return new Outcome(response, null, null);
        }
        return new Outcome(response, mean(cohort.satisfaction()), rate(SKILL_APPLIED, cohort.skillApplied().get("yes"), "applied", "answered"));
    }

    private static Figure rate(Metric metric, SurveyFigures.Rate rate, String successes, String trials) {
        return Figures.proportion(metric, Count.of(successes, rate.successes(), "people"), Count.of(trials, rate.n(), "people"),
                ConfidenceLevel.NINETY_FIVE);
    }

    private static Figure mean(SurveyFigures.Mean mean) {
        Map<String, Input> inputs = new LinkedHashMap<>();
        inputs.put("answers", Input.measured(mean.n(), "people"));
        BigDecimal value = mean.value() == null ? null : new BigDecimal(mean.value(), MathContext.DECIMAL64);
        Interval interval = mean.low() == null ? null : new Interval(mean.low(), mean.high(), 0.95, IntervalMethod.STUDENT_T_MEAN);
        List<org.credence.insights.Warning> warnings = value != null ? List.of()
                : List.of(org.credence.insights.Warning.of(org.credence.analytics.AnalyticsWarning.NO_SATISFACTION_ANSWER));
        return new Figure(SATISFACTION, value, "score", inputs, interval, warnings, false);
    }
}
