package org.credence.insights.engagement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * Ranks earners by what their shares drove, naming only those who consented.
 *
 * <p>Order: referral clicks first (a visit to the program page is what an issuer values most),
 * third-party views second, recipient key last so equal rows always come out in the same order.
 * The two counts are not added together: a click and a view are different things.
 *
 * <p>Anonymised rows are labelled "Recipient #" and their rank. The label is stable for a given
 * input and deliberately not across reports: a label that followed a person from report to report
 * would be a pseudonym anyone could track.
 */
public final class TopInfluencers {

    private static final Comparator<InfluencerActivity> MOST_INFLUENTIAL_FIRST = Comparator
            .comparingLong(InfluencerActivity::referralClicks).reversed()
            .thenComparing(Comparator.comparingLong(InfluencerActivity::thirdPartyViews).reversed())
            .thenComparing(InfluencerActivity::recipientKey);

    private TopInfluencers() {
    }

    /**
     * The top {@code limit} recipients; rows with neither views nor clicks are left out.
     *
     * @throws IllegalArgumentException if a recipient key appears twice or {@code limit} is negative
     */
    public static List<Influencer> rank(Collection<InfluencerActivity> activity, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit (" + limit + ") must not be negative");
        }
        var keys = new HashSet<String>();
        for (InfluencerActivity row : activity) {
            if (!keys.add(row.recipientKey())) {
                throw new IllegalArgumentException("recipient " + row.recipientKey() + " appears more than once");
            }
        }
        List<InfluencerActivity> ranked = activity.stream()
                .filter(row -> row.referralClicks() > 0 || row.thirdPartyViews() > 0)
                .sorted(MOST_INFLUENTIAL_FIRST)
                .limit(limit)
                .toList();
        List<Influencer> influencers = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            InfluencerActivity row = ranked.get(i);
            int rank = i + 1;
            influencers.add(row.consentToBeNamed()
                    ? new Influencer(rank, row.displayName(), true, row.recipientKey(), row.thirdPartyViews(),
                            row.referralClicks())
                    : new Influencer(rank, "Recipient #" + rank, false, null, row.thirdPartyViews(),
                            row.referralClicks()));
        }
        return List.copyOf(influencers);
    }
}
