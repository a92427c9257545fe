package org.credence.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credence.insights.roi.ParticipantEstimate;
import org.credence.survey.SurveyFigures.Mean;
import org.credence.survey.SurveyFigures.Rate;

/**
 * An achievement's survey results, earners and the non-completer sample apart.
 *
 * @param simulated whether any invitation counted is simulated (the demo)
 */
public record SurveyResults(long achievementId, String currency, boolean simulated, Cohort earners, Cohort nonCompleters) {
    public static final String ESTIMATE_FORMULA = "Σ impact × attribution % × confidence % (non-respondents counted as zero)";

    /** The participant estimate spread over everyone invited, to the cent. */
    public static java.math.BigDecimal perInvited(ParticipantEstimate e) {
        return e.adjustedBenefit().divide(java.math.BigDecimal.valueOf(e.surveyed()), 2, java.math.RoundingMode.HALF_EVEN);
    }

    /**
     * One cohort's results. The response rate and n are always given; the answers' figures are null and
     * {@code suppressed} true when fewer than {@value SurveyFigures#SMALL_SAMPLE} answered.
     */
    public record Cohort(long invited, long answered, Rate responseRate, boolean suppressed, Mean satisfaction,
                         Map<String, Rate> skillApplied, Map<String, Rate> careerOutcome, ParticipantEstimate participantEstimate) {}

    /** From the group's aggregates and its respondents' Phillips estimates (everyone else invited counts as zero). */
    static Cohort cohort(SurveyStore.Aggregates a, List<ParticipantEstimate.Response> estimates) {
        Rate response = SurveyFigures.rate(a.answered(), a.invited());
        if (a.answered() < SurveyFigures.SMALL_SAMPLE) {
            return new Cohort(a.invited(), a.answered(), response, true, null, null, null, null);
        }
        Map<String, Rate> skill = new LinkedHashMap<>();
        skill.put("yes", SurveyFigures.rate(a.skillYes(), a.skillN()));
        skill.put("partly", SurveyFigures.rate(a.skillPartly(), a.skillN()));
        skill.put("no", SurveyFigures.rate(a.skillNo(), a.skillN()));
        Map<String, Rate> career = new LinkedHashMap<>();
        career.put("promotion", SurveyFigures.rate(a.promotion(), a.careerN()));
        career.put("raise", SurveyFigures.rate(a.raise(), a.careerN()));
        career.put("new_job", SurveyFigures.rate(a.newJob(), a.careerN()));
        career.put("new_responsibilities", SurveyFigures.rate(a.newResponsibilities(), a.careerN()));
        career.put("none", SurveyFigures.rate(a.none(), a.careerN()));
        return new Cohort(a.invited(), a.answered(), response, false, SurveyFigures.mean(a.satisfactionN(), a.satisfactionSum(),
                a.satisfactionSquares()), skill, career, ParticipantEstimate.of(estimates, a.invited()));
    }
}
