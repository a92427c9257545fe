package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credence.demo.DemoLoader;
import org.credence.demo.SimulationSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analytics answers are written from typed records since issue 15; before that the services built Jackson trees. Every
 * affected API answer of a demo-seeded server (outcomes, engagement and the board report, with and without filters, and their
 * CSVs) was captured from the tree-building code into {@code src/test/resources/golden/analytics}, and must stay byte for byte
 * the same: key order included, as a client may read the JSON as a stream. Rerun with {@code -Dgolden.write=true} to recapture
 * after a deliberate change of an answer (and say in the commit which answers changed and why).
 */
@Tag("integration")
class AnalyticsAnswersUnchangedTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/analytics");

    @TempDir
    Path data;

    @Test
    void every_analytics_answer_is_the_same_json_and_csv_as_before_the_records() throws IOException {
        try (ServerHarness server = new ServerHarness(data, new SettableClock(OutcomeData.NOW))) {
            DemoLoader.Loaded loaded = server.credence.loadDemo(new SimulationSettings(11, 600, 12, LocalDate.of(2026, 12, 1)));
            String key = loaded.apiKey().orElseThrow();
            assertThat(server.credence.outcomeWarmer().awaitIdle(Duration.ofSeconds(120))).isTrue();
            long achievement = server.credence.jdbi().withHandle(h -> h.createQuery(
                    "SELECT min(id) FROM achievement WHERE tenant_id = :t").bind("t", loaded.tenant().id()).mapTo(Long.class).one());

            Map<String, String> answers = new LinkedHashMap<>();
            List<String> filters = List.of("", "?achievement=" + achievement, "?from=2026-01-01&to=2026-06-30");
            for (String outcome : List.of("completion", "retention", "business")) {
                for (int i = 0; i < filters.size(); i++) {
                    answers.put(outcome + "-" + i + ".json", api(server, "/api/v1/analytics/" + outcome + filters.get(i), key));
                }
                answers.put(outcome + ".csv", api(server, "/api/v1/analytics/" + outcome + "?format=csv", key));
            }
            List<String> engagementFilters = List.of("", "?achievementId=" + achievement, "?from=2026-01-01&to=2026-06-30");
            for (String report : List.of("engagement", "funnel", "trends", "achievements", "verifications", "geography", "influencers",
                    "marketing-value")) {
                for (int i = 0; i < engagementFilters.size(); i++) {
                    answers.put(report + "-" + i + ".json", api(server, "/api/v1/analytics/" + report + engagementFilters.get(i), key));
                }
                answers.put(report + ".csv", api(server, "/api/v1/analytics/" + report + "?format=csv", key));
            }
            for (String quarter : List.of("2026Q3", "2026Q4")) {
                answers.put("board-" + quarter + ".json", api(server, "/api/v1/reports/board?quarter=" + quarter + "&format=json", key));
                answers.put("board-" + quarter + "-nb.json", api(server, "/api/v1/reports/board?quarter=" + quarter + "&format=json&lang=nb", key));
            }

            if (Boolean.getBoolean("golden.write")) {
                Files.createDirectories(GOLDEN);
                for (var answer : answers.entrySet()) {
                    Files.writeString(GOLDEN.resolve(answer.getKey()), answer.getValue(), StandardCharsets.UTF_8);
                }
                return;
            }
            List<String> changed = new ArrayList<>();
            for (var answer : answers.entrySet()) {
                String before = Files.readString(GOLDEN.resolve(answer.getKey()), StandardCharsets.UTF_8);
                if (answer.getKey().endsWith(".json")) {
                    // field by field first, for a readable message, then the exact text: the key order too
                    JsonNode expected = ServerHarness.JSON.readTree(before);
                    JsonNode actual = ServerHarness.JSON.readTree(answer.getValue());
                    assertThat(actual).as(answer.getKey()).isEqualTo(expected);
                }
                if (!answer.getValue().equals(before)) {
                    changed.add(answer.getKey());
                }
            }
            assertThat(changed).as("answers whose text changed (key order or number format)").isEmpty();
        }
    }

    private static String api(ServerHarness server, String path, String key) {
        var response = server.send("GET", path, key, null);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
