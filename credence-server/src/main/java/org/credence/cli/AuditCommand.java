package org.credence.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.credence.audit.AuditChain;
import org.credence.db.Database;
import org.credence.transparency.LogAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code credence audit verify}: checks the stored records for edits made behind Credence's back. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check the integrity of the stored records.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the audit trail's hash chain, recompute every transparency log from the stored credentials and entries,"
                    + " and compare it with every signed checkpoint.",
                    "Runs on the data directory with the server stopped, or on CREDENCE_DATABASE_URL.",
                    "Exit 0: all is intact. Exit 1: the first discrepancy is printed (table, row, expected, found)."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", defaultValue = "credence-data", description = "The server's data directory (default: ${DEFAULT-VALUE}).")
        Path data;

        @Override
        public Integer call() {
            Database database = CliDatabase.open(data);
            var out = spec.commandLine().getOut();
            try (database) {
                return database.jdbi().withHandle(h -> {
                    AuditChain.Walk chain = AuditChain.verify(h);
                    if (chain.broken().isPresent()) {
                        out.println("FAILED: " + chain.broken().get().describe());
                        out.flush();
                        return CredenceCli.EXIT_INVALID;
                    }
                    LogAudit.Result log = LogAudit.check(h);
                    if (log.discrepancy().isPresent()) {
                        out.println("FAILED: " + log.discrepancy().get());
                        out.flush();
                        return CredenceCli.EXIT_INVALID;
                    }
                    out.println("OK: audit trail: " + chain.checked() + " entries, every hash chain intact");
                    out.println("OK: transparency logs: " + log.leaves() + " leaves recomputed from their entries; " + log.credentials()
                            + " credentials match their logged issuance and state; " + log.checkpoints() + " signed checkpoints match");
                    out.flush();
                    return 0;
                });
            }
        }
    }
}
