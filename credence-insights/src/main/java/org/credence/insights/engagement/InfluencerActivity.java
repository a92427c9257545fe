package org.credence.insights.engagement;

/**
 * What one recipient's shares drove, as the server's rollup gives it.
 *
 * @param recipientKey    the server's stable key for the recipient; never shown for anonymised rows
 * @param consentToBeNamed whether the recipient agreed to be named in the issuer's analytics
 * @param displayName     the name to show if consent was given; may be null otherwise
 * @param thirdPartyViews views of the recipient's shared credentials by other people
 * @param referralClicks  clicks from the recipient's credential pages to the program page
 */
public record InfluencerActivity(String recipientKey, boolean consentToBeNamed, String displayName,
        long thirdPartyViews, long referralClicks) {

    public InfluencerActivity {
        if (recipientKey == null || recipientKey.isBlank()) {
            throw new IllegalArgumentException("influencer activity needs a recipient key");
        }
        if (consentToBeNamed && (displayName == null || displayName.isBlank())) {
            throw new IllegalArgumentException("recipient " + recipientKey + " consented to be named but has no name");
        }
        if (thirdPartyViews < 0 || referralClicks < 0) {
            throw new IllegalArgumentException("recipient " + recipientKey + ": views (" + thirdPartyViews
                    + ") and referral clicks (" + referralClicks + ") must not be negative");
        }
    }
}
