package org.credence.tracking;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The UTM scheme of every link Credence puts out (docs/metrics.md, "Link tags"): {@code utm_source}
 * names where the visitor comes from (a share channel's site, or {@code credence} for a click from a
 * credential page to the program or issuer site), {@code utm_medium} how ({@code credential} for
 * those clicks, the channel id for shares), and {@code utm_campaign} is always the achievement's
 * slug, so a CRM can attribute a lead to an achievement whichever way it arrived.
 */
public final class Utm {
    /** {@code utm_source} of a click from a credential page to the program or issuer site. */
    public static final String REFERRAL_SOURCE = "credence";
    /** {@code utm_medium} of a click from a credential page to the program or issuer site. */
    public static final String REFERRAL_MEDIUM = "credential";
    private static final int MAX_CAMPAIGN = 60;

    private Utm() {}

    /**
     * The achievement's slug, its {@code utm_campaign}: the achievement's current name as a
     * lower-case ASCII slug ("Certified Data Steward" → "certified-data-steward", accents dropped,
     * at most 60 characters); a name with no Latin letters or digits becomes {@code achievement-<id>}.
     * Achievements have no stored slug, so this is the one derivation every link uses.
     */
    public static String campaign(String achievement, long achievementId) {
        String slug = Normalizer.normalize(achievement, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_CAMPAIGN) {
            slug = slug.substring(0, MAX_CAMPAIGN).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "achievement-" + achievementId : slug;
    }
}
