package org.credence.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.credence.demo.DemoAchievement;
import org.credence.demo.DemoCatalog;
import org.credence.demo.DemoLoader;
import org.credence.demo.SimulatedCredential;
import org.credence.demo.SimulatedEvent;
import org.credence.demo.Simulation;
import org.credence.demo.SimulationSettings;
import org.credence.demo.SimulationSink;
import org.credence.issuance.CredentialNumber;
import org.credence.tenant.ApiKeys;
import org.credence.tracking.SimulatedEvents;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;

/**
 * Fills a database with a simulated tenant of dashboard-benchmark size. Credentials are
 * bulk-inserted with {@code COPY} into the server's own {@code credential} table, with the
 * server's columns and the recipients' choices (claimed, public, tracking allowed), but an
 * unsigned placeholder document: signing 1.5 million credentials would take minutes and no
 * dashboard reads the document. Events go through {@link SimulatedEvents}, the same tracking
 * rules and bulk append (with the same rollup fold) that {@code serve --demo} uses.
 */
final class DashboardData {
    static final String TENANT_SLUG = "bench";
    private static final int CREDENTIAL_BATCH = 20_000;
    private static final int EVENT_BATCH = 20_000;

    private DashboardData() {}

    /** What a generation made; {@code apiKey} has the read and analytics scopes, for the analytics API. */
    record Generated(long tenantId, long credentials, long events, String apiKey) {}

    /** The tenant a previous run made, if there is one. */
    static Optional<Long> existing(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM tenant WHERE slug = :slug").bind("slug", TENANT_SLUG).mapTo(Long.class).findOne());
    }

    static Generated generate(Jdbi jdbi, SimulationSettings settings, java.io.PrintStream progress) {
        SecureRandom random = new SecureRandom();
        long tenant = jdbi.withHandle(h -> h.createUpdate("INSERT INTO tenant (slug, name, url) VALUES (:slug, :name, :url)")
                .bind("slug", TENANT_SLUG).bind("name", "Dashboard Benchmark (simulated data)").bind("url", "https://bench.example")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        List<Long> achievements = new ArrayList<>();
        for (DemoAchievement a : DemoCatalog.ACHIEVEMENTS) {
            achievements.add(jdbi.withHandle(h -> h.createUpdate("""
                            INSERT INTO achievement (tenant_id, kind, name, description, criteria, details)
                            VALUES (:tenant, :kind, :name, :description, :criteria, jsonb_build_object('programUrl', CAST(:url AS text), 'tags', jsonb_build_array('simulated')))
                            """).bind("tenant", tenant).bind("kind", a.kind()).bind("name", a.name()).bind("description", a.description())
                    .bind("criteria", a.criteria()).bind("url", a.programUrl()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
        }
        String apiKey = jdbi.inTransaction(h -> new ApiKeys(jdbi, random, new org.credence.audit.AuditTrail(jdbi), java.time.Clock.systemUTC()).create(h, tenant, Set.of("read", "analytics"), "dashboard benchmark"));
        Sink sink = new Sink(jdbi, tenant, achievements, new SimulatedEvents(jdbi, random), random, progress);
        Simulation.run(settings, sink);
        sink.flushEvents();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO simulated_tenant (tenant_id, seed, recipients, months, period_end, credentials, events)
                        VALUES (:tenant, :seed, :recipients, :months, :end, :credentials, :events)""")
                .bind("tenant", tenant).bind("seed", settings.seed()).bind("recipients", settings.recipients())
                .bind("months", settings.months()).bind("end", settings.end()).bind("credentials", sink.credentials.size())
                .bind("events", sink.events).execute());
        // fresh statistics and visibility maps, as autovacuum would leave them on a live server
        jdbi.useHandle(h -> h.execute("VACUUM ANALYZE credential, tracking_event, tracking_daily, tracking_credential"));
        return new Generated(tenant, sink.credentials.size(), sink.events, apiKey);
    }

    private static final class Sink implements SimulationSink {
        private final Jdbi jdbi;
        private final long tenant;
        private final List<Long> achievements;
        private final SimulatedEvents loader;
        private final SecureRandom random;
        private final java.io.PrintStream progress;
        private final MessageDigest sha256;
        final List<DemoLoader.LoadedCredential> credentials = new ArrayList<>();
        private final StringBuilder pendingCredentials = new StringBuilder();
        private int pendingCount;
        private int printed;
        private final List<SimulatedEvent> pendingEvents = new ArrayList<>();
        long events;

        Sink(Jdbi jdbi, long tenant, List<Long> achievements, SimulatedEvents loader, SecureRandom random, java.io.PrintStream progress) {
            this.jdbi = jdbi;
            this.tenant = tenant;
            this.achievements = achievements;
            this.loader = loader;
            this.random = random;
            this.progress = progress;
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void credential(SimulatedCredential c) {
            UUID id = UUID.randomUUID(); // version 4, as the server makes them
            String number = CredentialNumber.next(random).value();
            long achievement = achievements.get(c.achievement());
            credentials.add(new DemoLoader.LoadedCredential(id, achievement, number));
            String hash = HexFormat.of().formatHex(sha256.digest(c.email().getBytes(StandardCharsets.UTF_8)));
            // id, tenant, achievement, number, name, email hash, email, document, document_text, status list, index, issued, expires,
            // claimed, visibility, tracking_allowed
            pendingCredentials.append(id).append(',').append(tenant).append(',').append(achievement).append(',').append(number).append(",\"")
                    .append(c.recipientName().replace("\"", "\"\"")).append("\",").append(hash).append(',').append(c.email())
                    .append(",\"{\"\"simulated\"\": true}\",\"{\"\"simulated\"\": true}\",0,").append(c.index()).append(',').append(c.issuedAt())
                    .append(',').append(c.expiresAt().map(Object::toString).orElse("")).append(',')
                    .append(c.claimedAt().map(Object::toString).orElse("")).append(',').append(c.isPublic() ? "public" : "private").append(',')
                    .append(c.trackingAllowed()).append('\n');
            if (++pendingCount >= CREDENTIAL_BATCH) {
                flushCredentials();
            }
        }

        @Override
        public void event(SimulatedEvent event) {
            pendingEvents.add(event);
            events++;
            if (pendingEvents.size() >= EVENT_BATCH) {
                flushEvents();
            }
        }

        void flushEvents() {
            flushCredentials(); // an event's credential is stored before it
            if (!pendingEvents.isEmpty()) {
                loader.load(tenant, List.copyOf(pendingEvents), credentials);
                pendingEvents.clear();
            }
        }

        private void flushCredentials() {
            if (pendingCount == 0) {
                return;
            }
            String csv = pendingCredentials.toString();
            jdbi.useHandle(h -> {
                try {
                    h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn("""
                            COPY credential (id, tenant_id, achievement_id, number, recipient_name, recipient_email_hash, recipient_email,
                                             document, document_text, status_list_id, status_index, issued_at, expires_at, claimed_at,
                                             visibility, tracking_allowed)
                            FROM STDIN WITH (FORMAT csv)""", new StringReader(csv));
                } catch (SQLException | IOException e) {
                    throw new IllegalStateException("could not copy credentials: " + e.getMessage(), e);
                }
            });
            pendingCredentials.setLength(0);
            pendingCount = 0;
            if (credentials.size() / 100_000 > printed) {
                printed = credentials.size() / 100_000;
                progress.printf("  %,d credentials, %,d events%n", credentials.size(), events);
            }
        }
    }
}
