package org.credence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison calculator over HTTP: worked values, the design's sentence in both languages, and refusals naming the parameter. */
class CompareApiTest {
    private static final String PATH = "/api/v1/analytics/compare";

    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("compare");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ServerHarness.Response get(String query, String... headers) {
        var response = server.send("GET", PATH + "?" + query, key, null, headers);
        OpenApiContractTest.check(PATH, "get", response);
        return response;
    }

    @Test
    void reEnrolmentOfEarnersAgainstNonEarnersGivesTheWorkedValues() {
        var response = get("x1=200&n1=400&x2=210&n2=600&label1=earners&label2=non-earners");

        assertThat(response.status()).isEqualTo(200);
        JsonNode c = response.json().get("comparison");
        assertThat(response.json().get("kind").asText()).isEqualTo("comparison");
        assertThat(c.get("design").asText()).isEqualTo("observational");
        assertThat(c.at("/difference/value").asDouble()).isCloseTo(0.15, within(1e-12));
        assertThat(c.at("/difference/interval/low").asDouble()).isCloseTo(0.088, within(0.0005));
        assertThat(c.at("/difference/interval/high").asDouble()).isCloseTo(0.211, within(0.0005));
        assertThat(c.at("/difference/interval/method").asText()).isEqualTo("newcombe_hybrid_score");
        assertThat(c.at("/ratio/name").asText()).isEqualTo("relative_risk");
        assertThat(c.at("/ratio/value").asDouble()).isCloseTo(1.43, within(0.005));
        assertThat(c.at("/ratio/interval/low").asDouble()).isCloseTo(1.23, within(0.005));
        assertThat(c.at("/ratio/interval/high").asDouble()).isCloseTo(1.65, within(0.005));
        assertThat(c.at("/eValue/point").asDouble()).isCloseTo(2.21, within(0.005));
        assertThat(c.at("/eValue/limit").asDouble()).isCloseTo(1.77, within(0.005));
        assertThat(c.at("/minimumDetectableEffect/absolute").asDouble()).isBetween(0.05, 0.15);
        assertThat(c.at("/pValue").asDouble()).isLessThan(0.001);
        assertThat(c.at("/groups/1/interval/low").asDouble()).isCloseTo(0.313, within(0.0005));
        assertThat(c.at("/sentence/key").asText()).isEqualTo("sentence.observational");
        assertThat(c.at("/sentence/text").asText()).startsWith("earners (400): 50.0 %. non-earners (600): 35.0 %. Difference: +15.0 points");
        assertThat(c.at("/formulas/eValue").asText()).contains("VanderWeele");
        assertThat(response.json().at("/inputs/x1").asLong()).isEqualTo(200);
    }

    @Test
    void theSentenceFollowsTheDesignAndTheLanguage() {
        var holdout = get("x1=166&n1=200&x2=72&n2=200&design=randomised_holdout&lang=nb");
        assertThat(holdout.json().at("/comparison/sentence/text").asText()).contains("forårsaket").contains("+47,0 prosentpoeng")
                .contains("gruppe 1 (200)");
        var beforeAfter = get("x1=166&n1=200&x2=72&n2=200&design=before_after", "Accept-Language", "nb-NO,nb;q=0.9");
        assertThat(beforeAfter.json().at("/comparison/sentence/text").asText()).contains("falt sammen i tid med lanseringen");
        var english = get("x1=166&n1=200&x2=72&n2=200&design=before_after");
        assertThat(english.json().at("/comparison/sentence/text").asText()).contains("coincided with the launch");
    }

    @Test
    void ratesGivenAsProportionsAreCountedAsWholePeople() {
        JsonNode c = get("p1=0.83&n1=30&p2=0.36&n2=30").json().get("comparison");

        assertThat(c.at("/groups/0/successes").asLong()).isEqualTo(25);
        assertThat(c.at("/difference/interval/low").asDouble()).isCloseTo(0.221, within(0.0005));
        assertThat(c.at("/difference/interval/high").asDouble()).isCloseTo(0.642, within(0.0005));
        assertThat(c.get("notes").findValuesAsText("key")).contains("note.rounded");
    }

