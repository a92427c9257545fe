package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.credence.issuance.Issuance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outcome imports over HTTP: every kind, idempotency, per-row errors, the match rate, who may see them, tenants apart, GDPR export and erasure, the page. */
@Tag("integration")
class OutcomeImportsTest {
    static final String PASSWORD = "correct horse battery staple";
    static final String LMS = """
            id,email,external_id,course,enrolled,completed,progress
            e1,ada@example.org,L-1,DS-101,2026-01-05,2026-02-01,100
            e2,BOB@example.org,,DS-101,2026-01-06,,40
            e3,,L-1,DS-102,2026-01-07T09:30:00+01:00,,10
            e4,zed@example.org,,DS-101,2026-01-08,,0
            e5,,,DS-101,2026-01-09,,
            """;
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static long tenant;
    static long achievement;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("outc");
        tenant = tenantId("outc");
        achievement = server.achievement(key);
        issue(key, achievement, "ada@example.org");
        issue(key, achievement, "bob@example.org");
        for (String role : List.of("analyst", "issuer", "viewer", "owner")) {
            user(key, role + "@outc.example", role);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static long tenantId(String slug) {
        return server.tenantId(slug);
    }

    static void issue(String key, long achievement, String email) {
        var issued = server.send("POST", "/api/v1/credentials", key,
                "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"R\", \"email\": \"" + email + "\"}}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    }

    static void user(String key, String email, String role) {
        var created = server.send("POST", "/api/v1/users", key,
                "{\"email\": \"" + email + "\", \"name\": \"" + role + "\", \"role\": \"" + role + "\", \"password\": \"" + PASSWORD + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    static String signIn(String slug, String email) {
        String form = "tenant=" + slug + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&next=%2Fapp";
        var response = server.sendBytes("POST", "/login", null, form.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(response.status()).as(response.body()).isEqualTo(303);
        String header = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("credence_session=")).findFirst().orElseThrow();
        return header.substring("credence_session=".length(), header.indexOf(';'));
    }

    static ServerHarness.Response get(String path, String cookie) {
        return server.sendBytes("GET", path, null, null, "Cookie", "credence_session=" + cookie);
    }

    static ServerHarness.Response importCsv(String key, String kind, String source, String csv) {
        return importBytes(key, kind, source, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    static ServerHarness.Response importBytes(String key, String kind, String source, byte[] body, String type) {
        var response = server.sendBytes("POST", "/api/v1/outcomes/imports?kind=" + kind + "&source=" + source, key, body, "Content-Type", type);
        OpenApiContractTest.check("/api/v1/outcomes/imports", "post", response);
        return response;
    }

    static long count(String sql, Object... binds) {
        return server.count(sql, binds);
    }

    static Map<String, Object> row(String sql, Object... binds) {
        return server.credence.jdbi().withHandle(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < binds.length; i++) {
                query.bind(i, binds[i]);
            }
            return query.mapToMap().one();
        });
    }

    @Test
    void lms_enrolments_land_with_persons_hashed_and_the_match_rate_counted() {
        var imported = importCsv(key, "lms_enrolment", "moodle", LMS);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode json = imported.json();
        assertThat(imported.headers().firstValue("Location").orElseThrow()).isEqualTo("/api/v1/outcomes/imports/" + json.get("id").asLong());
        assertThat(json.get("rows").toString()).isEqualTo("{\"total\":5,\"upserted\":5,\"unchanged\":0,\"failed\":0}");
        // 4 rows name a person: ada by e-mail, bob by e-mail, ada by the external id her first row linked, zed (no credential)
        JsonNode match = json.get("matchRate");
        assertThat(match.get("matched").asInt()).isEqualTo(3);
        assertThat(match.get("n").asInt()).isEqualTo(4);
        assertThat(match.get("rate").asDouble()).isEqualTo(0.75);
        assertThat(match.get("interval").get("low").asDouble()).isCloseTo(0.3006, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(match.get("interval").get("high").asDouble()).isCloseTo(0.9544, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(match.get("text").asText()).isEqualTo("75.0 % (95 % CI 30.1–95.4 %, n = 4)");

        Map<String, Object> e3 = row("SELECT e.course_id, e.enrolled_at::text AS enrolled, e.progress::text AS progress, p.email_hash, p.external_id"
                + " FROM lms_enrolment e JOIN outcome_person p ON p.id = e.person_id WHERE e.tenant_id = ? AND e.source = 'moodle' AND e.source_id = 'e3'", tenant);
        assertThat(e3).containsEntry("course_id", "DS-102").containsEntry("progress", "10.00")
                .containsEntry("email_hash", Issuance.emailHash("ada@example.org")).containsEntry("external_id", "L-1");
        assertThat(Instantly.parse(e3.get("enrolled"))).isEqualTo("2026-01-07T08:30:00Z");
        assertThat(count("SELECT count(*) FROM lms_enrolment WHERE tenant_id = ? AND source = 'moodle' AND source_id = 'e5' AND person_id IS NULL", tenant)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM recipient_external_id WHERE tenant_id = ? AND external_id = 'L-1' AND email_hash = ?", tenant,
                Issuance.emailHash("ada@example.org"))).isEqualTo(1);
        // the address itself is nowhere in the outcome tables
        assertThat(count("SELECT count(*) FROM outcome_person WHERE tenant_id = ? AND (email_hash LIKE '%@%' OR external_id LIKE '%@%')", tenant)).isZero();

        var one = server.send("GET", "/api/v1/outcomes/imports/" + json.get("id").asLong(), key, null);
        OpenApiContractTest.check("/api/v1/outcomes/imports/{id}", "get", one);
        assertThat(one.json().get("matchRate").get("text").asText()).isEqualTo("75.0 % (95 % CI 30.1–95.4 %, n = 4)");
        var list = server.send("GET", "/api/v1/outcomes/imports?limit=500", key, null);
        OpenApiContractTest.check("/api/v1/outcomes/imports", "get", list);
        assertThat(list.json().get("items").findValuesAsText("source")).contains("moodle");
    }

    @Test
    void the_same_file_twice_changes_nothing_and_a_changed_row_is_the_only_one_rewritten() {
        String csv = LMS.replace("moodle", "x");
        assertThat(importCsv(key, "lms_enrolment", "canvas", csv).json().get("rows").get("upserted").asInt()).isEqualTo(5);
        long people = count("SELECT count(*) FROM outcome_person WHERE tenant_id = ?", tenant);
        var again = importCsv(key, "lms_enrolment", "canvas", csv).json();
        assertThat(again.get("rows").toString()).isEqualTo("{\"total\":5,\"upserted\":0,\"unchanged\":5,\"failed\":0}");
        assertThat(again.get("matchRate").get("matched").asInt()).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM lms_enrolment WHERE tenant_id = ? AND source = 'canvas'", tenant)).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM outcome_person WHERE tenant_id = ?", tenant)).isEqualTo(people);
        var changed = importCsv(key, "lms_enrolment", "canvas", csv.replace("2026-01-06,,40", "2026-01-06,2026-03-01,100")).json();
        assertThat(changed.get("rows").get("upserted").asInt()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM lms_enrolment WHERE tenant_id = ? AND source = 'canvas' AND import_id = ?", tenant,
                changed.get("id").asLong())).isEqualTo(1);
    }

    @Test
    void a_bulk_import_answers_before_its_statistics_job_runs_and_that_job_leaves_fresh_planner_statistics() throws Exception {
        // the warmer plans its queries the moment an import's data is ready; on the statistics of the table before the load, one ran
        // for over ten minutes at a million rows. The ANALYZE is a job queued in the import's transaction, run after the answer.
        int rows = org.credence.integration.OutcomeImports.ANALYZE_AFTER_ROWS;
        StringBuilder csv = new StringBuilder("id,email,role,hired_on\n");
        for (int i = 0; i < rows; i++) {
            csv.append("bulk-").append(i).append(",bulk-").append(i).append("@outc.example,engineer,2025-03-01\n");
        }
        ServerHarness.Response answer;
        long warmed = server.credence.outcomeWarmer().completed();
        try (org.jdbi.v3.core.Handle lock = server.credence.jdbi().open()) {
            // ANALYZE waits for this lock (it conflicts with itself, not with the import's inserts): the import answers anyway
            lock.begin();
            lock.execute("LOCK TABLE hris_employee IN SHARE UPDATE EXCLUSIVE MODE");
            answer = importCsv(key, "hris_employee", "bulk-hris", csv.toString());
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            assertThat(count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'outcomes.analyze' AND task_instance = ?",
                    tenant + ":hris_employee/" + answer.json().get("id").asLong())).isEqualTo(1);
            lock.rollback();
        }
        server.credence.jobs().awaitIdle(java.time.Duration.ofMinutes(2));
        assertThat(count("SELECT CAST(reltuples AS BIGINT) FROM pg_class WHERE relname = 'hris_employee'")).isGreaterThanOrEqualTo(rows);
        assertThat(count("SELECT CAST(reltuples AS BIGINT) FROM pg_class WHERE relname = 'outcome_person'")).isGreaterThanOrEqualTo(rows);
        // the job told the warmer once the statistics were fresh
        assertThat(server.credence.outcomeWarmer().awaitIdle(java.time.Duration.ofMinutes(2))).isTrue();
        assertThat(server.credence.outcomeWarmer().completed()).isGreaterThan(warmed);
        // the same file again writes nothing, so it queues no statistics job
        var again = importCsv(key, "hris_employee", "bulk-hris", csv.toString());
        assertThat(again.json().get("rows").get("upserted").asInt()).isZero();
        assertThat(count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'outcomes.analyze' AND task_instance = ?",
                tenant + ":hris_employee/" + again.json().get("id").asLong())).isZero();
    }

    @Test
    void every_other_kind_round_trips() {
        var contacts = importCsv(key, "crm_contact", "salesforce", """
                Contact ID;Email;Account ID;Lead Source;UTM Source;UTM Campaign;Created Date
                c1;ada@example.org;a1;credential;linkedin;certified-data-steward;2025-11-01
                c2;zed@example.org;a1;web;;;2025-11-02T10:00:00Z
                """);
        assertThat(contacts.json().get("matchRate").get("matched").asInt()).isEqualTo(1);
        assertThat(row("SELECT lead_source, utm_source, utm_campaign, account_source_id FROM crm_contact WHERE tenant_id = ? AND source_id = 'c1'", tenant))
                .containsEntry("lead_source", "credential").containsEntry("utm_source", "linkedin").containsEntry("utm_campaign", "certified-data-steward")
                .containsEntry("account_source_id", "a1");

        var accounts = importCsv(key, "crm_account", "salesforce", "id,name,created\na1,Acme AS,2024-05-01\n");
        assertThat(accounts.json().get("matchRate").get("n").asInt()).isZero();
        assertThat(accounts.json().get("matchRate").get("text").asText()).isEqualTo("no row names a person");
        assertThat(row("SELECT name FROM crm_account WHERE tenant_id = ? AND source_id = 'a1'", tenant)).containsEntry("name", "Acme AS");

        // opportunities name a person through their contact: c1 is ada (a recipient), c2 is not, c9 is unknown
        var opportunities = importCsv(key, "crm_opportunity", "salesforce", """
                id,contact,account,stage,amount,currency,created,closed,outcome
                o1,c1,a1,Closed Won,12000.50,eur,2026-01-10,2026-02-10,Closed Won
                o2,c2,a1,Prospecting,500,EUR,2026-01-11,,open
                o3,c9,,Closed Lost,0,EUR,2026-01-12,2026-01-30,lost
                o4,,a1,Prospecting,1,NOK,2026-01-13,,open
                """);
        JsonNode match = opportunities.json().get("matchRate");
        assertThat(match.get("matched").asInt()).isEqualTo(1);
        assertThat(match.get("n").asInt()).isEqualTo(3);
        assertThat(row("SELECT amount::text AS amount, currency, outcome, contact_source_id, closed_at IS NOT NULL AS closed FROM crm_opportunity"
                + " WHERE tenant_id = ? AND source_id = 'o1'", tenant))
                .containsEntry("amount", "12000.50").containsEntry("currency", "EUR").containsEntry("outcome", "won")
                .containsEntry("contact_source_id", "c1").containsEntry("closed", true);

        var employees = importBytes(key, "hris_employee", "workday", """
                [{"employeeId": "h1", "externalId": "E-77", "jobTitle": "Data analyst", "hireDate": "2025-01-06", "productivityMilestoneDate": "2025-04-01"},
                 {"employeeId": "h2", "workEmail": "zed@example.org", "jobTitle": "Data analyst", "hireDate": "2025-02-03", "terminationDate": "2025-12-31"},
                 {"employeeId": "h3", "jobTitle": "Data analyst", "hireDate": "someday"}]""".getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(employees.status()).as(employees.body()).isEqualTo(201);
        assertThat(employees.json().get("format").asText()).isEqualTo("json");
        assertThat(employees.json().get("rows").toString()).isEqualTo("{\"total\":3,\"upserted\":2,\"unchanged\":0,\"failed\":1}");
        assertThat(employees.json().get("errors").get(0).toString()).isEqualTo(
                "{\"index\":2,\"field\":\"hired_on\",\"message\":\"not an ISO-8601 date: write 2026-03-31\"}");
        assertThat(row("SELECT role, hired_on::text AS hired, productive_on::text AS productive, terminated_on FROM hris_employee"
                + " WHERE tenant_id = ? AND source_id = 'h1'", tenant))
                .containsEntry("role", "Data analyst").containsEntry("hired", "2025-01-06").containsEntry("productive", "2025-04-01");

        var revenue = importCsv(key, "revenue_line", "stripe", """
                id,email,kind,achievement,quantity,amount,currency,booked
                r1,ada@example.org,exam_fee,certified-data-steward,1,300,EUR,2026-01-31
                r2,,renewal,%d,3,-45.5,EUR,2026-02-01
                """.formatted(achievement));
        assertThat(revenue.json().get("rows").get("upserted").asInt()).isEqualTo(2);
        assertThat(row("SELECT kind, achievement_id, quantity, amount::text AS amount FROM revenue_line WHERE tenant_id = ? AND source_id = 'r2'", tenant))
                .containsEntry("kind", "renewal").containsEntry("achievement_id", achievement).containsEntry("quantity", 3).containsEntry("amount", "-45.50");
        // no foreign keys check these two columns per row any more (V58): every row names an existing tenant and an import of that tenant
        for (String table : List.of("lms_enrolment", "crm_account", "crm_contact", "crm_opportunity", "hris_employee", "revenue_line")) {
            assertThat(count("SELECT count(*) FROM " + table + " x WHERE NOT EXISTS (SELECT 1 FROM tenant t WHERE t.id = x.tenant_id)"
                    + " OR x.import_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM outcome_import i WHERE i.id = x.import_id AND i.tenant_id = x.tenant_id)"))
                    .as(table).isZero();
        }
        assertThat(count("SELECT count(*) FROM outcome_person p WHERE NOT EXISTS (SELECT 1 FROM tenant t WHERE t.id = p.tenant_id)")).isZero();
    }

    @Test
    void a_sources_first_file_copied_straight_in_stores_what_the_staged_upsert_of_a_later_file_stores() {
        // the first file of a source skips the stage (COPY into the table); the same rows through the staged upsert must read the same
        String lines = """
                id,email,kind,achievement,quantity,amount,currency,booked
                q1,ada@example.org,exam_fee,%d,,300,EUR,2026-01-31
                q2,,renewal,%d,2,"1,5",NOK,2026-02-01T10:00:00+01:00
                """.formatted(achievement, achievement);
        var first = importCsv(key, "revenue_line", "copy-direct", lines);
        assertThat(first.json().get("rows").get("upserted").asInt()).as(first.body()).isEqualTo(2);
        importCsv(key, "revenue_line", "copy-staged", "id,kind,amount,currency,booked\nzz,exam_fee,1,EUR,2026-01-01\n");
        var staged = importCsv(key, "revenue_line", "copy-staged", lines);
        assertThat(staged.json().get("rows").get("upserted").asInt()).as(staged.body()).isEqualTo(2);
        String columns = "source_id, person_id, kind, achievement_id, quantity, amount::text AS amount, currency, booked_on::text AS booked, simulated";
        for (String id : List.of("q1", "q2")) {
            assertThat(row("SELECT " + columns + " FROM revenue_line WHERE tenant_id = ? AND source = 'copy-direct' AND source_id = ?", tenant, id))
                    .isEqualTo(row("SELECT " + columns + " FROM revenue_line WHERE tenant_id = ? AND source = 'copy-staged' AND source_id = ?", tenant, id));
        }
        // a line without a quantity counts once, either way
        assertThat(row("SELECT quantity FROM revenue_line WHERE tenant_id = ? AND source = 'copy-direct' AND source_id = 'q1'", tenant))
                .containsEntry("quantity", 1);
        // and the same file again is unchanged on both paths
        assertThat(importCsv(key, "revenue_line", "copy-direct", lines).json().get("rows").get("upserted").asInt()).isZero();
    }

    @Test
    void a_person_first_known_by_a_source_id_takes_the_address_of_a_later_row_naming_both() {
        String merge = server.tenant("outc-merge");
        long mergeTenant = tenantId("outc-merge");
        issue(merge, server.achievement(merge), "hal@example.org");
        var hr = importCsv(merge, "hris_employee", "workday", "id,external_id,role,hired_on\nw1,X-1,Analyst,2025-01-01\n");
        // nothing yet links X-1 to a recipient
        assertThat(hr.json().get("matchRate").get("matched").asInt()).isZero();
        var lms = importCsv(merge, "lms_enrolment", "moodle", "id,email,external_id,course_id,enrolled_at\nm1,hal@example.org,X-1,DS-1,2026-01-01\n");
        assertThat(lms.json().get("matchRate").get("matched").asInt()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outcome_person WHERE tenant_id = ?", mergeTenant)).isEqualTo(1);
        assertThat(count("SELECT count(DISTINCT person_id) FROM (SELECT person_id FROM hris_employee WHERE tenant_id = ? UNION ALL"
                + " SELECT person_id FROM lms_enrolment WHERE tenant_id = ?) x", mergeTenant, mergeTenant)).isEqualTo(1);
        // the HR file again now matches through its person
        assertThat(importCsv(merge, "hris_employee", "workday", "id,external_id,role,hired_on\nw1,X-1,Analyst,2025-01-01\n")
                .json().get("matchRate").get("matched").asInt()).isEqualTo(1);
    }

    @Test
    void bad_rows_come_back_with_their_line_and_the_good_rows_are_imported() {
        byte[] body = ("\uFEFFid;email;course_id;enrolled_at;progress;colour\n"
                + "b1;ada@example.org;DS-101;2026-01-05;50;red\n"
                + "b2;not-an-address;DS-101;2026-01-05;50;red\n"
                + "b3;bob@example.org;DS-101;05.01.2026;150;red\n"
                + "b4;bob@example.org;DS-101;2026-01-05;;red\n").getBytes(StandardCharsets.UTF_8);
        var imported = importBytes(key, "lms_enrolment", "bom-test", body, "text/csv; charset=utf-8");
        JsonNode json = imported.json();
        assertThat(json.get("rows").toString()).isEqualTo("{\"total\":4,\"upserted\":2,\"unchanged\":0,\"failed\":2}");
        assertThat(json.get("errorCount").asInt()).isEqualTo(3);
        assertThat(json.get("errors").toString()).contains(
                "{\"line\":1,\"message\":\"column 'colour' is not a column of lms_enrolment and was ignored\",\"warning\":true}",
                "{\"line\":3,\"field\":\"email\",\"message\":\"not an e-mail address: write it as name@example.org\"}",
                "{\"line\":4,\"field\":\"enrolled_at\",", "{\"line\":4,\"field\":\"progress\",");
        assertThat(count("SELECT count(*) FROM lms_enrolment WHERE tenant_id = ? AND source = 'bom-test'", tenant)).isEqualTo(2);

        var latin = importBytes(key, "crm_account", "latin", "id,name\nn1,Søvnig Åker AS\n".getBytes(Charset.forName("ISO-8859-1")), "text/csv");
        assertThat(latin.json().get("errors").get(0).get("message").asText()).contains("read as Windows-1252");
        assertThat(row("SELECT name FROM crm_account WHERE tenant_id = ? AND source = 'latin'", tenant)).containsEntry("name", "Søvnig Åker AS");

        var refused = importCsv(key, "crm_opportunity", "salesforce", "id,amount,currency,created_at\no1,1,EUR,2026-01-01\n");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).contains("crm_opportunity needs a column 'outcome'");
        var unknownKind = importCsv(key, "crm_lead", "salesforce", "id\n1\n");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.json().get("detail").asText()).contains("lms_enrolment, crm_contact");
    }

    @Test
    void another_tenants_recipients_imports_and_achievements_are_not_seen() {
        String other = server.tenant("outc-other");
        long otherAchievement = server.achievement(other);
        issue(other, otherAchievement, "zed@example.org");
        var mine = importCsv(key, "lms_enrolment", "isolation", "id,email,course_id,enrolled_at\ni1,zed@example.org,DS-1,2026-01-01\n");
        // zed holds a credential of the other tenant only: not a match here
        assertThat(mine.json().get("matchRate").get("matched").asInt()).isZero();
        long id = mine.json().get("id").asLong();
        var theirs = server.send("GET", "/api/v1/outcomes/imports/" + id, other, null);
        OpenApiContractTest.check("/api/v1/outcomes/imports/{id}", "get", theirs);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/outcomes/imports", other, null).json().get("items")).isEmpty();
        var export = server.send("GET", "/api/v1/outcomes/people?email=zed@example.org", other, null);
        assertThat(export.json().get("tables").get("lms_enrolment")).isEmpty();
        var foreign = server.send("PUT", "/api/v1/integrations/courses/DS-1", key, "{\"achievementId\": " + otherAchievement + "}");
        OpenApiContractTest.check("/api/v1/integrations/courses/{courseId}", "put", foreign);
        assertThat(foreign.status()).isEqualTo(404);
    }

    @Test
    void courses_map_to_achievements() {
        var put = server.send("PUT", "/api/v1/integrations/courses/DS%20101", key, "{\"achievementId\": " + achievement + "}");
        OpenApiContractTest.check("/api/v1/integrations/courses/{courseId}", "put", put);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("courseId").asText()).isEqualTo("DS 101");
        server.send("PUT", "/api/v1/integrations/courses/DS%20101", key, "{\"achievementId\": " + achievement + "}");
        var list = server.send("GET", "/api/v1/integrations/courses", key, null);
        OpenApiContractTest.check("/api/v1/integrations/courses", "get", list);
        assertThat(list.json().get("items").toString()).isEqualTo(
                "[{\"courseId\":\"DS 101\",\"achievementId\":" + achievement + ",\"achievementName\":\"Certified Data Steward\"}]");
        assertThat(server.send("PUT", "/api/v1/integrations/courses/x", key, "{}").status()).isEqualTo(422);
        assertThat(count("SELECT count(*) FROM audit_event WHERE tenant_id = ? AND action = 'integrations.course.mapped'", tenant)).isEqualTo(2);
    }

