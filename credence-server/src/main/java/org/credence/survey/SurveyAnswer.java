package org.credence.survey;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One respondent's answer; every item may be left blank (null, or empty).
 *
 * @param monetaryImpact the respondent's estimate of the yearly monetary value of their improvement, in the survey's currency
 * @param attributionPct the share of that improvement they attribute to the program, 0–100
 * @param confidencePct  their confidence in the two estimates, 0–100
 * @param custom         custom items' answers by item id (text, the chosen option's index, or the scale value, as text)
 */
public record SurveyAnswer(Integer satisfaction, String skillApplied, List<String> careerOutcomes, BigDecimal monetaryImpact,
                           Integer attributionPct, Integer confidencePct, Map<String, String> custom) {
    public SurveyAnswer {
        careerOutcomes = List.copyOf(careerOutcomes);
        custom = Map.copyOf(custom);
    }
}
