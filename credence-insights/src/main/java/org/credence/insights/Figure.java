package org.credence.insights;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credence.insights.stats.Interval;

/**
 * One number on a dashboard with everything needed to trace it: its definition and formula, the
 * inputs it was computed from (each marked measured or assumed), its evidence type, its
 * confidence interval where it is a rate, and any warning about its sample.
 *
 * <p>Plain record components so Jackson serialises it as is. Nulls mean "none": no value (the
 * denominator was zero, or the figure is suppressed), no interval (a count, or an estimate).
 *
 * @param metric     what the figure is
 * @param value      the value, exact decimal; null when there is none (see {@code warnings})
 * @param unit       "credentials", "proportion", "views per shared credential", or an ISO 4217 currency code
 * @param inputs     named inputs in the order a reader should see them; measured ones first
 * @param interval   the confidence interval, or null
 * @param warnings   cautions: small sample, no data, suppressed; empty when there are none
 * @param suppressed true when the value is withheld to protect a small group; then no value, interval
 *                   or inputs are given, since any of them could reveal it
 */
public record Figure(Metric metric, BigDecimal value, String unit, Map<String, Input> inputs, Interval interval,
        List<Warning> warnings, boolean suppressed) {

    public Figure {
        if (metric == null || unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("a figure needs a metric and a unit");
        }
        // A copy that keeps the caller's order: the order is part of how the figure reads.
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs == null ? Map.of() : inputs));
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
        if (suppressed && (value != null || interval != null || !inputs.isEmpty())) {
            throw new IllegalArgumentException("suppressed figure " + metric.id()
                    + " must carry no value, interval or inputs: they would reveal the small group");
        }
        if (value == null && warnings.isEmpty()) {
            throw new IllegalArgumentException("figure " + metric.id() + " has no value and no warning saying why");
        }
    }

    /** A figure with a value and inputs, no interval and no warnings. */
    public static Figure of(Metric metric, BigDecimal value, String unit, Map<String, Input> inputs) {
        return new Figure(metric, value, unit, inputs, null, List.of(), false);
    }

    /** A withheld figure: no value, one {@link Warning.Code#SUPPRESSED} warning with the reason. */
    public static Figure suppressed(Metric metric, String unit, String reason) {
        return suppressed(metric, unit, new Warning(Warning.Code.SUPPRESSED, reason));
    }

    /** A withheld figure: no value, one {@link Warning.Code#SUPPRESSED} warning saying why. */
    public static Figure suppressed(Metric metric, String unit, Warning why) {
        if (why.code() != Warning.Code.SUPPRESSED) {
            throw new IllegalArgumentException("a withheld figure's warning says why it is withheld, not " + why.code());
        }
        return new Figure(metric, null, unit, Map.of(), null, List.of(why), true);
    }

    /** Whether any warning is about the sample (no data, small denominator, few events). */
    public boolean hasSampleWarning() {
        return warnings.stream().anyMatch(warning -> warning.code() == Warning.Code.NO_DATA
                || warning.code() == Warning.Code.SMALL_DENOMINATOR || warning.code() == Warning.Code.FEW_EVENTS);
    }

    /** The inputs that were measured, in order. */
    public Map<String, Input> measuredInputs() {
        return inputsFrom(InputSource.MEASURED);
    }

    /** The inputs that were assumed, in order, each with its provenance. */
    public Map<String, Input> assumedInputs() {
        return inputsFrom(InputSource.ASSUMED);
    }

    private Map<String, Input> inputsFrom(InputSource source) {
        Map<String, Input> selected = new LinkedHashMap<>();
        inputs.forEach((name, input) -> {
            if (input.source() == source) {
                selected.put(name, input);
            }
        });
        return Collections.unmodifiableMap(selected);
    }
}
