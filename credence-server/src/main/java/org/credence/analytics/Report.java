package org.credence.analytics;

import java.util.List;

/**
 * One engagement answer of {@link AnalyticsReports} as a typed record (figures with their provenance, see
 * {@link EngagementAnswers}) and its tables; {@link EngagementJson} writes it as the API's JSON, the dashboard reads it.
 */
public sealed interface Report permits EngagementAnswers.Engagement, EngagementAnswers.Funnel, EngagementAnswers.Trends,
        EngagementAnswers.Achievements, EngagementAnswers.Verifications, EngagementAnswers.Geography, EngagementAnswers.Influencers,
        EngagementAnswers.Marketing {
    /** The filter the answer was computed for. */
    AnalyticsFilter filter();

    /** The rows behind it, the first one served as CSV. */
    List<Table> tables();
}
