package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.i18n.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a program owner met walking the whole path in the browser (setup, branding, an achievement, a design, issuing
 * one and a CSV, managing credentials, users) in English and Norwegian, each as a plain-HTTP regression test.
 */
@Tag("integration")
class WalkthroughTest {
    static final String PASSWORD = "a long enough passphrase";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static long achievement;
    static String owner;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("walk");
        achievement = server.achievement(key);
        server.user(key, "owner@walk.example", "owner", PASSWORD);
        owner = server.signIn("walk", "owner@walk.example", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void norwegian_calls_an_achievement_a_kompetanse_and_only_a_credential_a_kompetansebevis() {
        // the achievements list was titled "Kompetansebevis", the credentials list's name, and the home said "prestasjon"
        String achievements = server.page("/app/achievements?lang=nb", owner).body();
        String credentials = server.page("/app/credentials?lang=nb", owner).body();
        assertThat(h1(achievements)).isEqualTo("Kompetanser");
        assertThat(h1(credentials)).startsWith("Kompetansebevis");
        assertThat(achievements).contains("Ny kompetanse").doesNotContain("Nytt kompetansebevis");
        for (String area : Messages.AREAS) {
            assertThat(Messages.texts(area, "nb").values()).as(area).noneMatch(text -> text.toLowerCase().contains("prestasjon"));
        }
        // the app bar and the audit page's heading use one word for the audit trail
        String audit = server.page("/app/audit?lang=nb", owner).body();
        assertThat(h1(audit)).startsWith("Revisjonslogg");
        assertThat(audit).contains(">Revisjonslogg</");
        // a user's state is a word like the role beside it ("Eier"), not lower-case like a code name
        assertThat(server.page("/app/users?lang=nb", owner).body()).contains(">Aktiv</td>");
    }

    @Test
    void issuing_one_lands_on_its_page_saying_it_was_issued_or_that_the_recipient_already_held_it() {
        // the second form for the same recipient was refused with the API's words about an Idempotency-Key
        String location = issue("nb", "Nora Nordmann", "nora@walk.example");
        assertThat(location).contains("notice=issued");
        String issued = server.page(location, owner).body();
        assertThat(issued).contains("Kompetansebeviset er utstedt.");
        // the certificate is a "Sertifikat" in nb everywhere (the public page, the achievement form), not a "Kursbevis" here only
        assertThat(issued).contains("Sertifikat (PDF)").doesNotContain("Kursbevis (PDF)");
        // the same recipient again: nothing new, and the page says so instead of looking like a new credential
        String again = issue("en", "Nora Nordmann", "nora@walk.example");
        assertThat(again).contains("notice=already_issued");
        assertThat(server.page(again, owner).body()).contains("Nothing new was issued: this recipient already holds this achievement.");
        assertThat(server.count("SELECT count(*) FROM credential WHERE recipient_email = ?", "nora@walk.example")).isEqualTo(1);
        assertThat(server.page(again.replace("already_issued", "%3Cb%3Emade-up%3C%2Fb%3E"), owner).body()).doesNotContain("made-up</b>");
    }

    @Test
    void a_reinstated_credential_shows_active_without_the_reinstatement_reason_beside_it() {
        String page = issue("en", "Sam Suspended", "sam@walk.example").replaceAll("\\?.*", "");
        String suspended = confirm(page + "/suspend", "reason", "Course fee unpaid");
        assertThat(state(server.page(suspended, owner).body())).contains("Suspended").contains("Course fee unpaid");
        String reinstated = confirm(page + "/reinstate", "reason", "Fee paid");
        String html = server.page(reinstated, owner).body();
        assertThat(state(html)).contains("Active").doesNotContain("Fee paid").doesNotContain("Course fee unpaid");
        assertThat(html).as("the timeline keeps both reasons").contains("Fee paid", "Course fee unpaid");
    }

    @Test
    void a_csv_dry_run_names_the_problem_column_in_words_in_norwegian() {
        String csrf = AccountsHttp.csrf(server.page("/app/issuance-jobs", owner).body());
        String boundary = "----walk-boundary";
        String csv = "Name,Emial\nAda Lovelace,ada@walk.example\nTim,not-an-email\n,nobody@walk.example\n";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"walk.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv + "\r\n--" + boundary + "--\r\n";
        var uploaded = server.sendBytes("POST", "/app/issuance-jobs?lang=nb", null, body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "multipart/form-data; boundary=" + boundary, "Cookie", "credence_session=" + owner);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(303);
        String mappingPath = uploaded.headers().firstValue("Location").orElseThrow();
        // the misspelled column is mapped by hand
        var mapped = server.form(mappingPath, owner, "csrf", csrf, "lang", "nb", "column.0", "name", "column.1", "email",
                "achievementForAll", String.valueOf(achievement));
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(303);
        String dryRun = server.page(mapped.headers().firstValue("Location").orElseThrow(), owner).body();
        assertThat(dryRun).contains("<td>3</td><td>E-postadresse</td>", "<td>4</td><td>Navn</td>")
                .doesNotContain("<td>email</td>", "<td>name</td>");
    }

    @Test
    void the_norwegian_board_report_names_its_operations_figures_in_norwegian() {
        // layer 1's names came from the dashboard's bundle only, so "Claim lag (median)" and friends stayed English
        String board = server.page("/app/reports/board?lang=nb", owner).body();
        assertThat(board).contains("Utstedte kompetansebevis", "Tid til henting (median)", "Supporthenvendelser")
                .doesNotContain("Credentials issued", "Claim lag (median)", "Support tickets", "Delivery success");
    }

    @Test
    void the_norwegian_assumptions_page_gives_the_defaults_sources_in_norwegian() {
        // the insights library writes its defaults' sources in English, and the page showed them as they were
        String nb = server.page("/app/assumptions?lang=nb", owner).body();
        assertThat(nb).contains("Illustrerende tall fra ROI-rammeverket", "10 minutter for å fylle ut en mal")
                .doesNotContain("Illustrative figure", "Default until you set your own");
        assertThat(server.page("/app/assumptions", owner).body()).contains("Illustrative figure from the five-layer ROI framework");
        // the operations page no longer says "default until you set your own" twice in one line
        String operations = server.page("/app/analytics/operations", owner).body();
        assertThat(operations).contains("Credence default until you set your own — 10 minutes to fill in a template");
        // and so does the marketing-value table of the analytics dashboard
        assertThat(server.page("/app/analytics?lang=nb", owner).body()).contains("Illustrerende tall fra ROI-rammeverket")
                .doesNotContain("Illustrative figure");
    }

    /** Issues through /app/issue in {@code lang}; returns where the form sends the browser. */
    static String issue(String lang, String name, String email) {
        String form = server.page("/app/issue?lang=" + lang, owner).body();
        var sent = server.form("/app/issue?lang=" + lang, owner, "csrf", AccountsHttp.csrf(form), "idempotencyKey",
                AccountsHttp.match(form, "name=\"idempotencyKey\" value=\"([^\"]*)\""), "lang", lang, "achievementId", String.valueOf(achievement),
                "name", name, "email", email);
        assertThat(sent.status()).as(sent.body()).isEqualTo(303);
        return sent.headers().firstValue("Location").orElseThrow();
    }

    /** Opens an action's confirmation step and confirms it with one field; returns where it sends the browser. */
    static String confirm(String step, String field, String value) {
        String html = server.page(step, owner).body();
        var done = server.form(step, owner, "csrf", AccountsHttp.csrf(html), "confirm", "yes", field, value);
        assertThat(done.status()).as(done.body()).isEqualTo(303);
        return done.headers().firstValue("Location").orElseThrow();
    }

    static String h1(String html) {
        return AccountsHttp.match(html, "<h1[^>]*>([^<]*)<").strip();
    }

    /** The credential page's state line. */
    static String state(String html) {
        Matcher m = Pattern.compile("<dd><span class=\"state[^\"]*\">.*?</dd>", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        return m.group();
    }
}
