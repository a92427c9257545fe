package org.credence.insights.marketing;

import java.util.List;
import org.credence.insights.Evidence;
import org.credence.insights.Formula;
import org.credence.insights.Metric;

/** The marketing-value metrics (ROI layer 3) as data; docs/metrics.md explains each. */
public final class MarketingDefinitions {

    /** Shown next to every money figure of this model. */
    public static final String NOT_REVENUE = "advertising-equivalent value (not revenue)";

    private static final String ESTIMATE = "An estimate: the shares are measured, the impressions per share are "
            + "assumed.";
    private static final String MEDIA_VALUE = "Advertising-equivalent value (not revenue): what buying the same "
            + "impressions as display advertising at the assumed CPM would cost. No money is received.";

    public static final Metric IMPRESSIONS = new Metric("marketing.impressions", "Estimated impressions",
            "How many times shared credentials were likely seen in feeds and inboxes: the credentials shared on each "
                    + "channel times the impressions one share is assumed to earn there.",
            new Formula("impressions", "Σ over channels: credentials shared on the channel × impressions per share"),
            null, Evidence.ESTIMATED, ESTIMATE);

    public static final Metric EQUIVALENT_MEDIA_VALUE = new Metric("marketing.equivalent_media_value",
            "Equivalent media value",
            "What the estimated impressions would cost as display advertising at the assumed CPM (cost per thousand "
                    + "impressions).",
            new Formula("equivalent media value", "Σ over channels: impressions ÷ 1000 × CPM"), null,
            Evidence.ESTIMATED, MEDIA_VALUE);

    public static final Metric WHAT_IF_SHARES = new Metric("marketing.what_if.shares", "Expected shares",
            "The shares a cohort of this size would produce at this share rate.",
            new Formula("expected shares", "recipients × share rate"), null, Evidence.ESTIMATED,
            "A what-if: every input is typed in.");

    public static final Metric WHAT_IF_IMPRESSIONS = new Metric("marketing.what_if.impressions",
            "Expected impressions", "The impressions those shares would earn.",
            new Formula("impressions", "recipients × share rate × impressions per share"), null, Evidence.ESTIMATED,
            "A what-if: every input is typed in.");

    public static final Metric WHAT_IF_EQUIVALENT_MEDIA_VALUE = new Metric("marketing.what_if.equivalent_media_value",
            "Expected equivalent media value", "What those impressions would cost as display advertising.",
            new Formula("equivalent media value", "(recipients × share rate × impressions per share ÷ 1000) × CPM"),
            null, Evidence.ESTIMATED, MEDIA_VALUE);

    private MarketingDefinitions() {
    }

    /** Every marketing metric. */
    public static List<Metric> all() {
        return List.of(IMPRESSIONS, EQUIVALENT_MEDIA_VALUE, WHAT_IF_SHARES, WHAT_IF_IMPRESSIONS,
                WHAT_IF_EQUIVALENT_MEDIA_VALUE);
    }
}
