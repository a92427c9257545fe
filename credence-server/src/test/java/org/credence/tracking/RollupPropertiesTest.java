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
                   first_verified_at, recipient_returned_at, shared_channels, views, shares, verifications, referral_clicks, downloads, last_event_at
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
                   max(occurred_at) AS last_event_at
              FROM tracking_event e
              JOIN tracking_credential t ON t.credential_id = e.credential_id
             GROUP BY e.credential_id, e.tenant_id, e.achievement_id, t.issued_at
             ORDER BY e.credential_id""";

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
                    cc, null, r == NotCounted.BOT ? UserAgentClass.BOT : UserAgentClass.BROWSER, rec, null, r);
        }).list().ofMinSize(1).ofMaxSize(120);
    }
}