    @Test
    void meansAreComparedByWelch() {
        JsonNode c = get("mean1=38&sd1=14&n1=45&mean2=52&sd2=22&n2=60&unit=days").json().get("comparison");

        assertThat(c.get("measure").asText()).isEqualTo("mean");
        assertThat(c.at("/difference/value").asDouble()).isCloseTo(-14.0, within(1e-9));
        assertThat(c.at("/difference/interval/low").asDouble()).isCloseTo(-21.0, within(0.05));
        assertThat(c.at("/difference/interval/high").asDouble()).isCloseTo(-7.0, within(0.05));
        assertThat(c.at("/difference/interval/method").asText()).isEqualTo("welch_t");
        assertThat(c.at("/eValue/basis").asText()).isEqualTo("standardized_difference");
        assertThat(c.at("/minimumDetectableEffect/standardized").isNumber()).isTrue();
        assertThat(c.get("ratio").isNull()).isTrue();
    }

    @Test
    void moneyIsComparedByItsMediansWithAReproducibleBootstrap() {
        String query = "amounts1=1200,1500,900,30000,2500,1800,2200,1300,1700,2000&amounts2=800,1000,700,1100,20000,950,1200,600,1050,900"
                + "&currency=eur&label1=credentialed&label2=others";
        JsonNode c = get(query).json().get("comparison");

        assertThat(c.get("measure").asText()).isEqualTo("money");
        assertThat(c.get("unit").asText()).isEqualTo("EUR");
        assertThat(c.at("/groups/0/median").asDouble()).isEqualTo(1750);
        assertThat(c.at("/ratio/name").asText()).isEqualTo("ratio_of_medians");
        assertThat(c.at("/difference/interval/method").asText()).isEqualTo("bootstrap_percentile");
        assertThat(c.get("eValue").isNull()).isTrue();
        assertThat(get(query).json().get("comparison")).isEqualTo(c);
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        assertProblem("x1=500&n1=400&x2=210&n2=600", "x1");
        assertProblem("x1=0&n1=0&x2=210&n2=600", "n1");
        assertProblem("x1=1&n1=4&x2=210", "n2");
        assertProblem("x1=1&n1=4&n2=5", "x2");
        assertProblem("x1=-1&n1=4&x2=1&n2=5", "x1");
        assertProblem("x1=1.5&n1=4&x2=1&n2=5", "x1");
        assertProblem("x1=1&n1=4&x2=1&n2=5&design=anecdote", "design");
        assertProblem("p1=83&n1=30&p2=0.36&n2=30", "p1");
        assertProblem("mean1=38&sd1=14&n1=1&mean2=52&sd2=22&n2=60", "n1");
        assertProblem("mean1=38&sd1=-1&n1=45&mean2=52&sd2=22&n2=60", "sd1");
        assertProblem("mean1=38&sd1=0&n1=45&mean2=52&sd2=0&n2=60", "sd1");
        assertProblem("mean1=38&sd1=14&n1=45&sd2=22&n2=60", "mean2");
        assertProblem("x1=1&n1=4&x2=1&n2=5&label1=" + "a".repeat(81), "label1");
        assertProblem("", "n1");
        assertProblem("amounts1=1,2,x&amounts2=3&currency=EUR", "amounts1");
        assertProblem("amounts1=1,2&amounts2=-3&currency=EUR", "amounts2");
        assertProblem("amounts1=1,2&amounts2=3", "currency");
        assertProblem("amounts1=1,2&amounts2=3&currency=euro", "currency");
    }

    @Test
    void theCalculatorNeedsAnAnalyticsKey() {
        assertThat(server.send("GET", PATH + "?x1=1&n1=2&x2=1&n2=2", null, null).status()).isEqualTo(401);
    }

    private static void assertProblem(String query, String field) {
        var response = get(query);
        assertThat(response.status()).as(query).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.json().get("field").asText()).as(query).isEqualTo(field);
    }
}
