package org.credence.insights.engagement;

import java.util.List;
import org.credence.insights.Evidence;
import org.credence.insights.Formula;
import org.credence.insights.Metric;

/**
 * The engagement metrics (ROI layer 2) as data: id, definition, formula, denominator, evidence.
 * docs/metrics.md explains each at length; a test keeps the two in step.
 */
public final class EngagementDefinitions {

    private static final Formula COUNT = new Formula("count", "number of events recorded in the period");
    private static final String PER_ISSUED = "credentials issued in the period (claimed or not: an unclaimed "
            + "credential counts as not viewed, not shared)";
    private static final String PER_SHARED = "credentials shared at least once";
    private static final String CLUSTERING = "The interval assumes visits arrive independently; they cluster on a "
            + "few widely shared credentials, so the real uncertainty is wider than shown.";

    public static final Metric ISSUED = new Metric("engagement.issued", "Credentials issued",
            "Credentials issued in the period.", COUNT, null, Evidence.MEASURED, null);

    public static final Metric CLAIM_RATE = rate("engagement.claim_rate", "Claim (activation) rate",
            "Share of issued credentials whose recipient claimed (activated) them.",
            "credentials claimed ÷ credentials issued", PER_ISSUED);

    public static final Metric VIEW_RATE = rate("engagement.view_rate", "View rate",
            "Share of issued credentials viewed at least once, by the recipient or anyone else (bots filtered); "
                    + "a credential viewed ten times counts once.",
            "credentials viewed at least once ÷ credentials issued", PER_ISSUED);

    public static final Metric SHARE_RATE = rate("engagement.share_rate", "Share rate",
            "Share of issued credentials shared at least once, on any channel.",
            "credentials with at least one share ÷ credentials issued", PER_ISSUED);

    public static final Metric SHARE_RATE_BY_CHANNEL = rate("engagement.share_rate_by_channel", "Share rate",
            "Share of issued credentials shared at least once on this channel. A credential shared on two "
                    + "channels counts on both, so the channel rates can add up to more than the overall rate.",
            "credentials with at least one share on the channel ÷ credentials issued", PER_ISSUED);

    public static final Metric ADD_TO_PROFILE_RATE = rate("engagement.add_to_profile_rate",
            "Add-to-profile click rate",
            "Share of issued credentials whose recipient clicked 'Add to LinkedIn profile' at least once. A click, "
                    + "not a confirmed addition: LinkedIn does not report whether the form was saved.",
            "credentials with at least one add-to-profile click ÷ credentials issued", PER_ISSUED);

    public static final Metric VIEWS_PER_SHARED_CREDENTIAL = new Metric("engagement.views_per_shared_credential",
            "Views per shared credential",
            "Views of shared credentials' pages by people other than the recipient, per credential shared at least "
                    + "once.",
            new Formula("rate per unit", "third-party views ÷ credentials shared"), PER_SHARED, Evidence.DERIVED,
            CLUSTERING);

    public static final Metric REFERRAL_RATE = rate("engagement.referral_rate", "Referral rate",
            "Share of shared credentials that sent at least one visitor from the credential page to the program "
                    + "page (a UTM-tagged referral click).",
            "shared credentials with at least one referral click ÷ credentials shared", PER_SHARED);

    public static final Metric REFERRAL_VISITS_PER_SHARED_CREDENTIAL = new Metric(
            "engagement.referral_visits_per_shared_credential", "Referral visits per shared credential",
            "Referral clicks from credential pages to the program page, per credential shared at least once. It can "
                    + "exceed 100 %: a published '127 % credential referral rate' is this figure, 127 visits per "
                    + "100 shared credentials.",
            new Formula("rate per unit", "referral clicks ÷ credentials shared"), PER_SHARED, Evidence.DERIVED,
            CLUSTERING);

    public static final Metric NET_NEW_VISITORS = new Metric("engagement.net_new_visitors", "Net-new visitors",
            "Distinct visitors who reached the program page through a credential link and had not visited it "
                    + "before.",
            new Formula("count", "distinct first-time visitors arriving through credential links"), null,
            Evidence.MEASURED, "Distinct by first-party visitor id: a person on two devices counts twice.");

    public static final Metric NET_NEW_SHARE = rate("engagement.net_new_share", "Net-new share of referral visitors",
            "Share of the distinct visitors arriving through credential links who were new to the program page.",
            "net-new visitors ÷ distinct referral visitors", "distinct visitors arriving through credential links");

    public static final Metric REPEAT_EARNER_RATE = rate("engagement.repeat_earner_rate", "Repeat earners",
            "Share of recipients holding two or more credentials from this issuer.",
            "recipients with two or more credentials ÷ recipients", "recipients holding at least one credential");

    public static final Metric RE_ENGAGEMENT_RATE = rate("engagement.re_engagement_rate", "Re-engagement",
            "Share of recipients who came back to their credential (a view, download or share) more than 30 days "
                    + "after it was issued.",
            "recipients returning after day 30 ÷ recipients whose credential is at least 30 days old",
            "recipients whose first credential was issued at least 30 days before the end of the period (newer "
                    + "ones have not had the chance to return)");

    public static final Metric VERIFICATIONS = new Metric("engagement.verifications", "Verifications",
            "Verification requests (public page, API, uploaded file) over the periods shown, bots filtered.", COUNT,
            null, Evidence.MEASURED, null);

    public static final Metric VERIFICATION_CHANGE = new Metric("engagement.verification_change",
            "Verifications: change on the previous period",
            "Relative change in verifications from the previous period to the latest one. Periods are taken to be "
                    + "of equal length; an incomplete latest period understates it.",
            new Formula("rate ratio", "verifications in the latest period ÷ verifications in the previous period − 1"),
            "verifications in the previous period", Evidence.DERIVED, null);

    public static final Metric VERIFICATION_TREND = new Metric("engagement.verification_trend",
            "Verifications: trend per period",
            "The least-squares slope of verifications per period across the periods shown: the average change from "
                    + "one period to the next.",
            new Formula("least-squares slope", "Σ(t − t̄)(y − ȳ) ÷ Σ(t − t̄)², t = 0, 1, 2 … the period index"),
            null, Evidence.DERIVED, "A straight line through counts: the interval assumes independent, roughly "
                    + "normal deviations from it, which seasonal or bursty traffic breaks.");

    public static final Metric VERIFICATIONS_BY_COUNTRY = new Metric("engagement.verifications_by_country",
            "Verifications by country",
            "Verification requests by the verifier's country, looked up from the address at request time (the "
                    + "address is not kept). Countries with fewer than 5 are suppressed.",
            COUNT, null, Evidence.MEASURED, null);

    private EngagementDefinitions() {
    }

    /** Every engagement metric, in dashboard order. */
    public static List<Metric> all() {
        return List.of(ISSUED, CLAIM_RATE, VIEW_RATE, SHARE_RATE, SHARE_RATE_BY_CHANNEL, ADD_TO_PROFILE_RATE,
                VIEWS_PER_SHARED_CREDENTIAL, REFERRAL_RATE, REFERRAL_VISITS_PER_SHARED_CREDENTIAL, NET_NEW_VISITORS,
                NET_NEW_SHARE, REPEAT_EARNER_RATE, RE_ENGAGEMENT_RATE, VERIFICATIONS, VERIFICATION_CHANGE,
                VERIFICATION_TREND, VERIFICATIONS_BY_COUNTRY);
    }

    private static Metric rate(String id, String label, String definition, String formula, String denominator) {
        return new Metric(id, label, definition, new Formula("proportion", formula), denominator, Evidence.DERIVED,
                null);
    }
}
