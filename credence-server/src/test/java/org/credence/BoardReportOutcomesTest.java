package org.credence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board report with outcome data loaded: completion uplift with its interval (layer 4), pipeline from
 * credentialed contacts and the surveys' response rate with n (layer 5), and the maturity tier at the top,
 * each in the JSON, the page and the PDF; another tenant's surveys are not counted.
 */
@Tag("integration")
class BoardReportOutcomesTest {
    static final String QUARTER = "2026Q1";
    @TempDir
    static Path dir;
    static ServerHarness server;
    static OutcomeData data;
    static OutcomeData other;

    @BeforeAll
    static void start() {
        server = new ServerHarness(dir, new SettableClock(OutcomeData.NOW));
        data = new OutcomeData(server, "boardout");
        // completion in 2026Q1: 14 of 20 with a credential offer (course C-A maps to the achievement), 8 of 20 without
        data.course("C-A", data.a);
        for (int i = 0; i < 20; i++) {
            data.enrol("ca-" + i, null, "C-A", "2026-02-01", i < 14 ? "2026-03-01" : null);
            data.enrol("cx-" + i, null, "C-X", "2026-02-01", i < 8 ? "2026-03-01" : null);
        }
        // ten earners, credentialed in 2025Q4, before their opportunities of 2026Q1
        for (int p = 1; p <= 10; p++) {
            data.person(p);
            data.credential(p, data.a, "2025-10-01T10:00:00Z");
        }
        for (int p = 1; p <= 6; p++) {
            data.contact("k" + p, p, null, null, null);
            data.opportunity("o" + p, "k" + p, "1000", "EUR", "2026-02-01", "won");
        }
        data.opportunity("o-open", "k1", "500", "EUR", "2026-02-01", "open");
        // surveys: all ten invited in 2026Q1, eight answered; satisfaction mean 4.25, six of eight applied the skill
        int[] satisfaction = {4, 4, 5, 5, 3, 4, 5, 4};
        List<Long> invitations = invite(data, 10);
        for (int i = 0; i < 8; i++) {
            server.sql("""
                    INSERT INTO survey_answer (invitation_id, tenant_id, satisfaction, skill_applied, answered_at)
                    VALUES (?, ?, ?, ?, '2026-02-20T10:00:00Z')""", invitations.get(i), data.tenant, satisfaction[i], i < 6 ? "yes" : "partly");
            server.sql("UPDATE survey_invitation SET answered_at = '2026-02-20T10:00:00Z' WHERE id = ?", invitations.get(i));
        }
        // another tenant: seven earners invited in the same quarter, none answered
        other = new OutcomeData(server, "boardout-other");
        for (int p = 1; p <= 7; p++) {
            other.credential(p, other.a, "2025-10-01T10:00:00Z");
        }
        invite(other, 7);
    }

