package org.credence.insights.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The exact (Garwood 1936) interval for a Poisson rate: x events over an exposure t.
 * <pre>
 *   low  = χ²(α/2; 2x) / 2t        (0 when x = 0)
 *   high = χ²(1 − α/2; 2x + 2) / 2t
 * </pre>
 * Used for "per unit" figures — views per shared credential, referral visits per shared
 * credential — whose numerator can exceed the denominator, so a proportion interval does not
 * apply. Exact means the coverage is at least the nominal level for every true rate.
 *
 * <p>The model assumes events arrive independently at one rate. Views and referral clicks do not:
 * they cluster on the few credentials that were shared widely, so the real uncertainty is wider
 * than this interval. It is a floor on the uncertainty, and the metric definitions say so.
 */
public final class GarwoodPoisson {

    private GarwoodPoisson() {
    }

    /**
     * The interval for the rate {@code events / exposure}.
     *
     * @param events   the observed count x, at least 0
     * @param exposure the number of units observed t (shared credentials, say), above 0
     */
    public static Interval rateInterval(long events, double exposure, ConfidenceLevel level) {
        if (events < 0) {
            throw new IllegalArgumentException("events (" + events + ") must not be negative");
        }
        if (!(exposure > 0) || Double.isInfinite(exposure)) {
            throw new IllegalArgumentException("exposure (" + exposure + ") must be a positive number");
        }
        double alpha = level.alpha();
        double low = events == 0 ? 0
                : ChiSquaredDistribution.of(2.0 * events).inverseCumulativeProbability(alpha / 2) / 2;
        double high = ChiSquaredDistribution.of(2.0 * events + 2).inverseCumulativeProbability(1 - alpha / 2) / 2;
        return new Interval(low / exposure, high / exposure, level.value(), IntervalMethod.GARWOOD_EXACT_POISSON);
    }
}
