package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.credence.insights.operations.DurationHistogram;
import org.credence.insights.operations.OperationsMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operations figures over HTTP on a small data set whose medians and 90th percentiles are known. */
class OperationsApiTest {
    static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");
    static final String MARCH = "/api/v1/analytics/operations?from=2026-03-01&to=2026-04-01&granularity=day";
    @TempDir
    static Path data;
    static SettableClock clock = new SettableClock(NOW);
    static ServerHarness server;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data, clock);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ServerHarness.Response issue(String key, long achievement, String email, Instant completedAt) {
        String completed = completedAt == null ? "" : ", \"completedAt\": \"" + completedAt + "\"";
        return server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement + ", \"notify\": false, "
                + "\"recipient\": {\"name\": \"R\", \"email\": \"" + email + "\"}" + completed + "}");
    }

    private static JsonNode operations(String key, String query) {
        var response = server.send("GET", query, key, null);
        OpenApiContractTest.check("/api/v1/analytics/operations", "get", response);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void timeToIssueClaimLagDeliveryTicketsAndCostsOfAKnownSmallSet() {
        String key = server.tenant("ops-known");
        long achievement = server.achievement(key);
        // completed 1 to 10 minutes before the request: the median (5th of 10) is 5 minutes, the 90th percentile (9th) 9 minutes
        for (int minutes = 1; minutes <= 10; minutes++) {
            var issued = issue(key, achievement, "r" + minutes + "@example.org", NOW.minus(Duration.ofMinutes(minutes)));
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        }
        // one more issued before request times were recorded: left out of time to issue, and counted as left out
        issue(key, achievement, "old@example.org", null);
        server.sql("UPDATE credential SET requested_at = NULL, signed_at = NULL WHERE recipient_email = 'old@example.org'");
        // four claims, 1, 2, 3 and 10 days after issue: median (2nd of 4) 2 days, 90th percentile (4th) 10 days
        int[] lags = {1, 2, 3, 10};
        for (int i = 0; i < lags.length; i++) {
            server.sql("UPDATE credential SET claimed_at = issued_at + make_interval(days => ?) WHERE recipient_email = ?", lags[i],
                    "r" + (i + 1) + "@example.org");
        }
        // mails: 3 sent, 1 bounced
        String[] statuses = {"sent", "sent", "sent", "bounced"};
        for (int i = 0; i < statuses.length; i++) {
            server.sql("""
                    INSERT INTO mail (tenant_id, credential_id, kind, recipient, language, status, next_attempt_at, created_at)
                    SELECT tenant_id, id, 'credential_issued', recipient_email, 'en', 'queued', issued_at, issued_at FROM credential
                     WHERE recipient_email = ?""", "r" + (i + 1) + "@example.org");
            server.sql("UPDATE mail SET status = ? WHERE recipient = ?", statuses[i], "r" + (i + 1) + "@example.org");
        }
        var tickets = server.sendBytes("POST", "/api/v1/support-tickets", key, "date,count,channel\n2026-03-02,2,email\n2026-03-10,1,phone\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "text/csv");
        OpenApiContractTest.check("/api/v1/support-tickets", "post", tickets);
        assertThat(tickets.status()).isEqualTo(201);
        server.send("POST", "/api/v1/program-costs", key, "{\"category\": \"platform\", \"incurredOn\": \"2026-03-01\", \"amount\": 440, \"currency\": \"EUR\"}");

        JsonNode body = operations(key, MARCH);
        JsonNode figures = body.get("figures");
        assertThat(figures.at("/operations.credentials_issued/value").asLong()).isEqualTo(11);
        assertThat(figures.at("/operations.recipients/value").asLong()).isEqualTo(11);
        // reported from the bucket of 300 s (285.8 s to 311.6 s): its geometric middle, 298.5 s to three digits
        assertThat(figures.at("/operations.time_to_issue.median/value").decimalValue()).isEqualByComparingTo("299");
        assertThat(figures.at("/operations.time_to_issue.p90/value").decimalValue()).isEqualByComparingTo("547");
        assertThat(figures.at("/operations.time_to_issue.median/inputs/credentials_timed/value").asLong()).isEqualTo(10);
        assertThat(figures.at("/operations.time_to_issue.median/inputs/credentials_without_request_time/value").asLong()).isEqualTo(1);
        assertThat(figures.at("/operations.time_to_issue.median/warnings/0/code").asText()).isEqualTo("small_denominator");
        assertThat(figures.at("/operations.claim_lag.median/value").decimalValue()).isEqualByComparingTo("1.93");
        assertThat(figures.at("/operations.claim_lag.p90/value").decimalValue()).isEqualByComparingTo("10.0");
        assertThat(figures.at("/operations.claim_lag.median/inputs/credentials_unclaimed/value").asLong()).isEqualTo(7);
        assertThat(figures.at("/operations.claim_rate/value").doubleValue()).isCloseTo(4.0 / 11, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(figures.at("/operations.delivery_success/value").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(figures.at("/operations.bounce_rate/value").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(figures.at("/operations.support_tickets/value").asLong()).isEqualTo(3);
        assertThat(figures.at("/operations.program_cost/value").decimalValue()).isEqualByComparingTo("440");
        assertThat(figures.at("/operations.cost_per_credential/value").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(figures.at("/operations.cost_per_credential/inputs/program_cost/value").decimalValue()).isEqualByComparingTo("440");
        // defaults: 10 minutes at 40 EUR an hour, 11 credentials: 73.33
        assertThat(figures.at("/operations.cost_avoided/value").decimalValue()).isEqualByComparingTo("73.33");
        assertThat(figures.at("/operations.cost_avoided/evidence").asText()).isEqualTo("estimated");
        assertThat(body.at("/series/0/start").asText()).isEqualTo("2026-03-02");
        assertThat(body.at("/series/0/supportTickets").asLong()).isEqualTo(2);
        assertThat(body.get("simulated").asBoolean()).isFalse();
    }

    @Test
    void aWeekSeriesReadsWholeWeeksAndClipsTheFirstAndLastToThePeriod() {
        String key = server.tenant("ops-weeks");
        long achievement = server.achievement(key);
        // March 2026 starts on a Sunday: weeks from Monday the 2nd, 9th, 16th and 23rd; minutes from completion to credential
        Map<String, int[]> issuedOn = new java.util.LinkedHashMap<>();
        issuedOn.put("2026-03-03", new int[] {1});        // before the period
        issuedOn.put("2026-03-05", new int[] {2, 4});     // first week, clipped to Wednesday the 4th
        issuedOn.put("2026-03-10", new int[] {1, 5, 9});  // a whole week, with Sunday the 15th
        issuedOn.put("2026-03-15", new int[] {20});
        issuedOn.put("2026-03-25", new int[] {10});       // last week, clipped to Wednesday the 25th
        issuedOn.put("2026-03-26", new int[] {7});        // after the period
        try {
            int n = 0;
            for (Map.Entry<String, int[]> day : issuedOn.entrySet()) {
                clock.set(Instant.parse(day.getKey() + "T12:00:00Z"));
                for (int minutes : day.getValue()) {
                    var issued = issue(key, achievement, "w" + n++ + "@example.org", clock.instant().minus(Duration.ofMinutes(minutes)));
                    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
                }
            }
        } finally {
            clock.set(NOW);
        }

        JsonNode body = operations(key, "/api/v1/analytics/operations?from=2026-03-04&to=2026-03-26&granularity=week");
        JsonNode series = body.get("series");
        assertThat(series.findValuesAsText("start")).containsExactly("2026-03-04", "2026-03-09", "2026-03-23");
        assertThat(series.findValues("timed").stream().map(JsonNode::asLong)).containsExactly(2L, 4L, 1L);
        // nearest rank: the week of the 9th holds 1, 5, 9 and 20 minutes, so its median is 5 minutes and its 90th percentile 20
        assertThat(series.at("/1/timeToIssueMedianSeconds").decimalValue()).isEqualByComparingTo(seconds(5));
        assertThat(series.at("/1/timeToIssueP90Seconds").decimalValue()).isEqualByComparingTo(seconds(20));
        assertThat(series.at("/0/timeToIssueMedianSeconds").decimalValue()).isEqualByComparingTo(seconds(2));
        assertThat(series.at("/2/timeToIssueMedianSeconds").decimalValue()).isEqualByComparingTo(seconds(10));
        assertThat(body.at("/figures/operations.time_to_issue.median/inputs/credentials_timed/value").asLong()).isEqualTo(7);
        // the same credentials day by day
        JsonNode days = operations(key, "/api/v1/analytics/operations?from=2026-03-04&to=2026-03-26&granularity=day").get("series");
        assertThat(days.findValuesAsText("start")).containsExactly("2026-03-05", "2026-03-10", "2026-03-15", "2026-03-25");
        assertThat(days.findValues("timed").stream().map(JsonNode::asLong)).containsExactly(2L, 3L, 1L, 1L);
    }

    /** A duration as the API reports it: the geometric middle of its histogram bucket, in seconds to three digits. */
    private static java.math.BigDecimal seconds(int minutes) {
        var histogram = DurationHistogram.of(Map.of(DurationHistogram.bucket(minutes * 60_000L), 1L));
        return OperationsMetrics.duration(histogram.quantile(0.5).orElseThrow().millis(), OperationsMetrics.SECONDS);
    }

    @Test
    void theCostAvoidedAssumptionsKeepWhoWhenAndWhyAndDriveTheFigure() {
        String key = server.tenant("ops-assume");
        long achievement = server.achievement(key);
        issue(key, achievement, "a@example.org", null);
        var defaults = server.send("GET", "/api/v1/analytics/cost-avoided/assumptions", key, null);
        OpenApiContractTest.check("/api/v1/analytics/cost-avoided/assumptions", "get", defaults);
        assertThat(defaults.json().at("/minutesPerCertificate/isDefault").asBoolean()).isTrue();
        assertThat(defaults.json().at("/hourlyRate/value").decimalValue()).isEqualByComparingTo("40");
        var set = server.send("POST", "/api/v1/analytics/cost-avoided/assumptions", key,
                "{\"parameter\": \"minutes_per_certificate\", \"value\": 30, \"reason\": \"we timed the old Word-and-PDF routine\"}");
        OpenApiContractTest.check("/api/v1/analytics/cost-avoided/assumptions", "post", set);
        assertThat(set.status()).isEqualTo(201);
        assertThat(set.json().at("/minutesPerCertificate/isDefault").asBoolean()).isFalse();
        assertThat(set.json().at("/minutesPerCertificate/provenance/reason").asText()).contains("Word-and-PDF");
        assertThat(set.json().at("/history/0/parameter").asText()).isEqualTo("minutes_per_certificate");
        // 30 minutes at 40 an hour for one credential
        assertThat(operations(key, MARCH).at("/figures/operations.cost_avoided/value").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(server.send("GET", "/api/v1/audit", key, null).body()).contains("analytics.cost_avoided_assumption.set");
        // the marketing assumptions do not see these edits
        assertThat(server.send("GET", "/api/v1/analytics/assumptions", key, null).json().get("history")).isEmpty();
    }

    @Test
    void anotherTenantSeesNoneOfTheOperationsData() {
        String a = server.tenant("ops-a");
        String b = server.tenant("ops-b");
        long achievementOfA = server.achievement(a);
        issue(a, achievementOfA, "x@example.org", NOW.minusSeconds(90));
        server.send("POST", "/api/v1/support-tickets", a, "{\"date\": \"2026-03-03\", \"count\": 4, \"channel\": \"chat\"}");
        server.send("POST", "/api/v1/analytics/cost-avoided/assumptions", a, "{\"parameter\": \"hourly_rate\", \"value\": 99, \"reason\": \"A's rate\"}");
        JsonNode seenByB = operations(b, MARCH);
        assertThat(seenByB.at("/figures/operations.credentials_issued/value").asLong()).isZero();
        assertThat(seenByB.at("/figures/operations.time_to_issue.median/value").isNull()).isTrue();
        assertThat(seenByB.at("/figures/operations.support_tickets/value").asLong()).isZero();
        assertThat(seenByB.at("/costAvoidedAssumptions/hourlyRate/value").decimalValue()).isEqualByComparingTo("40");
        assertThat(server.send("GET", "/api/v1/support-tickets?from=2026-03-01&to=2026-04-01", b, null).json().get("items")).isEmpty();
        assertThat(server.send("GET", MARCH + "&achievementId=" + achievementOfA, b, null).status()).isEqualTo(404);
        assertThat(operations(a, MARCH).at("/figures/operations.credentials_issued/value").asLong()).isEqualTo(1);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String key = server.tenant("ops-bad");
        long achievement = server.achievement(key);
        var hourly = server.send("GET", "/api/v1/analytics/operations?granularity=hour", key, null);
        OpenApiContractTest.check("/api/v1/analytics/operations", "get", hourly);
        assertThat(hourly.status()).isEqualTo(422);
        assertThat(hourly.json().get("field").asText()).isEqualTo("granularity");
        assertThat(server.send("GET", "/api/v1/analytics/operations?from=2026-04-01&to=2026-03-01", key, null).json().get("field").asText())
                .isEqualTo("to");
        assertThat(server.send("GET", "/api/v1/analytics/operations?from=yesterday", key, null).json().get("field").asText()).isEqualTo("from");
        var future = issue(key, achievement, "f@example.org", NOW.plusSeconds(3600));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("field").asText()).isEqualTo("completedAt");
        assertThat(issue(key, achievement, "e@example.org", Instant.parse("1969-12-31T23:59:59Z")).json().get("field").asText())
                .isEqualTo("completedAt");
        var badCsv = server.sendBytes("POST", "/api/v1/support-tickets", key, "2026-03-02,two,email\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "Content-Type", "text/csv");
        OpenApiContractTest.check("/api/v1/support-tickets", "post", badCsv);
        assertThat(badCsv.status()).isEqualTo(422);
        assertThat(badCsv.json().get("detail").asText()).contains("line 1");
        var badAssumption = server.send("POST", "/api/v1/analytics/cost-avoided/assumptions", key,
                "{\"parameter\": \"cpm\", \"value\": 1, \"reason\": \"r\"}");
        assertThat(badAssumption.json().get("field").asText()).isEqualTo("parameter");
        assertThat(server.send("GET", "/api/v1/analytics/operations", null, null).status()).isEqualTo(401);
    }
}
