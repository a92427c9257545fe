package org.credence.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code credence} command: one entry point, a subcommand per task. */
@Command(name = "credence", mixinStandardHelpOptions = true, version = "Credence 0.1.0",
        description = "Issue, verify and track Open Badges 3.0 credentials.",
        subcommands = {ServeCommand.class, TenantCommand.class, UserCommand.class, ApiKeyCommand.class, IssueCommand.class, RevokeCommand.class, ImportCommand.class, KeygenCommand.class, SignCommand.class, VerifyCommand.class, AuditCommand.class, ReportCommand.class, CommandLine.HelpCommand.class})
public final class CredenceCli implements Runnable {
    /** Exit code for a usable input that failed verification. */
    static final int EXIT_INVALID = 1;
    /** Exit code for input that is not usable at all (not JSON, not a credential, unreadable file). */
    static final int EXIT_UNUSABLE = 2;

    // held in a field: java.util.logging keeps loggers weakly, and a collected one forgets its level
    private static final java.util.logging.Logger TITANIUM_LOG = java.util.logging.Logger.getLogger("com.apicatalog");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // titanium logs JSON-LD warnings through java.util.logging; a terminal wants only our report
        TITANIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.exit(run(args));
    }

    /** Runs the CLI on the process's streams and returns its exit code. */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the CLI writing to {@code out} and {@code err}, and returns its exit code (tests use this). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new CredenceCli());
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("credence: " + (e instanceof UsageProblem ? e.getMessage() : "unexpected error: " + e));
            cmd.getErr().flush();
            return EXIT_UNUSABLE;
        });
        return line.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A problem with the user's input that needs only its message, never a stack trace. */
    static final class UsageProblem extends RuntimeException {
        UsageProblem(String message) {
            super(message);
        }
    }
}
