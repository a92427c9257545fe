package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.credence.demo.DemoLoader;
import org.credence.demo.SimulatedEvent;
import org.credence.demo.SimulationSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class DemoLoaderTest {
    @TempDir
    Path data;

    @Test
    void serveDemoLoadsCredentialsEventsAndRollupsOnceAndTheOwnerCanSignIn() {
        SimulationSettings settings = new SimulationSettings(5, 300, 3, LocalDate.of(2026, 11, 1));
        try (ServerHarness server = new ServerHarness(data)) {
            DemoLoader.Loaded loaded = server.credence.loadDemo(settings);
            assertThat(loaded.created()).isTrue();
            long tenant = loaded.tenant().id();
            assertThat(count(server, "SELECT count(*) FROM simulated_tenant WHERE tenant_id = ? AND recipients = 300 AND months = 3", tenant)).isOne();
            assertThat(loaded.tenant().name()).contains("simulated");
            assertThat(count(server, "SELECT count(*) FROM credential WHERE tenant_id = ?", tenant)).isEqualTo(loaded.credentials()).isGreaterThanOrEqualTo(300);
            assertThat(count(server, "SELECT count(*) FROM mail", null)).as("demo issuance sends no mail").isZero();
            // the history ends where its period ends: nothing issued, claimed or seen later (so never in the future)
            assertThat(count(server, "SELECT count(*) FROM credential WHERE tenant_id = ? AND (issued_at >= '2026-11-01' OR claimed_at >= '2026-11-01')",
                    tenant)).isZero();
            assertThat(count(server, "SELECT count(*) FROM tracking_event WHERE tenant_id = ? AND occurred_at >= '2026-11-01'", tenant)).isZero();
            // operations: a simulated cost ledger, support tickets, and a request time on every credential
            assertThat(count(server, "SELECT count(*) FROM program_cost WHERE tenant_id = ? AND note LIKE '%simulated'", tenant)).isGreaterThan(10);
            assertThat(count(server, "SELECT count(*) FROM support_ticket_count WHERE tenant_id = ?", tenant)).isPositive();
            assertThat(count(server, "SELECT count(*) FROM credential WHERE tenant_id = ? AND requested_at IS NULL", tenant)).isZero();

            // every simulated event went in, and the rollups fold all of them
            assertThat(count(server, "SELECT count(*) FROM tracking_event WHERE tenant_id = ?", tenant)).isEqualTo(loaded.events()).isPositive();
            assertThat(count(server, "SELECT sum(events) FROM tracking_daily WHERE tenant_id = ?", tenant)).isEqualTo(loaded.events());
            assertThat(count(server, "SELECT sum(counted) FROM tracking_daily WHERE tenant_id = ?", tenant))
                    .isEqualTo(count(server, "SELECT count(*) FROM tracking_event WHERE counted AND tenant_id = ?", tenant));
            assertThat(count(server, "SELECT count(*) FROM tracking_credential WHERE tenant_id = ? AND first_shared_at IS NOT NULL", tenant)).isPositive();
            // the hygiene rules ran: machines, double clicks and the recipients' own views are stored but not counted
            for (String reason : List.of("bot", "double-click", "recipient-self")) {
                assertThat(count(server, "SELECT count(*) FROM tracking_event WHERE tenant_id = ? AND not_counted_reason = '" + reason + "'", tenant))
                        .as(reason).isPositive();
            }
            // detail only with consent: a visitor key only on events of credentials whose recipient allowed tracking
            String keyed = "SELECT count(*) FROM tracking_event e JOIN credential c ON c.id = e.credential_id"
                    + " WHERE e.tenant_id = ? AND e.visitor_key IS NOT NULL AND c.tracking_allowed = ";
            assertThat(count(server, keyed + "false", tenant)).isZero();
            assertThat(count(server, keyed + "true", tenant)).isPositive();

            var login = server.sendBytes("POST", "/login", null, ("tenant=demo&email=owner%40demo.example&password="
                    + loaded.ownerPassword().orElseThrow() + "&next=/app").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "Content-Type", "application/x-www-form-urlencoded");
            assertThat(login.status()).as(login.body()).isEqualTo(303);

            server.restart();
            DemoLoader.Loaded again = server.credence.loadDemo(settings);
            assertThat(again.created()).isFalse();
            assertThat(again.ownerPassword()).isEmpty();
            assertThat(count(server, "SELECT count(*) FROM tracking_event WHERE tenant_id = ?", tenant)).isEqualTo(loaded.events());
            assertThat(count(server, "SELECT count(*) FROM credential WHERE tenant_id = ?", tenant)).isEqualTo(loaded.credentials());
        }
    }

    private static long count(ServerHarness server, String sql, Long tenant) {
        return server.credence.jdbi().withHandle(h -> {
            var query = h.createQuery(sql);
            if (tenant != null) {
                query.bind(0, tenant);
            }
            return query.mapTo(Long.class).findOne().orElse(0L);
        });
    }

    @Test
    void theDemoTenantHoldsRealCredentialsThatVerifyAndIsLoadedOnlyOnce() {
        try (ServerHarness server = new ServerHarness(data)) {
            List<SimulatedEvent> events = new ArrayList<>();
            List<DemoLoader.LoadedCredential> named = new ArrayList<>();
            DemoLoader.EventLoader sink = (tenant, batch, credentials) -> {
                events.addAll(batch);
                batch.forEach(e -> named.add(credentials.get((int) e.credential())));
            };
            SimulationSettings settings = new SimulationSettings(11, 60, 6, LocalDate.of(2026, 11, 1));
            DemoLoader.Loaded loaded = server.credence.demo().load(settings, sink);
            assertThat(loaded.created()).isTrue();
            assertThat(loaded.tenant().name()).contains("simulated");
            assertThat(loaded.credentials()).isGreaterThanOrEqualTo(60);
            assertThat(loaded.events()).isEqualTo(events.size()).isPositive();
            assertThat(loaded.apiKey()).isPresent();
            // simulated recipients are never mailed: nothing queued, nothing in the outbox
            long queued = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM mail WHERE tenant_id = :tenant")
                    .bind("tenant", loaded.tenant().id()).mapTo(Long.class).one());
            assertThat(queued).isZero();
            server.credence.mailWorker().runDue();
            assertThat(data.resolve("outbox")).satisfiesAnyOf(outbox -> assertThat(outbox).doesNotExist(), outbox -> assertThat(outbox).isEmptyDirectory());

            String number = named.get(0).number();
            var report = server.send("GET", "/api/v1/verify/" + number, null, null);
            assertThat(report.status()).isEqualTo(200);
            assertThat(report.json().get("status").asText()).isIn("valid", "expired");

            var achievements = server.send("GET", "/api/v1/achievements", loaded.apiKey().get(), null);
            assertThat(achievements.json().get("items")).hasSize(5);

            DemoLoader.Loaded again = server.credence.demo().load(settings, (t, b, c) -> { throw new AssertionError("loaded twice"); });
            assertThat(again.created()).isFalse();
            assertThat(again.credentials()).isEqualTo(loaded.credentials());
            assertThat(again.apiKey()).isEmpty();
        }
    }
}
