package org.credence.demo;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.credence.achievement.Achievement;
import org.credence.achievement.AchievementDraft;
import org.credence.achievement.Achievements;
import org.credence.analytics.SupportTickets;
import org.credence.analytics.costs.ProgramCostLedger;
import org.credence.audit.AuditTrail;
import org.credence.issuance.Issuance;
import org.credence.issuance.IssueCommand;
import org.credence.issuance.IssuedCredential;
import org.credence.json.JsonFields;
import org.credence.tenant.Caller;
import org.credence.tenant.Tenant;
import org.credence.tenant.Tenants;
import org.credence.user.Role;
import org.credence.user.Users;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Fills the clearly labelled demo tenant from the {@link Simulation}: its achievements, real signed
 * credentials issued through the normal issuance path (so each one verifies), the recipients'
 * choices, and the simulated events, handed to the tracker's bulk path. Runs once per data
 * directory; a second start finds the tenant and leaves it alone.
 */
public final class DemoLoader {
    /** The demo tenant's owner, who signs in at {@code /login} with the password printed when the demo was loaded. */
    public static final String OWNER_EMAIL = "owner@demo.example";
    private static final Caller SIMULATOR = new Caller(null, Set.of("admin"), "demo-simulator");
    private static final String PASSWORD_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";
    private final Jdbi jdbi;
    private final Tenants tenants;
    private final Achievements achievements;
    private final Issuance issuance;
    private final Users users;
    private final SecureRandom random;

    public DemoLoader(Jdbi jdbi, Tenants tenants, Achievements achievements, Issuance issuance, Users users, SecureRandom random) {
        this.jdbi = jdbi;
        this.tenants = tenants;
        this.achievements = achievements;
        this.issuance = issuance;
        this.users = users;
        this.random = random;
    }

    /** An issued demo credential, in simulation order, so events can name it. */
    public record LoadedCredential(UUID id, long achievementId, String number) {}

    /**
     * What a load did.
     *
     * @param apiKey the demo tenant's first API key, present only when this call created the tenant
     * @param ownerPassword the password of {@link #OWNER_EMAIL}, present only when this call created the tenant: it is
     *                      generated, stored only as its hash, and shown once
     */
    public record Loaded(Tenant tenant, boolean created, int credentials, long events, Optional<String> apiKey,
                         Optional<String> ownerPassword) {}

