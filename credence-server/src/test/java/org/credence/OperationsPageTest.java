package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operations page over HTTP: its figures and ledger in English and Norwegian, the owner's cost form, who may see and post. */
class OperationsPageTest {
    static final String PASSWORD = "correct horse battery staple";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static String owner;
    static String analyst;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("opspage");
        long achievement = server.achievement(key);
        server.send("POST", "/api/v1/credentials", key,
                "{\"achievementId\": " + achievement + ", \"notify\": false, \"recipient\": {\"name\": \"R\", \"email\": \"r@example.org\"}}");
        user("owner@opspage.example", "owner");
        user("analyst@opspage.example", "analyst");
        user("viewer@opspage.example", "viewer");
        owner = signIn("owner@opspage.example");
        analyst = signIn("analyst@opspage.example");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void user(String email, String role) {
        server.user(key, email, role, PASSWORD);
    }

    static String signIn(String email) {
        return server.signIn("opspage", email, PASSWORD);
    }

    static ServerHarness.Response get(String path, String cookie) {
        return server.sendBytes("GET", path, null, null, "Cookie", cookie == null ? null : "credence_session=" + cookie);
    }

    static String csrf(String page) {
        int at = page.indexOf("name=\"csrf\" value=\"");
        return page.substring(at + 19, page.indexOf('"', at + 19));
    }

    @Test
    void theOwnerAddsACostLineWithTheFormAndSeesItInTheLedgerAndTheFigures() {
        var page = get("/app/analytics/operations", owner);
        OpenApiContractTest.check("/app/analytics/operations", "get", page);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Operations and costs", "Time to issue (median)", "Add a cost line", "Credence default until you set your own");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        var posted = server.form("/app/analytics/operations/costs", owner, "csrf", csrf(page.body()), "category", "staff", "incurredOn", today,
                "hours", "3", "hourlyRate", "55.50", "currency", "EUR", "note", "Exam <b>marking</b>", "lang", "en");
        OpenApiContractTest.check("/app/analytics/operations/costs", "post", posted);
        assertThat(posted.status()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("notice=added");
        var after = get(location, owner);
        assertThat(after.body()).contains("Cost line added.", "166.50", "Exam &lt;b&gt;marking&lt;/b&gt;", "Staff (hours × rate)", "user:")
                .doesNotContain("<b>marking");
        assertThat(server.send("GET", "/api/v1/audit", key, null).body()).contains("program_cost.create");
    }

    @Test
    void aBadLineComesBackNamingTheFieldInWords() {
        var page = get("/app/analytics/operations", owner);
        var posted = server.form("/app/analytics/operations/costs", owner, "csrf", csrf(page.body()), "category", "design",
                "incurredOn", "2026-01-01", "amount", "-3", "currency", "EUR", "lang", "nb");
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("error=amount");
        assertThat(get(location, owner).body()).contains("Kostnadslinjen ble ikke lagt til: sjekk Beløp.");
    }

    @Test
    void theNorwegianPageNamesEveryFigureInNorwegian() {
        var page = get("/app/analytics/operations?lang=nb&granularity=week", analyst);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Drift og kostnader", "Tid til utstedelse (median)", "Sparte kostnader (anslag)", "Bare eieren kan registrere kostnader.")
                .doesNotContain("Time to issue (median)");
    }

    @Test
    void onlyOwnersPostCostsAndViewersSeeNoPage() {
        var page = get("/app/analytics/operations", analyst);
        assertThat(page.body()).doesNotContain("action=\"/app/analytics/operations/costs\"");
        var refused = server.form("/app/analytics/operations/costs", analyst, "csrf", page.body().contains("name=\"csrf\"") ? csrf(page.body()) : "none",
                "category", "other", "incurredOn", "2026-01-01", "amount", "1", "currency", "EUR");
        assertThat(refused.status()).isEqualTo(403);
        var noToken = server.form("/app/analytics/operations/costs", owner, "category", "other", "incurredOn", "2026-01-01", "amount", "1",
                "currency", "EUR");
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(get("/app/analytics/operations", signIn("viewer@opspage.example")).status()).isEqualTo(403);
        assertThat(get("/app/analytics/operations", null).status()).isEqualTo(303);
    }

    @Test
    void theDashboardLinksToTheOperationsPage() {
        assertThat(get("/app/analytics", analyst).body()).contains("href=\"/app/analytics/operations\"");
    }
}