    @Test
    void only_analysts_and_owners_read_outcome_data_and_only_owners_erase() {
        for (String role : List.of("issuer", "viewer")) {
            String cookie = signIn("outc", role + "@outc.example");
            for (String path : List.of("/api/v1/outcomes/imports", "/api/v1/outcomes/people?email=ada@example.org", "/api/v1/integrations/courses")) {
                var refused = get(path, cookie);
                assertThat(refused.status()).as(role + " " + path).isEqualTo(403);
                assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
                assertThat(refused.json().get("detail").asText()).contains("only the analyst and owner roles", "(your role is " + role + ")");
            }
            assertThat(get("/app/imports", cookie).status()).isEqualTo(403);
        }
        assertThat(server.send("GET", "/api/v1/outcomes/imports", null, null).status()).isEqualTo(401);
        String issueOnly = server.send("POST", "/api/v1/api-keys", key, "{\"label\": \"issuer\", \"scopes\": [\"issue\", \"read\"]}").json().get("key").asText();
        var byKey = server.send("GET", "/api/v1/outcomes/imports", issueOnly, null);
        OpenApiContractTest.check("/api/v1/outcomes/imports", "get", byKey);
        assertThat(byKey.status()).isEqualTo(403);

        String analyst = signIn("outc", "analyst@outc.example");
        assertThat(get("/api/v1/outcomes/imports", analyst).status()).isEqualTo(200);
        var export = get("/api/v1/outcomes/people?email=ada@example.org", analyst);
        OpenApiContractTest.check("/api/v1/outcomes/people", "get", export);
        assertThat(export.status()).isEqualTo(200);
        String csrf = csrf(get("/app/imports", analyst).body());
        var analystErases = server.sendBytes("DELETE", "/api/v1/outcomes/people?email=ada@example.org", null, null,
                "Cookie", "credence_session=" + analyst, "X-CSRF-Token", csrf);
        OpenApiContractTest.check("/api/v1/outcomes/people", "delete", analystErases);
        assertThat(analystErases.status()).isEqualTo(403);
        assertThat(analystErases.json().get("detail").asText()).contains("only an owner may erase");
        String analyticsOnly = server.send("POST", "/api/v1/api-keys", key, "{\"label\": \"analyst\", \"scopes\": [\"analytics\"]}").json().get("key").asText();
        assertThat(server.send("GET", "/api/v1/outcomes/imports", analyticsOnly, null).status()).isEqualTo(200);
        assertThat(server.send("DELETE", "/api/v1/outcomes/people?email=ada@example.org", analyticsOnly, null).status()).isEqualTo(403);

        String owner = signIn("outc", "owner@outc.example");
        importCsv(key, "lms_enrolment", "owner-test", "id,email,course_id,enrolled_at\nw1,wes@example.org,DS-1,2026-01-01\n");
        var ownerErases = server.sendBytes("DELETE", "/api/v1/outcomes/people?email=wes@example.org", null, null,
                "Cookie", "credence_session=" + owner, "X-CSRF-Token", csrf(get("/app/imports", owner).body()));
        assertThat(ownerErases.status()).as(ownerErases.body()).isEqualTo(200);
    }