    /** Invites each of the tenant's credentials to the six-month wave on 2026-02-15; the invitations' ids in order. */
    static List<Long> invite(OutcomeData tenant, int count) {
        List<java.util.UUID> credentials = server.credence.jdbi().withHandle(h -> h.createQuery(
                        "SELECT id FROM credential WHERE tenant_id = :t ORDER BY recipient_email").bind("t", tenant.tenant)
                .mapTo(java.util.UUID.class).list());
        assertThat(credentials).hasSize(count);
        return credentials.stream().map(c -> server.credence.jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO survey_invitation (tenant_id, achievement_id, wave_month, cohort, credential_id, language, invited_at, closes_at)
                        VALUES (:t, :a, 6, 'earner', :c, 'en', '2026-02-15T10:00:00Z', '2026-03-17T10:00:00Z') RETURNING id""")
                .bind("t", tenant.tenant).bind("a", tenant.a).bind("c", c).mapTo(Long.class).one())).toList();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode board(String key, String lang) {
        var response = server.send("GET", "/api/v1/reports/board?quarter=" + QUARTER + "&lang=" + lang, key, null);
        OpenApiContractTest.check("/api/v1/reports/board", "get", response);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The report's figure of {@code metric}: current and previous. */
    static JsonNode figure(JsonNode body, String metric) {
        for (JsonNode section : body.at("/analytics/sections")) {
            for (JsonNode f : section.get("figures")) {
                if (f.at("/current/id").asText().equals(metric)) {
                    return f;
                }
            }
        }
        throw new AssertionError(metric + " is not in the report: " + body.at("/analytics/sections"));
    }

    @Test
    void the_json_carries_the_completion_uplift_with_its_interval() {
        JsonNode uplift = figure(board(data.key(), "en"), "report.completion_uplift").get("current");
        assertThat(uplift.get("suppressed").asBoolean()).isFalse();
        assertThat(uplift.get("value").asDouble()).isCloseTo(14.0 / 20 - 8.0 / 20, within(1e-9));
        assertThat(uplift.at("/interval/low").asDouble()).isLessThan(0.3);
        assertThat(uplift.at("/interval/high").asDouble()).isGreaterThan(0.3);
        assertThat(uplift.at("/interval/level").asDouble()).isEqualTo(0.95);
    }

    @Test
    void the_json_carries_the_pipeline_and_won_revenue_from_credentialed_contacts() {
        JsonNode body = board(data.key(), "en");
        JsonNode pipeline = figure(body, "report.pipeline_credentialed").get("current");
        assertThat(pipeline.get("value").decimalValue()).isEqualByComparingTo("6500");
        assertThat(pipeline.get("unit").asText()).isEqualTo("EUR");
        assertThat(pipeline.at("/inputs/opportunities/value").asLong()).isEqualTo(7);
        assertThat(figure(body, "report.won_revenue_credentialed").at("/current/value").decimalValue()).isEqualByComparingTo("6000");
    }

    @Test
    void the_json_carries_the_survey_response_rate_with_n_and_the_answers_from_five_on() {
        JsonNode body = board(data.key(), "en");
        JsonNode response = figure(body, "survey.response_rate");
        assertThat(response.at("/current/value").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(response.at("/current/inputs/invited/value").asLong()).isEqualTo(10);
        assertThat(response.at("/current/inputs/answered/value").asLong()).isEqualTo(8);
        assertThat(response.at("/current/interval/method").asText()).isEqualTo("wilson_score");
        // nobody was invited in 2025Q4: no rate, and it says so
        assertThat(response.at("/previous/value").isNull()).isTrue();
        assertThat(response.at("/previous/inputs/invited/value").asLong()).isZero();
        JsonNode satisfaction = figure(body, "survey.satisfaction_mean").get("current");
        assertThat(satisfaction.get("value").asDouble()).isCloseTo(4.25, within(1e-9));
        assertThat(satisfaction.at("/inputs/answers/value").asLong()).isEqualTo(8);
        assertThat(satisfaction.at("/interval/method").asText()).isEqualTo("student_t_mean");
        JsonNode skill = figure(body, "survey.skill_applied").get("current");
        assertThat(skill.get("value").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(skill.at("/inputs/answered/value").asLong()).isEqualTo(8);
    }

    @Test
    void another_tenants_surveys_are_not_counted_and_under_five_answers_only_the_response_rate_shows() {
        JsonNode body = board(other.key(), "en");
        JsonNode response = figure(body, "survey.response_rate").get("current");
        assertThat(response.at("/inputs/invited/value").asLong()).isEqualTo(7);
        assertThat(response.get("value").decimalValue()).isEqualByComparingTo("0");
        assertThat(body.toString()).doesNotContain("survey.satisfaction_mean", "survey.skill_applied");
    }

    @Test
    void the_maturity_tier_its_reasons_and_next_step_head_the_report_in_its_language() throws Exception {
        JsonNode en = board(data.key(), "en");
        assertThat(en.at("/maturity/tier").asText()).isIn("visibility", "validation", "integration");
        assertThat(en.at("/maturity/language").asText()).isEqualTo("en");
        assertThat(en.at("/maturity/reasons").toString()).contains("LMS enrolments imported");
        assertThat(en.at("/maturity/nextStep/text").asText()).isNotBlank();
        JsonNode nb = board(data.key(), "nb");
        assertThat(nb.at("/maturity/tier").asText()).isEqualTo(en.at("/maturity/tier").asText());
        assertThat(nb.at("/maturity/tierName").asText()).isIn("Synlighet", "Validering", "Integrasjon");

        var pdf = server.binary("GET", "/api/v1/reports/board?quarter=" + QUARTER + "&format=pdf&lang=nb", data.key(), null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Målemodenhet: " + nb.at("/maturity/tierName").asText(), "Neste steg", "Svarprosent i undersøkelsen");
        }
    }
}