    /**
     * Loads the demo unless it is there already. {@code events} receives the simulated events in
     * batches together with the credentials they belong to.
     */
    public Loaded load(SimulationSettings settings, EventLoader events) {
        Optional<Tenant> existing = tenants.bySlug(DemoCatalog.TENANT_SLUG);
        if (existing.isPresent()) {
            return jdbi.withHandle(h -> h.createQuery("SELECT credentials, events FROM simulated_tenant WHERE tenant_id = :tenant")
                    .bind("tenant", existing.get().id())
                    .map((rs, ctx) -> new Loaded(existing.get(), false, rs.getInt("credentials"), rs.getLong("events"), Optional.empty(), Optional.empty()))
                    .findOne()
                    .orElseThrow(() -> new IllegalStateException("a tenant with the slug '" + DemoCatalog.TENANT_SLUG
                            + "' exists, but either the simulator did not make it or its load was interrupted; --demo will not touch it"
                            + " (start with a new --data directory for a fresh demo)")));
        }
        Tenants.Created created = tenants.create(SIMULATOR,
                new Tenants.NewTenant(DemoCatalog.TENANT_SLUG, DemoCatalog.TENANT_NAME, "https://demo.example", "en"));
        Tenant tenant = created.tenant();
        Caller owner = new Caller(tenant.id(), Set.of("admin"), "demo-simulator");
        // generated rather than fixed: a well-known password would open the demo to anyone who can reach the port
        String password = password();
        users.create(owner, new Users.NewUser(OWNER_EMAIL, "Demo owner", Role.OWNER, password));
        List<Achievement> made = new ArrayList<>();
        for (DemoAchievement a : DemoCatalog.ACHIEVEMENTS) {
            made.add(achievements.create(owner, achievementBody(a)));
        }
        Recorder recorder = new Recorder(owner, made, events, settings.seed());
        Simulation.run(settings, recorder);
        recorder.flush();
        OutcomeSimulation.load(jdbi, tenant.id(), settings); // the outcome pages' LMS, CRM, HRIS and renewal rows
        // the operations layer's costs and support tickets, entered through the same services (and audit trail) as a user's
        AuditTrail audit = new AuditTrail(jdbi);
        SimulatedOperations.load(new ProgramCostLedger(jdbi, audit, Clock.systemUTC()), new SupportTickets(jdbi, audit, Clock.systemUTC()),
                tenant.id(), owner.actor(), made, settings, Clock.systemUTC());
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO simulated_tenant (tenant_id, seed, recipients, months, period_end, credentials, events)
                        VALUES (:tenant, :seed, :recipients, :months, :end, :credentials, :events)""")
                .bind("tenant", tenant.id()).bind("seed", settings.seed()).bind("recipients", settings.recipients())
                .bind("months", settings.months()).bind("end", settings.end()).bind("credentials", recorder.credentials.size())
                .bind("events", recorder.eventCount).execute());
        jdbi.useTransaction(h -> DemoSurveys.load(h, tenant.id(), settings.seed(), settings.end()));
        return new Loaded(tenant, true, recorder.credentials.size(), recorder.eventCount, Optional.of(created.apiKey()), Optional.of(password));
    }

    /** Four groups of four letters and digits that cannot be confused (no l, 1, o, 0): about 79 bits. */
    private String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(PASSWORD_LETTERS.charAt(random.nextInt(PASSWORD_LETTERS.length())));
        }
        return password.toString();
    }

    /** Receives simulated events with the credentials they are about; the tracker's bulk path implements it. */
    public interface EventLoader {
        void load(long tenantId, List<SimulatedEvent> events, List<LoadedCredential> credentials);
    }

    private static AchievementDraft achievementBody(DemoAchievement a) {
        List<Achievement.Alignment> alignments = a.skills().stream()
                .map(skill -> new Achievement.Alignment(skill, a.programUrl() + "#" + skill.toLowerCase().replace(' ', '-'), null)).toList();
        return new AchievementDraft(a.kind(), a.name(), a.description(), a.criteria(), alignments, List.of("simulated"),
                a.validityDays() > 0 ? a.validityDays() : null, null, a.programUrl(), null, null);
    }

    /** Issues each simulated credential as it arrives and batches the recipients' choices and the events. */
    private final class Recorder implements SimulationSink {
        private static final int BATCH = 5_000;
        private static final int ISSUERS = 6;
        private final ExecutorService issuers = Executors.newFixedThreadPool(ISSUERS, r -> {
            Thread t = new Thread(r, "demo-issuer");
            t.setDaemon(true);
            return t;
        });
        private final Caller owner;
        private final List<Achievement> achievements;
        private final EventLoader events;
        final List<LoadedCredential> credentials = new ArrayList<>();
        private final List<SimulatedCredential> choices = new ArrayList<>();
        private final List<SimulatedEvent> pending = new ArrayList<>();
        long eventCount;

        private final long seed;

        Recorder(Caller owner, List<Achievement> achievements, EventLoader events, long seed) {
            this.seed = seed;
            this.owner = owner;
            this.achievements = achievements;
            this.events = events;
        }

        @Override
        public void credential(SimulatedCredential c) {
            choices.add(c);
            if (choices.size() >= BATCH) {
                flushChoices();
            }
        }

        /** Issues through the normal path, several at a time: each issuance waits for its own commit, so one at a time would take minutes. */
        private List<LoadedCredential> issueAll(List<SimulatedCredential> batch) {
            List<CompletableFuture<LoadedCredential>> issued = batch.stream()
                    .map(c -> CompletableFuture.supplyAsync(() -> issue(c), issuers)).toList();
            return issued.stream().map(CompletableFuture::join).toList();
        }

        private LoadedCredential issue(SimulatedCredential c) {
            Achievement achievement = achievements.get(c.achievement());
            // simulated recipients get no mail (their addresses are example.org ones, but the outbox would fill up)
            IssueCommand command = new IssueCommand(achievement.id(), c.recipientName(), c.email(), c.issuedAt().truncatedTo(ChronoUnit.SECONDS),
                    c.expiresAt().map(at -> at.truncatedTo(ChronoUnit.SECONDS)).orElse(null), null, List.of(), false, null);
            IssuedCredential issued = issuance.issue(owner, command).credential();
            return new LoadedCredential(issued.id(), achievement.id(), issued.number());
        }

        @Override
        public void event(SimulatedEvent event) {
            pending.add(event);
            eventCount++;
            if (pending.size() >= BATCH) {
                flushEvents();
            }
        }

        void flush() {
            try {
                flushChoices();
                flushEvents();
            } finally {
                issuers.shutdown();
            }
        }

        private void flushChoices() {
            if (choices.isEmpty()) {
                return;
            }
            // in simulation order, so credentials.get(index) is the credential of that index
            credentials.addAll(issueAll(choices));
            jdbi.useTransaction(h -> {
                PreparedBatch batch = h.prepareBatch("""
                        UPDATE credential SET claimed_at = :claimed, visibility = :visibility, tracking_allowed = :tracking,
                                              requested_at = :requested, signed_at = issued_at
                        WHERE tenant_id = :tenant AND id = :id""");
                for (SimulatedCredential c : choices) {
                    LoadedCredential loaded = credentials.get((int) c.index());
                    // simulated as signed when issued, some minutes after the completion that asked for it
                    batch.bind("requested", Timestamp.from(c.issuedAt().minus(SimulatedOperations.requestLag(seed, c.index()))));
                    batch.bind("claimed", c.claimedAt().map(Timestamp::from).orElse(null)).bind("visibility", c.isPublic() ? "public" : "private")
                            .bind("tracking", c.trackingAllowed()).bind("tenant", owner.tenantId()).bind("id", loaded.id()).add();
                }
                batch.execute();
            });
            choices.clear();
        }

        private void flushEvents() {
            // events may name any credential issued so far, never a later one: the simulation emits a credential first
            flushChoices();
            if (!pending.isEmpty()) {
                events.load(owner.tenantId(), List.copyOf(pending), credentials);
                pending.clear();
            }
        }
    }
}
