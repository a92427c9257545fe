package org.credence.insights.survival;

/**
 * One distinct time in a Kaplan–Meier table.
 *
 * @param time              the time
 * @param atRisk            people still followed just before {@code time} (events and censorings at
 *                          {@code time} included)
 * @param events            events at {@code time}
 * @param censored          people censored at {@code time}; by convention they were at risk of the
 *                          events at the same time
 * @param survival          the product-limit estimate S(t) just after {@code time}
 * @param greenwoodSum      Σ over event times ≤ t of d ÷ (n (n − d)): Greenwood's sum, the variance of
 *                          log S(t); {@code Infinity} once S(t) reaches 0
 * @param lower             lower bound of the pointwise log-log interval for S(t)
 * @param upper             upper bound of the pointwise log-log interval for S(t)
 */
public record SurvivalStep(double time, long atRisk, long events, long censored, double survival,
        double greenwoodSum, double lower, double upper) {

    /** Greenwood's standard error of S(t): S(t) × √(Σ d ÷ (n (n − d))); 0 once S(t) is 0. */
    public double standardError() {
        return survival == 0 ? 0 : survival * Math.sqrt(greenwoodSum);
    }
}
