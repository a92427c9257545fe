package org.credence.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.credence.analytics.AnalyticsFolder;

/**
 * Whatever events arrive, in whatever batches, the rollups equal a recount from the raw events:
 * the daily table equals a GROUP BY over them and each per-credential row equals its aggregates.
 */
class RollupPropertiesTest {
    static final Instant START = Instant.parse("2026-01-30T20:00:00Z");
    static final UUID[] CREDENTIALS = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
    final TrackingFixture db = TrackingFixture.shared();

    @Property(tries = 40)
    void rollups_equal_a_recount_from_the_raw_events(@ForAll("events") List<Event> events, @ForAll @IntRange(min = 1, max = 50) int batch) {
        db.clearEvents();
        for (int from = 0; from < events.size(); from += batch) {
            List<Event> part = events.subList(from, Math.min(events.size(), from + batch));
            db.jdbi.useTransaction(h -> EventStore.append(h, part));
        }
        assertThat(rows(DAILY_ROLLUP)).isEqualTo(rows(DAILY_RECOUNT));
        assertThat(rows(CREDENTIAL_ROLLUP)).isEqualTo(rows(CREDENTIAL_RECOUNT));
        assertThat(rows("SELECT count(*) FROM tracking_event")).containsExactly(Map.of("count", String.valueOf(events.size())));
        // V29's backfill, run on these events, gives each credential the same shares by channel as the writer folded
        db.jdbi.useHandle(h -> h.execute("UPDATE tracking_credential SET shares_linkedin_profile = 0, shares_linkedin_post = 0, shares_x = 0, "
                + "shares_facebook = 0, shares_email = 0, shares_copy_link = 0"));
        db.jdbi.useHandle(h -> h.execute(V29_BACKFILL));
        assertThat(rows(CREDENTIAL_ROLLUP)).isEqualTo(rows(CREDENTIAL_RECOUNT));

        new AnalyticsFolder(db.jdbi).foldPending();
        // what the folder holds of each credential is what tracking holds, however the batches fell
        assertThat(rows("SELECT credential_id, viewed, shared, referral, returned, channels, views FROM analytics_credential_state ORDER BY 1"))
                .isEqualTo(rows("""
                        SELECT credential_id, first_viewed_at IS NOT NULL AS viewed, first_shared_at IS NOT NULL AS shared,
                               first_referral_at IS NOT NULL AS referral, recipient_returned_at IS NOT NULL AS returned,
                               shared_channels AS channels, views
                          FROM tracking_credential
                         WHERE first_viewed_at IS NOT NULL OR first_shared_at IS NOT NULL OR first_referral_at IS NOT NULL
                            OR recipient_returned_at IS NOT NULL OR views + shares + referral_clicks + verifications + downloads > 0
                         ORDER BY 1"""));
        assertThat(rows(COHORT_ROLLUP)).isEqualTo(rows(COHORT_RECOUNT));
        assertThat(rows(ANALYTICS_DAILY_ROLLUP)).isEqualTo(rows(ANALYTICS_DAILY_RECOUNT));
        assertThat(rows(COUNTRY_ROLLUP)).isEqualTo(rows(COUNTRY_RECOUNT));
        assertThat(rows("SELECT (SELECT count(*) FROM analytics_cohort_pending) + (SELECT count(*) FROM analytics_daily_pending) AS left"))
                .containsExactly(Map.of("left", "0"));
    }

    private List<Map<String, String>> rows(String sql) {
        return db.jdbi.withHandle(h -> h.createQuery(sql).mapToMap().list()).stream().map(row -> {
            Map<String, String> text = new java.util.TreeMap<>();
            row.forEach((k, v) -> text.put(k, v instanceof java.sql.Array a ? arrayText(a) : String.valueOf(v)));
            return text;
        }).toList();
    }

