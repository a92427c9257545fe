package org.credence.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.credence.insights.Channel;
import org.credence.insights.engagement.EngagementInputs;
import org.credence.insights.engagement.InfluencerActivity;
import org.jdbi.v3.core.Jdbi;

/**
 * The measured counts behind the dashboards, read from the V11 rollups (analytics_cohort,
 * analytics_recipient_daily, analytics_daily) and tracking_daily: every query is a SUM over a
 * tenant's rows for the chosen days, never a scan of credentials or raw events. Every query is
 * scoped by tenant. The routes fold the pending deltas ({@link AnalyticsFolder}) once before a
 * request's queries, so its figures include everything committed before it.
 */
public final class EngagementQueries {
    private static final String COHORT_SUMS = """
            coalesce(sum(issued), 0) AS issued, coalesce(sum(claimed), 0) AS claimed, coalesce(sum(viewed), 0) AS viewed,
            coalesce(sum(shared), 0) AS shared, coalesce(sum(shared_linkedin_profile), 0) AS shared_linkedin_profile,
            coalesce(sum(shared_linkedin_post), 0) AS shared_linkedin_post, coalesce(sum(shared_x), 0) AS shared_x,
            coalesce(sum(shared_facebook), 0) AS shared_facebook, coalesce(sum(shared_email), 0) AS shared_email,
            coalesce(sum(shared_copy_link), 0) AS shared_copy_link, coalesce(sum(shared_with_referral), 0) AS shared_with_referral,
            coalesce(sum(views_of_shared), 0) AS views_of_shared, coalesce(sum(views), 0) AS views, coalesce(sum(shares), 0) AS shares,
            coalesce(sum(referral_clicks), 0) AS referral_clicks, coalesce(sum(verifications), 0) AS verifications,
            coalesce(sum(downloads), 0) AS downloads""";
    private static final String COHORT_WHERE = """
            WHERE a.tenant_id = :tenant AND a.issued_day BETWEEN :from AND :to
              AND (CAST(:achievement AS bigint) IS NULL OR a.achievement_id = :achievement)""";

    private final Jdbi jdbi;

