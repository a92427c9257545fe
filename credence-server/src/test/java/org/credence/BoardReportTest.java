package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.credence.report.Quarter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quarterly board report over HTTP: the page in English and Norwegian, its PDF, its JSON, strict quarters, small groups, tenants apart. */
@Tag("integration")
class BoardReportTest {
    static final String PASSWORD = "correct horse battery staple";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static String analyst;
    static Quarter quarter;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("board");
        long big = server.achievement(key);
        long small = server.achievement(key);
        server.send("PUT", "/api/v1/achievements/" + small, key, """
                {"name": "Rare Specialist", "kind": "certification", "description": "d", "criteria": "c"}""");
        for (int i = 0; i < 12; i++) {
            issue(key, big, "r" + i + "@example.org");
        }
        for (int i = 0; i < 2; i++) {
            issue(key, small, "s" + i + "@example.org");
        }
        String other = server.tenant("board-other");
        long foreign = server.achievement(other);
        for (int i = 0; i < 7; i++) {
            issue(other, foreign, "o" + i + "@example.org");
        }
        var created = server.send("POST", "/api/v1/users", key,
                "{\"email\": \"analyst@board.example\", \"name\": \"Ana\", \"role\": \"analyst\", \"password\": \"" + PASSWORD + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        analyst = signIn("analyst@board.example");
        quarter = Quarter.of(LocalDate.now(ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void issue(String apiKey, long achievement, String email) {
        var issued = server.send("POST", "/api/v1/credentials", apiKey,
                "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"R\", \"email\": \"" + email + "\"}}");
        assertThat(issued.status()).as(issued.body()).isIn(200, 201);
    }

    static String signIn(String email) {
        String form = "tenant=board&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&next=%2Fapp";
        var response = server.sendBytes("POST", "/login", null, form.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(response.status()).as(response.body()).isEqualTo(303);
        String header = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("credence_session=")).findFirst().orElseThrow();
        return header.substring("credence_session=".length(), header.indexOf(';'));
    }

    static ServerHarness.Response page(String path) {
        return server.sendBytes("GET", path, null, null, "Cookie", "credence_session=" + analyst);
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void the_page_shows_the_five_layers_leading_beside_lagging_with_the_previous_quarter_in_english() {
        var response = page("/app/reports/board?quarter=" + quarter + "&lang=en");
        OpenApiContractTest.check("/app/reports/board", "get", response);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("Board report — board Academy", "Quarter " + quarter + ", beside " + quarter.previous(),
                "Leading indicators (layers 1 to 4)", "Lagging outcomes (layer 5)", "L1 Operations", "L2 Engagement", "L3 Marketing value",
                "L4 Completion and retention", "L5 Business outcomes", "Cost versus return", "Advertising-equivalent value",
                "Credentials issued", "Claim", "<svg", "download-pdf", "/app/reports/board.pdf?quarter=" + quarter, "@media print",
                "How each figure is computed", "measured", "derived", "estimated", "÷ credentials issued", "id=\"maturity\"",
                "Measurement maturity: ", "Next step:")
                .doesNotContain("<script");
        // 12 + 2 issued this quarter; the small achievement's 2 are withheld, and so is the cell that would give them back
        assertThat(response.body()).contains("14 credentials", "Rare Specialist", ">withheld<");
    }

    @Test
    void the_page_speaks_norwegian() {
        var response = page("/app/reports/board?quarter=" + quarter + "&lang=nb");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("lang=\"nb\"", "Styrerapport", "Ledende indikatorer", "Etterslepende resultater", "L2 Engasjement",
                "Kostnad mot avkastning", "Last ned PDF", "holdt tilbake", "Aktiveringsrate", "Målemodenhet: ", "Neste steg:");
    }

    /** English the insights library writes (formulas, caveats, warnings) that must not reach a Norwegian reader. */
    static final List<String> LIBRARY_ENGLISH = List.of("÷ credentials issued", "credentials with issued_at in the period",
            "read as a rough indication", "so the rate can move a lot", "The interval assumes visits arrive independently",
            "Recent credentials have had less time", "credentials issued =", "Not measured: Credence counts clicks",
            "Rates are per credential issued in the period", "measured shares fixed", "per 1000 impressions", "impressions per share");

    @Test
    void the_norwegian_page_writes_the_formulas_and_notes_in_norwegian() {
        String body = page("/app/reports/board?quarter=" + quarter + "&lang=nb").body();
        assertThat(body).contains("kompetansebevis med utstedelsestidspunkt i perioden", "÷ utstedte kompetansebevis",
                "utstedte kompetansebevis = 14");
        LIBRARY_ENGLISH.forEach(english -> assertThat(body).doesNotContain(english));
    }

    @Test
    void the_norwegian_pdf_writes_the_formulas_in_norwegian() throws Exception {
        HttpResponse<byte[]> pdf = server.binary("GET", "/app/reports/board.pdf?quarter=" + quarter + "&lang=nb", null, null,
                "Cookie", "credence_session=" + analyst);
        // PDFBox breaks lines where the PDF does: join them to look for phrases
        String text = pdfText(pdf.body()).replaceAll("\\s+", " ");
        assertThat(text).contains("kompetansebevis med utstedelsestidspunkt i perioden", "÷ utstedte kompetansebevis");
        LIBRARY_ENGLISH.forEach(english -> assertThat(text).doesNotContain(english));
    }

    @Test
    void the_norwegian_dashboard_writes_definitions_formulas_and_small_sample_warnings_in_norwegian() {
        String body = page("/app/analytics?lang=nb").body();
        // 14 credentials issued, under 30: the warning names the numbers, in Norwegian
        assertThat(body).contains("bygger på 14 kompetansebevis, under 30: les det som en grov indikasjon",
                "hentede kompetansebevis ÷ utstedte kompetansebevis", "Andelen utstedte kompetansebevis som er delt minst én gang",
                "Intervallet forutsetter at besøkene kommer uavhengig av hverandre", "Andelene er per kompetansebevis utstedt i perioden",
                "USD per 1000 visninger", "målte delinger holdt faste");
        LIBRARY_ENGLISH.forEach(english -> assertThat(body).doesNotContain(english));
        assertThat(page("/app/analytics?lang=en").body()).contains("based on 14 credentials, under 30: read as a rough indication",
                "credentials claimed ÷ credentials issued");
    }

    @Test
    void the_norwegian_operations_page_writes_formulas_and_warnings_in_norwegian() {
        String body = page("/app/analytics/operations?lang=nb").body();
        assertThat(body).contains("kompetansebevis med utstedelsestidspunkt i perioden", "les det som en grov indikasjon");
        LIBRARY_ENGLISH.forEach(english -> assertThat(body).doesNotContain(english));
    }

    @Test
    void only_users_who_may_see_analytics_get_the_page() {
        assertThat(server.sendBytes("GET", "/app/reports/board", null, null).status()).isEqualTo(303);
        assertThat(page("/app/reports/board").status()).isEqualTo(200);
    }

    @Test
    void the_pdf_is_one_page_with_the_figures_footnotes_and_the_previous_quarter() throws Exception {
        HttpResponse<byte[]> pdf = server.binary("GET", "/api/v1/reports/board?quarter=" + quarter + "&format=pdf", key, null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        String text = pdfText(pdf.body());
        assertThat(text).contains("Board report", "board Academy", quarter.toString(), quarter.previous().toString(), "L1 Operations",
                "L2 Engagement", "L3 Marketing value", "L5 Business outcomes", "Previous period", "Cost versus return", "[1]",
                "How each figure is computed", "÷ credentials issued", "withheld", "Rare Specialist", "Measurement maturity:");
        // charts are vector paths in the content stream, not images
        try (var doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getPage(0).getResources().getXObjectNames()).isEmpty();
        }
        HttpResponse<byte[]> fromPage = server.binary("GET", "/app/reports/board.pdf?quarter=" + quarter + "&lang=nb", null, null,
                "Cookie", "credence_session=" + analyst);
        assertThat(fromPage.statusCode()).isEqualTo(200);
        assertThat(pdfText(fromPage.body())).contains("Styrerapport", "Ledende indikatorer");
    }

    @Test
    void the_json_has_every_layer_under_analytics_with_the_previous_quarter_and_small_groups_withheld() {
        var response = server.send("GET", "/api/v1/reports/board?quarter=" + quarter, key, null);
        OpenApiContractTest.check("/api/v1/reports/board", "get", response);
        JsonNode body = response.json();
        assertThat(body.at("/period/label").asText()).isEqualTo(quarter.toString());
        assertThat(body.at("/previous/label").asText()).isEqualTo(quarter.previous().toString());
        assertThat(body.get("minGroupSize").asInt()).isEqualTo(5);
        // 14 credentials, one a certification with criteria, and no outcome data: assessment-backed, no completion data yet
        assertThat(body.at("/maturity/tier").asText()).isEqualTo("visibility");
        assertThat(body.at("/maturity/nextStep/key").asText()).isEqualTo("maturity.next.import_lms");
        List<String> sections = new ArrayList<>();
        body.at("/analytics/sections").forEach(s -> sections.add(s.get("id").asText() + ":" + s.get("kind").asText()));
        assertThat(sections).containsExactly("operations:leading", "engagement:leading", "marketing:leading", "completion:leading",
                "outcomes:lagging");
        JsonNode operations = body.at("/analytics/sections/0");
        assertThat(operations.at("/figures/0/current/value").asLong()).isEqualTo(14);
        assertThat(operations.at("/figures/0/previous/value").asLong()).isZero();
        assertThat(operations.at("/figures/0/current/evidence").asText()).isEqualTo("measured");
        JsonNode table = operations.at("/tables/0");
        int rare = -1;
        for (int i = 0; i < table.get("rows").size(); i++) {
            rare = table.at("/rows/" + i).asText().equals("Rare Specialist") ? i : rare;
        }
        assertThat(table.at("/rowTotals/" + rare).isNull()).as(table.toString()).isTrue();
        // two rows: withholding one row total withholds the other, or the grand total would give it back
        assertThat(table.get("withheldEntries").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(table.get("total").asLong()).isEqualTo(14);
        JsonNode engagement = body.at("/analytics/sections/1/figures/0");
        assertThat(engagement.at("/current/id").asText()).isEqualTo("engagement.claim_rate");
        assertThat(engagement.get("footnote").asInt()).isEqualTo(operations.get("figures").size() + 1);
        // every layer's service plugs in: operations (layer 1), completion (4), business outcomes and ROI (5)
        List<String> ids = new ArrayList<>();
        body.at("/analytics/sections").forEach(s -> s.get("figures").forEach(f -> ids.add(f.at("/current/id").asText())));
        assertThat(ids).contains("operations.credentials_issued", "operations.time_to_issue.median", "operations.delivery_success",
                "operations.program_cost", "engagement.claim_rate", "marketing.equivalent_media_value", "report.completion_uplift",
                "report.re_enrolment_difference", "report.win_rate_difference", "survey.response_rate");
        assertThat(ids).containsAnyOf("roi.benefit_cost_ratio", "roi.value_indicator");
        // no outcome data imported: the comparisons say so rather than showing a number
        assertThat(body.at("/analytics/sections/3/figures/0/current/value").isNull()).isTrue();
        assertThat(body.at("/analytics/sections/3/figures/0/current/warnings/0/code").asText()).isEqualTo("no_data");
        assertThat(body.at("/analytics/costVersusReturn/text").asText()).contains("No program costs", "not revenue");
        assertThat(body.at("/analytics/footnotes")).isNotEmpty();
        assertThat(body.at("/analytics/footnotes/0/formula").asText()).isNotBlank();
    }

    @Test
    void another_tenants_credentials_are_not_in_the_report() {
        String other = server.send("POST", "/api/v1/tenants", ServerHarness.ADMIN_KEY,
                "{\"slug\":\"board-third\",\"name\":\"Third\",\"url\":\"https://third.example\"}").json().get("apiKey").asText();
        JsonNode body = server.send("GET", "/api/v1/reports/board?quarter=" + quarter, other, null).json();
        assertThat(body.at("/analytics/sections/0/figures/0/current/value").asLong()).isZero();
        assertThat(body.toString()).doesNotContain("Rare Specialist");
    }

    @Test
    void a_quarter_not_written_like_2026Q3_is_a_problem() {
        for (String bad : List.of("2026Q5", "2026q3", "26Q3", "2026-Q3", "2026Q3%20", "Q3")) {
            var response = server.send("GET", "/api/v1/reports/board?quarter=" + bad, key, null);
            OpenApiContractTest.check("/api/v1/reports/board", "get", response);
            assertThat(response.status()).as(bad).isEqualTo(422);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asText()).contains("2026Q3");
        }
        assertThat(server.send("GET", "/api/v1/reports/board", key, null).status()).isEqualTo(422);
        assertThat(server.send("GET", "/api/v1/reports/board?quarter=2026Q3&format=docx", key, null).status()).isEqualTo(400);
        assertThat(page("/app/reports/board?quarter=2026Q9").status()).isEqualTo(422);
    }

    @Test
    void a_tenant_may_raise_its_small_group_threshold() {
        var set = server.send("PUT", "/api/v1/reports/settings", key, "{\"minGroupSize\": 13}");
        OpenApiContractTest.check("/api/v1/reports/settings", "put", set);
        assertThat(set.status()).isEqualTo(200);
        assertThat(server.send("PUT", "/api/v1/reports/settings", key, "{\"minGroupSize\": 1}").status()).isEqualTo(422);
        try {
            JsonNode body = server.send("GET", "/api/v1/reports/board?quarter=" + quarter, key, null).json();
            assertThat(body.get("minGroupSize").asInt()).isEqualTo(13);
            // 12 is now a small group: the big achievement's row is withheld too
            assertThat(body.at("/analytics/sections/0/tables/0/rowTotals/0").isNull()).isTrue();
        } finally {
            server.send("PUT", "/api/v1/reports/settings", key, "{\"minGroupSize\": 5}");
        }
    }
}
