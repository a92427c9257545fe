package org.credence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion, retention and business figures over HTTP on the hand-built {@link OutcomeData} set: exact counts,
 * comparisons, the predate rule, tenant isolation, erasure leaving every figure as it was, and the page in both languages.
 */
@Tag("integration")
class OutcomeFiguresTest {
    @TempDir
    static Path dir;
    static ServerHarness server;
    static OutcomeData data;

    @BeforeAll
    static void start() {
        server = new ServerHarness(dir, new SettableClock(OutcomeData.NOW));
        data = new OutcomeData(server, "outf").load();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode get(String path) {
        return get(path, data.key());
    }

    static JsonNode get(String path, String key) {
        var response = server.send("GET", path, key, null);
        OpenApiContractTest.check(path.replaceAll("\\?.*", ""), "get", response);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static JsonNode completion() {
        return get("/api/v1/analytics/completion?from=2024-01-01&to=2024-12-31");
    }

    static JsonNode retention(String from, String to) {
        return get("/api/v1/analytics/retention?from=" + from + "&to=" + to);
    }

    static JsonNode business() {
        return get("/api/v1/analytics/business?from=2025-01-01&to=2025-12-31");
    }

    @Test
    void completion_compares_offered_with_unmapped_courses_and_before_with_after_launch() {
        JsonNode body = completion();
        assertThat(body.get("simulated").asBoolean()).isFalse();
        assertThat(body.at("/offer/with/inputs/total/value").asLong()).isEqualTo(16);
        assertThat(body.at("/offer/with/inputs/with_outcome/value").asLong()).isEqualTo(11);
        assertThat(body.at("/offer/without/value").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(body.at("/offer/comparison/design").asText()).isEqualTo("observational");
        assertThat(body.at("/offer/comparison/difference/value").asDouble()).isCloseTo(11.0 / 16 - 0.5, within(1e-9));
        JsonNode launch = body.get("launches").get(0);
        assertThat(launch.get("achievementId").asLong()).isEqualTo(data.a);
        assertThat(launch.get("launchedOn").asText()).isEqualTo("2024-07-01");
        assertThat(launch.at("/before/inputs/total/value").asLong()).isEqualTo(10);
        assertThat(launch.at("/before/value").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(launch.at("/after/value").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(launch.at("/comparison/design").asText()).isEqualTo("before_after");
        assertThat(launch.at("/comparison/difference/value").asDouble()).isCloseTo(0.4, within(1e-9));
        assertThat(launch.at("/after/warnings").toString()).contains("small_denominator");
    }

    @Test
    void retention_answers_renewal_re_enrolment_repeat_earners_ramp_and_attrition() {
        JsonNode renewal = retention("2024-11-01", "2025-06-30").get("renewal");
        assertThat(renewal.at("/cohorts/0/cohort").asText()).isEqualTo("2025Q1");
        assertThat(renewal.at("/total/inputs/total/value").asLong()).isEqualTo(4);
        assertThat(renewal.at("/total/value").decimalValue()).isEqualByComparingTo("0.25");

        JsonNode y2023 = retention("2023-01-01", "2023-12-31");
        assertThat(y2023.at("/reEnrolment/earners/value").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(y2023.at("/reEnrolment/others/value").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(y2023.at("/reEnrolment/comparison/groups/0/n").asLong()).isEqualTo(4);
        assertThat(y2023.at("/repeatEarners/inputs/total/value").asLong()).isEqualTo(5);
        assertThat(y2023.at("/repeatEarners/inputs/with_outcome/value").asLong()).isEqualTo(1);

        JsonNode ramp = retention("2025-01-01", "2025-12-31").at("/timeToProductivity/0");
        assertThat(ramp.get("role").asText()).isEqualTo("engineer");
        // earners 60, 90 and censored at 150: S drops to 1/3 at 90; non-earners 120, 180 and censored at 699
        assertThat(ramp.at("/earners/medianDays").asDouble()).isEqualTo(90);
        assertThat(ramp.at("/earners/censored").asLong()).isEqualTo(1);
        assertThat(ramp.at("/others/medianDays").asDouble()).isEqualTo(180);
        assertThat(ramp.at("/others/people").asLong()).isEqualTo(3);
        // by day 90: earners 2 of 3 followed (the one censored at 150 was followed past 90), others 0 of 3
        assertThat(ramp.at("/productiveByHorizonEarners/inputs/with_outcome/value").asLong()).isEqualTo(2);
        assertThat(ramp.at("/productiveByHorizonEarners/inputs/total/value").asLong()).isEqualTo(3);
        assertThat(ramp.at("/productiveByHorizonOthers/inputs/total/value").asLong()).isEqualTo(3);

        JsonNode attrition = retention("2024-01-01", "2024-12-31").get("attrition");
        assertThat(attrition.get(0).get("months").asInt()).isEqualTo(6);
        assertThat(attrition.get(0).at("/earners/inputs/total/value").asLong()).isEqualTo(3);
        assertThat(attrition.get(0).at("/others/inputs/with_outcome/value").asLong()).isEqualTo(1);
        assertThat(attrition.get(1).at("/earners/inputs/with_outcome/value").asLong()).isEqualTo(1);
        assertThat(attrition.get(1).at("/others/inputs/with_outcome/value").asLong()).isEqualTo(2);
        assertThat(attrition.get(1).at("/excluded/leftBeforeLandmark").asLong()).isEqualTo(1);
    }

    @Test
    void business_counts_a_contact_as_credentialed_only_when_the_credential_predates_the_opportunity() {
        JsonNode body = business();
        assertThat(body.get("rule").asText()).contains("before the opportunity was created");
        JsonNode eur = body.at("/pipeline/0");
        assertThat(eur.get("currency").asText()).isEqualTo("EUR");
        // o4 (4000, won) was created before its contact's credential: it is the others' pipeline, o5 after it is credentialed
        assertThat(eur.at("/credentialed/wonAmount").decimalValue()).isEqualByComparingTo("10000");
        assertThat(eur.at("/credentialed/pipelineAmount").decimalValue()).isEqualByComparingTo("10500");
        assertThat(eur.at("/others/wonAmount").decimalValue()).isEqualByComparingTo("5500");
        assertThat(eur.at("/others/opportunities").asLong()).isEqualTo(5);
        JsonNode usd = body.at("/pipeline/1");
        assertThat(usd.get("currency").asText()).isEqualTo("USD");
        assertThat(usd.at("/credentialed/opportunities").asLong()).isZero();
        assertThat(body.get("mainCurrency").asText()).isEqualTo("EUR");
        assertThat(body.get("excludedOpportunities").asLong()).isEqualTo(2);
        assertThat(body.at("/winRate/earners/value").decimalValue()).isEqualByComparingTo("1");
        assertThat(body.at("/winRate/others/value").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(body.at("/dealSize/comparison/ratio/value").asDouble()).isCloseTo(3.0, within(1e-9));
        JsonNode leads = body.get("referralLeads");
        assertThat(leads.at("/total/value").asLong()).isEqualTo(4);
        assertThat(leads.at("/byAchievement/0/achievementId").asLong()).isEqualTo(data.a);
        assertThat(leads.at("/byAchievement/0/contacts").asLong()).isEqualTo(2);
        assertThat(leads.at("/byAchievement/0/withWon").asLong()).isEqualTo(1);
        assertThat(leads.at("/byAchievement/1/campaign").asText()).isEqualTo("cloud-basics");
        assertThat(leads.at("/unattributed/contacts").asLong()).isEqualTo(1);
        // only p1 holds Cloud Basics, since 2023: o1–o3 are credentialed for it, o5 (p11 holds Data Steward alone) is not
        JsonNode onlyB = get("/api/v1/analytics/business?from=2025-01-01&to=2025-12-31&achievement=" + data.b);
        assertThat(onlyB.at("/pipeline/0/credentialed/opportunities").asLong()).isEqualTo(3);
    }

    @Test
    void another_tenant_sees_none_of_it_and_cannot_name_its_achievements() {
        String other = server.tenant("outf-other");
        JsonNode business = get("/api/v1/analytics/business?from=2025-01-01&to=2025-12-31", other);
        assertThat(business.get("pipeline")).isEmpty();
        assertThat(business.at("/referralLeads/total/value").asLong()).isZero();
        JsonNode completion = get("/api/v1/analytics/completion?from=2024-01-01&to=2024-12-31", other);
        assertThat(completion.at("/offer/with/inputs/total/value").asLong()).isZero();
        assertThat(completion.at("/offer/comparison").isNull()).isTrue();
        assertThat(get("/api/v1/analytics/retention?from=2023-01-01&to=2023-12-31", other).at("/repeatEarners/inputs/total/value").asLong()).isZero();
        var foreign = server.send("GET", "/api/v1/analytics/business?achievement=" + data.a, other, null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(server.send("PUT", "/api/v1/achievements/" + data.a + "/program", other, "{\"studyDesign\": \"observational\"}").status())
                .isEqualTo(404);
    }

    @Test
    void erasing_people_leaves_every_figure_as_it_was() {
        String[] paths = {"/api/v1/analytics/completion?from=2023-01-01&to=2024-12-31", "/api/v1/analytics/retention?from=2023-01-01&to=2023-12-31",
                "/api/v1/analytics/retention?from=2024-01-01&to=2024-12-31", "/api/v1/analytics/retention?from=2024-11-01&to=2025-12-31",
                "/api/v1/analytics/business?from=2025-01-01&to=2025-12-31"};
        JsonNode[] before = new JsonNode[paths.length];
        for (int i = 0; i < paths.length; i++) {
            before[i] = get(paths[i]);
        }
        for (int p : new int[] {1, 2, 9, 11}) {
            data.erase(p);
        }
        for (int i = 0; i < paths.length; i++) {
            assertThat(get(paths[i])).as(paths[i]).isEqualTo(before[i]);
        }
    }

    @Test
    void program_metadata_is_set_by_the_owner_audited_and_checked() {
        var set = server.send("PUT", "/api/v1/achievements/" + data.b + "/program", data.key(), "{\"launchedOn\": \"2023-01-01\", \"studyDesign\": \"randomised_holdout\"}");
        OpenApiContractTest.check("/api/v1/achievements/{id}/program", "put", set);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("studyDesign").asText()).isEqualTo("randomised_holdout");
        var read = server.send("GET", "/api/v1/achievements/" + data.b + "/program", data.key(), null);
        OpenApiContractTest.check("/api/v1/achievements/{id}/program", "get", read);
        assertThat(read.json().get("launchedOn").asText()).isEqualTo("2023-01-01");
        long audited = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM audit_event WHERE tenant_id = :t AND action = 'achievement.program.set' AND subject = :s")
                .bind("t", data.tenant).bind("s", "achievement:" + data.b).mapTo(Long.class).one());
        assertThat(audited).isEqualTo(1);
        var wrong = server.send("PUT", "/api/v1/achievements/" + data.b + "/program", data.key(), "{\"studyDesign\": \"caused\"}");
        OpenApiContractTest.check("/api/v1/achievements/{id}/program", "put", wrong);
        assertThat(wrong.status()).isEqualTo(422);
        // the offer comparison for B is now a randomised holdout; restore
        assertThat(get("/api/v1/analytics/completion?from=2024-01-01&to=2024-12-31&achievement=" + data.b).at("/offer/comparison/design").asText())
                .isEqualTo("randomised_holdout");
        server.send("PUT", "/api/v1/achievements/" + data.b + "/program", data.key(), "{\"studyDesign\": \"observational\"}");
    }

    @Test
    void simulated_imports_mark_the_answers_simulated() {
        String key = server.tenant("outf-sim");
        long tenant = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT id FROM tenant WHERE slug = 'outf-sim'").mapTo(Long.class).one());
        assertThat(get("/api/v1/analytics/business", key).get("simulated").asBoolean()).isFalse();
        server.sql("INSERT INTO outcome_import (tenant_id, kind, source, format, imported_by, simulated) VALUES (?, 'crm_contact', 'sim', 'csv', 'test', true)",
                tenant);
        assertThat(get("/api/v1/analytics/business", key).get("simulated").asBoolean()).isTrue();
    }

    @Test
    void the_page_shows_every_block_in_english_and_norwegian_to_analysts_only() {
        AnalyticsDashboardTest.server = server;
        server.send("POST", "/api/v1/users", data.key(), "{\"email\": \"a@outf.example\", \"name\": \"A\", \"role\": \"analyst\", \"password\": \""
                + AnalyticsDashboardTest.PASSWORD + "\"}");
        server.send("POST", "/api/v1/users", data.key(), "{\"email\": \"v@outf.example\", \"name\": \"V\", \"role\": \"viewer\", \"password\": \""
                + AnalyticsDashboardTest.PASSWORD + "\"}");
        String analyst = AnalyticsDashboardTest.signIn("outf", "a@outf.example");
        var page = AnalyticsDashboardTest.get("/app/analytics/outcomes?from=2023-01-01&to=2025-12-31", analyst);
        OpenApiContractTest.check("/app/analytics/outcomes", "get", page);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Completion with and without a credential offer", "Completion before and after the launch of Certified Data Steward",
                "Renewal rate by expiry cohort", "Re-enrolment after a completion", "Repeat earners", "Time to productivity: engineer",
                "Attrition by 6 months after hire", "Pipeline and won revenue, EUR", "Win rate, EUR", "Deal size, EUR", "Leads from credential links",
                "only when the credential was issued before the opportunity was created").doesNotContain("simulated-banner");
        // each comparison block says what its design allows: before/after coincides, observational associates
        assertThat(page.body()).contains("class=\"comparison\"", "these data show no difference between before and after the launch",
                "Earners (4): 75.0 %", "these data cannot tell the two groups apart", "Relative risk");
        assertThat(AnalyticsDashboardTest.get("/app/analytics", analyst).body()).contains("href=\"/app/analytics/outcomes\"");
        assertThat(page.body()).contains("aria-current=\"page\"");
        assertThat(AnalyticsDashboardTest.get("/app/analytics/outcomes?lang=nb", analyst).body())
                .contains("Gjennomføring med og uten tilbud om kompetansebevis", "Vinnerandel", "lang=\"nb\"", "Med kompetansebevis (")
                .doesNotContain("Earners (");
        assertThat(AnalyticsDashboardTest.get("/app/analytics/outcomes", AnalyticsDashboardTest.signIn("outf", "v@outf.example")).status()).isEqualTo(403);
        assertThat(AnalyticsDashboardTest.get("/app/analytics/outcomes", null).status()).isEqualTo(303);
    }
}
