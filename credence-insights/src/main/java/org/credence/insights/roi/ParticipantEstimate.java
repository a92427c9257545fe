package org.credence.insights.roi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A benefit estimated by the participants themselves and adjusted the Phillips way: each respondent's
 * annual impact × the share they attribute to the program × their confidence in the estimate, summed.
 * Non-respondents add nothing — counted as no improvement, never extrapolated from those who answered
 * (Phillips &amp; Phillips, guiding principle: "if no improvement data are available for a population,
 * assume that little or no improvement has occurred").
 *
 * @param adjustedBenefit Σ impact × attribution × confidence, to the cent
 * @param claimedImpact   Σ impact before adjustment, to the cent
 * @param respondents     how many answered
 * @param surveyed        how many were asked (respondents included)
 */
public record ParticipantEstimate(BigDecimal adjustedBenefit, BigDecimal claimedImpact, long respondents,
        long surveyed) {

    /**
     * One participant's answer.
     *
     * @param impact      the annual monetary impact they report, not negative
     * @param attribution the share of it they attribute to the program, 0 to 1
     * @param confidence  their confidence in the estimate, 0 to 1
     */
    public record Response(BigDecimal impact, BigDecimal attribution, BigDecimal confidence) {
        public Response {
            Money.requireNonNegative("impact", impact);
            Money.requireFraction("attribution", attribution);
            Money.requireFraction("confidence", confidence);
        }

        /** impact × attribution × confidence, unrounded. */
        public BigDecimal adjusted() {
            return impact.multiply(attribution).multiply(confidence);
        }
    }

    public ParticipantEstimate {
        if (respondents < 0 || surveyed < respondents) {
            throw new IllegalArgumentException("respondents (" + respondents + ") must be between 0 and surveyed ("
                    + surveyed + ")");
        }
    }

    /** The estimate from the answers received and the number of people asked. */
    public static ParticipantEstimate of(List<Response> responses, long surveyed) {
        if (surveyed < responses.size()) {
            throw new IllegalArgumentException(responses.size() + " responses from " + surveyed + " surveyed");
        }
        BigDecimal adjusted = BigDecimal.ZERO;
        BigDecimal claimed = BigDecimal.ZERO;
        for (Response response : responses) {
            adjusted = adjusted.add(response.adjusted());
            claimed = claimed.add(response.impact());
        }
        return new ParticipantEstimate(Money.cents(adjusted), Money.cents(claimed), responses.size(), surveyed);
    }

    /** One aggregate estimate (the calculator's case): impact × attribution × confidence, to the cent. */
    public static BigDecimal adjust(BigDecimal impact, BigDecimal attribution, BigDecimal confidence) {
        return Money.cents(new Response(impact, attribution, confidence).adjusted());
    }

    /** respondents ÷ surveyed, to four decimals; null when nobody was surveyed. */
    public BigDecimal responseRate() {
        return surveyed == 0 ? null
                : BigDecimal.valueOf(respondents).divide(BigDecimal.valueOf(surveyed), 4, RoundingMode.HALF_UP);
    }
}
