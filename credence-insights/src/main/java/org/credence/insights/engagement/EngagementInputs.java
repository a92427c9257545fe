package org.credence.insights.engagement;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.credence.insights.Channel;

/**
 * The measured counts engagement figures are computed from, for one tenant, achievement or
 * cohort over one period. The server fills it from its rollups; every field is a plain count.
 * Use {@link #builder()}: fifteen positional longs are too easy to swap.
 *
 * @param issued                       credentials issued
 * @param claimed                      of those, credentials claimed (activated)
 * @param viewed                       credentials viewed at least once (bots filtered)
 * @param shared                       credentials shared at least once, on any channel
 * @param sharedByChannel              credentials shared at least once on each channel (every channel present)
 * @param addedToProfile               credentials whose recipient clicked add-to-profile at least once
 * @param sharedWithReferral           shared credentials with at least one referral click
 * @param thirdPartyViews              views of shared credentials by people other than the recipient
 * @param referralClicks               clicks from credential pages to the program page (UTM-tagged)
 * @param referralVisitors             distinct visitors arriving at the program page through credential links
 * @param netNewVisitors               of those, visitors never seen on the program page before
 * @param recipients                   recipients holding at least one credential
 * @param repeatEarners                recipients holding two or more credentials
 * @param recipientsEligibleForReturn  recipients whose first credential is at least 30 days old
 * @param recipientsReturnedAfter30Days of those, recipients who came back after day 30
 */
public record EngagementInputs(long issued, long claimed, long viewed, long shared, Map<Channel, Long> sharedByChannel,
        long addedToProfile, long sharedWithReferral, long thirdPartyViews, long referralClicks, long referralVisitors,
        long netNewVisitors, long recipients, long repeatEarners, long recipientsEligibleForReturn,
        long recipientsReturnedAfter30Days) {

    public EngagementInputs {
        requireNotNegative("issued", issued);
        requireAtMost("claimed", claimed, "issued", issued);
        requireAtMost("viewed", viewed, "issued", issued);
        requireAtMost("shared", shared, "issued", issued);
        requireAtMost("addedToProfile", addedToProfile, "issued", issued);
        requireAtMost("sharedWithReferral", sharedWithReferral, "shared", shared);
        requireNotNegative("thirdPartyViews", thirdPartyViews);
        requireNotNegative("referralClicks", referralClicks);
        requireAtMost("referralVisitors", referralVisitors, "referralClicks", referralClicks);
        requireAtMost("netNewVisitors", netNewVisitors, "referralVisitors", referralVisitors);
        requireNotNegative("recipients", recipients);
        requireAtMost("repeatEarners", repeatEarners, "recipients", recipients);
        requireAtMost("recipientsEligibleForReturn", recipientsEligibleForReturn, "recipients", recipients);
        requireAtMost("recipientsReturnedAfter30Days", recipientsReturnedAfter30Days,
                "recipientsEligibleForReturn", recipientsEligibleForReturn);
        // Every channel present, missing ones as 0, so a chart never meets a hole.
        EnumMap<Channel, Long> channels = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            Long count = sharedByChannel == null ? null : sharedByChannel.get(channel);
            long value = count == null ? 0 : count;
            requireAtMost("sharedByChannel[" + channel.id() + "]", value, "shared", shared);
            channels.put(channel, value);
        }
        sharedByChannel = Collections.unmodifiableMap(channels);
    }

    /** A builder with every count at 0. */
    public static Builder builder() {
        return new Builder();
    }

    private static void requireNotNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " (" + value + ") must not be negative");
        }
    }

    private static void requireAtMost(String name, long value, String limitName, long limit) {
        requireNotNegative(name, value);
        if (value > limit) {
            throw new IllegalArgumentException(name + " (" + value + ") is more than " + limitName + " (" + limit + ")");
        }
    }

    /** Named setters for {@link EngagementInputs}; {@link #build()} validates. */
    public static final class Builder {
        private long issued;
        private long claimed;
        private long viewed;
        private long shared;
        private final Map<Channel, Long> sharedByChannel = new EnumMap<>(Channel.class);
        private long addedToProfile;
        private long sharedWithReferral;
        private long thirdPartyViews;
        private long referralClicks;
        private long referralVisitors;
        private long netNewVisitors;
        private long recipients;
        private long repeatEarners;
        private long recipientsEligibleForReturn;
        private long recipientsReturnedAfter30Days;

        private Builder() {
        }

        public Builder issued(long value) { issued = value; return this; }
        public Builder claimed(long value) { claimed = value; return this; }
        public Builder viewed(long value) { viewed = value; return this; }
        public Builder shared(long value) { shared = value; return this; }
        public Builder sharedOn(Channel channel, long value) { sharedByChannel.put(channel, value); return this; }
        public Builder addedToProfile(long value) { addedToProfile = value; return this; }
        public Builder sharedWithReferral(long value) { sharedWithReferral = value; return this; }
        public Builder thirdPartyViews(long value) { thirdPartyViews = value; return this; }
        public Builder referralClicks(long value) { referralClicks = value; return this; }
        public Builder referralVisitors(long value) { referralVisitors = value; return this; }
        public Builder netNewVisitors(long value) { netNewVisitors = value; return this; }
        public Builder recipients(long value) { recipients = value; return this; }
        public Builder repeatEarners(long value) { repeatEarners = value; return this; }
        public Builder recipientsEligibleForReturn(long value) { recipientsEligibleForReturn = value; return this; }
        public Builder recipientsReturnedAfter30Days(long value) { recipientsReturnedAfter30Days = value; return this; }

        /** The validated inputs; throws naming the first count that breaks a rule. */
        public EngagementInputs build() {
            return new EngagementInputs(issued, claimed, viewed, shared, sharedByChannel, addedToProfile,
                    sharedWithReferral, thirdPartyViews, referralClicks, referralVisitors, netNewVisitors, recipients,
                    repeatEarners, recipientsEligibleForReturn, recipientsReturnedAfter30Days);
        }
    }
}
