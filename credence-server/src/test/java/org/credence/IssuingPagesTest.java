package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issuing pages over HTTP with real sessions: {@code /app/issue} issues what the API issues, field by field errors,
 * once on a double submit; {@code /app/issuance-jobs} maps a CSV's columns, lists bad rows by line in its dry run, issues
 * the good ones and gives the result file; roles and tenants kept apart.
 */
@Tag("integration")
class IssuingPagesTest {
    private static final String PASSWORD = "a long enough passphrase";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static long achievement;
    static String owner;
    static String issuer;
    static String otherKey;
    static long otherAchievement;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("pages");
        achievement = server.achievement(key);
        server.user(key, "owner@pages.example", "owner", PASSWORD);
        server.user(key, "issuer@pages.example", "issuer", PASSWORD);
        server.user(key, "viewer@pages.example", "viewer", PASSWORD);
        server.user(key, "analyst@pages.example", "analyst", PASSWORD);
        owner = server.signIn("pages", "owner@pages.example", PASSWORD);
        issuer = server.signIn("pages", "issuer@pages.example", PASSWORD);
        otherKey = server.tenant("pages-other");
        otherAchievement = server.achievement(otherKey);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("field " + name + " in " + html).isTrue();
        return m.group(1);
    }

    /** The form's hidden fields, from a fresh GET of /app/issue. */
    static String[] issueForm(String cookie, String... values) {
        String html = server.page("/app/issue", cookie).body();
        String[] all = new String[values.length + 4];
        all[0] = "csrf";
        all[1] = field(html, "csrf");
        all[2] = "idempotencyKey";
        all[3] = field(html, "idempotencyKey");
        System.arraycopy(values, 0, all, 4, values.length);
        return all;
    }

    /** Credentials whose recipient address ends in {@code domain}. */
    static long credentials(String domain) {
        return server.credence.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM credential WHERE recipient_email LIKE :d")
                .bind("d", "%@" + domain).mapTo(Long.class).one());
    }

    @Test
    void the_form_issues_the_credential_the_api_would_and_lands_on_its_page() {
        ServerHarness.Response page = server.page("/app/issue", owner);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Issue a credential", "Certified Data Steward", "/app/preview/certificate.png?achievement=" + achievement,
                "/static/issue.js");
        ServerHarness.Response sent = server.form("/app/issue", owner, issueForm(owner, "achievementId", String.valueOf(achievement),
                "name", "Ada Lovelace", "email", "ada@pages.example", "issued", "2025-03-01", "grade", "A", "evidenceUrl", "https://ada.example/work",
                "notify", "true"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(303);
        String location = sent.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/app/credentials/CRD-[0-9A-Z-]+\\?notice=issued");
        String number = location.substring("/app/credentials/".length(), location.indexOf('?'));

        JsonNode stored = server.send("GET", "/api/v1/credentials/" + number, key, null).json();
        JsonNode credential = stored.get("credential");
        assertThat(credential.at("/credentialSubject/result/0/value").asText()).isEqualTo("A");
        assertThat(credential.at("/validFrom").asText()).isEqualTo("2025-03-01T00:00:00Z");
        assertThat(credential.at("/evidence/0/id").asText()).isEqualTo("https://ada.example/work");
        assertThat(credential.toString()).contains("Ada Lovelace");
        // the API, asked for the same recipient and achievement, answers this very credential: one service, one rule
        ServerHarness.Response api = server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement
                + ", \"recipient\": {\"name\": \"Ada Lovelace\", \"email\": \"ada@pages.example\"}}");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().get("number").asText()).isEqualTo(number);
        Long audited = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM audit_event WHERE action = 'credential.issue' AND actor LIKE 'user:%' AND after ->> 'number' = :n")
                .bind("n", number).mapTo(Long.class).one());
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void each_field_at_fault_gets_its_message_beside_it_and_keeps_what_was_typed() {
        ServerHarness.Response noName = server.form("/app/issue", issuer, issueForm(issuer, "achievementId", String.valueOf(achievement),
                "name", " ", "email", "grace@pages.example"));
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.body()).contains("id=\"name-error\"", "Write the recipient's name", "value=\"grace@pages.example\"");

        ServerHarness.Response badEmail = server.form("/app/issue?lang=nb", issuer, issueForm(issuer, "lang", "nb", "achievementId",
                String.valueOf(achievement), "name", "Grace Hopper", "email", "grace at example"));
        assertThat(badEmail.status()).isEqualTo(422);
        assertThat(badEmail.body()).contains("id=\"email-error\"", "Skriv en e-postadresse", "value=\"Grace Hopper\"", "aria-invalid=\"true\"");

        ServerHarness.Response badDate = server.form("/app/issue", issuer, issueForm(issuer, "achievementId", String.valueOf(achievement),
                "name", "Grace Hopper", "email", "grace@pages.example", "issued", "2025-02-01", "expires", "2024-01-01"));
        assertThat(badDate.status()).isEqualTo(422);
        assertThat(badDate.body()).contains("id=\"expires-error\"", "The expiry date must be a date after the issue date");

        ServerHarness.Response badUrl = server.form("/app/issue", issuer, issueForm(issuer, "achievementId", String.valueOf(achievement),
                "name", "Grace Hopper", "email", "grace@pages.example", "evidenceUrl", "javascript:alert(1)"));
        assertThat(badUrl.status()).isEqualTo(422);
        assertThat(badUrl.body()).contains("id=\"evidenceUrl-error\"");
        assertThat(server.send("GET", "/api/v1/credentials?q=grace", key, null).json().get("items")).as("nothing issued by refused forms").isEmpty();
    }

    @Test
    void a_double_submit_issues_once_and_a_reused_form_with_other_values_is_sent_back() {
        long before = credentials("twice.example");
        String[] form = issueForm(owner, "achievementId", String.valueOf(achievement), "name", "Katherine Johnson", "email", "kj@twice.example");
        ServerHarness.Response first = server.form("/app/issue", owner, form);
        ServerHarness.Response second = server.form("/app/issue", owner, form);
        assertThat(first.status()).isEqualTo(303);
        assertThat(second.status()).isEqualTo(303);
        String number = first.headers().firstValue("Location").orElseThrow().replaceAll("^/app/credentials/|\\?.*$", "");
        assertThat(second.headers().firstValue("Location").orElseThrow()).contains(number);
        assertThat(credentials("twice.example")).isEqualTo(before + 1);

        // the same key (a page kept open, the back button) with another recipient: shown again with a fresh key, nothing issued
        form[form.length - 1] = "dorothy@twice.example";
        ServerHarness.Response reused = server.form("/app/issue", owner, form);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.body()).contains("already sent with other values");
        assertThat(field(reused.body(), "idempotencyKey")).isNotEqualTo(form[3]);
        assertThat(credentials("twice.example")).isEqualTo(before + 1);
    }

    @Test
    void viewers_and_analysts_are_refused_and_signed_out_people_sent_to_sign_in() {
        for (String role : new String[] {"viewer", "analyst"}) {
            String cookie = server.signIn("pages", role + "@pages.example", PASSWORD);
            assertThat(server.page("/app/issue", cookie).status()).isEqualTo(403);
            assertThat(server.page("/app/issuance-jobs", cookie).status()).isEqualTo(403);
            String csrf = field(server.page("/app", cookie).body(), "csrf");
            assertThat(server.form("/app/issue", cookie, "csrf", csrf, "achievementId", String.valueOf(achievement), "name", "X",
                    "email", "x@pages.example", "idempotencyKey", "k").status()).isEqualTo(403);
        }
        assertThat(server.page("/app/issue", null).status()).isEqualTo(303);
        assertThat(server.page("/app/issuance-jobs", null).headers().firstValue("Location").orElseThrow()).startsWith("/login");
    }

    @Test
    void another_tenants_achievement_and_jobs_are_not_reachable() {
        ServerHarness.Response foreign = server.form("/app/issue", owner, issueForm(owner, "achievementId", String.valueOf(otherAchievement),
                "name", "Mallory", "email", "mallory@pages.example"));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.body()).contains("id=\"achievementId-error\"");
        assertThat(foreign.body()).doesNotContain(otherAchievement + "\" selected");

        ServerHarness.Response job = server.sendBytes("POST", "/api/v1/issuance-jobs", otherKey,
                ("name,email,achievement\nEve,eve@other.example," + otherAchievement + "\n").getBytes(StandardCharsets.UTF_8), "Content-Type", "text/csv");
        long otherJob = job.json().get("id").asLong();
        assertThat(server.page("/app/issuance-jobs/" + otherJob, owner).status()).isEqualTo(404);
        assertThat(server.page("/app/issuance-jobs/" + otherJob + "/cancel", owner).status()).isEqualTo(404);
        assertThat(server.page("/app/issuance-jobs", owner).body()).doesNotContain("/app/issuance-jobs/" + otherJob + "\"");

        // an upload waits for its uploader only
        String mapping = upload(owner, "people.csv", "name,email\nAlan,alan@pages.example\n").headers().firstValue("Location").orElseThrow();
        ServerHarness.Response stolen = server.page(mapping, issuer);
        assertThat(stolen.status()).isEqualTo(303);
        assertThat(stolen.headers().firstValue("Location").orElseThrow()).contains("notice=expired");
    }

    @Test
    void a_csv_is_mapped_checked_line_by_line_issued_and_its_result_file_lists_every_row() throws Exception {
        String csv = """
                Full Name;E-post;Score;Cohort;Notes
                Ada One;ada1@bulk.example;A;2025-spring;first
                Bad Email;not-an-address;B;2025-spring;second

                Ada Three;ada3@bulk.example;C;2025-autumn;"a note
                over two lines"
                ;nameless@bulk.example;D;2025-autumn;fifth
                Ada Six;ada6@bulk.example;E;2025-autumn;sixth
                """;
        long before = credentials("bulk.example");
        ServerHarness.Response uploaded = upload(issuer, "cohort.csv", csv);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(303);
        String mappingPath = uploaded.headers().firstValue("Location").orElseThrow();
        ServerHarness.Response mapping = server.page(mappingPath, issuer);
        assertThat(mapping.status()).isEqualTo(200);
        String html = mapping.body();
        // the forgiving matcher's guesses are filled in: Full Name → name, E-post → email, Score → grade; unknown → ignored
        assertThat(selected(html, 0)).isEqualTo("name");
        assertThat(selected(html, 1)).isEqualTo("email");
        assertThat(selected(html, 2)).isEqualTo("grade");
        assertThat(selected(html, 3)).isEqualTo("ignore");
        assertThat(html).contains("Ada One", "cohort.csv");

        // two columns for one field is refused beside the second
        ServerHarness.Response twice = server.form(mappingPath, issuer, "csrf", field(html, "csrf"), "column.0", "name", "column.1", "email",
                "column.2", "name", "column.3", "custom", "column.4", "ignore", "achievementForAll", String.valueOf(achievement));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.body()).contains("id=\"column-2-error\"");

        ServerHarness.Response mapped = server.form(mappingPath, issuer, "csrf", field(html, "csrf"), "column.0", "name", "column.1", "email",
                "column.2", "grade", "column.3", "custom", "column.4", "ignore", "achievementForAll", String.valueOf(achievement));
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(303);
        String dryRunPath = mapped.headers().firstValue("Location").orElseThrow();
        ServerHarness.Response dryRun = server.page(dryRunPath, issuer);
        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(text(dryRun.body(), "count-total")).isEqualTo("5");
        assertThat(text(dryRun.body(), "count-issuable")).isEqualTo("3");
        assertThat(text(dryRun.body(), "count-refused")).isEqualTo("2");
        // the lines are the file's, blank line and quoted line break counted
        assertThat(dryRun.body()).containsPattern("<td>3</td><td>E-mail address</td><td class=\"reason\">[^<]*not-an-address")
                .containsPattern("<td>7</td><td>Name</td><td class=\"reason\">name is required");
        assertThat(credentials("bulk.example")).as("a dry run issues nothing").isEqualTo(before);

        String start = dryRunPath.replace("/dry-run", "/start");
        ServerHarness.Response started = server.form(start, issuer, "csrf", field(html, "csrf"));
        assertThat(started.status()).isEqualTo(303);
        String jobPath = started.headers().firstValue("Location").orElseThrow();
        assertThat(jobPath).matches("/app/issuance-jobs/\\d+\\?notice=started");
        // a second click answers the same job
        assertThat(server.form(start, issuer, "csrf", field(html, "csrf")).headers().firstValue("Location").orElseThrow()).isEqualTo(jobPath);
        long id = Long.parseLong(jobPath.replaceAll("\\D+(\\d+).*", "$1"));
        JsonNode job = finished(id);
        assertThat(job.get("issued").asInt()).isEqualTo(3);
        assertThat(job.get("failed").asInt()).isEqualTo(2);
        assertThat(job.get("notify").asBoolean()).isFalse();

        ServerHarness.Response page = server.page(jobPath, issuer);
        assertThat(page.body()).contains("Finished", "<progress", "id=\"result\"", "not-an-address").doesNotContain("id=\"cancel\"");
        ServerHarness.Response result = server.page("/api/v1/issuance-jobs/" + id + "/result.csv", issuer);
        assertThat(result.status()).isEqualTo(200);
        String[] lines = result.body().split("\r?\n");
        assertThat(lines[0]).isEqualTo("line,status,name,email,achievement,number,url,field,error,custom_Cohort");
        assertThat(result.body()).contains("2,issued,Ada One,ada1@bulk.example," + achievement + ",CRD-", "3,failed,Bad Email", "2025-autumn");
    }

    @Test
    void a_running_job_can_be_cancelled_after_a_confirmation_step() {
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 0; i < 2000; i++) {
            csv.append("Person ").append(i).append(",p").append(i).append("@cancel.example\n");
        }
        String mappingPath = upload(owner, "many.csv", csv.toString()).headers().firstValue("Location").orElseThrow();
        String csrf = field(server.page(mappingPath, owner).body(), "csrf");
        server.form(mappingPath, owner, "csrf", csrf, "column.0", "name", "column.1", "email", "achievementForAll", String.valueOf(achievement));
        String jobPath = server.form(mappingPath + "/start", owner, "csrf", csrf).headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(jobPath.replaceAll("\\D+(\\d+).*", "$1"));
        ServerHarness.Response confirm = server.page("/app/issuance-jobs/" + id + "/cancel", owner);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("Cancel this job?", "Yes, cancel the job");
        ServerHarness.Response cancelled = server.form("/app/issuance-jobs/" + id + "/cancel", owner, "csrf", csrf);
        assertThat(cancelled.status()).isEqualTo(303);
        assertThat(cancelled.headers().firstValue("Location").orElseThrow()).matches(".*notice=(cancelled|already_finished)");
        JsonNode job = server.send("GET", "/api/v1/issuance-jobs/" + id, key, null).json();
        assertThat(job.get("state").asText()).isIn("cancelled", "finished");
        Long audited = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM audit_event WHERE action IN ('issuance-job.create', 'issuance-job.cancel') AND subject = :s")
                .bind("s", "issuance-job:" + id).mapTo(Long.class).one());
        assertThat(audited).isGreaterThanOrEqualTo(1);
    }

    @Test
    void an_unreadable_upload_is_refused_on_the_upload_form() {
        ServerHarness.Response empty = upload(issuer, "empty.csv", "");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("id=\"file-error\"");
        ServerHarness.Response json = upload(issuer, "rows.json", "[{\"name\": \"A\"}]");
        assertThat(json.status()).isEqualTo(422);
        assertThat(json.body()).contains("JSON");
    }

    /** Polls the job through the API until it is over. */
    static JsonNode finished(long id) throws InterruptedException {
        return server.finishedJob(key, id);
    }

    static String selected(String html, int column) {
        Matcher select = Pattern.compile("name=\"column\\." + column + "\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(html);
        assertThat(select.find()).isTrue();
        Matcher option = Pattern.compile("<option value=\"([^\"]+)\" selected").matcher(select.group(1));
        assertThat(option.find()).as(select.group(1)).isTrue();
        return option.group(1);
    }

    static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1).strip();
    }

    /** Uploads {@code csv} through the page's multipart form, with the session's CSRF token. */
    static ServerHarness.Response upload(String cookie, String filename, String csv) {
        return upload(server, cookie, filename, csv);
    }

    /** Uploads {@code csv} to {@code server}'s page as {@link #upload(String, String, String)} does. */
    static ServerHarness.Response upload(ServerHarness server, String cookie, String filename, String csv) {
        String csrf = field(server.page("/app/issuance-jobs", cookie).body(), "csrf");
        String boundary = "----credence-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv + "\r\n--" + boundary + "--\r\n";
        return server.sendBytes("POST", "/app/issuance-jobs", null, body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "multipart/form-data; boundary=" + boundary, "Cookie", "credence_session=" + cookie);
    }
}
