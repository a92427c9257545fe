package org.credence.insights.engagement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.credence.insights.Channel;
import org.credence.insights.Count;
import org.credence.insights.Figure;
import org.credence.insights.Figures;
import org.credence.insights.stats.ConfidenceLevel;

/**
 * The engagement figures (ROI layer 2) for one set of {@link EngagementInputs}: each with its
 * definition, stated denominator, inputs, evidence type and — for rates — a confidence interval
 * (Wilson for proportions, Garwood for rates per unit).
 */
public final class EngagementMetrics {

    private final EngagementInputs in;
    private final ConfidenceLevel level;

    /** Figures for {@code inputs} with intervals at {@code level}. */
    public EngagementMetrics(EngagementInputs inputs, ConfidenceLevel level) {
        this.in = inputs;
        this.level = level;
    }

    /** Figures for {@code inputs} with 95 % intervals. */
    public static EngagementMetrics of(EngagementInputs inputs) {
        return new EngagementMetrics(inputs, ConfidenceLevel.NINETY_FIVE);
    }

    /** {@link EngagementDefinitions#ISSUED}: a measured count. */
    public Figure issued() {
        return Figures.count(EngagementDefinitions.ISSUED, issuedCount());
    }

    /** {@link EngagementDefinitions#CLAIM_RATE}: claimed ÷ issued, Wilson interval. */
    public Figure claimRate() {
        return Figures.proportion(EngagementDefinitions.CLAIM_RATE, credentials("credentials_claimed", in.claimed()),
                issuedCount(), level);
    }

    /** {@link EngagementDefinitions#VIEW_RATE}: viewed at least once ÷ issued, Wilson interval. */
    public Figure viewRate() {
        return Figures.proportion(EngagementDefinitions.VIEW_RATE, credentials("credentials_viewed", in.viewed()),
                issuedCount(), level);
    }

    /** {@link EngagementDefinitions#SHARE_RATE}: shared at least once ÷ issued, Wilson interval. */
    public Figure shareRate() {
        return Figures.proportion(EngagementDefinitions.SHARE_RATE, sharedCount(), issuedCount(), level);
    }

    /** The share rate on each channel, every channel present, in {@link Channel} order. */
    public Map<Channel, Figure> shareRateByChannel() {
        Map<Channel, Figure> figures = new EnumMap<>(Channel.class);
        in.sharedByChannel().forEach((channel, shared) -> figures.put(channel, Figures.proportion(
                EngagementDefinitions.SHARE_RATE_BY_CHANNEL.forGroup(channel.id(), channel.label()),
                credentials("credentials_shared_on_" + channel.id(), shared), issuedCount(), level)));
        return Collections.unmodifiableMap(figures);
    }

    /** {@link EngagementDefinitions#ADD_TO_PROFILE_RATE}: add-to-profile clicked ÷ issued, Wilson interval. */
    public Figure addToProfileRate() {
        return Figures.proportion(EngagementDefinitions.ADD_TO_PROFILE_RATE,
                credentials("credentials_added_to_profile", in.addedToProfile()), issuedCount(), level);
    }

    /** {@link EngagementDefinitions#VIEWS_PER_SHARED_CREDENTIAL}: third-party views ÷ shared, Garwood interval. */
    public Figure viewsPerSharedCredential() {
        return Figures.ratePerUnit(EngagementDefinitions.VIEWS_PER_SHARED_CREDENTIAL,
                Count.of("third_party_views", in.thirdPartyViews(), "views"), sharedCount(),
                "views per shared credential", level);
    }

    /** {@link EngagementDefinitions#REFERRAL_RATE}: shared with at least one referral click ÷ shared, Wilson interval. */
    public Figure referralRate() {
        return Figures.proportion(EngagementDefinitions.REFERRAL_RATE,
                credentials("shared_credentials_with_referral", in.sharedWithReferral()), sharedCount(), level);
    }

    /**
     * {@link EngagementDefinitions#REFERRAL_VISITS_PER_SHARED_CREDENTIAL}: referral clicks ÷ shared,
     * Garwood interval — the figure published as a "127 % referral rate".
     */
    public Figure referralVisitsPerSharedCredential() {
        return Figures.ratePerUnit(EngagementDefinitions.REFERRAL_VISITS_PER_SHARED_CREDENTIAL,
                Count.of("referral_clicks", in.referralClicks(), "visits"), sharedCount(),
                "referral visits per shared credential", level);
    }

    /** {@link EngagementDefinitions#NET_NEW_VISITORS}: a measured count. */
    public Figure netNewVisitors() {
        return Figures.count(EngagementDefinitions.NET_NEW_VISITORS, netNewCount());
    }

    /** {@link EngagementDefinitions#NET_NEW_SHARE}: net-new ÷ distinct referral visitors, Wilson interval. */
    public Figure netNewShare() {
        return Figures.proportion(EngagementDefinitions.NET_NEW_SHARE, netNewCount(),
                Count.of("referral_visitors", in.referralVisitors(), "visitors"), level);
    }

    /** {@link EngagementDefinitions#REPEAT_EARNER_RATE}: recipients with two or more ÷ recipients, Wilson interval. */
    public Figure repeatEarnerRate() {
        return Figures.proportion(EngagementDefinitions.REPEAT_EARNER_RATE,
                Count.of("repeat_earners", in.repeatEarners(), "recipients"),
                Count.of("recipients", in.recipients(), "recipients"), level);
    }

    /** {@link EngagementDefinitions#RE_ENGAGEMENT_RATE}: returned after day 30 ÷ eligible recipients, Wilson interval. */
    public Figure reEngagementRate() {
        return Figures.proportion(EngagementDefinitions.RE_ENGAGEMENT_RATE,
                Count.of("recipients_returned_after_30_days", in.recipientsReturnedAfter30Days(), "recipients"),
                Count.of("recipients_eligible_for_return", in.recipientsEligibleForReturn(), "recipients"), level);
    }

    /** Every figure above, the channel rates after the overall share rate, in dashboard order. */
    public List<Figure> all() {
        List<Figure> figures = new ArrayList<>(List.of(issued(), claimRate(), viewRate(), shareRate()));
        figures.addAll(shareRateByChannel().values());
        figures.addAll(List.of(addToProfileRate(), viewsPerSharedCredential(), referralRate(),
                referralVisitsPerSharedCredential(), netNewVisitors(), netNewShare(), repeatEarnerRate(),
                reEngagementRate()));
        return List.copyOf(figures);
    }

    private Count issuedCount() {
        return credentials("credentials_issued", in.issued());
    }

    private Count sharedCount() {
        return credentials("credentials_shared", in.shared());
    }

    private Count netNewCount() {
        return Count.of("net_new_visitors", in.netNewVisitors(), "visitors");
    }

    private static Count credentials(String name, long value) {
        return Count.of(name, value, "credentials");
    }
}
