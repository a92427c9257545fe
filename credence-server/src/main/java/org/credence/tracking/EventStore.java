package org.credence.tracking;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.credence.insights.Channel;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Appends a batch of events and folds it into the tracking rollups, in the caller's transaction:
 * the batch is aggregated in memory first, so each rollup row is written once per batch however
 * many of its events the batch holds. Rows are upserted in key order, so concurrent batches
 * cannot deadlock. The batch's changes to the analytics rollups are appended to the
 * {@code analytics_*_pending} tables in the same transaction, for AnalyticsFolder to fold later:
 * the upserts they stand for would double the cost of this step, which is the group-commit
 * writer's serial one. No append reads what another wrote, so appends need no locks of their own.
 */
final class EventStore {
    private static final Duration RETURN_AFTER = Duration.ofDays(30);
    // tracking_credential's per-channel share counts (V29): column names, their binds, and how a batch adds to them
    private static final String SHARE_COLUMNS = String.join(", ", Arrays.stream(Channel.values()).map(c -> "shares_" + c.id()).toList());
    private static final String SHARE_BINDS = String.join(", ", Arrays.stream(Channel.values()).map(c -> ":shares_" + c.id()).toList());
    private static final String SHARE_UPDATES = String.join(", ", Arrays.stream(Channel.values())
            .map(c -> "shares_" + c.id() + " = t.shares_" + c.id() + " + EXCLUDED.shares_" + c.id()).toList());

    private EventStore() {}

    static void append(Handle h, List<Event> events) {
        copyEvents(h, events);
        foldDaily(h, events);
        foldCredentials(h, events);
    }

