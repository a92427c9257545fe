package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk issuance over HTTP on a real PostgreSQL: previews, jobs, bad rows by line, character sets, limits, re-uploads, cancel, the result file, tenants apart. */
@Tag("integration")
class BulkIssuanceTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static long tenant;
    static long achievement;
    static String otherKey;

    @BeforeAll
    static void start() {
        // mail attaches certificates (CREDENCE_MAIL_ATTACH_PDF=true), so a small job's mail attaches and a large one's links
        server = new ServerHarness(data, org.credence.delivery.MailSettings.OUTBOX.attachingCertificates(true), java.time.Clock.systemUTC());
        key = server.tenant("bulk");
        tenant = tenantId("bulk");
        achievement = server.achievement(key);
        otherKey = server.tenant("bulk-other");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static long tenantId(String slug) {
        return server.credence.jdbi().withHandle(h -> h.createQuery("SELECT id FROM tenant WHERE slug = :s").bind("s", slug).mapTo(Long.class).one());
    }

    static long credentials() {
        return server.credence.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM credential WHERE tenant_id = :t").bind("t", tenant)
                .mapTo(Long.class).one());
    }

    static ServerHarness.Response upload(String path, String csv) {
        return upload(path, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    static ServerHarness.Response upload(String path, byte[] body, String type) {
        return server.sendBytes("POST", path, key, body, "Content-Type", type);
    }

    /** Polls the job until it is over. */
    static JsonNode finished(long id) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            ServerHarness.Response job = server.send("GET", "/api/v1/issuance-jobs/" + id, key, null);
            assertThat(job.status()).as(job.body()).isEqualTo(200);
            if (job.json().get("state").asText().matches("finished|cancelled")) {
                return job.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    static String rows(String prefix, int from, int count) {
        StringBuilder csv = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            csv.append("Learner ").append(i).append(',').append(prefix).append(i).append("@example.org,").append(achievement).append('\n');
        }
        return csv.toString();
    }

    @Test
    void a_dry_run_reports_each_problem_by_line_and_issues_nothing() {
        issueOne("held@example.org");
        long before = credentials();
        int jobs = server.send("GET", "/api/v1/issuance-jobs", key, null).json().get("items").size();
        String csv = "Name,E-mail,Achievement\n"
                + "Ada,ada@example.org," + achievement + "\n"          // line 2: good
                + "Bob,not-an-address," + achievement + "\n"           // line 3: invalid e-mail
                + "Cy,cy@example.org,no-such-badge\n"                  // line 4: unknown achievement
                + "Ada again,ADA@example.org," + achievement + "\n"    // line 5: duplicate of line 2
                + "Held,held@example.org," + achievement + "\n";       // line 6: already issued
        ServerHarness.Response preview = upload("/api/v1/issuance-jobs?dryRun=true", csv);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode p = preview.json();
        assertThat(p.get("total").asInt()).isEqualTo(5);
        assertThat(p.get("issuable").asInt()).isEqualTo(1);
        assertThat(p.get("refused").asInt()).isEqualTo(3);
        assertThat(p.get("alreadyIssued").asInt()).isEqualTo(1);
        List<String> errors = new ArrayList<>();
        p.get("errors").forEach(e -> errors.add(e.get("line").asInt() + " " + e.get("field").asText() + ": " + e.get("message").asText()));
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0)).startsWith("3 email: 'not-an-address' is not an e-mail address");
        assertThat(errors.get(1)).startsWith("4 achievement: no achievement with id or slug 'no-such-badge'");
        assertThat(errors.get(2)).startsWith("5 email: duplicate of line 2");
        assertThat(errors.get(3)).startsWith("6 email: already issued");
        assertThat(p.get("sample").get(0).get("email").asText()).isEqualTo("ada@example.org");
        assertThat(credentials()).isEqualTo(before);
        assertThat(server.send("GET", "/api/v1/issuance-jobs", key, null).json().get("items")).hasSize(jobs);
    }

    @Test
    void a_run_issues_every_good_row_and_reports_each_bad_row_with_its_line() throws Exception {
        long before = credentials();
        StringBuilder csv = new StringBuilder("name,email,achievement,issued,expires,grade,evidence_url,custom_cohort\n");
        int bad = 0;
        for (int i = 0; i < 200; i++) {
            if (i % 20 == 7) { // 5 % broken: a missing e-mail, an unknown achievement, a bad date in turn
                bad++;
                csv.append(switch (bad % 3) {
                    case 0 -> "Broken " + i + ",," + achievement + ",,,,,c\n";
                    case 1 -> "Broken " + i + ",broken" + i + "@example.org,9999999,,,,,c\n";
                    default -> "Broken " + i + ",broken" + i + "@example.org," + achievement + ",31/12/2025,,,,c\n";
                });
            } else {
                csv.append("Run ").append(i).append(",run").append(i).append("@example.org,").append(achievement)
                        .append(",2026-01-15,2028-01-15,A,https://evidence.example/").append(i).append(",2026-spring\n");
            }
        }
        ServerHarness.Response accepted = upload("/api/v1/issuance-jobs", csv.toString());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/issuance-jobs/" + accepted.json().get("id").asLong());
        JsonNode job = finished(accepted.json().get("id").asLong());
        assertThat(job.get("total").asInt()).isEqualTo(200);
        assertThat(job.get("issued").asInt()).isEqualTo(190);
        assertThat(job.get("failed").asInt()).isEqualTo(10);
        assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(job.get("errors")).hasSize(10);
        assertThat(job.get("errors").get(0).get("line").asInt()).isEqualTo(9); // row i = 7 is line 9
        assertThat(credentials() - before).isEqualTo(190);
        String stored = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT document_text FROM credential WHERE tenant_id = :t AND recipient_email = 'run3@example.org'").bind("t", tenant).mapTo(String.class).one());
        assertThat(stored).contains("\"validFrom\":\"2026-01-15T00:00:00Z\"").contains("\"validUntil\":\"2028-01-15T00:00:00Z\"")
                .contains("https://evidence.example/3");
    }

    @Test
    void a_batch_whose_outcome_was_lost_runs_again_and_gets_its_credentials_back() throws Exception {
        long id = upload("/api/v1/issuance-jobs?notify=false", "name,email,achievement\n" + rows("replay", 0, 30)).json().get("id").asLong();
        finished(id);
        List<String> numbers = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT number FROM issuance_job_row WHERE job_id = :j ORDER BY line").bind("j", id).mapTo(String.class).list());
        // as after a crash between the batch's commit and the recording of its outcome
        server.sql("UPDATE issuance_job_row SET state = 'pending', credential_id = NULL, number = NULL WHERE job_id = ? AND line <= 11", id);
        server.sql("UPDATE issuance_job SET state = 'running', issued = issued - 10, finished_at = NULL WHERE id = ?", id);
        server.credence.jobs().enqueue(org.credence.bulk.IssuanceJobs.TASK, tenant, String.valueOf(id), java.time.Instant.now());
        JsonNode job = finished(id);
        assertThat(job.get("issued").asInt()).isEqualTo(30);
        List<String> after = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT number FROM issuance_job_row WHERE job_id = :j ORDER BY line").bind("j", id).mapTo(String.class).list());
        assertThat(after).isEqualTo(numbers);
        long held = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM credential WHERE tenant_id = :t AND recipient_email LIKE 'replay%'").bind("t", tenant).mapTo(Long.class).one());
        assertThat(held).isEqualTo(30);
    }

    @Test
    void a_server_stopped_in_the_middle_of_a_job_stops_promptly_and_finishes_it_after_its_restart() throws Exception {
        long id = upload("/api/v1/issuance-jobs?notify=false", "name,email,achievement\n" + rows("stop", 0, 600)).json().get("id").asLong();
        while (!server.send("GET", "/api/v1/issuance-jobs/" + id, key, null).json().get("state").asText().equals("running")) {
            Thread.sleep(20);
        }
        server.restart(); // close() lets the batch in flight finish, then the job waits in the queue for the next start
        JsonNode job = finished(id);
        assertThat(job.get("issued").asInt()).isEqualTo(600);
        long held = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM credential WHERE tenant_id = :t AND recipient_email LIKE 'stop%'").bind("t", tenant).mapTo(Long.class).one());
        assertThat(held).isEqualTo(600);
    }

    @Test
    void a_latin1_file_with_semicolons_is_read_and_said_to_be_latin1() throws Exception {
        String csv = "Navn;E-post;Achievement\nBjørn Ærø;bjorn@example.org;" + achievement + "\nÅse Øvre;ase@example.org;" + achievement + "\n";
        ServerHarness.Response accepted = upload("/api/v1/issuance-jobs", csv.getBytes(Charset.forName("windows-1252")), "text/csv");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().get("warnings").get(0).asText()).contains("Windows-1252");
        JsonNode job = finished(accepted.json().get("id").asLong());
        assertThat(job.get("issued").asInt()).isEqualTo(2);
        String name = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT recipient_name FROM credential WHERE tenant_id = :t AND recipient_email = 'bjorn@example.org'").bind("t", tenant).mapTo(String.class).one());
        assertThat(name).isEqualTo("Bjørn Ærø");
    }

    @Test
    void a_utf8_file_with_a_byte_order_mark_reads_its_first_header() {
        byte[] text = ("name,email,achievement\nBom,bom@example.org," + achievement + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[text.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(text, 0, body, 3, text.length);
        ServerHarness.Response preview = upload("/api/v1/issuance-jobs?dryRun=true", body, "text/csv");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("issuable").asInt()).isEqualTo(1);
        assertThat(preview.json().get("warnings")).isEmpty();
    }

    @Test
    void a_misspelled_header_is_answered_with_the_closest_column() {
        ServerHarness.Response missing = upload("/api/v1/issuance-jobs?dryRun=true", "name,emial,achievement\nA,a@example.org," + achievement + "\n");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("detail").asText()).contains("needs a column 'email'").contains("'emial' looks like a misspelling of it");
        ServerHarness.Response extra = upload("/api/v1/issuance-jobs?dryRun=true", "name,email,achievement,grad\nA,a@example.org," + achievement + ",B\n");
        assertThat(extra.status()).as(extra.body()).isEqualTo(200);
        assertThat(extra.json().get("warnings").get(0).asText()).contains("'grad'").contains("did you mean 'grade'?");
    }

    @Test
    void an_empty_file_or_a_header_alone_is_refused_with_what_to_send() {
        ServerHarness.Response empty = upload("/api/v1/issuance-jobs", "");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("detail").asText()).contains("empty");
        ServerHarness.Response header = upload("/api/v1/issuance-jobs", "name,email,achievement\n");
        assertThat(header.status()).isEqualTo(422);
        assertThat(header.json().get("detail").asText()).contains("no rows");
        assertThat(server.send("GET", "/api/v1/issuance-jobs", key, null).json().get("items").findValuesAsText("total")).doesNotContain("0");
    }

    @Test
    void a_200_mb_upload_is_refused_before_it_is_read_whole() throws Exception {
        long size = 200L << 20;
        // with a Content-Length and "Expect: 100-continue", as curl sends a large file: refused from the headers, no byte of the body sent
        try (java.net.Socket socket = new java.net.Socket("localhost", java.net.URI.create(server.base()).getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/v1/issuance-jobs HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                    + "\r\nContent-Type: text/csv\r\nContent-Length: " + size + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readNBytes(400), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("at most 100 MB");
        }
        // chunked, no length, no Expect: refused once the 100 MB limit is passed. The server stops reading and closes, so the
        // client may see the 413 or, when the close overtakes the answer (TCP resets a connection closed with unread data),
        // a cut connection; either way it could not send the whole file
        AtomicLong sentChunked = new AtomicLong();
        try {
            HttpResponse<String> chunked = server.http.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/issuance-jobs"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Zeros(size, sentChunked))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(chunked.statusCode()).isEqualTo(413);
            assertThat(chunked.body()).contains("split it into several jobs");
        } catch (java.io.IOException cut) {
            // the refusing server's close overtook its answer: acceptable, the check that matters follows
        }
        assertThat(sentChunked.get()).isLessThan(size);
    }

    @Test
    void the_same_file_uploaded_twice_issues_no_duplicate() throws Exception {
        String csv = "name,email,achievement\n" + rows("twice", 0, 50);
        JsonNode first = finished(upload("/api/v1/issuance-jobs", csv).json().get("id").asLong());
        JsonNode second = finished(upload("/api/v1/issuance-jobs", csv).json().get("id").asLong());
        assertThat(first.get("issued").asInt()).isEqualTo(50);
        assertThat(second.get("issued").asInt()).isZero();
        assertThat(second.get("alreadyIssued").asInt()).isEqualTo(50);
        long held = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM credential WHERE tenant_id = :t AND recipient_email LIKE 'twice%'").bind("t", tenant).mapTo(Long.class).one());
        assertThat(held).isEqualTo(50);
    }

    @Test
    void a_cancelled_job_issues_nothing_more_and_another_tenant_cannot_see_or_cancel_it() throws Exception {
        ServerHarness.Response accepted = upload("/api/v1/issuance-jobs?notify=false", "name,email,achievement\n" + rows("cancel", 0, 3000));
        long id = accepted.json().get("id").asLong();
        assertThat(server.send("GET", "/api/v1/issuance-jobs/" + id, otherKey, null).status()).isEqualTo(404);
        assertThat(server.send("POST", "/api/v1/issuance-jobs/" + id + "/cancel", otherKey, null).status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/issuance-jobs/" + id + "/result.csv", otherKey, null).status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/issuance-jobs", otherKey, null).json().get("items")).isEmpty();
        ServerHarness.Response cancelled = server.send("POST", "/api/v1/issuance-jobs/" + id + "/cancel", key, null);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("state").asText()).isEqualTo("cancelled");
        JsonNode job = finished(id);
        Thread.sleep(500); // a batch in flight when the cancel came may still be recorded
        job = server.send("GET", "/api/v1/issuance-jobs/" + id, key, null).json();
        long issued = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM credential WHERE tenant_id = :t AND recipient_email LIKE 'cancel%'").bind("t", tenant).mapTo(Long.class).one());
        assertThat(job.get("cancelled").asInt()).isPositive();
        assertThat(job.get("issued").asInt() + job.get("cancelled").asInt()).isEqualTo(3000);
        assertThat(issued).isEqualTo(job.get("issued").asLong());
        assertThat(server.send("POST", "/api/v1/issuance-jobs/" + id + "/cancel", key, null).status()).isEqualTo(200);
    }

    @Test
    void the_result_file_gives_each_row_its_number_and_url_or_error_with_formula_cells_neutralised() throws Exception {
        String csv = "name,email,achievement,custom_team\n"
                + "=HYPERLINK(\"https://evil.example\"),formula@example.org," + achievement + ",@SUM(A1)\n"
                + "Plain,plain-result@example.org," + achievement + ",-2\n"
                + "Nobody,,"
                + achievement + ",+1\n";
        JsonNode job = finished(upload("/api/v1/issuance-jobs", csv).json().get("id").asLong());
        assertThat(job.get("issued").asInt()).isEqualTo(2);
        String storedName = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT recipient_name FROM credential WHERE tenant_id = :t AND recipient_email = 'formula@example.org'").bind("t", tenant).mapTo(String.class).one());
        assertThat(storedName).isEqualTo("=HYPERLINK(\"https://evil.example\")"); // stored as given: text, never evaluated
        ServerHarness.Response result = server.send("GET", "/api/v1/issuance-jobs/" + job.get("id").asLong() + "/result.csv", key, null);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = result.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("line,status,name,email,achievement,number,url,field,error,custom_team");
        assertThat(lines.get(1)).startsWith("2,issued,\"'=HYPERLINK(\"\"https://evil.example\"\")\",formula@example.org," + achievement + ",")
                .contains(server.base() + "/verify/").endsWith(",,,'@SUM(A1)");
        assertThat(lines.get(2)).endsWith(",'-2");
        assertThat(lines.get(3)).startsWith("4,failed,Nobody,,,,,email,email is required");
    }

    @Test
    void a_json_array_and_a_multipart_upload_make_jobs_too() throws Exception {
        String json = "[{\"name\": \"Jay\", \"email\": \"jay@example.org\", \"achievement\": " + achievement + ", \"grade\": \"B\"},"
                + " {\"name\": \"Kay\", \"email\": \"kay\", \"achievement\": " + achievement + "}]";
        ServerHarness.Response accepted = upload("/api/v1/issuance-jobs", json.getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode job = finished(accepted.json().get("id").asLong());
        assertThat(job.get("format").asText()).isEqualTo("json");
        assertThat(job.get("issued").asInt()).isEqualTo(1);
        assertThat(job.get("errors").get(0).get("index").asInt()).isEqualTo(1);

        String boundary = "----credence-test-boundary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cohort.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + "name,email,achievement\nMia,mia@example.org," + achievement + "\n\r\n--" + boundary + "--\r\n";
        ServerHarness.Response form = upload("/api/v1/issuance-jobs", multipart.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=" + boundary);
        assertThat(form.status()).as(form.body()).isEqualTo(202);
        assertThat(form.json().get("filename").asText()).isEqualTo("cohort.csv");
        assertThat(finished(form.json().get("id").asLong()).get("issued").asInt()).isEqualTo(1);
    }

    @Test
    void a_key_without_the_issue_scope_is_refused() {
        ServerHarness.Response created = server.send("POST", "/api/v1/api-keys", key, "{\"scopes\": [\"analytics\"], \"label\": \"reader\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ServerHarness.Response refused = server.sendBytes("POST", "/api/v1/issuance-jobs", created.json().get("key").asText(),
                "name,email,achievement\n".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/csv");
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void the_cli_previews_then_issues_a_file_and_exits_non_zero_when_rows_failed() throws Exception {
        Path file = java.nio.file.Files.writeString(data.resolve("cohort.csv"), "name;email;achievement\nCli One;cli1@example.org;" + achievement
                + "\nCli Two;cli2@example.org;" + achievement + "\nCli Bad;cli-bad;" + achievement + "\n");
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int preview = org.credence.cli.CredenceCli.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), "issue",
                "--server", server.base(), "--api-key", key, "--csv", file.toString(), "--dry-run", "--tenant", "bulk");
        assertThat(preview).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("3 rows read: 2 would be issued, 0 already issued, 1 refused. Nothing was issued (dry run).")
                .contains("line 4: 'cli-bad' is not an e-mail address");
        int wrongTenant = org.credence.cli.CredenceCli.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), "issue",
                "--server", server.base(), "--api-key", key, "--csv", file.toString(), "--tenant", "bulk-other");
        assertThat(wrongTenant).isEqualTo(2);
        assertThat(err.toString()).contains("belong to the tenant 'bulk', not 'bulk-other'");
        out.getBuffer().setLength(0);
        int run = org.credence.cli.CredenceCli.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), "issue",
                "--server", server.base(), "--api-key", key, "--csv", file.toString(), "--tenant", "bulk", "--lang", "nb");
        assertThat(run).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("finished: 3 rader, 2 utstedt, 0 allerede utstedt, 1 feilet, 0 avbrutt.").contains("linje 4:")
                .contains("/result.csv");
    }

    @Test
    void a_large_jobs_mail_links_to_the_certificate_while_a_small_jobs_mail_attaches_it() throws Exception {
        JsonNode small = finished(upload("/api/v1/issuance-jobs", "name,email,achievement\n" + rows("attach", 0, 2)).json().get("id").asLong());
        assertThat(small.get("certificateAttached").asBoolean()).isTrue();
        JsonNode large = finished(upload("/api/v1/issuance-jobs", "name,email,achievement\n" + rows("link", 0, 2)).json().get("id").asLong());
        // as a job over CREDENCE_BULK_ATTACH_PDF_MAX_ROWS is marked when it is accepted
        server.sql("UPDATE issuance_job SET links_only = TRUE WHERE id = ?", large.get("id").asLong());
        var pdf = new org.credence.delivery.MailAttachments.Attachment("certificate.pdf", "application/pdf", new byte[] {1});
        var attachments = new org.credence.bulk.LargeJobAttachments(server.credence.jdbi(), (t, c, k) -> List.of(pdf));
        java.util.UUID attached = credentialOf("attach0@example.org");
        java.util.UUID linked = credentialOf("link0@example.org");
        assertThat(attachments.attachments(tenant, attached, "credential_issued")).containsExactly(pdf);
        assertThat(attachments.attachments(tenant, linked, "credential_issued")).isEmpty();
        assertThat(server.send("GET", "/api/v1/issuance-jobs/" + large.get("id").asLong(), key, null).json().get("certificateAttached").asBoolean()).isFalse();
    }

    static java.util.UUID credentialOf(String email) {
        return server.credence.jdbi().withHandle(h -> h.createQuery("SELECT id FROM credential WHERE tenant_id = :t AND recipient_email = :e")
                .bind("t", tenant).bind("e", email).mapTo(java.util.UUID.class).one());
    }

    static void issueOne(String email) {
        ServerHarness.Response issued = server.send("POST", "/api/v1/credentials", key,
                "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"R\", \"email\": \"" + email + "\"}}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    }

    /** {@code size} bytes of a CSV-looking filler, counting how many the server made the client send. */
    static final class Zeros extends InputStream {
        private final long size;
        private final AtomicLong sent;

        Zeros(long size, AtomicLong sent) {
            this.size = size;
            this.sent = sent;
        }

        @Override
        public int read() {
            return sent.get() < size ? (sent.incrementAndGet() % 64 == 0 ? '\n' : 'a') : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = size - sent.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 'a');
            sent.addAndGet(n);
            return n;
        }
    }
}
