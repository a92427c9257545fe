package org.credence.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.credence.analytics.AnalyticsFolder;
import org.junit.jupiter.api.Test;

/**
 * Issuance and tracking hand their analytics deltas to pending tables; the folder moves them into
 * the rollups once, with a credential's issuance and its recipient's return in either order.
 */
class AnalyticsFoldTest {
    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    final TrackingFixture db = TrackingFixture.shared();
    final AnalyticsFolder folder = new AnalyticsFolder(db.jdbi);

    @Test
    void a_recipient_returning_after_day_30_is_counted_once_whether_or_not_the_issuance_was_folded_first() {
        long tenant = db.tenant("fold");
        long achievement = db.achievement(tenant);
        TrackedCredential folded = db.credential(tenant, achievement, true, NOW.minus(Duration.ofDays(40)));
        folder.foldPending();
        // this one's issuance and its recipient's return are folded together
        TrackedCredential unfolded = db.credential(tenant, achievement, true, NOW.minus(Duration.ofDays(45)));

        db.jdbi.useTransaction(h -> EventStore.append(h, List.of(
                event(folded, EventType.VIEW, "credential_page", true, NotCounted.RECIPIENT_SELF, NOW),
                event(folded, EventType.VIEW, "credential_page", false, null, NOW.plusSeconds(1)),
                event(folded, EventType.SHARE_CLICK, "linkedin_post", true, null, NOW.plusSeconds(2)),
                event(unfolded, EventType.DOWNLOAD, "pdf", true, null, NOW.plusSeconds(3)))));
        db.jdbi.useTransaction(h -> EventStore.append(h, List.of(
                event(folded, EventType.VIEW, "pdf", true, NotCounted.RECIPIENT_SELF, NOW.plusSeconds(60)),
                event(folded, EventType.SHARE_CLICK, "x", true, null, NOW.plusSeconds(61)))));
        assertThat(db.count("SELECT count(*) FROM analytics_credential_pending WHERE tenant_id = " + tenant)).isEqualTo(3);
        folder.foldPending();

        assertThat(row("""
                SELECT sum(recipients) AS recipients, sum(returned) AS returned FROM analytics_recipient_daily WHERE tenant_id = :tenant""",
                tenant)).isEqualTo(Map.of("recipients", 2L, "returned", 2L));
        assertThat(db.count("SELECT count(*) FROM analytics_recipient WHERE tenant_id = " + tenant + " AND returned_at = '" + NOW + "'")).isEqualTo(1);
        assertThat(row("""
                SELECT sum(issued) AS issued, sum(viewed) AS viewed, sum(shared) AS shared, sum(shared_x) AS x, sum(shares) AS shares,
                       sum(views_of_shared) AS views_of_shared, sum(downloads) AS downloads
                  FROM analytics_cohort WHERE tenant_id = :tenant""", tenant))
                .isEqualTo(Map.of("issued", 2L, "viewed", 1L, "shared", 1L, "x", 1L, "shares", 2L, "views_of_shared", 1L, "downloads", 1L));
        assertThat(db.count("SELECT count(*) FROM analytics_return_pending") + db.count("SELECT count(*) FROM analytics_cohort_pending")
                + db.count("SELECT count(*) FROM analytics_recipient_pending") + db.count("SELECT count(*) FROM analytics_credential_pending"))
                .isZero();
        assertThat(folder.foldPending()).as("nothing left to fold").isZero();
    }

    @Test
    void operations_deltas_are_folded_by_the_background_loop_tenant_by_tenant_without_a_read() throws InterruptedException {
        long ours = db.tenant("ops-fold");
        long theirs = db.tenant("ops-fold-other");
        for (long tenant : List.of(ours, theirs)) {
            TrackedCredential c = db.credential(tenant, db.achievement(tenant), true, NOW);
            // a request time set afterwards: the update trigger appends the credential's time-to-issue bucket (5 minutes)
            db.jdbi.useHandle(h -> h.execute("UPDATE credential SET requested_at = issued_at - interval '5 minutes', signed_at = issued_at "
                    + "WHERE id = ?", c.id()));
        }
        assertThat(pendingOperations(ours)).isPositive();

        // one tenant's fold leaves the other's deltas alone
        folder.foldPending(ours);
        assertThat(pendingOperations(ours)).isZero();
        assertThat(pendingOperations(theirs)).isPositive();
        assertThat(issueTimes("operations_daily", ours)).isEqualTo(2); // its achievement and achievement 0 (all)

        // nobody reads: the background loop folds the other tenant
        try (AnalyticsFolder background = new AnalyticsFolder(db.jdbi).start()) {
            for (int i = 0; i < 600 && pendingOperations(theirs) > 0; i++) {
                Thread.sleep(100);
            }
        }
        assertThat(pendingOperations(theirs)).isZero();
        for (String rollup : List.of("operations_daily", "operations_weekly", "operations_monthly")) {
            assertThat(issueTimes(rollup, theirs)).as(rollup).isEqualTo(2);
        }
    }

