package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/v1/credentials as CSV and JSON lines: the listing's filters, formula cells neutralised, tenants apart, a large export complete. */
@Tag("integration")
class CredentialExportTest {
    static final String PATH = "/api/v1/credentials";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static long achievement;
    static long other;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("expo");
        achievement = server.achievement(key);
        var second = server.send("POST", "/api/v1/achievements", key, """
                {"name": "Second", "kind": "badge", "description": "D", "criteria": "C"}""");
        other = second.json().get("id").asLong();
        for (String name : List.of("=HYPERLINK(\\\"https://evil.example\\\")", "+1 555", "-2+3", "@SUM(A1)", "Plain Name")) {
            issue(key, achievement, name, name.replaceAll("[^A-Za-z0-9]", "").toLowerCase() + "@example.org");
        }
        issue(key, other, "Other Badge", "ob@example.org");
        String revoked = issue(key, achievement, "Revoked Person", "rp@example.org");
        assertThat(server.send("POST", PATH + "/" + revoked + "/revoke", key, "{\"reason\": \"issued in error\"}").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String issue(String key, long achievement, String name, String email) {
        var issued = server.send("POST", PATH, key,
                "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"" + name + "\", \"email\": \"" + email + "\"}, \"notify\": false}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().get("number").asText();
    }

    static List<CsvRecord> csv(String body) {
        List<CsvRecord> records = new ArrayList<>();
        CsvReader.builder().ofCsvRecord(body).forEach(records::add);
        return records;
    }

    @Test
    void csv_has_every_credential_with_formula_cells_neutralised() {
        var export = server.send("GET", PATH + "?format=csv", key, null);
        OpenApiContractTest.check(PATH, "get", export);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("credentials.csv");
        List<CsvRecord> rows = csv(export.body());
        assertThat(rows.get(0).getFields()).startsWith("number", "id", "achievementId", "achievement", "recipientName", "recipientEmail");
        assertThat(rows).hasSize(1 + 7);
        List<String> names = rows.stream().skip(1).map(r -> r.getField(4)).toList();
        assertThat(names).contains("'=HYPERLINK(\"https://evil.example\")", "'+1 555", "'-2+3", "'@SUM(A1)", "Plain Name");
        assertThat(names).noneMatch(n -> !n.isEmpty() && "=+-@\t\r".indexOf(n.charAt(0)) >= 0);
        CsvRecord revoked = rows.stream().filter(r -> r.getField(4).equals("Revoked Person")).findFirst().orElseThrow();
        assertThat(revoked.getField(8)).isEqualTo("revoked");
        assertThat(revoked.getField(9)).isEqualTo("issued in error");
        assertThat(revoked.getField(3)).isEqualTo("Certified Data Steward");
        assertThat(revoked.getField(11)).endsWith("/verify/" + revoked.getField(0));
    }

    @Test
    void json_lines_follow_the_listing_filters() {
        var byAccept = server.send("GET", PATH + "?achievementId=" + other, key, null, "Accept", "application/x-ndjson");
        OpenApiContractTest.check(PATH, "get", byAccept);
        assertThat(byAccept.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
        List<JsonNode> lines = jsonLines(byAccept.body());
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("recipientName").asText()).isEqualTo("Other Badge");
        assertThat(lines.get(0).get("achievementId").asLong()).isEqualTo(other);
        // JSON lines are for programs: the text is as issued, not neutralised
        assertThat(jsonLines(server.send("GET", PATH + "?format=jsonl&q=HYPERLINK", key, null).body()))
                .singleElement().satisfies(l -> assertThat(l.get("recipientName").asText()).startsWith("=HYPERLINK"));
        assertThat(jsonLines(server.send("GET", PATH + "?format=jsonl&status=revoked", key, null).body())).hasSize(1);
        assertThat(jsonLines(server.send("GET", PATH + "?format=jsonl&recipientEmail=OB@example.org", key, null).body())).hasSize(1);
        assertThat(server.send("GET", PATH + "?format=jsonl&issuedBefore=2000-01-01", key, null).body()).isEmpty();
        // paging parameters do not cut a file short
        assertThat(csv(server.send("GET", PATH + "?format=csv&limit=2", key, null).body())).hasSize(8);
        // the JSON pages are unchanged
        var page = server.send("GET", PATH + "?limit=2", key, null, "Accept", "application/json");
        assertThat(page.json().get("items")).hasSize(2);
    }

    @Test
    void bad_filters_are_problems_before_any_row_is_sent() {
        var badStatus = server.send("GET", PATH + "?format=csv&status=lost", key, null);
        OpenApiContractTest.check(PATH, "get", badStatus);
        assertThat(badStatus.status()).isEqualTo(422);
        assertThat(badStatus.json().get("field").asText()).isEqualTo("status");
        var badFormat = server.send("GET", PATH + "?format=xlsx", key, null);
        OpenApiContractTest.check(PATH, "get", badFormat);
        assertThat(badFormat.json().get("field").asText()).isEqualTo("format");
        assertThat(server.send("GET", PATH + "?format=csv", null, null).status()).isEqualTo(401);
    }

    @Test
    void another_tenant_exports_only_its_own() {
        String stranger = server.tenant("expo-other");
        assertThat(csv(server.send("GET", PATH + "?format=csv", stranger, null).body())).hasSize(1);
        issue(stranger, server.achievement(stranger), "Stranger", "stranger@example.org");
        List<CsvRecord> theirs = csv(server.send("GET", PATH + "?format=csv", stranger, null).body());
        assertThat(theirs).hasSize(2);
        assertThat(theirs.get(1).getField(4)).isEqualTo("Stranger");
        assertThat(csv(server.send("GET", PATH + "?format=csv", key, null).body())).noneMatch(r -> r.getField(4).equals("Stranger"));
    }

    @Test
    void a_large_export_arrives_complete() throws Exception {
        String bulk = server.tenant("expo-bulk");
        long bulkAchievement = server.achievement(bulk);
        String model = issue(bulk, bulkAchievement, "Model Learner", "model@example.org");
        int copies = 50_000;
        // copies of one signed credential under new numbers and addresses: issuing 50,000 through the API would take minutes
        server.sql("""
                INSERT INTO credential (id, tenant_id, achievement_id, number, recipient_name, recipient_email_hash, recipient_email, document,
                                        document_text, status_list_id, status_index, issued_at, expires_at)
                SELECT gen_random_uuid(), c.tenant_id, c.achievement_id, 'CRD-BULK-' || lpad(g::text, 6, '0'), c.recipient_name, md5(g::text),
                       'learner' || g || '@example.org', c.document, c.document_text, c.status_list_id, c.status_index + g, c.issued_at, c.expires_at
                  FROM credential c, generate_series(1, ?) g WHERE c.number = ?""", copies, model);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.base() + PATH + "?format=csv"))
                .header("Authorization", "Bearer " + bulk).GET().build();
        HttpResponse<InputStream> response = server.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        Set<String> numbers = new HashSet<>();
        long lines = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                numbers.add(line.substring(0, line.indexOf(',')));
            }
        }
        assertThat(lines).isEqualTo(1 + copies + 1);
        assertThat(numbers).hasSize(1 + copies + 1).contains(model, "CRD-BULK-000001", "CRD-BULK-050000");
    }

    static List<JsonNode> jsonLines(String body) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                try {
                    lines.add(ServerHarness.JSON.readTree(line));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        return lines;
    }
}