    public EngagementQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Sums over one cohort of credentials (issued in the filter's days).
     *
     * @param sharedByChannel credentials shared at least once on each channel
     * @param viewsOfShared   counted third-party views of the shared ones
     */
    public record Cohort(long issued, long claimed, long viewed, long shared, Map<Channel, Long> sharedByChannel, long sharedWithReferral,
                         long viewsOfShared, long views, long shares, long referralClicks, long verifications, long downloads) {}

    /** Recipients first credentialed in the filter's days (every achievement: a person is not an achievement's). */
    public record Recipients(long recipients, long repeatEarners, long eligibleForReturn, long returned) {}

    /** One achievement's cohort. */
    public record AchievementCohort(long achievementId, String name, Cohort cohort) {}

    /** Counted events of one ISO week, and the credentials issued in it. */
    public record Week(String period, LocalDate start, long issued, long claims, long views, long shares, long verifications,
                       long referralClicks) {}

    public Cohort cohort(long tenantId, AnalyticsFilter filter) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COHORT_SUMS + " FROM analytics_cohort a " + COHORT_WHERE)
                .bind("tenant", tenantId).bind("from", filter.from()).bind("to", filter.to()).bind("achievement", filter.achievement())
                .map((rs, ctx) -> cohort(rs)).one());
    }

    /** The cohort of each achievement with any credential in the days, most issued first. */
    public List<AchievementCohort> byAchievement(long tenantId, AnalyticsFilter filter) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.achievement_id, m.name, " + COHORT_SUMS
                        + " FROM analytics_cohort a JOIN achievement m ON m.id = a.achievement_id AND m.tenant_id = a.tenant_id "
                        + COHORT_WHERE + " GROUP BY a.achievement_id, m.name HAVING sum(issued) > 0 ORDER BY issued DESC, a.achievement_id")
                .bind("tenant", tenantId).bind("from", filter.from()).bind("to", filter.to()).bind("achievement", filter.achievement())
                .map((rs, ctx) -> new AchievementCohort(rs.getLong("achievement_id"), rs.getString("name"), cohort(rs))).list());
    }

    public Recipients recipients(long tenantId, AnalyticsFilter filter, LocalDate today) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT coalesce(sum(recipients), 0) AS recipients, coalesce(sum(repeat_earners), 0) AS repeat_earners,
                               coalesce(sum(recipients) FILTER (WHERE first_day <= :eligible), 0) AS eligible,
                               coalesce(sum(returned) FILTER (WHERE first_day <= :eligible), 0) AS returned
                          FROM analytics_recipient_daily
                         WHERE tenant_id = :tenant AND first_day BETWEEN :from AND :to""")
                .bind("tenant", tenantId).bind("from", filter.from()).bind("to", filter.to()).bind("eligible", today.minusDays(30))
                .map((rs, ctx) -> new Recipients(rs.getLong("recipients"), rs.getLong("repeat_earners"), rs.getLong("eligible"),
                        rs.getLong("returned"))).one());
    }

    /**
     * The insights inputs for the filter. Referral visitors and net-new visitors stay 0: Credence
     * counts the click to the program page, not who arrives there (see {@link #NOT_MEASURED}).
     */
    public EngagementInputs inputs(Cohort cohort, Recipients people) {
        EngagementInputs.Builder b = EngagementInputs.builder().issued(cohort.issued()).claimed(Math.min(cohort.claimed(), cohort.issued()))
                .viewed(cohort.viewed()).shared(cohort.shared()).addedToProfile(cohort.sharedByChannel().get(Channel.LINKEDIN_PROFILE))
                .sharedWithReferral(cohort.sharedWithReferral()).thirdPartyViews(cohort.viewsOfShared())
                .referralClicks(cohort.referralClicks()).recipients(people.recipients()).repeatEarners(people.repeatEarners())
                .recipientsEligibleForReturn(people.eligibleForReturn())
                .recipientsReturnedAfter30Days(Math.min(people.returned(), people.eligibleForReturn()));
        cohort.sharedByChannel().forEach(b::sharedOn);
        return b.build();
    }

    /** Figures whose inputs Credence does not measure, with the reason shown in their place. */
    public static final Map<String, AnalyticsWarning> NOT_MEASURED = Map.of(
            "engagement.net_new_visitors", AnalyticsWarning.NET_NEW_VISITORS_NOT_MEASURED,
            "engagement.net_new_share", AnalyticsWarning.NET_NEW_SHARE_NOT_MEASURED);

    /** Weekly counts (ISO weeks, Monday first) over the filter's days; weeks with nothing are present as zeros. */
    public List<Week> weekly(long tenantId, AnalyticsFilter filter) {
        Map<LocalDate, long[]> weeks = new TreeMap<>();
        for (LocalDate d = monday(filter.from()); !d.isAfter(filter.to()); d = d.plusWeeks(1)) {
            weeks.put(d, new long[6]);
        }
        jdbi.useHandle(h -> {
            h.createQuery("""
                            SELECT date_trunc('week', a.issued_day)::date AS week, sum(issued) AS issued FROM analytics_cohort a
                            """ + COHORT_WHERE + " GROUP BY 1")
                    .bind("tenant", tenantId).bind("from", filter.from()).bind("to", filter.to()).bind("achievement", filter.achievement())
                    .map((rs, ctx) -> Map.entry(rs.getObject("week", LocalDate.class), rs.getLong("issued")))
                    .forEach(e -> weeks.get(e.getKey())[0] += e.getValue());
            h.createQuery("""
                            SELECT date_trunc('week', day)::date AS week, type, sum(counted) AS counted FROM analytics_daily
                             WHERE tenant_id = :tenant AND day BETWEEN :from AND :to
                               AND (CAST(:achievement AS bigint) IS NULL OR achievement_id = :achievement)
                               AND type IN ('claim', 'view', 'share_click', 'verification', 'referral_click')
                             GROUP BY 1, 2""")
                    .bind("tenant", tenantId).bind("from", filter.from()).bind("to", filter.to()).bind("achievement", filter.achievement())
                    .map((rs, ctx) -> new Object[] {rs.getObject("week", LocalDate.class), rs.getString("type"), rs.getLong("counted")})
                    .forEach(row -> weeks.get((LocalDate) row[0])[switch ((String) row[1]) {
                        case "claim" -> 1;
                        case "view" -> 2;
                        case "share_click" -> 3;
                        case "verification" -> 4;
                        default -> 5;
                    }] += (Long) row[2]);
        });
        List<Week> series = new ArrayList<>();
        weeks.forEach((monday, c) -> series.add(new Week(isoWeek(monday), monday, c[0], c[1], c[2], c[3], c[4], c[5])));
        return series;
    }

    /** Counted events of one type ({@code view} or {@code verification}) by country over the filter's days; "unknown" without a country. */
    public Map<String, Long> byCountry(long tenantId, AnalyticsFilter filter, String type) {
        Map<String, Long> counts = new LinkedHashMap<>();
        // every achievement: the per-country rollup; one achievement: tracking_daily through its (tenant, achievement, type, day) index
        String source = filter.achievementId().isPresent()
                ? "tracking_daily WHERE tenant_id = :tenant AND achievement_id = :achievement AND"
                : "analytics_country_daily WHERE tenant_id = :tenant AND";
        jdbi.useHandle(h -> h.createQuery("SELECT country, sum(counted) AS counted FROM " + source
                        + " type = :type AND day BETWEEN :from AND :to GROUP BY country HAVING sum(counted) > 0 ORDER BY country")
                .bind("tenant", tenantId).bind("type", type).bind("from", filter.from()).bind("to", filter.to())
                .bind("achievement", filter.achievement())
                .map((rs, ctx) -> Map.entry(rs.getString("country"), rs.getLong("counted")))
                .forEach(e -> counts.put(e.getKey().isEmpty() ? "unknown" : e.getKey(), e.getValue())));
        return counts;
    }

    /**
     * What each recipient's credentials drove, for the recipients behind the {@code candidates}
     * credentials with the most referral clicks in the cohort (an index walk, not a scan of every
     * credential); their totals cover all their credentials in the cohort. Named only where the
     * recipient allowed detailed tracking on every one of those credentials.
     */
    public List<InfluencerActivity> influencers(long tenantId, AnalyticsFilter filter, int candidates) {
        return jdbi.withHandle(h -> h.createQuery("""
                        WITH top AS (
                            SELECT DISTINCT c.recipient_email_hash
                              FROM (SELECT credential_id FROM tracking_credential
                                     WHERE tenant_id = :tenant AND referral_clicks > 0
                                       AND issued_at >= :from AND issued_at < :toExclusive
                                       AND (CAST(:achievement AS bigint) IS NULL OR achievement_id = :achievement)
                                     ORDER BY referral_clicks DESC LIMIT :candidates) AS t
                              JOIN credential c ON c.id = t.credential_id AND c.tenant_id = :tenant)
                        SELECT c.recipient_email_hash, bool_and(c.tracking_allowed) AS allowed, min(c.recipient_name) AS name,
                               coalesce(sum(t.views), 0) AS views, coalesce(sum(t.referral_clicks), 0) AS clicks
                          FROM top JOIN credential c ON c.tenant_id = :tenant AND c.recipient_email_hash = top.recipient_email_hash
                          LEFT JOIN tracking_credential t ON t.credential_id = c.id
                         WHERE c.issued_at >= :from AND c.issued_at < :toExclusive
                           AND (CAST(:achievement AS bigint) IS NULL OR c.achievement_id = :achievement)
                         GROUP BY c.recipient_email_hash""")
                .bind("tenant", tenantId).bind("from", filter.from().atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime())
                .bind("toExclusive", filter.to().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime())
                .bind("achievement", filter.achievement()).bind("candidates", candidates)
                .map((rs, ctx) -> new InfluencerActivity(rs.getString("recipient_email_hash"), rs.getBoolean("allowed"),
                        rs.getString("name"), rs.getLong("views"), rs.getLong("clicks")))
                .list());
    }

    /** Whether the tenant was filled by the simulator, so every page can say its data is simulated. */
    public boolean simulated(long tenantId) {
        return SimulatedData.of(jdbi, tenantId);
    }

    static LocalDate monday(LocalDate day) {
        return day.minusDays(day.getDayOfWeek().getValue() - 1L);
    }

    static String isoWeek(LocalDate monday) {
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static Cohort cohort(ResultSet rs) throws SQLException {
        Map<Channel, Long> channels = new java.util.EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            channels.put(channel, rs.getLong("shared_" + channel.id()));
        }
        return new Cohort(rs.getLong("issued"), rs.getLong("claimed"), rs.getLong("viewed"), rs.getLong("shared"), channels,
                rs.getLong("shared_with_referral"), rs.getLong("views_of_shared"), rs.getLong("views"), rs.getLong("shares"),
                rs.getLong("referral_clicks"), rs.getLong("verifications"), rs.getLong("downloads"));
    }
}
