package org.credence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.IssuingPagesTest.field;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV uploaded on {@code /app/issuance-jobs} waits in the data directory with a row in the database: a restart
 * between its steps keeps it usable, nobody but its uploader reaches it, and the scheduler's sweep removes it and its
 * files once it has expired.
 */
@Tag("integration")
class StagedUploadsTest {
    private static final String PASSWORD = "a long enough passphrase";
    private static final String CSV = """
            Full Name,E-post
            Ada One,ada1@staged.example
            Ada Two,ada2@staged.example
            """;
    @TempDir
    static Path data;
    static final MovableClock clock = new MovableClock();
    static ServerHarness server;
    static long achievement;
    static long tenantId;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data, clock);
        String key = server.tenant("staged");
        achievement = server.achievement(key);
        tenantId = server.tenantId("staged");
        server.user(key, "issuer@staged.example", "issuer", PASSWORD);
        server.user(key, "other@staged.example", "issuer", PASSWORD);
        String otherKey = server.tenant("staged-other");
        server.user(otherKey, "issuer@staged.example", "owner", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String signIn(String slug, String email) {
        return server.signIn(slug, email, PASSWORD);
    }

    private static String uploaded(String cookie) {
        ServerHarness.Response uploaded = IssuingPagesTest.upload(server, cookie, "staged.csv", CSV);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(303);
        return uploaded.headers().firstValue("Location").orElseThrow();
    }

    private static List<Path> stagedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("uploads").resolve("staged"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void a_restart_between_mapping_and_start_keeps_the_upload_and_its_mapping() throws Exception {
        String issuer = signIn("staged", "issuer@staged.example");
        String mappingPath = uploaded(issuer);
        String csrf = field(server.page(mappingPath, issuer).body(), "csrf");
        ServerHarness.Response mapped = server.form(mappingPath, issuer, "csrf", csrf, "column.0", "name", "column.1", "email",
                "achievementForAll", String.valueOf(achievement));
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(303);
        String dryRunPath = mapped.headers().firstValue("Location").orElseThrow();

        server.restart();

        // the session is stored too: the same person carries on where they were
        ServerHarness.Response dryRun = server.page(dryRunPath, issuer);
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(IssuingPagesTest.text(dryRun.body(), "count-issuable")).isEqualTo("2");
        // the mapping chosen before the restart is shown again
        assertThat(IssuingPagesTest.selected(server.page(mappingPath, issuer).body(), 0)).isEqualTo("name");

        ServerHarness.Response started = server.form(dryRunPath.replace("/dry-run", "/start"), issuer, "csrf", csrf);
        assertThat(started.status()).isEqualTo(303);
        assertThat(started.headers().firstValue("Location").orElseThrow()).matches("/app/issuance-jobs/\\d+\\?notice=started");
        // once the job holds the rows the files are gone; the upload's address leads to the job
        String token = mappingPath.substring(mappingPath.lastIndexOf('/') + 1);
        assertThat(stagedFiles()).noneMatch(f -> f.getFileName().toString().startsWith(token));
        assertThat(server.page(mappingPath, issuer).headers().firstValue("Location").orElseThrow()).matches("/app/issuance-jobs/\\d+");
    }

    @Test
    void another_person_or_another_tenants_person_with_the_same_address_cannot_reach_an_upload() throws Exception {
        String issuer = signIn("staged", "issuer@staged.example");
        String mappingPath = uploaded(issuer);
        long userId = server.count("SELECT user_id FROM staged_upload WHERE token = ?", mappingPath.substring(mappingPath.lastIndexOf('/') + 1));
        // the file waits in a folder of its own tenant and person
        assertThat(stagedFiles()).anyMatch(f -> f.getParent().equals(data.resolve("uploads/staged/" + tenantId + "/" + userId)));

        String colleague = signIn("staged", "other@staged.example");
        String stranger = signIn("staged-other", "issuer@staged.example");
        for (String cookie : List.of(colleague, stranger)) {
            for (String step : List.of("", "/dry-run")) {
                ServerHarness.Response page = server.page(mappingPath + step, cookie);
                assertThat(page.status()).isEqualTo(303);
                assertThat(page.headers().firstValue("Location").orElseThrow()).contains("notice=expired");
                assertThat(page.body()).doesNotContain("ada1@staged.example");
            }
            String csrf = field(server.page("/app/issuance-jobs", cookie).body(), "csrf");
            ServerHarness.Response start = server.form(mappingPath + "/start", cookie, "csrf", csrf);
            assertThat(start.headers().firstValue("Location").orElseThrow()).contains("notice=expired");
        }
        assertThat(server.page(mappingPath, issuer).status()).isEqualTo(200);
    }

    @Test
    void an_expired_upload_is_refused_and_the_sweep_deletes_its_row_and_files() throws Exception {
        String issuer = signIn("staged", "other@staged.example");
        String mappingPath = uploaded(issuer);
        String token = mappingPath.substring(mappingPath.lastIndexOf('/') + 1);
        assertThat(stagedFiles()).anyMatch(f -> f.getFileName().toString().startsWith(token));

        // the session outlives the upload's two hours only by being used; each test signs in afresh
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(server.page(mappingPath, issuer).headers().firstValue("Location").orElseThrow()).contains("notice=expired");
        server.credence.stagedUploads().sweep();
        assertThat(server.count("SELECT count(*) FROM staged_upload WHERE token = ?", token)).isZero();
        assertThat(stagedFiles()).noneMatch(f -> f.getFileName().toString().startsWith(token));
    }
}
