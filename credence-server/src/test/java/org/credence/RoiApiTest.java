package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ROI calculator, the benefits model, the program ROI and the maturity tier over HTTP. */
class RoiApiTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("roi");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long tenantId(String slug) {
        return server.credence.jdbi().withHandle(h -> h.createQuery("SELECT id FROM tenant WHERE slug = :slug").bind("slug", slug)
                .mapTo(Long.class).one());
    }

    private static JsonNode baseCase(JsonNode cases, boolean withAdvertising) {
        for (JsonNode row : cases) {
            if (row.get("case").asText().equals("base") && row.get("withAdvertisingValue").asBoolean() == withAdvertising) {
                return row;
            }
        }
        throw new AssertionError("no base case in " + cases);
    }

    /** One finished import run of {@code kind} whose rows all named a person, {@code matched} of them a recipient. */
    private static void imported(long tenant, String kind, int rows, int matched) {
        server.sql("""
                INSERT INTO outcome_import (tenant_id, kind, source, format, imported_by, rows_total, rows_upserted, rows_with_person, rows_matched)
                VALUES (?, ?, 'test', 'csv', 'test', ?, ?, ?, ?)""", tenant, kind, rows, rows, rows, matched);
    }

    @Test
    void theIssueExampleGivesBcr144AndRoi44WithPaybackAndNpv() {
        var response = server.send("GET", "/api/v1/analytics/roi?benefit=120000&attribution=0.40&confidence=0.75&cost=25000&currency=EUR"
                + "&upfront=60000&monthly=5000&rate=0.10&years=3", key, null);
        OpenApiContractTest.check("/api/v1/analytics/roi", "get", response);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("adjustedBenefit").decimalValue()).isEqualByComparingTo("36000");
        assertThat(body.get("benefitCostRatio").decimalValue()).isEqualByComparingTo("1.44");
        assertThat(body.get("roiPercent").decimalValue()).isEqualByComparingTo("44");
        assertThat(body.get("label").asText()).isEqualTo("ROI (Phillips)");
        assertThat(body.get("currency").asText()).isEqualTo("EUR");
        assertThat(body.at("/formulas/roiPercent").asText()).contains("fully loaded costs × 100");
        assertThat(body.at("/inputs/attribution/value").decimalValue()).isEqualByComparingTo("0.40");
        assertThat(body.get("cases")).hasSize(3);
        assertThat(body.at("/payback/simpleMonths").asInt()).isEqualTo(12);
        assertThat(body.at("/payback/discountedMonths").asInt()).isEqualTo(13);
        assertThat(body.at("/npv/value").decimalValue()).isEqualByComparingTo("89211.12");
        assertThat(body.at("/npv/convention").asText()).isEqualTo("year_end");
    }

    @Test
    void withoutAnIsolationMethodTheCalculatorSaysItIsNotRoi() {
        var response = server.send("GET", "/api/v1/analytics/roi?benefit=120000&attribution=1&confidence=1&cost=25000&isolation=none", key, null);
        OpenApiContractTest.check("/api/v1/analytics/roi", "get", response);
        assertThat(response.json().get("label").asText()).isEqualTo("correlational value indicator — not ROI");
        assertThat(response.json().get("roiPercent").isNull()).isTrue();
        assertThat(response.json().get("currency").asText()).as("an empty ledger: the marketing currency").isEqualTo("USD");
        assertThat(response.json().has("payback")).isFalse();
    }

    @Test
    void badCalculatorInputsAreProblemsNamingTheParameter() {
        var percent = server.send("GET", "/api/v1/analytics/roi?benefit=120000&attribution=40&confidence=0.75&cost=25000", key, null);
        OpenApiContractTest.check("/api/v1/analytics/roi", "get", percent);
        assertThat(percent.status()).isEqualTo(422);
        assertThat(percent.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(percent.json().get("field").asText()).isEqualTo("attribution");
        assertThat(server.send("GET", "/api/v1/analytics/roi?benefit=1&attribution=0.4&confidence=0.75", key, null).json().get("field").asText())
                .isEqualTo("cost");
        assertThat(server.send("GET", "/api/v1/analytics/roi?benefit=1&attribution=0.4&confidence=0.75&cost=1&upfront=100", key, null)
                .json().get("field").asText()).isEqualTo("monthly");
        assertThat(server.send("GET", "/api/v1/analytics/roi?benefit=1&attribution=0.4&confidence=0.75&cost=1&currency=euro", key, null)
                .json().get("field").asText()).isEqualTo("currency");
        assertThat(server.send("GET", "/api/v1/analytics/roi?benefit=1&attribution=0.4&confidence=0.75&cost=1&isolation=magic", key, null)
                .json().get("field").asText()).isEqualTo("isolation");
        assertThat(server.send("GET", "/api/v1/analytics/roi?benefit=1&attribution=0.4&confidence=0.75&cost=1", null, null).status()).isEqualTo(401);
    }

    @Test
    void aBenefitLineIsKeptWithWhoWhenAndWhyAuditedAndTheLatestEditWins() {
        String own = server.tenant("roi-benefits");
        var set = server.send("POST", "/api/v1/analytics/benefits", own, """
                {"name": "fewer support tickets", "annualAmount": 120000, "currency": "EUR", "isolation": "participant_estimate",
                 "attribution": 0.4, "confidence": 0.75, "reason": "Q3 survey of 40 team leads"}""");
        OpenApiContractTest.check("/api/v1/analytics/benefits", "post", set);
        assertThat(set.status()).as(set.body()).isEqualTo(201);
        JsonNode line = set.json().at("/benefits/0");
        assertThat(line.get("annualAmount").decimalValue()).isEqualByComparingTo("120000");
        assertThat(line.at("/factors/base").decimalValue()).isEqualByComparingTo("1");
        assertThat(line.at("/provenance/setBy").asText()).startsWith("api-key:");
        assertThat(line.at("/provenance/setAt").asText()).isNotBlank();
        assertThat(line.at("/provenance/reason").asText()).contains("Q3 survey");

        server.send("POST", "/api/v1/analytics/benefits", own, """
                {"name": "fewer support tickets", "annualAmount": 100000, "currency": "EUR", "isolation": "participant_estimate",
                 "attribution": 0.4, "confidence": 0.75, "factors": {"conservative": 0.5, "base": 1, "optimistic": 1.2},
                 "reason": "finance asked for a lower estimate"}""");
        var now = server.send("GET", "/api/v1/analytics/benefits", own, null);
        OpenApiContractTest.check("/api/v1/analytics/benefits", "get", now);
        assertThat(now.json().get("benefits")).hasSize(1);
        assertThat(now.json().at("/benefits/0/annualAmount").decimalValue()).isEqualByComparingTo("100000");
        assertThat(now.json().at("/benefits/0/factors/conservative").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(now.json().get("history")).hasSize(2);
        assertThat(server.send("GET", "/api/v1/audit", own, null).body()).contains("analytics.benefit.set");

        var retired = server.send("POST", "/api/v1/analytics/benefits", own, """
                {"name": "fewer support tickets", "active": false, "reason": "dropped from the model"}""");
        OpenApiContractTest.check("/api/v1/analytics/benefits", "post", retired);
        assertThat(retired.json().get("benefits")).isEmpty();
        assertThat(retired.json().get("history")).hasSize(3);
    }

    @Test
    void badBenefitEditsNameTheField() {
        String body = "{\"name\": \"n\", \"annualAmount\": 1, \"isolation\": \"%s\", \"attribution\": %s, \"confidence\": 1, \"reason\": \"r\"%s}";
        var isolation = server.send("POST", "/api/v1/analytics/benefits", key, body.formatted("guess", "1", ""));
        OpenApiContractTest.check("/api/v1/analytics/benefits", "post", isolation);
        assertThat(isolation.json().get("field").asText()).isEqualTo("isolation");
        assertThat(server.send("POST", "/api/v1/analytics/benefits", key, body.formatted("none", "40", "")).json().get("field").asText())
                .isEqualTo("attribution");
        assertThat(server.send("POST", "/api/v1/analytics/benefits", key,
                body.formatted("none", "1", ", \"factors\": {\"conservative\": 2, \"base\": 1, \"optimistic\": 3}")).json().get("field").asText())
                .isEqualTo("factors");
        assertThat(server.send("POST", "/api/v1/analytics/benefits", key,
                "{\"name\": \"n\", \"isolation\": \"none\", \"attribution\": 1, \"confidence\": 1, \"reason\": \"r\"}").json().get("field").asText())
                .isEqualTo("annualAmount");
        assertThat(server.send("POST", "/api/v1/analytics/benefits", key, body.formatted("none", "1", ", \"colour\": 1")).json().get("field").asText())
                .isEqualTo("colour");
    }

    @Test
    void theProgramRoiCombinesBenefitsLedgerCostsAdvertisingValueAndRevenue() {
        String own = server.tenant("roi-program");
        long tenant = tenantId("roi-program");
        server.send("POST", "/api/v1/analytics/benefits", own, """
                {"name": "time saved", "annualAmount": 120000, "currency": "USD", "isolation": "participant_estimate",
                 "attribution": 0.4, "confidence": 0.75, "reason": "survey"}""");
        server.send("POST", "/api/v1/analytics/benefits", own, """
                {"name": "euro line", "annualAmount": 5, "currency": "EUR", "isolation": "comparison_group",
                 "attribution": 1, "confidence": 1, "reason": "another currency"}""");
        var cost = server.send("POST", "/api/v1/program-costs", own,
                "{\"category\": \"platform\", \"incurredOn\": \"2026-06-01\", \"amount\": 25000, \"currency\": \"USD\", \"note\": \"licence\"}");
        assertThat(cost.status()).as(cost.body()).isEqualTo(201);
        server.sql("""
                INSERT INTO revenue_line (tenant_id, source, source_id, kind, quantity, amount, currency, booked_on)
                VALUES (?, 'shop', 'r1', 'exam_fee', 100, 25000, 'USD', DATE '2026-05-01'),
                       (?, 'shop', 'r2', 'renewal', 40, 4000, 'USD', DATE '2026-05-02'),
                       (?, 'shop', 'r3', 'exam_fee', 10, 2500, 'USD', DATE '2019-01-01')""", tenant, tenant, tenant);

        var response = server.send("GET", "/api/v1/analytics/roi/program?from=2026-01-01&to=2026-12-31", own, null);
        OpenApiContractTest.check("/api/v1/analytics/roi/program", "get", response);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("currency").asText()).as("the ledger's currency by default").isEqualTo("USD");
        assertThat(body.get("isRoi").asBoolean()).isTrue();
        assertThat(body.at("/costs/value").decimalValue()).isEqualByComparingTo("25000");
        assertThat(body.get("cases")).as("three cases without and three with advertising value").hasSize(6);
        JsonNode base = baseCase(body.get("cases"), false);
        assertThat(base.get("benefits").decimalValue()).isEqualByComparingTo("36000");
        assertThat(base.get("benefitCostRatio").decimalValue()).isEqualByComparingTo("1.44");
        assertThat(base.get("roiPercent").decimalValue()).isEqualByComparingTo("44");
        assertThat(body.at("/advertisingValue/caveat").asText()).contains("not revenue");
        assertThat(body.get("otherCurrency")).hasSize(1);
        assertThat(body.at("/payback/simpleMonths").asInt()).as("25,000 against 3,000 a month").isEqualTo(9);
        assertThat(body.at("/revenue/totals/USD").decimalValue()).as("the 2019 line is outside the period").isEqualByComparingTo("29000");
        assertThat(body.at("/revenue/streams/0/kind").asText()).isEqualTo("exam_fee");
        assertThat(body.at("/revenue/streams/0/averagePrice").decimalValue()).isEqualByComparingTo("250");
        assertThat(body.get("simulated").asBoolean()).isFalse();
        assertThat(body.get("dataLabel").asText()).isNotBlank();

        var unisolated = server.send("POST", "/api/v1/analytics/benefits", own, """
                {"name": "partner revenue", "annualAmount": 10000, "currency": "USD", "isolation": "none",
                 "attribution": 1, "confidence": 1, "reason": "CRM report"}""");
        assertThat(unisolated.status()).isEqualTo(201);
        JsonNode indicator = server.send("GET", "/api/v1/analytics/roi/program?from=2026-01-01&to=2026-12-31&currency=USD", own, null).json();
        assertThat(indicator.get("label").asText()).isEqualTo("correlational value indicator — not ROI");
        assertThat(baseCase(indicator.get("cases"), false).get("roiPercent").isNull()).isTrue();
    }

    @Test
    void theRevenueRollupFollowsUpsertsCorrectionsAndDeletesOfTheLines() {
        String own = server.tenant("roi-revenue");
        long tenant = tenantId("roi-revenue");
        String upsert = """
                INSERT INTO revenue_line (tenant_id, source, source_id, kind, quantity, amount, currency, booked_on)
                VALUES (?, 'shop', ?, 'exam_fee', ?, ?, 'EUR', DATE '2026-03-01')
                ON CONFLICT (tenant_id, source, source_id) DO UPDATE SET quantity = EXCLUDED.quantity, amount = EXCLUDED.amount""";
        server.sql(upsert, tenant, "a", 10, new java.math.BigDecimal("2500"));
        server.sql(upsert, tenant, "b", 4, new java.math.BigDecimal("1000"));
        server.sql(upsert, tenant, "a", 12, new java.math.BigDecimal("3000")); // the same line imported again, corrected
        server.sql("UPDATE revenue_line SET kind = 'renewal' WHERE tenant_id = ? AND source_id = 'b'", tenant);
        server.sql("INSERT INTO revenue_line (tenant_id, source, source_id, kind, quantity, amount, currency, booked_on) "
                + "VALUES (?, 'shop', 'c', 'bundle', 1, 99, 'EUR', DATE '2026-03-02')", tenant);
        server.sql("DELETE FROM revenue_line WHERE tenant_id = ? AND source_id = 'c'", tenant);

        JsonNode revenue = server.send("GET", "/api/v1/analytics/roi/program?from=2026-01-01&to=2026-12-31&currency=EUR", own, null)
                .json().get("revenue");
        assertThat(revenue.at("/totals/EUR").decimalValue()).isEqualByComparingTo("4000");
        assertThat(revenue.get("streams")).as("the deleted bundle leaves nothing").hasSize(2);
        assertThat(revenue.at("/streams/0/kind").asText()).isEqualTo("exam_fee");
        assertThat(revenue.at("/streams/0/quantity").asLong()).isEqualTo(12);
        assertThat(revenue.at("/streams/1/kind").asText()).isEqualTo("renewal");
        assertThat(revenue.at("/streams/1/amount").decimalValue()).isEqualByComparingTo("1000");
        long recount = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM revenue_daily d WHERE tenant_id = :t AND (quantity, amount) <> (SELECT COALESCE(sum(quantity), 0), "
                        + "COALESCE(sum(amount), 0) FROM revenue_line l WHERE l.tenant_id = d.tenant_id AND l.booked_on = d.booked_on "
                        + "AND l.kind = d.kind AND l.currency = d.currency)").bind("t", tenant).mapTo(Long.class).one());
        assertThat(recount).as("rollup rows that differ from a recount of the lines").isZero();
    }

    @Test
    void anotherTenantSeesNeitherTheBenefitsNorTheCostsNorTheRevenue() {
        String a = server.tenant("roi-a");
        String b = server.tenant("roi-b");
        server.send("POST", "/api/v1/analytics/benefits", a, """
                {"name": "A's benefit", "annualAmount": 50000, "currency": "USD", "isolation": "comparison_group",
                 "attribution": 1, "confidence": 1, "reason": "A only"}""");
        server.send("POST", "/api/v1/program-costs", a,
                "{\"category\": \"platform\", \"incurredOn\": \"2026-06-01\", \"amount\": 1000, \"currency\": \"USD\", \"note\": \"A\"}");
        server.sql("INSERT INTO revenue_line (tenant_id, source, source_id, kind, quantity, amount, currency, booked_on) "
                + "VALUES (?, 'shop', 'a1', 'bundle', 1, 999, 'USD', DATE '2026-05-01')", tenantId("roi-a"));

        assertThat(server.send("GET", "/api/v1/analytics/benefits", b, null).json().get("history")).isEmpty();
        JsonNode seenByB = server.send("GET", "/api/v1/analytics/roi/program?from=2026-01-01&to=2026-12-31&currency=USD", b, null).json();
        assertThat(seenByB.get("benefits")).isEmpty();
        assertThat(seenByB.at("/costs/value").decimalValue()).isEqualByComparingTo("0");
        assertThat(seenByB.at("/revenue/streams")).isEmpty();
        assertThat(server.send("GET", "/api/v1/analytics/roi/program?from=2026-01-01&to=2026-12-31&currency=USD", a, null).json()
                .at("/revenue/totals/USD").decimalValue()).isEqualByComparingTo("999");
    }

    @Test
    void theMaturityTierClimbsWithTheDataTheTenantHoldsAndSaysWhyInBothLanguages() {
        String own = server.tenant("roi-maturity");
        long tenant = tenantId("roi-maturity");
        var empty = server.send("GET", "/api/v1/analytics/maturity", own, null);
        OpenApiContractTest.check("/api/v1/analytics/maturity", "get", empty);
        assertThat(empty.json().get("tier").asText()).isEqualTo("visibility");
        assertThat(empty.json().at("/nextStep/key").asText()).isEqualTo("maturity.next.issue");
        assertThat(empty.json().at("/reasons/0/text").asText()).isEqualTo("no credentials issued yet");

        long achievement = server.achievement(own); // a certification with criteria: assessment-backed
        for (int i = 0; i < 3; i++) {
            server.send("POST", "/api/v1/credentials", own,
                    "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"R " + i + "\", \"email\": \"m" + i + "@example.org\"}}");
        }
        JsonNode visibility = server.send("GET", "/api/v1/analytics/maturity", own, null).json();
        assertThat(visibility.get("tier").asText()).isEqualTo("visibility");
        assertThat(visibility.at("/reasons/0/text").asText()).isEqualTo("3 credentials issued, 0% shared");
        assertThat(visibility.at("/reasons/1/text").asText()).isEqualTo(
                "at least 3 assessment-backed credentials (a certification with criteria, a grade or evidence)");
        assertThat(visibility.at("/reasons/2/text").asText()).isEqualTo("no completion data imported");
        assertThat(visibility.at("/nextStep/key").asText()).isEqualTo("maturity.next.import_lms");

        imported(tenant, "lms_enrolment", 40, 30);
        server.sql("""
                INSERT INTO lms_enrolment (tenant_id, source, source_id, course_id, enrolled_at)
                SELECT ?, 'moodle', 'e' || g, 'course-1', now() FROM generate_series(1, 40) g""", tenant);
        JsonNode validation = server.send("GET", "/api/v1/analytics/maturity?lang=nb", own, null).json();
        assertThat(validation.get("tier").asText()).isEqualTo("validation");
        assertThat(validation.get("tierName").asText()).isEqualTo("Validering");
        assertThat(validation.at("/nextStep/text").asText()).contains("Importer CRM-mulighetene");

        imported(tenant, "crm_contact", 100, 80);
        server.sql("""
                INSERT INTO crm_opportunity (tenant_id, source, source_id, amount, currency, created_at, outcome)
                SELECT ?, 'hubspot', 'o' || g, 1000, 'EUR', now(), 'open' FROM generate_series(1, 50) g""", tenant);
        JsonNode integration = server.send("GET", "/api/v1/analytics/maturity", own, null, "Accept-Language", "en").json();
        assertThat(integration.get("tier").asText()).isEqualTo("integration");
        assertThat(integration.at("/reasons/3/text").asText()).isEqualTo("50 CRM opportunities, 80% of CRM rows matched to recipients");
        assertThat(integration.at("/nextStep/key").asText()).isEqualTo("maturity.next.import_hris");

        // another tenant's data leaves a fresh tenant at the start
        JsonNode other = server.send("GET", "/api/v1/analytics/maturity", server.tenant("roi-maturity-other"), null).json();
        assertThat(other.get("tier").asText()).isEqualTo("visibility");
        assertThat(other.at("/reasons/0/key").asText()).isEqualTo("maturity.reason.none_issued");
        assertThat(other.at("/reasons/2/key").asText()).isEqualTo("maturity.reason.no_completion");
        assertThat(other.at("/reasons/3/key").asText()).isEqualTo("maturity.reason.no_crm");
    }
}
