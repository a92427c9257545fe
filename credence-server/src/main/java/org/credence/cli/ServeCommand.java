package org.credence.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.credence.Credence;
import org.credence.Settings;
import org.credence.demo.SimulationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code credence serve}: the server, on an embedded PostgreSQL unless CREDENCE_DATABASE_URL is set. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the Credence server.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", defaultValue = "credence-data", description = "Data directory for the embedded database and keys (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--demo", description = "Fill a clearly labelled simulated tenant 'demo' (once per data directory) and print how to sign in to it.")
    boolean demo;

    @Option(names = "--recipients", defaultValue = "3000", description = "With --demo: how many simulated recipients (default: ${DEFAULT-VALUE}).")
    int recipients;

    @Option(names = "--months", defaultValue = "12", description = "With --demo: months of simulated history, ending today (default: ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--seed", defaultValue = "2026", description = "With --demo: the simulation's seed; the same seed gives the same data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws InterruptedException {
        SimulationSettings simulation = null;
        if (demo) {
            try {
                // the history ends before today: a simulated credential or event later today would lie in the future
                // ("not yet valid" on the newest credential of the demo)
                simulation = new SimulationSettings(seed, recipients, months, LocalDate.now(ZoneOffset.UTC));
            } catch (IllegalArgumentException e) {
                throw new CredenceCli.UsageProblem("--recipients/--months: " + e.getMessage());
            }
        }
        Settings settings;
        try {
            settings = Settings.fromEnvironment(port, data, System.getenv());
        } catch (IllegalArgumentException e) {
            // a CREDENCE_* variable that cannot be read: the message names it
            throw new CredenceCli.UsageProblem(e.getMessage());
        }
        Credence credence;
        try {
            credence = Credence.start(settings, Clock.systemUTC());
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            // a data directory in use, a database that cannot start: the message says what to do
            throw new CredenceCli.UsageProblem(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C / SIGTERM: finish in-flight requests, stop the embedded PostgreSQL, then exit
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            credence.close();
            stopped.countDown();
        }, "credence-shutdown"));
        var out = spec.commandLine().getOut();
        credence.firstAdministratorKey().ifPresent(key -> {
            out.println("Administrator API key (shown once, keep it safe):");
            out.println("  " + key);
        });
        out.println("Credence is running on " + settings.publicUrl(credence.port()) + " (data in " + data.toAbsolutePath() + ")");
        out.println(settings.mail().smtp().map(smtp -> "Mail goes to " + smtp.host() + ":" + smtp.port())
                .orElse("No SMTP server (CREDENCE_SMTP_HOST): mail is written to " + data.resolve("outbox").toAbsolutePath()
                        + " and listed at http://localhost:" + credence.port() + "/outbox (the administrator API key is its password)"));
        out.flush();
        if (simulation != null) {
            out.println("Loading the simulated demo tenant (" + recipients + " recipients, " + months + " months, seed " + seed + ") …");
            out.flush();
            long started = System.nanoTime();
            var loaded = credence.loadDemo(simulation);
            DemoText.print(out, loaded, settings.publicUrl(credence.port()), java.time.Duration.ofNanos(System.nanoTime() - started));
        }
        stopped.await();
        return 0;
    }
}
