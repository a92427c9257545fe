package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The what-if calculator and the stored assumptions behind the marketing value, over HTTP. */
class MarketingValueApiTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("mv");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode channel(JsonNode assumptions, String id) {
        for (JsonNode row : assumptions.get("channels")) {
            if (row.get("channel").asText().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("no channel " + id);
    }

    @Test
    void theSeedsExampleGivesSixtyThousandImpressionsAndThreeHundred() {
        var response = server.send("GET", "/api/v1/analytics/marketing-value?recipients=1000&shareRate=0.30&impressionsPerShare=200&cpm=5", key, null);
        OpenApiContractTest.check("/api/v1/analytics/marketing-value", "get", response);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/shares/value").decimalValue()).isEqualByComparingTo("300");
        assertThat(response.json().at("/impressions/value").decimalValue()).isEqualByComparingTo("60000");
        assertThat(response.json().at("/equivalentMediaValue/value").decimalValue()).isEqualByComparingTo("300");
        assertThat(response.json().at("/equivalentMediaValue/caveat").asText()).contains("not revenue");
        assertThat(response.json().at("/equivalentMediaValue/inputs/cpm/source").asText()).isEqualTo("assumed");
    }

    @Test
    void badCalculatorInputsAreRefusedNamingTheParameter() {
        var percent = server.send("GET", "/api/v1/analytics/marketing-value?recipients=1000&shareRate=30&impressionsPerShare=200&cpm=5", key, null);
        OpenApiContractTest.check("/api/v1/analytics/marketing-value", "get", percent);
        assertThat(percent.status()).isEqualTo(422);
        assertThat(percent.json().get("field").asText()).isEqualTo("shareRate");
        var missing = server.send("GET", "/api/v1/analytics/marketing-value?recipients=1000&shareRate=0.3&impressionsPerShare=200", key, null);
        assertThat(missing.json().get("field").asText()).isEqualTo("cpm");
        var text = server.send("GET", "/api/v1/analytics/marketing-value?recipients=many&shareRate=0.3&impressionsPerShare=200&cpm=5", key, null);
        assertThat(text.json().get("field").asText()).isEqualTo("recipients");
        assertThat(server.send("GET", "/api/v1/analytics/marketing-value?recipients=1&shareRate=0.3&impressionsPerShare=2&cpm=5", null, null).status())
                .isEqualTo(401);
    }

    @Test
    void anAssumptionIsStoredWithWhoWhenAndWhyAndTheNarrowestLatestEditWins() {
        String own = server.tenant("mv-edit");
        var defaults = server.send("GET", "/api/v1/analytics/assumptions", own, null);
        OpenApiContractTest.check("/api/v1/analytics/assumptions", "get", defaults);
        assertThat(channel(defaults.json(), "linkedin_post").at("/cpm/value").decimalValue()).isEqualByComparingTo("5");
        assertThat(channel(defaults.json(), "linkedin_post").at("/cpm/provenance/setBy").asText()).isEqualTo("Credence default");

        var set = server.send("POST", "/api/v1/analytics/assumptions", own,
                "{\"parameter\": \"cpm\", \"channel\": \"linkedin_post\", \"value\": 12.5, \"reason\": \"Our LinkedIn campaign paid 12.50 per mille in Q3\"}");
        OpenApiContractTest.check("/api/v1/analytics/assumptions", "post", set);
        assertThat(set.status()).isEqualTo(201);
        JsonNode post = channel(set.json(), "linkedin_post").get("cpm");
        assertThat(post.get("value").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(post.at("/provenance/setBy").asText()).startsWith("api-key:");
        assertThat(post.at("/provenance/setAt").asText()).isNotBlank();
        assertThat(post.at("/provenance/reason").asText()).contains("Q3");
        assertThat(channel(set.json(), "x").at("/cpm/value").decimalValue()).isEqualByComparingTo("5");

        long achievement = server.achievement(own);
        server.send("POST", "/api/v1/analytics/assumptions", own,
                "{\"parameter\": \"impressions_per_share\", \"value\": 150, \"reason\": \"tenant-wide reach estimate\"}");
        var scoped = server.send("POST", "/api/v1/analytics/assumptions", own,
                "{\"parameter\": \"impressions_per_share\", \"achievementId\": " + achievement + ", \"value\": 400, \"reason\": \"senior audience\"}");
        assertThat(channel(scoped.json(), "email").at("/impressionsPerShare/value").decimalValue()).isEqualByComparingTo("400");
        var tenantWide = server.send("GET", "/api/v1/analytics/assumptions", own, null);
        assertThat(channel(tenantWide.json(), "email").at("/impressionsPerShare/value").decimalValue()).isEqualByComparingTo("150");
        assertThat(tenantWide.json().get("history")).hasSize(2);
        assertThat(server.send("GET", "/api/v1/audit", own, null).body()).contains("analytics.assumption.set");
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheAssumptions() {
        String a = server.tenant("mv-a");
        String b = server.tenant("mv-b");
        long achievementOfA = server.achievement(a);
        server.send("POST", "/api/v1/analytics/assumptions", a, "{\"parameter\": \"cpm\", \"value\": 40, \"reason\": \"A's own figure\"}");
        var seenByB = server.send("GET", "/api/v1/analytics/assumptions", b, null);
        assertThat(channel(seenByB.json(), "x").at("/cpm/value").decimalValue()).isEqualByComparingTo("5");
        assertThat(seenByB.json().get("history")).isEmpty();
        assertThat(server.send("GET", "/api/v1/analytics/assumptions?achievementId=" + achievementOfA, b, null).status()).isEqualTo(404);
        var intoA = server.send("POST", "/api/v1/analytics/assumptions", b,
                "{\"parameter\": \"cpm\", \"achievementId\": " + achievementOfA + ", \"value\": 1, \"reason\": \"sabotage\"}");
        OpenApiContractTest.check("/api/v1/analytics/assumptions", "post", intoA);
        assertThat(intoA.status()).isEqualTo(404);
        assertThat(channel(server.send("GET", "/api/v1/analytics/assumptions?achievementId=" + achievementOfA, a, null).json(), "x")
                .at("/cpm/value").decimalValue()).isEqualByComparingTo("40");
    }

    @Test
    void badAssumptionEditsNameTheField() {
        var unknownChannel = server.send("POST", "/api/v1/analytics/assumptions", key, "{\"parameter\": \"cpm\", \"channel\": \"myspace\", \"value\": 1, \"reason\": \"r\"}");
        OpenApiContractTest.check("/api/v1/analytics/assumptions", "post", unknownChannel);
        assertThat(unknownChannel.json().get("field").asText()).isEqualTo("channel");
        assertThat(server.send("POST", "/api/v1/analytics/assumptions", key, "{\"parameter\": \"cpm\", \"value\": -1, \"reason\": \"r\"}").json()
                .get("field").asText()).isEqualTo("value");
        assertThat(server.send("POST", "/api/v1/analytics/assumptions", key, "{\"parameter\": \"cpm\", \"value\": 3}").json()
                .get("field").asText()).isEqualTo("reason");
        assertThat(server.send("POST", "/api/v1/analytics/assumptions", key, "{\"parameter\": \"ctr\", \"value\": 3, \"reason\": \"r\"}").json()
                .get("field").asText()).isEqualTo("parameter");
    }
}
