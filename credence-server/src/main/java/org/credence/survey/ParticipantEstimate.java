package org.credence.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The Phillips participant-estimate input: Σ (monetary impact × attribution % × confidence %) over the
 * respondents who gave all three; everyone else invited (non-respondents, blanks) counts as no improvement.
 * Computed here until the ROI module's own participant estimate is merged (issue 13, section 6).
 *
 * @param total           the adjusted sum, in the survey's currency
 * @param contributing    respondents who gave all three estimates
 * @param invited         everyone invited: the people the total is spread over
 * @param perInvited      {@code total ÷ invited}, null when nobody was invited
 */
public record ParticipantEstimate(BigDecimal total, long contributing, long invited, BigDecimal perInvited) {
    public static final String FORMULA = "Σ impact × attribution % × confidence % (non-respondents counted as zero)";

    /** From the sum of {@code impact × attribution% × confidence%} (percentages as 0–100) over the contributing respondents. */
    public static ParticipantEstimate of(BigDecimal sumOfProductsInPercentSquared, long contributing, long invited) {
        BigDecimal total = sumOfProductsInPercentSquared.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_EVEN);
        return new ParticipantEstimate(total, contributing, invited,
                invited == 0 ? null : total.divide(BigDecimal.valueOf(invited), 2, RoundingMode.HALF_EVEN));
    }
}
