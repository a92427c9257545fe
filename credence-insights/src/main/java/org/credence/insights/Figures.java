package org.credence.insights;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credence.insights.stats.ConfidenceLevel;
import org.credence.insights.stats.GarwoodPoisson;
import org.credence.insights.stats.Interval;
import org.credence.insights.stats.WilsonScore;

/**
 * Builds the three shapes of measured figure — a count, a proportion, a rate per unit — so every
 * metric gets the same interval method, the same small-sample rule and inputs named the same way.
 */
public final class Figures {

    /** The unit of every proportion figure: a value between 0 and 1 (pages show it as a percentage). */
    public static final String PROPORTION = "proportion";

    private Figures() {
    }

    /** A measured count: no interval (it is not an estimate of anything). */
    public static Figure count(Metric metric, Count count) {
        return Figure.of(metric, BigDecimal.valueOf(count.value()), count.unit(), inputs(count));
    }

    /**
     * {@code successes / trials} with a Wilson score interval and the small-sample warnings of
     * {@link SmallSampleRule#DEFAULT}; no value when there are no trials.
     */
    public static Figure proportion(Metric metric, Count successes, Count trials, ConfidenceLevel level) {
        if (successes.value() > trials.value()) {
            throw new IllegalArgumentException(metric.id() + ": " + successes.name() + " (" + successes.value()
                    + ") is more than " + trials.name() + " (" + trials.value() + ")");
        }
        List<Warning> warnings = SmallSampleRule.DEFAULT.forProportion(successes, trials);
        if (trials.value() == 0) {
            return new Figure(metric, null, PROPORTION, inputs(successes, trials), null, warnings, false);
        }
        Interval interval = WilsonScore.interval(successes.value(), trials.value(), level);
        return new Figure(metric, ratio(successes, trials), PROPORTION, inputs(successes, trials), interval,
                warnings, false);
    }

    /**
     * {@code events / exposure} — a rate that may exceed 1 — with Garwood's exact Poisson
     * interval; no value when the exposure is zero.
     *
     * @param unit how the rate reads: "views per shared credential"
     */
    public static Figure ratePerUnit(Metric metric, Count events, Count exposure, String unit, ConfidenceLevel level) {
        List<Warning> warnings = SmallSampleRule.DEFAULT.forRate(events, exposure);
        if (exposure.value() == 0) {
            return new Figure(metric, null, unit, inputs(events, exposure), null, warnings, false);
        }
        Interval interval = GarwoodPoisson.rateInterval(events.value(), exposure.value(), level);
        return new Figure(metric, ratio(events, exposure), unit, inputs(events, exposure), interval, warnings, false);
    }

    /** numerator ÷ denominator to 16 significant digits, exact where the quotient terminates (0.3, not 0.29999…). */
    private static BigDecimal ratio(Count numerator, Count denominator) {
        return BigDecimal.valueOf(numerator.value()).divide(BigDecimal.valueOf(denominator.value()),
                MathContext.DECIMAL64);
    }

    private static Map<String, Input> inputs(Count... counts) {
        Map<String, Input> inputs = new LinkedHashMap<>();
        for (Count count : counts) {
            inputs.put(count.name(), count.input());
        }
        return inputs;
    }
}
