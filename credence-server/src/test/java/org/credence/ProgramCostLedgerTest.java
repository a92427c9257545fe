package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The program-cost ledger over HTTP: entering, correcting and voiding lines, their history, audit and totals. */
class ProgramCostLedgerTest {
    @TempDir
    static Path data;
    static ServerHarness server;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ServerHarness.Response post(String key, String body) {
        var response = server.send("POST", "/api/v1/program-costs", key, body);
        OpenApiContractTest.check("/api/v1/program-costs", "post", response);
        return response;
    }

    @Test
    void aStaffLineIsHoursTimesRateAndBothAreKept() {
        String key = server.tenant("cost-staff");
        var created = post(key, """
                {"category": "staff", "incurredOn": "2026-03-02", "hours": 12.5, "hourlyRate": 64, "currency": "EUR", "note": "exam marking"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("amount").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(created.json().get("hours").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(created.json().get("hourlyRate").decimalValue()).isEqualByComparingTo("64");
        assertThat(created.json().get("owner").asText()).startsWith("api-key:");
        assertThat(created.json().get("version").asInt()).isEqualTo(1);
        assertThat(created.json().get("achievementId").isNull()).isTrue();
    }

    @Test
    void aCorrectionAndAVoidAddVersionsAndTheHistoryAndAuditKeepEveryState() {
        String key = server.tenant("cost-history");
        long achievement = server.achievement(key);
        long id = post(key, "{\"achievementId\": " + achievement + ", \"category\": \"design\", \"incurredOn\": \"2026-01-15\", "
                + "\"amount\": 1200, \"currency\": \"EUR\", \"note\": \"badge artwork\"}").json().get("id").asLong();

        var corrected = server.send("PUT", "/api/v1/program-costs/" + id, key, "{\"achievementId\": " + achievement
                + ", \"category\": \"design\", \"incurredOn\": \"2026-01-15\", \"amount\": 1450, \"currency\": \"EUR\", "
                + "\"note\": \"badge artwork\", \"reason\": \"the invoice added VAT\"}");
        OpenApiContractTest.check("/api/v1/program-costs/{id}", "put", corrected);
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.json().get("version").asInt()).isEqualTo(2);
        assertThat(corrected.json().get("change").asText()).isEqualTo("corrected");

        var voided = server.send("DELETE", "/api/v1/program-costs/" + id + "?reason=entered%20twice", key, null);
        OpenApiContractTest.check("/api/v1/program-costs/{id}", "delete", voided);
        assertThat(voided.status()).isEqualTo(200);
        assertThat(voided.json().get("voided").asBoolean()).isTrue();
        assertThat(voided.json().get("reason").asText()).isEqualTo("entered twice");

        var history = server.send("GET", "/api/v1/program-costs/" + id, key, null);
        OpenApiContractTest.check("/api/v1/program-costs/{id}", "get", history);
        assertThat(history.json().get("history")).extracting(v -> v.get("amount").asDouble())
                .containsExactly(1200.0, 1450.0, 1450.0);
        assertThat(history.json().get("history")).extracting(v -> v.get("change").asText())
                .containsExactly("created", "corrected", "voided");

        String audit = server.send("GET", "/api/v1/audit", key, null).body();
        assertThat(audit).contains("program_cost.create", "program_cost.correct", "program_cost.void", "the invoice added VAT");

        // a void line is listed, counts for nothing, and cannot be corrected or voided again
        var listed = server.send("GET", "/api/v1/program-costs?from=2026-01-01&to=2027-01-01", key, null);
        OpenApiContractTest.check("/api/v1/program-costs", "get", listed);
        assertThat(listed.json().get("lines")).hasSize(1);
        assertThat(listed.json().get("totals")).isEmpty();
        var again = server.send("DELETE", "/api/v1/program-costs/" + id + "?reason=again", key, null);
        OpenApiContractTest.check("/api/v1/program-costs/{id}", "delete", again);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    @Test
    void aPeriodTotalCountsTheShareOfASpreadCostByCategory() {
        String key = server.tenant("cost-total");
        // a year's licence over 2026 (365 days), a one-day exam fee, and a line outside the quarter
        post(key, "{\"category\": \"platform\", \"incurredOn\": \"2026-01-01\", \"incurredUntil\": \"2026-12-31\", \"amount\": 36500, \"currency\": \"EUR\"}");
        post(key, "{\"category\": \"exam_administration\", \"incurredOn\": \"2026-02-10\", \"amount\": 300, \"currency\": \"EUR\"}");
        post(key, "{\"category\": \"delivery\", \"incurredOn\": \"2026-05-01\", \"amount\": 999, \"currency\": \"EUR\"}");
        var quarter = server.send("GET", "/api/v1/program-costs?from=2026-01-01&to=2026-04-01", key, null);
        OpenApiContractTest.check("/api/v1/program-costs", "get", quarter);
        JsonNode total = quarter.json().get("totals").get(0);
        // 90 days of the licence (Jan 31 + Feb 28 + Mar 31) at 100 a day, plus the exam fee
        assertThat(total.at("/byCategory/platform").decimalValue()).isEqualByComparingTo("9000.00");
        assertThat(total.at("/byCategory/exam_administration").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(total.at("/byCategory/delivery").decimalValue()).isEqualByComparingTo("0");
        assertThat(total.get("total").decimalValue()).isEqualByComparingTo("9300.00");
        assertThat(total.get("lines").asInt()).isEqualTo(2);
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheLedger() {
        String a = server.tenant("cost-a");
        String b = server.tenant("cost-b");
        long id = post(a, "{\"category\": \"other\", \"incurredOn\": \"2026-06-01\", \"amount\": 50, \"currency\": \"NOK\"}").json().get("id").asLong();
        assertThat(server.send("GET", "/api/v1/program-costs", b, null).json().get("lines")).isEmpty();
        assertThat(server.send("GET", "/api/v1/program-costs/" + id, b, null).status()).isEqualTo(404);
        assertThat(server.send("DELETE", "/api/v1/program-costs/" + id + "?reason=x", b, null).status()).isEqualTo(404);
        var put = server.send("PUT", "/api/v1/program-costs/" + id, b,
                "{\"category\": \"other\", \"incurredOn\": \"2026-06-01\", \"amount\": 1, \"currency\": \"NOK\", \"reason\": \"sabotage\"}");
        assertThat(put.status()).isEqualTo(404);
        long achievementOfA = server.achievement(a);
        var intoA = post(b, "{\"achievementId\": " + achievementOfA + ", \"category\": \"other\", \"incurredOn\": \"2026-06-01\", \"amount\": 1, \"currency\": \"NOK\"}");
        assertThat(intoA.status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/program-costs/" + id, a, null).json().get("amount").decimalValue()).isEqualByComparingTo("50");
    }

    @Test
    void badLinesAreProblemsNamingTheField() {
        String key = server.tenant("cost-bad");
        assertThat(post(key, "{\"category\": \"catering\", \"incurredOn\": \"2026-01-01\", \"amount\": 1, \"currency\": \"EUR\"}").json()
                .get("field").asText()).isEqualTo("category");
        assertThat(post(key, "{\"category\": \"staff\", \"incurredOn\": \"2026-01-01\", \"hourlyRate\": 50, \"currency\": \"EUR\"}").json()
                .get("field").asText()).isEqualTo("hours");
        assertThat(post(key, "{\"category\": \"design\", \"incurredOn\": \"2026-01-01\", \"amount\": -5, \"currency\": \"EUR\"}").json()
                .get("field").asText()).isEqualTo("amount");
        assertThat(post(key, "{\"category\": \"design\", \"incurredOn\": \"31.01.2026\", \"amount\": 5, \"currency\": \"EUR\"}").json()
                .get("field").asText()).isEqualTo("incurredOn");
        assertThat(post(key, "{\"category\": \"design\", \"incurredOn\": \"2026-01-01\", \"amount\": 5, \"currency\": \"EURO\"}").status())
                .isEqualTo(422);
        assertThat(post(key, "{\"category\": \"design\", \"incurredOn\": \"2026-02-01\", \"incurredUntil\": \"2026-01-01\", \"amount\": 5, \"currency\": \"EUR\"}")
                .json().get("field").asText()).isEqualTo("incurredUntil");
        var noReason = server.send("PUT", "/api/v1/program-costs/1", key, "{\"category\": \"design\", \"incurredOn\": \"2026-01-01\", \"amount\": 5, \"currency\": \"EUR\"}");
        assertThat(noReason.status()).isIn(404, 422);
        var extra = post(key, "{\"category\": \"design\", \"incurredOn\": \"2026-01-01\", \"amount\": 5, \"currency\": \"EUR\", \"vat\": 1}");
        assertThat(extra.json().get("field").asText()).isEqualTo("vat");
    }

    @Test
    void writingTakesTheAdminScopeAndReadingTheAnalyticsScope() {
        String key = server.tenant("cost-scope");
        var created = server.send("POST", "/api/v1/api-keys", key, "{\"scopes\": [\"analytics\"], \"label\": \"analyst\"}");
        String analyst = created.json().get("key").asText();
        assertThat(server.send("GET", "/api/v1/program-costs", analyst, null).status()).isEqualTo(200);
        var refused = post(analyst, "{\"category\": \"other\", \"incurredOn\": \"2026-01-01\", \"amount\": 1, \"currency\": \"EUR\"}");
        assertThat(refused.status()).isEqualTo(403);
    }
}
