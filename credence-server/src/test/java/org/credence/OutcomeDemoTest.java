package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import org.credence.demo.DemoLoader;
import org.credence.demo.SimulationSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --demo} fills every outcome figure on first start, labelled simulated. */
@Tag("integration")
class OutcomeDemoTest {
    @TempDir
    Path data;

    static JsonNode get(ServerHarness server, String path, String key) {
        var response = server.send("GET", path, key, null);
        OpenApiContractTest.check(path.replaceAll("\\?.*", ""), "get", response);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void the_demo_fills_every_outcome_figure_and_says_it_is_simulated() {
        try (ServerHarness server = new ServerHarness(data, new SettableClock(OutcomeData.NOW))) {
            DemoLoader.Loaded loaded = server.credence.loadDemo(new SimulationSettings(11, 600, 12, LocalDate.of(2026, 12, 1)));
            String key = loaded.apiKey().orElseThrow();
            long tenant = loaded.tenant().id();
            long unflagged = server.credence.jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM lms_enrolment WHERE tenant_id = :t AND NOT simulated").bind("t", tenant).mapTo(Long.class).one());
            assertThat(unflagged).isZero();
            // the demo writes its outcome rows without an import: loading it must still warm the outcome answers
            assertThat(server.credence.outcomeWarmer().awaitIdle(java.time.Duration.ofSeconds(60))).isTrue();
            assertThat(server.credence.outcomeWarmer().completed()).isPositive();

            JsonNode completion = get(server, "/api/v1/analytics/completion", key);
            assertThat(completion.get("simulated").asBoolean()).isTrue();
            assertThat(completion.at("/offer/with/inputs/total/value").asLong()).isPositive();
            assertThat(completion.at("/offer/without/inputs/total/value").asLong()).isPositive();
            assertThat(completion.get("launches")).isNotEmpty();
            assertThat(completion.at("/launches/0/comparison/design").asText()).isEqualTo("before_after");
            assertThat(completion.at("/launches/0/after/value").asDouble()).isGreaterThan(completion.at("/launches/0/before/value").asDouble());

            JsonNode retention = get(server, "/api/v1/analytics/retention", key);
            assertThat(retention.at("/renewal/total/inputs/total/value").asLong()).isPositive();
            assertThat(retention.at("/renewal/total/inputs/with_outcome/value").asLong()).isPositive();
            assertThat(retention.at("/reEnrolment/comparison").isObject()).isTrue();
            assertThat(retention.at("/repeatEarners/inputs/with_outcome/value").asLong()).isPositive();
            assertThat(retention.get("timeToProductivity")).hasSize(3);
            assertThat(retention.at("/timeToProductivity/0/earners/medianDays").isNumber()).isTrue();
            assertThat(retention.at("/attrition/0/comparison").isObject()).isTrue();
            assertThat(retention.at("/attrition/1/earners/inputs/total/value").asLong()).isPositive();

            JsonNode business = get(server, "/api/v1/analytics/business", key);
            assertThat(business.get("mainCurrency").asText()).isEqualTo("EUR");
            assertThat(business.get("excludedOpportunities").asLong()).isPositive();
            assertThat(business.at("/dealSize/comparison/ratio/value").isNumber()).isTrue();
            assertThat(business.at("/winRate/comparison").isObject()).isTrue();
            assertThat(business.at("/referralLeads/total/value").asLong()).isPositive();
            assertThat(business.at("/referralLeads/byAchievement")).isNotEmpty();
        }
        // the answers are cached in memory: a restarted server warms the tenants that hold outcome data before anyone reads
        try (ServerHarness restarted = new ServerHarness(data, new SettableClock(OutcomeData.NOW))) {
            assertThat(restarted.credence.outcomeWarmer().awaitIdle(java.time.Duration.ofSeconds(60))).isTrue();
            assertThat(restarted.credence.outcomeWarmer().completed()).isPositive();
        }
    }
}
