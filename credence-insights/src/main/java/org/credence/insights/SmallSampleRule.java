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
            warnings.add(Warning.of(successes.value() < minimumEvents ? Warning.Text.FEW_EVENTS : Warning.Text.FEW_NON_EVENTS,
                    "successes", successes.value(), "trials", trials.value(), "minimum", minimumEvents));
        }
        return List.copyOf(warnings);
    }

    /** Warnings for the rate {@code events / exposure}, whose events may outnumber the exposure. */
    public List<Warning> forRate(Count events, Count exposure) {
        List<Warning> warnings = denominatorWarnings(exposure);
        if (exposure.value() > 0 && events.value() < minimumEvents) {
            warnings.add(Warning.of(Warning.Text.FEW_EVENTS_RATE, "events", events.value(), "unit", events.unit(),
                    "minimum", minimumEvents));
        }
        return List.copyOf(warnings);
    }

    /** The warning that {@code n} (of {@code unit}) is under {@link #minimumDenominator()}: "based on 12 people, under 30 …". */
    public Warning smallDenominator(long n, String unit) {
        return Warning.of(Warning.Text.SMALL_DENOMINATOR, "n", n, "unit", unit, "minimum", minimumDenominator);
    }

    private List<Warning> denominatorWarnings(Count denominator) {
        List<Warning> warnings = new ArrayList<>();
        if (denominator.value() == 0) {
            warnings.add(Warning.of(Warning.Text.NO_DATA_YET, "unit", denominator.unit(), "name", denominator.name()));
        } else if (denominator.value() < minimumDenominator) {
            warnings.add(smallDenominator(denominator.value(), denominator.unit()));
        }
        return warnings;
    }
}
