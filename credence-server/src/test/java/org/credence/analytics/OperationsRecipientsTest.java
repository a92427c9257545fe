package org.credence.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import org.credence.db.Database;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distinct recipients are counted exactly only when the count's scan is small: it reads every achievement's credentials
 * of the period, so one achievement's figure falls back to the sketch when the whole tenant's period is large.
 */
class OperationsRecipientsTest {
    static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    static final LocalDate TO = LocalDate.of(2026, 4, 1);
    @TempDir
    static Path data;
    static Database database;
    static Jdbi jdbi;

    @BeforeAll
    static void open() {
        database = Database.open(Optional.empty(), data, false);
        jdbi = database.jdbi();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void oneAchievementsRecipientsAreEstimatedWhenTheTenantsPeriodIsTooLargeToCount() {
        long tenant = jdbi.withHandle(h -> h.createUpdate("INSERT INTO tenant (slug, name, url) VALUES ('ops-recipients', 'R', 'https://r.example')")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        long small = achievement(tenant);
        long large = achievement(tenant);
        // the small achievement: 2 people (0 and 1); the large one: 3 people (0 again, 3 and 4): 4 people in all
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO credential (id, tenant_id, achievement_id, number, recipient_name, recipient_email_hash, recipient_email,
                                        document, document_text, status_list_id, status_index, issued_at)
                SELECT gen_random_uuid(), ?, CASE WHEN i < 2 THEN ? ELSE ? END, 'REC-' || i, 'R', md5(CASE WHEN i = 2 THEN '0' ELSE i::text END),
                       'r@example.org', '{}', '{}', 0, i, TIMESTAMPTZ '2026-03-10T12:00:00Z'
                  FROM generate_series(0, 4) AS i""", tenant, small, large));
        new AnalyticsFolder(jdbi).foldPending(tenant);

        OperationsQueries.Recipients counted = new OperationsQueries(jdbi, 5).recipients(tenant, FROM, TO, OptionalLong.of(small), 2);
        assertThat(counted).isEqualTo(new OperationsQueries.Recipients(2, false));
        // 2 credentials of the achievement, but the count would read the tenant's 5
        OperationsQueries.Recipients sketched = new OperationsQueries(jdbi, 4).recipients(tenant, FROM, TO, OptionalLong.of(small), 2);
        assertThat(sketched.estimated()).isTrue();
        assertThat(sketched.count()).isEqualTo(2);
        assertThat(new OperationsQueries(jdbi, 5).recipients(tenant, FROM, TO, OptionalLong.empty(), 5))
                .isEqualTo(new OperationsQueries.Recipients(4, false));
    }

    private static long achievement(long tenant) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO achievement (tenant_id, kind, name, description, criteria) VALUES (?, 'badge', 'A', 'd', 'c')")
                .bind(0, tenant).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }
}
