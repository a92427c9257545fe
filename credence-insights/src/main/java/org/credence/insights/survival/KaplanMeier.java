package org.credence.insights.survival;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.credence.insights.stats.ConfidenceLevel;

/**
 * The Kaplan–Meier product-limit estimate of a survival curve S(t) — here "still ramping" or "still
 * employed" — from follow-up times in which some people were censored.
 *
 * <p>Censored people are kept: each counts in the risk set up to the time they were last seen, then
 * leaves it without an event. Dropping them (or counting them as events) would bias the median
 * towards the people who happened to finish early. Ties: at one time, events come before censorings
 * (a person censored at t was at risk of the events at t), the usual convention (Kaplan &amp; Meier 1958).
 *
 * <ul>
 *   <li>S(t) = Π over event times tᵢ ≤ t of (1 − dᵢ ÷ nᵢ), nᵢ at risk just before tᵢ, dᵢ events at tᵢ.</li>
 *   <li>Greenwood (1926): Var(log S(t)) ≈ Σ dᵢ ÷ (nᵢ (nᵢ − dᵢ)).</li>
 *   <li>Pointwise interval on the log-log scale (Kalbfleisch &amp; Prentice 1980; Collett 2015, 2.2.3):
 *       θ = log(−log S), se(θ) = √Σ ÷ |log S|, bounds S^exp(±z·se(θ)); always inside [0, 1].</li>
 *   <li>Median: the smallest time with S(t) ≤ 0.5. Its interval by Brookmeyer &amp; Crowley (1982):
 *       the times whose pointwise interval contains 0.5 — the lower limit is the first time the lower
 *       band is ≤ 0.5, the upper limit the first time the upper band is ≤ 0.5; either may be "not
 *       reached". This is what R's {@code survfit(conf.type = "log-log")} reports.</li>
 * </ul>
 *
 * <p>Checked against Freireich et al. (1963), the 6-MP arm of the leukaemia remission trial
 * (Klein &amp; Moeschberger 2003, Table 4.1A): median 23 weeks, 95 % CI 13 to not reached.
 */
public final class KaplanMeier {

    /** Comparisons with 0.5 tolerate the rounding of a product of fractions such as 1 × 1/2. */
    private static final double HALF_TOLERANCE = 1e-12;

    private final List<SurvivalStep> steps;
    private final long people;
    private final long events;
    private final ConfidenceLevel level;

    private KaplanMeier(List<SurvivalStep> steps, long people, long events, ConfidenceLevel level) {
        this.steps = steps;
        this.people = people;
        this.events = events;
        this.level = level;
    }

    /** The estimate with 95 % pointwise intervals. */
    public static KaplanMeier estimate(List<Observation> observations) {
        return estimate(observations, ConfidenceLevel.NINETY_FIVE);
    }

    /**
     * The estimate from {@code observations} (any order; may be empty, then S(t) = 1 everywhere).
     *
     * @param level the level of the pointwise intervals and of the median's interval
     */
    public static KaplanMeier estimate(List<Observation> observations, ConfidenceLevel level) {
        // time → {events, censored}, in time order
        TreeMap<Double, long[]> byTime = new TreeMap<>();
        long eventCount = 0;
        for (Observation observation : observations) {
            long[] counts = byTime.computeIfAbsent(observation.time(), t -> new long[2]);
            counts[observation.event() ? 0 : 1]++;
            if (observation.event()) {
                eventCount++;
            }
        }
        double z = level.z();
        List<SurvivalStep> steps = new ArrayList<>();
        long atRisk = observations.size();
        double survival = 1;
        double greenwood = 0;
        double lower = 1;
        double upper = 1;
        for (var entry : byTime.entrySet()) {
            long d = entry.getValue()[0];
            long c = entry.getValue()[1];
            if (d > 0) {
                survival *= 1 - (double) d / atRisk;
                greenwood = d == atRisk ? Double.POSITIVE_INFINITY : greenwood + (double) d / (atRisk * (atRisk - d));
                if (survival <= 0) {
                    survival = 0;
                    lower = 0;
                    upper = 0;
                } else {
                    double logS = Math.log(survival);
                    double se = Math.sqrt(greenwood) / Math.abs(logS);
                    lower = Math.pow(survival, Math.exp(z * se));
                    upper = Math.pow(survival, Math.exp(-z * se));
                }
            }
            steps.add(new SurvivalStep(entry.getKey(), atRisk, d, c, survival, greenwood, lower, upper));
            atRisk -= d + c;
        }
        return new KaplanMeier(Collections.unmodifiableList(steps), observations.size(), eventCount, level);
    }

    /** The table: one row per distinct time, events and censorings, in time order. */
    public List<SurvivalStep> steps() {
        return steps;
    }

    /** n: everyone observed, censored included. */
    public long people() {
        return people;
    }

    /** How many had the event. */
    public long events() {
        return events;
    }

    /** How many were censored. */
    public long censored() {
        return people - events;
    }

    /** S(t): the share still without the event at {@code t} (a right-continuous step function; 1 before the first event). */
    public double survivalAt(double time) {
        double survival = 1;
        for (SurvivalStep step : steps) {
            if (step.time() > time) {
                break;
            }
            survival = step.survival();
        }
        return survival;
    }

    /** The median with its Brookmeyer–Crowley interval at this estimate's level. */
    public MedianSurvival median() {
        return new MedianSurvival(firstTimeAtOrBelowHalf(Band.ESTIMATE), firstTimeAtOrBelowHalf(Band.LOWER),
                firstTimeAtOrBelowHalf(Band.UPPER), level.value(), people, events);
    }

    private enum Band { ESTIMATE, LOWER, UPPER }

    private OptionalDouble firstTimeAtOrBelowHalf(Band band) {
        for (SurvivalStep step : steps) {
            if (step.events() == 0) {
                continue; // the curve and its bands only move at event times
            }
            double value = switch (band) {
                case ESTIMATE -> step.survival();
                case LOWER -> step.lower();
                case UPPER -> step.upper();
            };
            if (value <= 0.5 + HALF_TOLERANCE) {
                return OptionalDouble.of(step.time());
            }
        }
        return OptionalDouble.empty();
    }
}
