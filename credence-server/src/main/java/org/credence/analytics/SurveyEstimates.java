package org.credence.analytics;

import java.time.LocalDate;
import java.util.Optional;
import org.credence.insights.roi.ParticipantEstimate;

/**
 * Participants' benefit estimates from the post-completion surveys (the Phillips impact,
 * attribution and confidence items), for a benefit line whose amount comes from the surveys.
 */
@FunctionalInterface
public interface SurveyEstimates {

    /** No survey answers: a survey-based benefit line counts as nothing until answers arrive. */
    SurveyEstimates NONE = (tenantId, from, to) -> Optional.empty();

    /** The estimate from the answers received from {@code from} to {@code to}, non-respondents counted as no improvement. */
    Optional<ParticipantEstimate> estimate(long tenantId, LocalDate from, LocalDate to);
}
