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