    private static void copyEvents(Handle h, List<Event> events) {
        StringBuilder csv = new StringBuilder(events.size() * 160);
        for (Event e : events) {
            csv.append(e.tenantId()).append(',').append(e.credentialId()).append(',').append(e.achievementId()).append(',')
                    .append(e.type().id()).append(',');
            quoted(csv, e.channel()).append(',').append(e.occurredAt()).append(',');
            quoted(csv, e.country()).append(',');
            quoted(csv, e.referrerHost()).append(',').append(e.userAgentClass().id()).append(',').append(e.isRecipient()).append(',');
            quoted(csv, e.visitorKey() == null ? null : "\\x" + HexFormat.of().formatHex(e.visitorKey())).append(',')
                    .append(e.counted()).append(',');
            quoted(csv, e.notCounted() == null ? null : e.notCounted().id()).append('\n');
        }
        try {
            h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY tracking_event (tenant_id, credential_id, achievement_id, type, channel, occurred_at, country,
                                         referrer_host, ua_class, is_recipient, visitor_key, counted, not_counted_reason)
                    FROM STDIN WITH (FORMAT csv)""", new StringReader(csv.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("could not append " + events.size() + " events: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // CSV: a quoted "" is an empty string, an unquoted empty field is NULL
    private static StringBuilder quoted(StringBuilder csv, String value) {
        return value == null ? csv : csv.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    private record DailyKey(long tenant, LocalDate day, long achievement, String type, String channel, String country)
            implements Comparable<DailyKey> {
        @Override
        public int compareTo(DailyKey o) {
            int c = Long.compare(tenant, o.tenant);
            c = c != 0 ? c : day.compareTo(o.day);
            c = c != 0 ? c : Long.compare(achievement, o.achievement);
            c = c != 0 ? c : type.compareTo(o.type);
            c = c != 0 ? c : channel.compareTo(o.channel);
            return c != 0 ? c : country.compareTo(o.country);
        }
    }

    // events, counted, counted_recipient, counted_third_party, bots, double_clicks, recipient_self, rate_limited
    private static final String[] DAILY = {"events", "counted", "counted_recipient", "counted_third_party", "bots", "double_clicks",
        "recipient_self", "rate_limited"};

    /**
     * Folds the batch into tracking_daily and, in the same statement (each round trip in the
     * writer's serial step costs a wake-up of the database backend), appends its counted events
     * to analytics_daily_pending.
     */
    private static void foldDaily(Handle h, List<Event> events) {
        Map<DailyKey, long[]> cells = new TreeMap<>();
        for (Event e : events) {
            DailyKey key = new DailyKey(e.tenantId(), LocalDate.ofInstant(e.occurredAt(), ZoneOffset.UTC), e.achievementId(),
                    e.type().id(), e.channel(), e.country() == null ? "" : e.country());
            long[] c = cells.computeIfAbsent(key, k -> new long[DAILY.length]);
            c[0]++;
            if (e.counted()) {
                c[1]++;
                c[e.isRecipient() ? 2 : 3]++;
            } else {
                c[4 + e.notCounted().ordinal()]++;
            }
        }
        List<Long> tenants = new ArrayList<>();
        List<String> days = new ArrayList<>();
        List<Long> achievements = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        List<String> countries = new ArrayList<>();
        List<List<Long>> counts = new ArrayList<>();
        for (int i = 0; i < DAILY.length; i++) {
            counts.add(new ArrayList<>());
        }
        cells.forEach((k, c) -> {
            tenants.add(k.tenant());
            days.add(k.day().toString());
            achievements.add(k.achievement());
            types.add(k.type());
            channels.add(k.channel());
            countries.add(k.country());
            for (int i = 0; i < DAILY.length; i++) {
                counts.get(i).add(c[i]);
            }
        });
        var update = h.createUpdate("""
                WITH cells AS (SELECT *
                                 FROM unnest(:tenants, CAST(:days AS date[]), :achievements, :types, :channels, :countries, :events, :counted,
                                             :counted_recipient, :counted_third_party, :bots, :double_clicks, :recipient_self, :rate_limited)
                                      AS c(tenant_id, day, achievement_id, type, channel, country, events, counted, counted_recipient,
                                           counted_third_party, bots, double_clicks, recipient_self, rate_limited)),
                     pending AS (INSERT INTO analytics_daily_pending (tenant_id, day, achievement_id, type, channel, country, counted)
                                 SELECT tenant_id, day, achievement_id, type, channel, country, counted FROM cells WHERE counted > 0)
                INSERT INTO tracking_daily AS d (tenant_id, day, achievement_id, type, channel, country, events, counted,
                                                 counted_recipient, counted_third_party, bots, double_clicks, recipient_self, rate_limited)
                SELECT * FROM cells
                ON CONFLICT (tenant_id, day, achievement_id, type, channel, country) DO UPDATE
                   SET events = d.events + EXCLUDED.events
                     , counted = d.counted + EXCLUDED.counted
                     , counted_recipient = d.counted_recipient + EXCLUDED.counted_recipient
                     , counted_third_party = d.counted_third_party + EXCLUDED.counted_third_party
                     , bots = d.bots + EXCLUDED.bots
                     , double_clicks = d.double_clicks + EXCLUDED.double_clicks
                     , recipient_self = d.recipient_self + EXCLUDED.recipient_self
                     , rate_limited = d.rate_limited + EXCLUDED.rate_limited
                """)
                .bindArray("tenants", Long.class, tenants).bindArray("days", String.class, days)
                .bindArray("achievements", Long.class, achievements).bindArray("types", String.class, types)
                .bindArray("channels", String.class, channels).bindArray("countries", String.class, countries);
        for (int i = 0; i < DAILY.length; i++) {
            update.bindArray(DAILY[i], Long.class, counts.get(i));
        }
        update.execute();
    }

    /** One credential's part of a batch. */
    private static final class CredentialFold {
        final Event first;
        Instant claimed;
        Instant viewed;
        Instant shared;
        Instant referral;
        Instant verified;
        Instant returned;
        Instant last;
        final TreeSet<String> channels = new TreeSet<>();
        // counted share clicks per channel, by Channel ordinal
        final long[] sharesByChannel = new long[Channel.values().length];
        long views;
        long shares;
        long verifications;
        long referrals;
        long downloads;

        CredentialFold(Event first) {
            this.first = first;
        }

        void add(Event e) {
            Instant at = e.occurredAt();
            last = max(last, at);
            if (e.isRecipient() && e.notCounted() != NotCounted.BOT && e.notCounted() != NotCounted.RATE_LIMITED
                    && e.type() != EventType.CLAIM && e.type() != EventType.VERIFICATION
                    && at.isAfter(e.issuedAt().plus(RETURN_AFTER))) {
                returned = min(returned, at);
            }
            if (!e.counted()) {
                return;
            }
            switch (e.type()) {
                case CLAIM -> claimed = min(claimed, at);
                case VIEW -> {
                    viewed = min(viewed, at);
                    views++;
                }
                case SHARE_CLICK -> {
                    shared = min(shared, at);
                    channels.add(e.channel());
                    Channel.parse(e.channel()).ifPresent(c -> sharesByChannel[c.ordinal()]++);
                    shares++;
                }
                case REFERRAL_CLICK -> {
                    referral = min(referral, at);
                    referrals++;
                }
                case VERIFICATION -> {
                    verified = min(verified, at);
                    verifications++;
                }
                case DOWNLOAD -> downloads++;
                case WALLET_EXPORT -> { }
            }
        }

        private static Instant min(Instant a, Instant b) {
            return a == null || b.isBefore(a) ? b : a;
        }

        private static Instant max(Instant a, Instant b) {
            return a == null || b.isAfter(a) ? b : a;
        }
    }

    /**
     * Upserts one tracking_credential row per credential of the batch and, in the same statement,
     * appends each credential's part of the batch to analytics_credential_pending as it is:
     * AnalyticsFolder works out what it changes in the cohorts later, off this serial step.
     */
    private static void foldCredentials(Handle h, List<Event> events) {
        Map<UUID, CredentialFold> folds = new TreeMap<>();
        for (Event e : events) {
            folds.computeIfAbsent(e.credentialId(), id -> new CredentialFold(e)).add(e);
        }
        List<UUID> ids = new ArrayList<>(folds.keySet());
        List<CredentialFold> rows = ids.stream().map(folds::get).toList();
        var update = h.createUpdate("""
                WITH u AS (
                    SELECT id, tenant, achievement, issued, claimed, viewed, shared, referral, verified, returned,
                           CASE WHEN channels = '' THEN '{}'::text[] ELSE string_to_array(channels, ',') END AS channels,
                           views, shares, verifications, referrals, downloads, last, @SHARE_COLUMNS@
                      FROM unnest(CAST(:ids AS uuid[]), :tenants, :achievements, CAST(:issued AS timestamptz[]), CAST(:claimed AS timestamptz[]),
                                  CAST(:viewed AS timestamptz[]), CAST(:shared AS timestamptz[]), CAST(:referral AS timestamptz[]),
                                  CAST(:verified AS timestamptz[]), CAST(:returned AS timestamptz[]), :channels, :views, :shares,
                                  :verifications, :referrals, :downloads, CAST(:last AS timestamptz[]), @SHARE_BINDS@)
                           AS u(id, tenant, achievement, issued, claimed, viewed, shared, referral, verified, returned, channels,
                                views, shares, verifications, referrals, downloads, last, @SHARE_COLUMNS@)),
                folded AS (
                    INSERT INTO tracking_credential AS t (credential_id, tenant_id, achievement_id, issued_at, first_claimed_at, first_viewed_at,
                                                          first_shared_at, first_referral_at, first_verified_at, recipient_returned_at,
                                                          shared_channels, views, shares, verifications, referral_clicks, downloads, last_event_at,
                                                          @SHARE_COLUMNS@)
                    SELECT * FROM u
                    ON CONFLICT (credential_id) DO UPDATE
                       SET first_claimed_at = LEAST(t.first_claimed_at, EXCLUDED.first_claimed_at)
                         , first_viewed_at = LEAST(t.first_viewed_at, EXCLUDED.first_viewed_at)
                         , first_shared_at = LEAST(t.first_shared_at, EXCLUDED.first_shared_at)
                         , first_referral_at = LEAST(t.first_referral_at, EXCLUDED.first_referral_at)
                         , first_verified_at = LEAST(t.first_verified_at, EXCLUDED.first_verified_at)
                         , recipient_returned_at = LEAST(t.recipient_returned_at, EXCLUDED.recipient_returned_at)
                         , shared_channels = ARRAY(SELECT DISTINCT c FROM unnest(t.shared_channels || EXCLUDED.shared_channels) AS c ORDER BY c)
                         , views = t.views + EXCLUDED.views
                         , shares = t.shares + EXCLUDED.shares
                         , verifications = t.verifications + EXCLUDED.verifications
                         , referral_clicks = t.referral_clicks + EXCLUDED.referral_clicks
                         , downloads = t.downloads + EXCLUDED.downloads
                         , last_event_at = GREATEST(t.last_event_at, EXCLUDED.last_event_at)
                         , @SHARE_UPDATES@)
                INSERT INTO analytics_credential_pending (credential_id, tenant_id, achievement_id, issued_day, viewed, shared, referral,
                                                          returned_at, channels, views, shares, referrals, verifications, downloads)
                SELECT id, tenant, achievement, (issued AT TIME ZONE 'UTC')::date, viewed IS NOT NULL, shared IS NOT NULL,
                       referral IS NOT NULL, returned, channels, views, shares, referrals, verifications, downloads
                  FROM u
                 WHERE viewed IS NOT NULL OR shared IS NOT NULL OR referral IS NOT NULL OR returned IS NOT NULL
                    OR views + shares + referrals + verifications + downloads > 0
                """.replace("@SHARE_COLUMNS@", SHARE_COLUMNS).replace("@SHARE_BINDS@", SHARE_BINDS).replace("@SHARE_UPDATES@", SHARE_UPDATES))
                .bindArray("ids", String.class, ids.stream().map(UUID::toString).toList())
                .bindArray("tenants", Long.class, rows.stream().map(r -> r.first.tenantId()).toList())
                .bindArray("achievements", Long.class, rows.stream().map(r -> r.first.achievementId()).toList())
                .bindArray("issued", String.class, rows.stream().map(r -> text(r.first.issuedAt())).toList())
                .bindArray("claimed", String.class, rows.stream().map(r -> text(r.claimed)).toList())
                .bindArray("viewed", String.class, rows.stream().map(r -> text(r.viewed)).toList())
                .bindArray("shared", String.class, rows.stream().map(r -> text(r.shared)).toList())
                .bindArray("referral", String.class, rows.stream().map(r -> text(r.referral)).toList())
                .bindArray("verified", String.class, rows.stream().map(r -> text(r.verified)).toList())
                .bindArray("returned", String.class, rows.stream().map(r -> text(r.returned)).toList())
                .bindArray("channels", String.class, rows.stream().map(r -> String.join(",", r.channels)).toList())
                .bindArray("views", Long.class, rows.stream().map(r -> r.views).toList())
                .bindArray("shares", Long.class, rows.stream().map(r -> r.shares).toList())
                .bindArray("verifications", Long.class, rows.stream().map(r -> r.verifications).toList())
                .bindArray("referrals", Long.class, rows.stream().map(r -> r.referrals).toList())
                .bindArray("downloads", Long.class, rows.stream().map(r -> r.downloads).toList())
                .bindArray("last", String.class, rows.stream().map(r -> text(r.last)).toList());
        for (Channel channel : Channel.values()) {
            update.bindArray("shares_" + channel.id(), Long.class, rows.stream().map(r -> r.sharesByChannel[channel.ordinal()]).toList());
        }
        update.execute();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