    static String csrf(String page) {
        return Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page).results().findFirst().orElseThrow().group(1);
    }

    @Test
    void erasure_removes_every_key_to_the_person_and_keeps_aggregate_figures() {
        String gdpr = server.tenant("outc-gdpr");
        long gdprTenant = tenantId("outc-gdpr");
        long steward = server.achievement(gdpr);
        issue(gdpr, steward, "eve@example.org");
        issue(gdpr, steward, "fay@example.org");
        importCsv(gdpr, "lms_enrolment", "moodle", """
                id,email,external_id,course_id,enrolled_at,completed_at
                g1,eve@example.org,E-9,DS-101,2026-01-05,2026-02-01
                g2,,E-9,DS-102,2026-01-06,
                g3,fay@example.org,,DS-101,2026-01-07,2026-02-03
                g4,gus@example.org,,DS-101,2026-01-08,
                """);
        importCsv(gdpr, "hris_employee", "workday", "id,external_id,role,hired_on\nw1,E-9,Analyst,2025-01-01\n");
        // an aggregate a layer-4 figure reads: enrolments of earners, and completions among them
        String earners = """
                SELECT count(*) * 1000 + count(e.completed_at) FROM lms_enrolment e
                WHERE e.tenant_id = ? AND EXISTS (SELECT 1 FROM outcome_person_achievement a WHERE a.tenant_id = e.tenant_id AND a.person_id = e.person_id)""";
        long before = count(earners, gdprTenant);
        assertThat(before).isEqualTo(3002);

        var export = server.send("GET", "/api/v1/outcomes/people?email=Eve@Example.org", gdpr, null);
        JsonNode tables = export.json().get("tables");
        assertThat(tables.get("outcome_person")).hasSize(1);
        assertThat(tables.get("outcome_person").get(0).get("external_id").asText()).isEqualTo("E-9");
        assertThat(tables.get("lms_enrolment")).hasSize(2);
        assertThat(tables.get("hris_employee")).hasSize(1);
        assertThat(tables.get("recipient_external_id")).hasSize(1);
        assertThat(export.body()).doesNotContain("eve@example.org").doesNotContain("fay");

        var erased = server.send("DELETE", "/api/v1/outcomes/people?email=eve@example.org", gdpr, null);
        OpenApiContractTest.check("/api/v1/outcomes/people", "delete", erased);
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("erased").asInt()).isEqualTo(1);

        assertThat(count(earners, gdprTenant)).isEqualTo(before);
        String eveHash = Issuance.emailHash("eve@example.org");
        assertThat(count("SELECT count(*) FROM outcome_person WHERE tenant_id = ? AND (email_hash = ? OR external_id = 'E-9')", gdprTenant, eveHash)).isZero();
        assertThat(count("SELECT count(*) FROM outcome_person WHERE tenant_id = ? AND erased_at IS NOT NULL AND email_hash IS NULL AND external_id IS NULL",
                gdprTenant)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM recipient_external_id WHERE tenant_id = ?", gdprTenant)).isZero();
        assertThat(count("SELECT count(*) FROM outcome_person_earning WHERE tenant_id = ? AND achievement_id = ?", gdprTenant, steward)).isEqualTo(1);
        // the rows stay, anonymous: 4 enrolments, one employee
        assertThat(count("SELECT count(*) FROM lms_enrolment WHERE tenant_id = ?", gdprTenant)).isEqualTo(4);
        var after = server.send("GET", "/api/v1/outcomes/people?email=eve@example.org", gdpr, null);
        after.json().get("tables").forEach(rows -> assertThat(rows).isEmpty());
        assertThat(server.send("DELETE", "/api/v1/outcomes/people?email=eve@example.org", gdpr, null).status()).isEqualTo(404);
        assertThat(server.send("DELETE", "/api/v1/outcomes/people?email=nobody", gdpr, null).status()).isEqualTo(422);
        Map<String, Object> audit = row("SELECT subject, after::text AS after FROM audit_event WHERE tenant_id = ? AND action = 'outcomes.person.erased'", gdprTenant);
        assertThat(audit.get("subject").toString()).startsWith("outcome_person:").doesNotContain(eveHash);
        assertThat(count("SELECT count(*) FROM audit_event WHERE tenant_id = ? AND action = 'outcomes.person.exported'", gdprTenant)).isEqualTo(2);
    }

    @Test
    void the_page_uploads_without_javascript_and_lists_imports_in_english_and_norwegian() {
        String analyst = signIn("outc", "analyst@outc.example");
        var page = get("/app/imports", analyst);
        OpenApiContractTest.check("/app/imports", "get", page);
        assertThat(page.body()).contains("Outcome data imports", "enctype=\"multipart/form-data\"", "name=\"csrf\"", "CRM opportunities",
                "Match rate").doesNotContain("<script");
        assertThat(page.body()).as("the analytics bar, this page current").contains("<nav class=\"analytics-nav\"",
                "<a href=\"/app/imports\" aria-current=\"page\">");
        assertThat(get("/app/imports?lang=nb", analyst).body()).contains("Import av resultatdata", "CRM-salgsmuligheter", "Treffrate");
        var moved = get("/app/analytics/imports?lang=nb", analyst);
        OpenApiContractTest.check("/app/analytics/imports", "get", moved);
        assertThat(moved.status()).as("the earlier address still leads to the page").isEqualTo(301);
        assertThat(moved.headers().firstValue("Location").orElseThrow()).isEqualTo("/app/imports?lang=nb");
        assertThat(get("/app/analytics", analyst).body()).contains("href=\"/app/imports\"");

        String boundary = "----credence-test-boundary";
        String csv = "id,email,course_id,enrolled_at\np1,ada@example.org,DS-1,2026-01-01\np2,bob@example.org,DS-1,yesterday\n";
        String body = part(boundary, "csrf", csrf(page.body())) + part(boundary, "lang", "nb") + part(boundary, "kind", "lms_enrolment")
                + part(boundary, "source", "page-upload")
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lms.csv\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n"
                + "--" + boundary + "--\r\n";
        var posted = server.sendBytes("POST", "/app/imports", null, body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "multipart/form-data; boundary=" + boundary, "Cookie", "credence_session=" + analyst, "Origin", server.base());
        OpenApiContractTest.check("/app/imports", "post", posted);
        assertThat(posted.status()).as(posted.body()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/app/imports/\\d+\\?lang=nb");
        var detail = get(location, analyst);
        OpenApiContractTest.check("/app/imports/{id}", "get", detail);
        assertThat(detail.body()).contains("Avviste rader og advarsler", "linje 3", "enrolled_at", "100,0 % (95 % KI");

        var refused = server.sendBytes("POST", "/app/imports", null,
                (part(boundary, "csrf", csrf(page.body())) + part(boundary, "kind", "crm_account") + part(boundary, "source", "x")
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\nname\r\nAcme\r\n"
                        + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8),
                "Content-Type", "multipart/form-data; boundary=" + boundary, "Cookie", "credence_session=" + analyst, "Origin", server.base());
        OpenApiContractTest.check("/app/imports", "post", refused);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("The file was not imported: crm_account needs a column 'id'");
        var missing = get("/app/imports/999999", analyst);
        OpenApiContractTest.check("/app/imports/{id}", "get", missing);
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void the_command_line_imports_a_file_and_prints_its_match_rate_and_errors() throws Exception {
        Path file = java.nio.file.Files.writeString(data.resolve("accounts.csv"), "id,name\nk1,Kappa AS\n,No Id AS\n");
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int exit = org.credence.cli.CredenceCli.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), "import", "--server", server.base(),
                "--api-key", key, "--kind", "crm_account", "--source", "cli", file.toString());
        assertThat(exit).as(err.toString()).isZero();
        JsonNode printed = ServerHarness.JSON.readTree(out.toString());
        assertThat(printed.get("rows").toString()).isEqualTo("{\"total\":2,\"upserted\":1,\"unchanged\":0,\"failed\":1}");
        assertThat(printed.get("errors").get(0).toString()).isEqualTo("{\"line\":3,\"field\":\"id\",\"message\":\"id is required\"}");
        int refused = org.credence.cli.CredenceCli.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), "import", "--server",
                server.base(), "--api-key", key, "--kind", "crm_lead", "--source", "cli", file.toString());
        assertThat(refused).isNotZero();
        assertThat(err.toString()).contains("kind must be one of");
    }

    static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    /** Timestamps as PostgreSQL prints them, as instants. */
    static final class Instantly {
        static String parse(Object text) {
            return java.time.OffsetDateTime.parse(text.toString().replace(' ', 'T').replaceAll("([+-]\\d\\d)$", "$1:00")).toInstant().toString();
        }
    }
}