    private static String arrayText(java.sql.Array array) {
        try {
            return java.util.Arrays.toString((Object[]) array.getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String V29_BACKFILL = backfill();

    private static String backfill() {
        try (var in = RollupPropertiesTest.class.getResourceAsStream("/db/migration/V29__credential_shares_by_channel.sql")) {
            String migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return migration.substring(migration.indexOf("UPDATE tracking_credential"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final String DAILY_ROLLUP = """
            SELECT tenant_id, day, achievement_id, type, channel, country, events, counted, counted_recipient, counted_third_party,
                   bots, double_clicks, recipient_self, rate_limited
              FROM tracking_daily
             ORDER BY 1, 2, 3, 4, 5, 6""";
    static final String DAILY_RECOUNT = """
            SELECT tenant_id, (occurred_at AT TIME ZONE 'UTC')::date AS day, achievement_id, type, channel, COALESCE(country, '') AS country,
                   count(*) AS events,
                   count(*) FILTER (WHERE counted) AS counted,
                   count(*) FILTER (WHERE counted AND is_recipient) AS counted_recipient,
                   count(*) FILTER (WHERE counted AND NOT is_recipient) AS counted_third_party,
                   count(*) FILTER (WHERE not_counted_reason = 'bot') AS bots,
                   count(*) FILTER (WHERE not_counted_reason = 'double-click') AS double_clicks,
                   count(*) FILTER (WHERE not_counted_reason = 'recipient-self') AS recipient_self,
                   count(*) FILTER (WHERE not_counted_reason = 'rate-limited') AS rate_limited
              FROM tracking_event
             GROUP BY 1, 2, 3, 4, 5, 6
             ORDER BY 1, 2, 3, 4, 5, 6""";
    static final String CREDENTIAL_ROLLUP = """
            SELECT credential_id, tenant_id, achievement_id, first_claimed_at, first_viewed_at, first_shared_at, first_referral_at,
                   first_verified_at, recipient_returned_at, shared_channels, views, shares, verifications, referral_clicks, downloads, last_event_at,
                   shares_linkedin_profile, shares_linkedin_post, shares_x, shares_facebook, shares_email, shares_copy_link
              FROM tracking_credential
             ORDER BY credential_id""";
    static final String CREDENTIAL_RECOUNT = """
            SELECT e.credential_id, e.tenant_id, e.achievement_id,
                   min(occurred_at) FILTER (WHERE counted AND type = 'claim') AS first_claimed_at,
                   min(occurred_at) FILTER (WHERE counted AND type = 'view') AS first_viewed_at,
                   min(occurred_at) FILTER (WHERE counted AND type = 'share_click') AS first_shared_at,
                   min(occurred_at) FILTER (WHERE counted AND type = 'referral_click') AS first_referral_at,
                   min(occurred_at) FILTER (WHERE counted AND type = 'verification') AS first_verified_at,
                   min(occurred_at) FILTER (WHERE is_recipient AND COALESCE(not_counted_reason, '') NOT IN ('bot', 'rate-limited')
                                              AND type NOT IN ('claim', 'verification') AND occurred_at > t.issued_at + interval '30 days')
                       AS recipient_returned_at,
                   COALESCE(array_agg(DISTINCT channel ORDER BY channel) FILTER (WHERE counted AND type = 'share_click'), '{}') AS shared_channels,
                   count(*) FILTER (WHERE counted AND type = 'view') AS views,
                   count(*) FILTER (WHERE counted AND type = 'share_click') AS shares,
                   count(*) FILTER (WHERE counted AND type = 'verification') AS verifications,
                   count(*) FILTER (WHERE counted AND type = 'referral_click') AS referral_clicks,
                   count(*) FILTER (WHERE counted AND type = 'download') AS downloads,
                   max(occurred_at) AS last_event_at,
                   count(*) FILTER (WHERE counted AND type = 'share_click' AND channel = 'linkedin_profile') AS shares_linkedin_profile,
                   count(*) FILTER (WHERE counted AND type = 'share_click' AND channel = 'linkedin_post') AS shares_linkedin_post,
                   count(*) FILTER (WHERE counted AND type = 'share_click' AND channel = 'x') AS shares_x,
                   count(*) FILTER (WHERE counted AND type = 'share_click' AND channel = 'facebook') AS shares_facebook,
                   count(*) FILTER (WHERE counted AND type = 'share_click' AND channel = 'email') AS shares_email,
                   count(*) FILTER (WHERE counted AND type = 'share_click' AND channel = 'copy_link') AS shares_copy_link
              FROM tracking_event e
              JOIN tracking_credential t ON t.credential_id = e.credential_id
             GROUP BY e.credential_id, e.tenant_id, e.achievement_id, t.issued_at
             ORDER BY e.credential_id""";

    static final String COHORT_ROLLUP = """
            SELECT tenant_id, issued_day, achievement_id, sum(viewed) AS viewed, sum(shared) AS shared,
                   sum(shared_linkedin_profile) AS p, sum(shared_linkedin_post) AS l, sum(shared_x) AS x, sum(shared_facebook) AS f,
                   sum(shared_email) AS e, sum(shared_copy_link) AS c, sum(shared_with_referral) AS r, sum(views_of_shared) AS vs,
                   sum(views) AS views, sum(shares) AS shares, sum(referral_clicks) AS rc, sum(verifications) AS ve, sum(downloads) AS d
              FROM analytics_cohort
             GROUP BY 1, 2, 3
            HAVING sum(viewed) + sum(shared) + sum(views) + sum(shares) + sum(referral_clicks) + sum(verifications) + sum(downloads) > 0
             ORDER BY 1, 2, 3""";
    static final String COHORT_RECOUNT = """
            SELECT tenant_id, (issued_at AT TIME ZONE 'UTC')::date AS issued_day, achievement_id,
                   count(first_viewed_at) AS viewed, count(first_shared_at) AS shared,
                   count(*) FILTER (WHERE 'linkedin_profile' = ANY (shared_channels)) AS p,
                   count(*) FILTER (WHERE 'linkedin_post' = ANY (shared_channels)) AS l,
                   count(*) FILTER (WHERE 'x' = ANY (shared_channels)) AS x, count(*) FILTER (WHERE 'facebook' = ANY (shared_channels)) AS f,
                   count(*) FILTER (WHERE 'email' = ANY (shared_channels)) AS e,
                   count(*) FILTER (WHERE 'copy_link' = ANY (shared_channels)) AS c,
                   count(*) FILTER (WHERE first_shared_at IS NOT NULL AND first_referral_at IS NOT NULL) AS r,
                   coalesce(sum(views) FILTER (WHERE first_shared_at IS NOT NULL), 0) AS vs, sum(views) AS views, sum(shares) AS shares,
                   sum(referral_clicks) AS rc, sum(verifications) AS ve, sum(downloads) AS d
              FROM tracking_credential
             GROUP BY 1, 2, 3
            HAVING sum(views) + sum(shares) + sum(referral_clicks) + sum(verifications) + sum(downloads) > 0
             ORDER BY 1, 2, 3""";
    static final String ANALYTICS_DAILY_ROLLUP = """
            SELECT tenant_id, day, achievement_id, type, channel, counted FROM analytics_daily WHERE counted > 0 ORDER BY 1, 2, 3, 4, 5""";
    static final String ANALYTICS_DAILY_RECOUNT = """
            SELECT tenant_id, day, achievement_id, type, channel, sum(counted) AS counted FROM tracking_daily
             GROUP BY 1, 2, 3, 4, 5 HAVING sum(counted) > 0 ORDER BY 1, 2, 3, 4, 5""";
    static final String COUNTRY_ROLLUP = """
            SELECT tenant_id, type, day, country, counted FROM analytics_country_daily WHERE counted > 0 ORDER BY 1, 2, 3, 4""";
    static final String COUNTRY_RECOUNT = """
            SELECT tenant_id, type, day, country, sum(counted) AS counted FROM tracking_daily WHERE type IN ('view', 'verification')
             GROUP BY 1, 2, 3, 4 HAVING sum(counted) > 0 ORDER BY 1, 2, 3, 4""";

    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<Integer> credential = Arbitraries.integers().between(0, CREDENTIALS.length - 1);
        Arbitrary<EventType> type = Arbitraries.of(EventType.class);
        Arbitrary<Long> minutes = Arbitraries.longs().between(0, 60L * 24 * 50); // 50 days: across midnights, months, and day 30
        Arbitrary<String> country = Arbitraries.of("NO", "SE", "US").injectNull(0.3);
        Arbitrary<NotCounted> reason = Arbitraries.of(NotCounted.class).injectNull(0.5);
        Arbitrary<Boolean> recipient = Arbitraries.of(true, false);
        Arbitrary<Integer> channelPick = Arbitraries.integers().between(0, 5);
        return Combinators.combine(credential, type, minutes, country, reason, recipient, channelPick).as((c, t, m, cc, r, rec, pick) -> {
            List<String> channels = new ArrayList<>(t.channels());
            channels.sort(null);
            String channel = channels.get(pick % channels.size());
            long tenant = 1 + c % 2; // credentials 0 and 2 belong to tenant 1, 1 and 3 to tenant 2
            return new Event(tenant, CREDENTIALS[c], 10 + c, START.minus(Duration.ofDays(c)), t, channel, START.plus(Duration.ofMinutes(m)),
                    cc, null, r == NotCounted.BOT ? UserAgentClass.BOT : UserAgentClass.BROWSER, rec, null, r, null);
        }).list().ofMinSize(1).ofMaxSize(120);
    }
}
