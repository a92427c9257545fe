package org.credence.insights.marketing;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import org.credence.insights.Channel;
import org.credence.insights.Provenance;

/**
 * The assumed inputs of the marketing-value model, one per channel, each with its provenance.
 *
 * <p>Resolution: start from {@link #defaults(Currency)} and apply the stored overrides with
 * {@link #applying(Collection)} — a narrower scope wins (achievement over tenant over default),
 * and within a scope the later edit wins. CPM values are in {@link #currency()}; nothing here
 * converts currencies.
 *
 * @param currency            the currency of every CPM and every money figure
 * @param impressionsPerShare per channel; every channel present
 * @param cpm                 per channel; every channel present
 */
public record MarketingAssumptions(Currency currency, Map<Channel, Assumption> impressionsPerShare,
        Map<Channel, Assumption> cpm) {

    /** Default impressions per share: the seed's illustrative example (TRUE, five-layer ROI article). */
    public static final BigDecimal DEFAULT_IMPRESSIONS_PER_SHARE = BigDecimal.valueOf(200);
    /** Default CPM: the seed's "conservative CPM" of 5 (euro there), used as 5 in the chosen currency. */
    public static final BigDecimal DEFAULT_CPM = BigDecimal.valueOf(5);

    private static final Comparator<AssumptionOverride> APPLY_ORDER = Comparator.comparing(AssumptionOverride::provenance,
            Provenance.APPLY_ORDER);

    public MarketingAssumptions {
        if (currency == null) {
            throw new IllegalArgumentException("marketing assumptions need a currency");
        }
        impressionsPerShare = complete("impressions per share", impressionsPerShare);
        cpm = complete("CPM", cpm);
    }

    /** Credence's documented defaults in US dollars. */
    public static MarketingAssumptions defaults() {
        return defaults(Currency.getInstance("USD"));
    }

    /**
     * Credence's documented defaults: 200 impressions per share and a CPM of 5 on every channel,
     * from the seed's worked example. No source gives per-channel numbers, so every channel starts
     * the same; set your own from your channels' reach.
     */
    public static MarketingAssumptions defaults(Currency currency) {
        Map<Channel, Assumption> impressions = new EnumMap<>(Channel.class);
        Map<Channel, Assumption> cpm = new EnumMap<>(Channel.class);
        Provenance impressionsSource = Provenance.builtIn("Illustrative figure from the five-layer ROI framework "
                + "(TRUE): 200 impressions per share. The same on every channel because no source gives per-channel "
                + "reach. Replace it with your own.");
        Provenance cpmSource = Provenance.builtIn("The five-layer ROI framework (TRUE) uses a CPM of 5 euro, which it "
                + "calls conservative. Taken as 5 " + currency.getCurrencyCode() + " without conversion.");
        for (Channel channel : Channel.values()) {
            impressions.put(channel, new Assumption(DEFAULT_IMPRESSIONS_PER_SHARE,
                    Parameter.IMPRESSIONS_PER_SHARE.unit(currency), impressionsSource));
            cpm.put(channel, new Assumption(DEFAULT_CPM, Parameter.CPM.unit(currency), cpmSource));
        }
        return new MarketingAssumptions(currency, impressions, cpm);
    }

    /** The assumption of {@code parameter} on {@code channel}. */
    public Assumption of(Parameter parameter, Channel channel) {
        return (parameter == Parameter.CPM ? cpm : impressionsPerShare).get(channel);
    }

    /** A copy with one override applied (to one channel, or to every channel when its channel is null). */
    public MarketingAssumptions with(AssumptionOverride override) {
        Map<Channel, Assumption> impressions = new EnumMap<>(impressionsPerShare);
        Map<Channel, Assumption> costs = new EnumMap<>(cpm);
        Map<Channel, Assumption> target = override.parameter() == Parameter.CPM ? costs : impressions;
        Assumption assumption = new Assumption(override.value(), override.parameter().unit(currency),
                override.provenance());
        for (Channel channel : Channel.values()) {
            if (override.channel() == null || override.channel() == channel) {
                target.put(channel, assumption);
            }
        }
        return new MarketingAssumptions(currency, impressions, costs);
    }

    /**
     * A copy with all {@code overrides} applied in resolution order — widest scope first, then
     * oldest first — so an achievement's edit beats its tenant's, and a later edit an earlier one,
     * whatever order the overrides are given in.
     */
    public MarketingAssumptions applying(Collection<AssumptionOverride> overrides) {
        MarketingAssumptions result = this;
        for (AssumptionOverride override : overrides.stream().sorted(APPLY_ORDER).toList()) {
            result = result.with(override);
        }
        return result;
    }

    private static Map<Channel, Assumption> complete(String name, Map<Channel, Assumption> byChannel) {
        if (byChannel == null) {
            throw new IllegalArgumentException(name + " assumptions are required");
        }
        Map<Channel, Assumption> copy = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            Assumption assumption = byChannel.get(channel);
            if (assumption == null) {
                throw new IllegalArgumentException(name + " has no assumption for channel " + channel.id());
            }
            copy.put(channel, assumption);
        }
        return Collections.unmodifiableMap(copy);
    }
}