    @Test
    void recipient_sketch_registers_equal_a_recount_from_the_credentials_and_a_known_recipient_appends_nothing() {
        long tenant = db.tenant("hll-fold");
        long first = db.achievement(tenant);
        long second = db.achievement(tenant);
        long third = db.achievement(tenant);
        // 600 credentials over 10 days and three achievements, to 250 recipients; folded in three rounds, so later rounds meet
        // registers the earlier ones raised
        for (int round = 0; round < 3; round++) {
            issue(tenant, List.of(first, second, third), round * 200, 200);
            folder.foldPending(tenant);
        }
        for (String rollup : List.of("operations_daily", "operations_weekly", "operations_monthly")) {
            String day = switch (rollup) {
                case "operations_daily" -> "d";
                case "operations_weekly" -> "CAST(date_trunc('week', d) AS DATE)";
                default -> "CAST(date_trunc('month', d) AS DATE)";
            };
            String recount = """
                    SELECT %1$s AS day, a AS achievement_id, h & 511 AS bucket, max(operations_hll_rank(h)) AS count
                      FROM (SELECT (issued_at AT TIME ZONE 'UTC')::date AS d, x.a, hashtextextended(recipient_email_hash, 0) AS h
                              FROM credential, LATERAL (VALUES (achievement_id), (0)) AS x(a) WHERE tenant_id = %2$d) AS c
                     GROUP BY 1, 2, 3""".formatted(day, tenant);
            String folded = "SELECT day, achievement_id, bucket, count FROM " + rollup + " WHERE metric = 'recipient_hll' AND tenant_id = " + tenant;
            assertThat(db.count("SELECT count(*) FROM ((" + recount + ") EXCEPT (" + folded + ")) AS missing")).as(rollup + " missing").isZero();
            assertThat(db.count("SELECT count(*) FROM ((" + folded + ") EXCEPT (" + recount + ")) AS extra")).as(rollup + " extra").isZero();
        }
        // the same 600 again (the first ones superseded): every rank is already in its day's register, so nothing is appended
        db.jdbi.useHandle(h -> h.execute("UPDATE credential SET superseded_by = id WHERE tenant_id = ?", tenant));
        issue(tenant, List.of(first, second, third), 0, 600);
        assertThat(db.count("SELECT count(*) FROM operations_pending WHERE metric = 'recipient_hll' AND tenant_id = " + tenant)).isZero();
    }

    /** Credentials {@code from} to {@code from + n - 1}: recipient i mod 250, day i mod 10, achievement i mod 3. */
    private void issue(long tenant, List<Long> achievements, int from, int n) {
        db.jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO credential (id, tenant_id, achievement_id, number, recipient_name, recipient_email_hash, recipient_email,
                                                document, document_text, status_list_id, status_index, issued_at, tracking_allowed)
                        SELECT gen_random_uuid(), :tenant, (CAST(:achievements AS BIGINT[]))[1 + i % 3], 'HLL-' || :tenant || '-' || gen_random_uuid(),
                               'R', 'recipient-' || (i % 250), 'r@example.org', '{}', '{}', 0, 0, CAST(:start AS TIMESTAMPTZ) + (i % 10) * interval '1 day', true
                          FROM generate_series(:from, :to) AS i""")
                .bind("tenant", tenant).bind("achievements", achievements.toArray(Long[]::new)).bind("from", from).bind("to", from + n - 1)
                .bind("start", java.sql.Timestamp.from(NOW)).execute());
    }

    private long pendingOperations(long tenant) {
        return db.count("SELECT count(*) FROM operations_pending WHERE tenant_id = " + tenant);
    }

    private long issueTimes(String rollup, long tenant) {
        return db.count("SELECT coalesce(sum(count), 0) FROM " + rollup + " WHERE metric = 'issue_ms' AND bucket = "
                + org.credence.insights.operations.DurationHistogram.bucket(300_000) + " AND tenant_id = " + tenant);
    }

    private Map<String, Long> row(String sql, long tenant) {
        return db.jdbi.withHandle(h -> h.createQuery(sql).bind("tenant", tenant).mapToMap().one()).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> ((Number) e.getValue()).longValue()));
    }

    private static Event event(TrackedCredential c, EventType type, String channel, boolean recipient, NotCounted reason, Instant at) {
        return new Event(c.tenantId(), c.id(), c.achievementId(), c.issuedAt(), type, channel, at, "NO", null, UserAgentClass.BROWSER,
                recipient, null, reason, c.number());
    }
}
