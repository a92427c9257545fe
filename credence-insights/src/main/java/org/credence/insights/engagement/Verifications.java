package org.credence.insights.engagement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credence.insights.Count;
import org.credence.insights.Figure;
import org.credence.insights.Input;
import org.credence.insights.Metric;
import org.credence.insights.SmallSampleRule;
import org.credence.insights.Warning;
import org.credence.insights.privacy.SmallCellSuppression;
import org.credence.insights.privacy.SuppressedTable;
import org.credence.insights.stats.ConfidenceLevel;
import org.credence.insights.stats.Interval;
import org.credence.insights.stats.LinearFit;
import org.credence.insights.stats.PoissonRateRatio;

/**
 * Verification volume and trend over a series of equal-length periods, oldest first, and
 * verifications by country with small cells suppressed.
 *
 * <p>Two trend figures, because they answer different questions: the change on the previous
 * period (is this week unusual?) with an exact-conditional interval for the ratio of two Poisson
 * counts, and the least-squares slope across all periods (which way is it heading?) with a
 * t interval. Neither corrects for seasonality.
 */
public final class Verifications {

    private static final String UNIT = "verifications";
    private static final String CHANGE_UNIT = "relative change";

    private final List<PeriodCount> periods;
    private final ConfidenceLevel level;

    /** A series, oldest period first; the latest period should be complete or it will read low. */
    public Verifications(List<PeriodCount> periods, ConfidenceLevel level) {
        this.periods = List.copyOf(periods);
        this.level = level;
        long distinct = this.periods.stream().map(PeriodCount::period).distinct().count();
        if (distinct != this.periods.size()) {
            throw new IllegalArgumentException("period labels must be distinct, got " + this.periods.stream()
                    .map(PeriodCount::period).toList());
        }
    }

    /** Total verifications over all periods; each period's count is an input. */
    public Figure volume() {
        long total = periods.stream().mapToLong(PeriodCount::count).sum();
        return Figure.of(EngagementDefinitions.VERIFICATIONS, BigDecimal.valueOf(total), UNIT, periodInputs());
    }

    /**
     * latest ÷ previous − 1, with the interval of the Poisson rate ratio (conditional on the two
     * periods' total) shifted by −1. No value with fewer than two periods or none in the previous one.
     */
    public Figure changeOnPreviousPeriod() {
        var metric = EngagementDefinitions.VERIFICATION_CHANGE;
        if (periods.size() < 2) {
            return withoutValue(metric, CHANGE_UNIT, Warning.of(Warning.Text.CHANGE_NEEDS_TWO_PERIODS, "periods", periods.size()));
        }
        PeriodCount previous = periods.get(periods.size() - 2);
        PeriodCount latest = periods.get(periods.size() - 1);
        Count previousCount = Count.of("previous_period_" + previous.period(), previous.count(), UNIT);
        Count latestCount = Count.of("latest_period_" + latest.period(), latest.count(), UNIT);
        Map<String, Input> inputs = new LinkedHashMap<>();
        inputs.put(previousCount.name(), previousCount.input());
        inputs.put(latestCount.name(), latestCount.input());
        List<Warning> warnings = SmallSampleRule.DEFAULT.forRate(latestCount, previousCount);
        if (previous.count() == 0) {
            return new Figure(metric, null, CHANGE_UNIT, inputs, null, warnings, false);
        }
        BigDecimal change = BigDecimal.valueOf(latest.count())
                .divide(BigDecimal.valueOf(previous.count()), MathContext.DECIMAL64).subtract(BigDecimal.ONE);
        Interval ratio = PoissonRateRatio.interval(previous.count(), 1, latest.count(), 1, level);
        Interval interval = new Interval(ratio.low() - 1, ratio.high() - 1, ratio.level(), ratio.method());
        return new Figure(metric, change, CHANGE_UNIT, inputs, interval, warnings, false);
    }

    /** The least-squares slope of counts on the period index, in verifications per period; needs three periods. */
    public Figure trend() {
        var metric = EngagementDefinitions.VERIFICATION_TREND;
        String unit = "verifications per period";
        if (periods.size() < 3) {
            return withoutValue(metric, unit, Warning.of(Warning.Text.TREND_NEEDS_THREE_PERIODS, "periods", periods.size()));
        }
        double[] index = new double[periods.size()];
        double[] counts = new double[periods.size()];
        for (int i = 0; i < periods.size(); i++) {
            index[i] = i;
            counts[i] = periods.get(i).count();
        }
        LinearFit fit = LinearFit.of(index, counts);
        return new Figure(metric, BigDecimal.valueOf(fit.slope()), unit, periodInputs(), fit.slopeInterval(level),
                List.of(), false);
    }

    /**
     * Verifications by country (ISO 3166 alpha-2 codes as keys), groups under 5 suppressed with
     * complementary suppression; see {@link SmallCellSuppression}.
     */
    public static SuppressedTable byCountry(Map<String, Long> countsByCountry) {
        return SmallCellSuppression.DEFAULT.apply(EngagementDefinitions.VERIFICATIONS_BY_COUNTRY, UNIT,
                countsByCountry);
    }

    private Map<String, Input> periodInputs() {
        Map<String, Input> inputs = new LinkedHashMap<>();
        periods.forEach(period -> inputs.put(period.period(), Input.measured(period.count(), UNIT)));
        return inputs;
    }

    private Figure withoutValue(Metric metric, String unit, Warning warning) {
        return new Figure(metric, null, unit, periodInputs(), null, List.of(warning), false);
    }
}
