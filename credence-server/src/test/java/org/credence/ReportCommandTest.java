package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.credence.cli.CredenceCli;
import org.credence.report.Quarter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code credence report board} writes the board report PDF from a stopped server's data directory. */
@Tag("integration")
class ReportCommandTest {
    @TempDir
    Path data;
    @TempDir
    Path out;

    record Run(int exit, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CredenceCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void the_command_writes_the_board_report_of_a_tenant_as_a_pdf() throws Exception {
        try (ServerHarness server = new ServerHarness(data)) {
            String key = server.tenant("cli");
            long achievement = server.achievement(key);
            for (int i = 0; i < 6; i++) {
                server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement
                        + ", \"recipient\": {\"name\": \"R\", \"email\": \"c" + i + "@example.org\"}, \"notify\": false}");
            }
            // the earners invited to their survey today: the command reads the surveys from the database too
            server.sql("""
                    INSERT INTO survey_invitation (tenant_id, achievement_id, wave_month, cohort, credential_id, language, invited_at, closes_at)
                    SELECT tenant_id, achievement_id, 6, 'earner', id, 'en', now(), now() + interval '30 days'
                      FROM credential WHERE tenant_id = (SELECT id FROM tenant WHERE slug = 'cli')""");
        }
        Quarter quarter = Quarter.of(LocalDate.now(ZoneOffset.UTC));
        Path pdf = out.resolve("board.pdf");

        Run run = cli("report", "board", "--tenant", "cli", "--quarter", quarter.toString(), "--out", pdf.toString(), "--data", data.toString(),
                "--lang", "nb");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("wrote", "board report " + quarter);
        try (var doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(doc)).contains("Styrerapport", "cli Academy", quarter.toString(),
                    quarter.previous().toString(), "L1 Drift", "Målemodenhet", "Svarprosent");
        }
        Run bad = cli("report", "board", "--tenant", "cli", "--quarter", "2026Q7", "--out", pdf.toString(), "--data", data.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("2026Q3");
        Run unknown = cli("report", "board", "--tenant", "nobody", "--quarter", quarter.toString(), "--out", pdf.toString(), "--data",
                data.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no tenant 'nobody'");
    }
}
