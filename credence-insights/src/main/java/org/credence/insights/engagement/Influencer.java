package org.credence.insights.engagement;

/**
 * One row of the top-influencers list.
 *
 * @param rank            1 for the recipient who drove the most referral clicks
 * @param label           the recipient's name if they consented, otherwise "Recipient #rank"
 * @param named           whether {@code label} is a real name
 * @param recipientKey    the recipient's key when named (to link to them); null when anonymised
 * @param thirdPartyViews views of their shared credentials by other people
 * @param referralClicks  clicks from their credential pages to the program page
 */
public record Influencer(int rank, String label, boolean named, String recipientKey, long thirdPartyViews,
        long referralClicks) {
}
