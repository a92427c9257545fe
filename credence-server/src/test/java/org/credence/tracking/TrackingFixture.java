package org.credence.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.credence.db.Database;
import org.credence.issuance.CredentialNumber;
import org.jdbi.v3.core.Jdbi;

/**
 * One embedded PostgreSQL (migrated) shared by the tracking tests of this JVM, with helpers that
 * make tenants, achievements and credentials by SQL, and trackers with a pinned clock.
 */
final class TrackingFixture {
    private static TrackingFixture shared;
    final Jdbi jdbi;
    private final SecureRandom random = new SecureRandom();

    private TrackingFixture(Database database) {
        this.jdbi = database.jdbi();
    }

    static synchronized TrackingFixture shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("credence-tracking-test");
                Database database = Database.open(Optional.empty(), dir, false);
                Runtime.getRuntime().addShutdownHook(new Thread(database::close));
                shared = new TrackingFixture(database);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    void clearEvents() {
        jdbi.useHandle(h -> h.execute("""
                TRUNCATE tracking_event, tracking_daily, tracking_credential, analytics_cohort, analytics_cohort_pending, analytics_daily,
                         analytics_daily_pending, analytics_country_daily, analytics_return_pending, analytics_credential_pending,
                         analytics_credential_state"""));
    }

    long tenant(String slug) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO tenant (slug, name, url) VALUES (:slug, :name, :url)")
                .bind("slug", slug + "-" + Long.toHexString(random.nextLong() & 0xffffffL)).bind("name", slug)
                .bind("url", "https://" + slug + ".example").executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    long achievement(long tenant) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO achievement (tenant_id, kind, name, description, criteria, details)
                        VALUES (:tenant, 'badge', 'Data Steward', 'd', 'c', '{"programUrl": "https://academy.example/data?x=1"}')
                        """).bind("tenant", tenant).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    TrackedCredential credential(long tenant, long achievement, boolean trackingAllowed, Instant issuedAt) {
        UUID id = UUID.randomUUID();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO credential (id, tenant_id, achievement_id, number, recipient_name, recipient_email_hash, recipient_email,
                                                document, document_text, status_list_id, status_index, issued_at, tracking_allowed)
                        VALUES (:id, :tenant, :achievement, :number, 'Kari', :hash, 'kari@example.org', '{}', '{}', 0, 0, :issued, :allowed)
                        """).bind("id", id).bind("tenant", tenant).bind("achievement", achievement)
                .bind("number", CredentialNumber.next(random).value()).bind("hash", id.toString())
                .bind("issued", Timestamp.from(issuedAt)).bind("allowed", trackingAllowed).execute());
        return TrackedCredentials.byId(jdbi, tenant, id).orElseThrow();
    }

    Tracker tracker(Clock clock, TrackingSettings settings) {
        return new Tracker(jdbi, clock, settings, UserAgents.counterList(), Countries.none(), new VisitorKeys(jdbi, clock, random),
                EventWriter.direct(jdbi, org.credence.events.CredentialEvents.NONE));
    }

    long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

}
