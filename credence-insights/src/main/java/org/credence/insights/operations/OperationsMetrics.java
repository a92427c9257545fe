package org.credence.insights.operations;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credence.insights.Count;
import org.credence.insights.Figure;
import org.credence.insights.Figures;
import org.credence.insights.Input;
import org.credence.insights.Metric;
import org.credence.insights.SmallSampleRule;
import org.credence.insights.Warning;
import org.credence.insights.stats.ConfidenceLevel;
import org.credence.insights.stats.Interval;

/** The operations figures (ROI layer 1) from measured counts, histograms, ledger totals and assumptions. */
public final class OperationsMetrics {
    /** Durations in seconds (time to issue). */
    public static final String SECONDS = "seconds";
    /** Durations in days (claim lag). */
    public static final String DAYS = "days";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private OperationsMetrics() {
    }

    /**
     * The {@code p}-quantile of a histogram of durations, in {@code unit} ({@link #SECONDS} or
     * {@link #DAYS}). Its inputs are n and, when given, the durations left out (e.g. credentials
     * with no request time); no value when n is 0, a warning when n is under 30.
     */
    public static Figure quantile(Metric metric, DurationHistogram histogram, double p, String unit, Count measured, Count excluded) {
        Map<String, Input> inputs = new LinkedHashMap<>();
        inputs.put(measured.name(), measured.input());
        if (excluded != null) {
            inputs.put(excluded.name(), excluded.input());
        }
        List<Warning> warnings = new ArrayList<>(sampleWarnings(measured));
        if (excluded != null && excluded.value() > 0) {
            warnings.add(Warning.of(Warning.Text.LEFT_OUT, "count", excluded.value(), "unit", excluded.unit(),
                    "name", excluded.name().replace('_', ' ')));
        }
        BigDecimal value = histogram.quantile(p).map(q -> duration(q.millis(), unit)).orElse(null);
        return new Figure(metric, value, unit, inputs, null, warnings, false);
    }

    /** A duration in milliseconds as {@code unit}, to 3 significant digits (the histogram's resolution is about 9 %). */
    public static BigDecimal duration(double millis, String unit) {
        double divisor = DAYS.equals(unit) ? 86_400_000.0 : 1000.0;
        return new BigDecimal(millis / divisor).round(new MathContext(3, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /**
     * A money amount divided by a count (cost per credential, per recipient), in the amount's
     * currency; no value without a denominator, or without a single-currency cost.
     */
    public static Figure costPer(Metric metric, Money cost, Count denominator) {
        Map<String, Input> inputs = new LinkedHashMap<>();
        List<Warning> warnings = new ArrayList<>();
        String unit = cost == null ? "currency" : cost.currency();
        if (cost == null) {
            warnings.add(Warning.of(Warning.Text.COSTS_NOT_IN_ONE_CURRENCY));
        } else {
            inputs.put("program_cost", new Input(cost.amount(), cost.currency(), org.credence.insights.InputSource.MEASURED, null));
        }
        inputs.put(denominator.name(), denominator.input());
        warnings.addAll(sampleWarnings(denominator));
        BigDecimal value = cost == null || denominator.value() == 0 ? null
                : cost.amount().divide(BigDecimal.valueOf(denominator.value()), 2, RoundingMode.HALF_EVEN);
        if (value == null && warnings.isEmpty()) {
            warnings.add(Warning.of(Warning.Text.NO_DATA_IN_PERIOD, "unit", denominator.unit()));
        }
        return new Figure(metric, value, unit, inputs, null, warnings, false);
    }

    /** Cost avoided: minutes per certificate × hourly rate ÷ 60 × credentials issued, in the rate's currency. */
    public static Figure costAvoided(ManualProcessAssumptions assumptions, Count issued) {
        Map<String, Input> inputs = new LinkedHashMap<>();
        inputs.put("minutes_per_certificate", assumptions.minutesPerCertificate().input());
        inputs.put("hourly_rate", assumptions.hourlyRate().input());
        inputs.put(issued.name(), issued.input());
        BigDecimal value = assumptions.minutesPerCertificate().value().multiply(assumptions.hourlyRate().value())
                .multiply(BigDecimal.valueOf(issued.value())).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_EVEN);
        List<Warning> warnings = new ArrayList<>();
        if (ManualProcessAssumptions.isDefault(assumptions.minutesPerCertificate()) || ManualProcessAssumptions.isDefault(assumptions.hourlyRate())) {
            warnings.add(Warning.of(Warning.Text.DEFAULT_MANUAL_PROCESS));
        }
        return new Figure(OperationsDefinitions.COST_AVOIDED, value, assumptions.currency().getCurrencyCode(), inputs, null, warnings, false);
    }

    /** Distinct recipients: a count, or a sketch's estimate with its 95 % interval. */
    public static Figure recipients(Count recipients, boolean estimated) {
        if (!estimated) {
            return Figures.count(OperationsDefinitions.RECIPIENTS, recipients);
        }
        double margin = 1.959964 * RecipientSketch.STANDARD_ERROR * recipients.value();
        return new Figure(OperationsDefinitions.RECIPIENTS, BigDecimal.valueOf(recipients.value()), recipients.unit(),
                Map.of(recipients.name(), recipients.input()), new Interval(Math.max(0, recipients.value() - margin), recipients.value() + margin,
                0.95, org.credence.insights.stats.IntervalMethod.HYPERLOGLOG), List.of(), false);
    }

    /** Support tickets per 100 credentials issued, with Garwood's exact Poisson interval. */
    public static Figure ticketsPer100(Count tickets, Count issued) {
        Figure perCredential = Figures.ratePerUnit(OperationsDefinitions.TICKETS_PER_100, tickets, issued, "tickets per 100 credentials",
                ConfidenceLevel.NINETY_FIVE);
        Interval interval = perCredential.interval();
        return new Figure(perCredential.metric(), perCredential.value() == null ? null : perCredential.value().multiply(HUNDRED, MathContext.DECIMAL64),
                perCredential.unit(), perCredential.inputs(),
                interval == null ? null : new Interval(interval.low() * 100, interval.high() * 100, interval.level(), interval.method()),
                perCredential.warnings(), false);
    }

    private static List<Warning> sampleWarnings(Count n) {
        long minimum = SmallSampleRule.DEFAULT.minimumDenominator();
        if (n.value() == 0) {
            return List.of(Warning.of(Warning.Text.NO_DATA_IN_PERIOD, "unit", n.unit()));
        }
        if (n.value() < minimum) {
            return List.of(SmallSampleRule.DEFAULT.smallDenominator(n.value(), n.unit()));
        }
        return List.of();
    }

    /** An amount of money in one currency. */
    public record Money(BigDecimal amount, String currency) {
        public Money {
            if (amount == null || currency == null || currency.isBlank()) {
                throw new IllegalArgumentException("money needs an amount and a currency");
            }
        }
    }
}
