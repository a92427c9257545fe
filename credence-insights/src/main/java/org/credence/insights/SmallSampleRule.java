package org.credence.insights;

import java.util.ArrayList;
import java.util.List;

/**
 * When a figure's sample is too small to read on its own.
 *
 * <p>The rule: warn when the denominator is under {@code minimumDenominator} (30), or when the
 * events — or, for a proportion, the non-events — number fewer than {@code minimumEvents} (5),
 * the classical np ≥ 5 and n(1 − p) ≥ 5 condition. The intervals used (Wilson, Garwood) stay
 * valid for small samples; the warning is for the reader, whose eye goes to the point estimate:
 * 2 shares out of 4 issued is "50 %" and means almost nothing.
 *
 * @param minimumDenominator smallest denominator read without a warning
 * @param minimumEvents      smallest number of events (and non-events) read without a warning
 */
public record SmallSampleRule(long minimumDenominator, long minimumEvents) {

    /** 30 and 5: the thresholds every Credence dashboard uses. */
    public static final SmallSampleRule DEFAULT = new SmallSampleRule(30, 5);

    public SmallSampleRule {
        if (minimumDenominator < 1 || minimumEvents < 1) {
            throw new IllegalArgumentException("small-sample thresholds must be at least 1, got "
                    + minimumDenominator + " and " + minimumEvents);
        }
    }

    /** Warnings for the proportion {@code successes / trials}; empty when it can be read as is. */
    public List<Warning> forProportion(Count successes, Count trials) {
        List<Warning> warnings = denominatorWarnings(trials);
        long failures = trials.value() - successes.value();
        if (trials.value() > 0 && Math.min(successes.value(), failures) < minimumEvents) {
            warnings.add(new Warning(Warning.Code.FEW_EVENTS, successes.value() + " of " + trials.value()
                    + ": fewer than " + minimumEvents + (successes.value() < minimumEvents ? " events" : " non-events")
                    + ", so the rate can move a lot with one more"));
        }
        return List.copyOf(warnings);
    }

    /** Warnings for the rate {@code events / exposure}, whose events may outnumber the exposure. */
    public List<Warning> forRate(Count events, Count exposure) {
        List<Warning> warnings = denominatorWarnings(exposure);
        if (exposure.value() > 0 && events.value() < minimumEvents) {
            warnings.add(new Warning(Warning.Code.FEW_EVENTS, "only " + events.value() + " " + events.unit()
                    + ": fewer than " + minimumEvents + ", so the rate can move a lot with one more"));
        }
        return List.copyOf(warnings);
    }

    private List<Warning> denominatorWarnings(Count denominator) {
        List<Warning> warnings = new ArrayList<>();
        if (denominator.value() == 0) {
            warnings.add(new Warning(Warning.Code.NO_DATA, "no " + denominator.unit() + " yet ("
                    + denominator.name() + " is 0): there is no rate to show"));
        } else if (denominator.value() < minimumDenominator) {
            warnings.add(new Warning(Warning.Code.SMALL_DENOMINATOR, "based on " + denominator.value() + " "
                    + denominator.unit() + ", under " + minimumDenominator + ": read as a rough indication"));
        }
        return warnings;
    }
}
