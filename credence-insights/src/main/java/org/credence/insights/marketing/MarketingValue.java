package org.credence.insights.marketing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.credence.insights.Channel;
import org.credence.insights.Figure;
import org.credence.insights.Input;

/**
 * The marketing-value model (ROI layer 3): impressions = shares × impressions per share, and
 * equivalent media value = impressions ÷ 1000 × CPM, per channel and in total.
 *
 * <p>Shares are measured (credentials shared at least once on the channel); impressions per share
 * and CPM are assumptions with provenance. Every figure lists the measured inputs first, then the
 * assumed ones. Arithmetic is exact decimal; impressions are rounded to the whole impression and
 * money to the currency's minor unit (half-even), and the money is computed from the rounded
 * impressions, so a reader multiplying the shown impressions by the shown CPM gets the shown value.
 * Totals are sums of the rounded channel values, so the table adds up.
 */
public final class MarketingValue {

    private static final String IMPRESSIONS_UNIT = "impressions";
    private static final String SHARES_UNIT = "credentials shared";
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final Map<Channel, Long> shares;
    private final MarketingAssumptions assumptions;

    private MarketingValue(Map<Channel, Long> shares, MarketingAssumptions assumptions) {
        this.shares = shares;
        this.assumptions = assumptions;
    }

    /**
     * The model for measured shares by channel (credentials shared at least once there; a missing
     * channel counts as 0) under {@code assumptions}.
     */
    public static MarketingValue of(Map<Channel, Long> sharesByChannel, MarketingAssumptions assumptions) {
        Map<Channel, Long> shares = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            Long count = sharesByChannel.get(channel);
            if (count != null && count < 0) {
                throw new IllegalArgumentException("shares on " + channel.id() + " (" + count + ") must not be negative");
            }
            shares.put(channel, count == null ? 0 : count);
        }
        return new MarketingValue(shares, assumptions);
    }

    /** Impressions and equivalent media value on each channel, in {@link Channel} order. */
    public List<ChannelValue> byChannel() {
        List<ChannelValue> values = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            BigDecimal impressions = impressions(BigDecimal.valueOf(shares.get(channel)),
                    assumed(Parameter.IMPRESSIONS_PER_SHARE, channel));
            BigDecimal value = mediaValue(impressions, assumed(Parameter.CPM, channel), assumptions.currency());
            Map<String, Input> inputs = new LinkedHashMap<>();
            inputs.put(sharesName(channel), Input.measured(shares.get(channel), SHARES_UNIT));
            inputs.put(assumptionName(Parameter.IMPRESSIONS_PER_SHARE, channel),
                    assumptions.of(Parameter.IMPRESSIONS_PER_SHARE, channel).input());
            Figure impressionsFigure = Figure.of(MarketingDefinitions.IMPRESSIONS.forGroup(channel.id(),
                    channel.label()), impressions, IMPRESSIONS_UNIT, inputs);
            inputs.put(assumptionName(Parameter.CPM, channel), assumptions.of(Parameter.CPM, channel).input());
            Figure valueFigure = Figure.of(MarketingDefinitions.EQUIVALENT_MEDIA_VALUE.forGroup(channel.id(),
                    channel.label()), value, currencyCode(), inputs);
            values.add(new ChannelValue(channel, impressionsFigure, valueFigure));
        }
        return List.copyOf(values);
    }

    /** Total estimated impressions over all channels. */
    public Figure impressions() {
        Totals totals = totals(this::impressionsPerShare, this::cpm);
        return Figure.of(MarketingDefinitions.IMPRESSIONS, totals.impressions(), IMPRESSIONS_UNIT, inputs(false));
    }

    /** Total equivalent media value — {@value MarketingDefinitions#NOT_REVENUE}. */
    public Figure equivalentMediaValue() {
        Totals totals = totals(this::impressionsPerShare, this::cpm);
        return Figure.of(MarketingDefinitions.EQUIVALENT_MEDIA_VALUE, totals.value(), currencyCode(), inputs(true));
    }

    /** The 3 × 3 grid with {@link ScenarioFactors#DEFAULT} on both assumptions. */
    public ScenarioGrid scenarios() {
        return scenarios(ScenarioFactors.DEFAULT, ScenarioFactors.DEFAULT);
    }

    /**
     * The 3 × 3 grid: each scenario of impressions per share against each scenario of CPM, the
     * factors multiplying every channel's assumption alike. Each cell's inputs are the measured
     * shares, the base assumptions and the two factors.
     */
    public ScenarioGrid scenarios(ScenarioFactors impressionsFactors, ScenarioFactors cpmFactors) {
        List<ScenarioCell> cells = new ArrayList<>();
        for (Scenario impressionsScenario : Scenario.values()) {
            for (Scenario cpmScenario : Scenario.values()) {
                BigDecimal impressionsFactor = impressionsFactors.of(impressionsScenario);
                BigDecimal cpmFactor = cpmFactors.of(cpmScenario);
                Totals totals = totals(channel -> impressionsPerShare(channel).multiply(impressionsFactor),
                        channel -> cpm(channel).multiply(cpmFactor));
                String key = impressionsScenario.id() + "_impressions-" + cpmScenario.id() + "_cpm";
                String label = impressionsScenario.id() + " impressions per share, " + cpmScenario.id() + " CPM";
                Input impressionsInput = Input.assumed(impressionsFactor, "multiplier", impressionsFactors.provenance());
                Map<String, Input> impressionsInputs = inputs(false);
                impressionsInputs.put("impressions_per_share_factor", impressionsInput);
                Map<String, Input> valueInputs = inputs(true);
                valueInputs.put("impressions_per_share_factor", impressionsInput);
                valueInputs.put("cpm_factor", Input.assumed(cpmFactor, "multiplier", cpmFactors.provenance()));
                cells.add(new ScenarioCell(impressionsScenario, cpmScenario,
                        Figure.of(MarketingDefinitions.IMPRESSIONS.forGroup(key, label), totals.impressions(),
                                IMPRESSIONS_UNIT, impressionsInputs),
                        Figure.of(MarketingDefinitions.EQUIVALENT_MEDIA_VALUE.forGroup(key, label), totals.value(),
                                currencyCode(), valueInputs)));
            }
        }
        return new ScenarioGrid(cells);
    }

    /**
     * Equivalent media value as {@code varied} runs from {@code from} to {@code to} in
     * {@code points} evenly spaced steps, set alike on every channel, the other assumption as it is.
     * The value is linear in each assumption, so the chart is a straight line; its slope is the point.
     */
    public SensitivitySeries sensitivity(Parameter varied, BigDecimal from, BigDecimal to, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("a sensitivity series needs at least 2 points, got " + points);
        }
        if (from.signum() < 0 || from.compareTo(to) > 0) {
            throw new IllegalArgumentException("sensitivity range must satisfy 0 ≤ from (" + from + ") ≤ to (" + to + ")");
        }
        BigDecimal step = to.subtract(from).divide(BigDecimal.valueOf(points - 1L), MathContext.DECIMAL64);
        List<SensitivityPoint> series = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            BigDecimal x = i == points - 1 ? to : from.add(step.multiply(BigDecimal.valueOf(i)));
            Totals totals = varied == Parameter.CPM
                    ? totals(this::impressionsPerShare, channel -> x)
                    : totals(channel -> x, this::cpm);
            series.add(new SensitivityPoint(plain(x), totals.impressions(), totals.value()));
        }
        String caption = "Equivalent media value (" + MarketingDefinitions.NOT_REVENUE + ") as "
                + varied.unit(assumptions.currency()) + " varies on every channel; measured shares fixed";
        return new SensitivitySeries(varied, varied.unit(assumptions.currency()), currencyCode(), caption, series);
    }

    /** {@link #whatIf(long, BigDecimal, BigDecimal, BigDecimal, Currency)} in US dollars. */
    public static WhatIf whatIf(long recipients, BigDecimal shareRate, BigDecimal impressionsPerShare, BigDecimal cpm) {
        return whatIf(recipients, shareRate, impressionsPerShare, cpm, Currency.getInstance("USD"));
    }

    /**
     * The what-if calculator: (recipients × share rate × impressions per share ÷ 1000) × CPM. Every
     * input is typed in, so every input is marked assumed, without provenance.
     * The seed's example: 1000, 0.30, 200, 5 gives 300 shares, 60,000 impressions and 300.00.
     */
    public static WhatIf whatIf(long recipients, BigDecimal shareRate, BigDecimal impressionsPerShare, BigDecimal cpm,
            Currency currency) {
        if (recipients < 0) {
            throw new IllegalArgumentException("recipients (" + recipients + ") must not be negative");
        }
        if (shareRate.signum() < 0 || shareRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("share rate (" + shareRate + ") must be between 0 and 1");
        }
        if (impressionsPerShare.signum() < 0 || cpm.signum() < 0) {
            throw new IllegalArgumentException("impressions per share (" + impressionsPerShare + ") and CPM (" + cpm
                    + ") must be 0 or more");
        }
        BigDecimal shares = plain(BigDecimal.valueOf(recipients).multiply(shareRate));
        BigDecimal impressions = impressions(shares, impressionsPerShare);
        BigDecimal value = mediaValue(impressions, cpm, currency);
        Map<String, Input> inputs = new LinkedHashMap<>();
        inputs.put("recipients", Input.assumed(BigDecimal.valueOf(recipients), "recipients", null));
        inputs.put("share_rate", Input.assumed(shareRate, "proportion", null));
        Figure sharesFigure = Figure.of(MarketingDefinitions.WHAT_IF_SHARES, shares, SHARES_UNIT, inputs);
        inputs.put("impressions_per_share", Input.assumed(impressionsPerShare,
                Parameter.IMPRESSIONS_PER_SHARE.unit(currency), null));
        Figure impressionsFigure = Figure.of(MarketingDefinitions.WHAT_IF_IMPRESSIONS, impressions, IMPRESSIONS_UNIT,
                inputs);
        inputs.put("cpm", Input.assumed(cpm, Parameter.CPM.unit(currency), null));
        Figure valueFigure = Figure.of(MarketingDefinitions.WHAT_IF_EQUIVALENT_MEDIA_VALUE, value,
                currency.getCurrencyCode(), inputs);
        return new WhatIf(sharesFigure, impressionsFigure, valueFigure);
    }

    private Totals totals(Function<Channel, BigDecimal> impressionsPerShare, Function<Channel, BigDecimal> cpm) {
        BigDecimal impressions = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO.setScale(moneyScale(assumptions.currency()));
        for (Channel channel : Channel.values()) {
            BigDecimal channelImpressions = impressions(BigDecimal.valueOf(shares.get(channel)),
                    impressionsPerShare.apply(channel));
            impressions = impressions.add(channelImpressions);
            value = value.add(mediaValue(channelImpressions, cpm.apply(channel), assumptions.currency()));
        }
        return new Totals(impressions, value);
    }

    /** Measured shares on every channel, then the assumed impressions per share, then (if asked) CPM. */
    private Map<String, Input> inputs(boolean withCpm) {
        Map<String, Input> inputs = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            inputs.put(sharesName(channel), Input.measured(shares.get(channel), SHARES_UNIT));
        }
        List<Parameter> parameters = withCpm ? List.of(Parameter.IMPRESSIONS_PER_SHARE, Parameter.CPM)
                : List.of(Parameter.IMPRESSIONS_PER_SHARE);
        for (Parameter parameter : parameters) {
            for (Channel channel : Channel.values()) {
                inputs.put(assumptionName(parameter, channel), assumptions.of(parameter, channel).input());
            }
        }
        return inputs;
    }

    private BigDecimal impressionsPerShare(Channel channel) {
        return assumed(Parameter.IMPRESSIONS_PER_SHARE, channel);
    }

    private BigDecimal cpm(Channel channel) {
        return assumed(Parameter.CPM, channel);
    }

    private BigDecimal assumed(Parameter parameter, Channel channel) {
        return assumptions.of(parameter, channel).value();
    }

    private String currencyCode() {
        return assumptions.currency().getCurrencyCode();
    }

    private static BigDecimal impressions(BigDecimal shares, BigDecimal impressionsPerShare) {
        return shares.multiply(impressionsPerShare).setScale(0, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal mediaValue(BigDecimal impressions, BigDecimal cpm, Currency currency) {
        return impressions.multiply(cpm).divide(THOUSAND).setScale(moneyScale(currency), RoundingMode.HALF_EVEN);
    }

    /** The currency's minor-unit digits: 2 for USD and EUR, 0 for JPY; 2 for codes without one (XXX). */
    private static int moneyScale(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? 2 : digits;
    }

    /** Without trailing zeros, but never in exponent form: 300, not 3E+2. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String sharesName(Channel channel) {
        return "shares_" + channel.id();
    }

    private static String assumptionName(Parameter parameter, Channel channel) {
        return parameter.name().toLowerCase(Locale.ROOT) + "_" + channel.id();
    }

    private record Totals(BigDecimal impressions, BigDecimal value) {
    }
}
