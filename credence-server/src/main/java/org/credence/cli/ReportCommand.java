package org.credence.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.credence.db.Database;
import org.credence.domain.DomainException;
import org.credence.report.BoardReports;
import org.credence.report.Quarter;
import org.credence.report.ReportDocuments;
import org.credence.report.ReportModule;
import org.credence.report.ReportQueries;
import org.credence.report.ReportSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code credence report board}: a tenant's quarterly board report as a PDF file, straight from the database. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Write a tenant's reports as files.",
        subcommands = ReportCommand.Board.class)
final class ReportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "board", mixinStandardHelpOptions = true,
            description = {"Write the quarterly board report (one page, the previous quarter beside each figure) as a PDF.",
                    "Runs on the data directory with the server stopped, or on CREDENCE_DATABASE_URL."})
    static final class Board implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--tenant", required = true, description = "The tenant's slug, e.g. acme.")
        String tenant;

        @Option(names = "--quarter", required = true, description = "The quarter, e.g. 2026Q3.")
        String quarter;

        @Option(names = "--out", required = true, description = "The PDF file to write.")
        Path out;

        @Option(names = "--lang", defaultValue = "en", description = "en or nb (default: ${DEFAULT-VALUE}).")
        String lang;

        @Option(names = "--data", defaultValue = "credence-data", description = "The server's data directory (default: ${DEFAULT-VALUE}).")
        Path data;

        @Override
        public Integer call() {
            Quarter q;
            try {
                q = Quarter.parse(quarter);
            } catch (DomainException.InvalidInput e) {
                throw new CredenceCli.UsageProblem(e.getMessage());
            }
            if (!lang.equals("en") && !lang.equals("nb")) {
                throw new CredenceCli.UsageProblem("--lang must be en or nb, not '" + lang + "'");
            }
            try (Database database = CliDatabase.open(data)) {
                var jdbi = database.jdbi();
                ReportQueries queries = new ReportQueries(jdbi);
                long tenantId = queries.tenantBySlug(tenant).orElseThrow(() -> new CredenceCli.UsageProblem("no tenant '" + tenant + "'"));
                BoardReports reports = ReportModule.reports(queries, ReportSources.of(jdbi, Clock.systemUTC()));
                LocalDate today = LocalDate.now(ZoneOffset.UTC);
                byte[] pdf = ReportDocuments.boardPdf(reports.board(tenantId, q, today), lang, today);
                Files.write(out, pdf);
                spec.commandLine().getOut().println("wrote " + out + " (" + pdf.length + " bytes): board report " + q + " of " + tenant);
                spec.commandLine().getOut().flush();
                return 0;
            } catch (IOException e) {
                throw new CredenceCli.UsageProblem("cannot write " + out + ": " + e.getMessage());
            }
        }
    }
}
