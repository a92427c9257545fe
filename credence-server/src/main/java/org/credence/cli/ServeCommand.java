package org.credence.cli;

import java.net.URI;
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

    @Option(names = "--host", description = "Address to listen on: 127.0.0.1 (this machine only) or 0.0.0.0 (every interface). "
            + "Default: CREDENCE_HOST, else 0.0.0.0 when CREDENCE_PUBLIC_URL is set, else 127.0.0.1.")
    String host;

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
            settings = Settings.fromEnvironment(java.util.Optional.ofNullable(host), port, data, System.getenv());
            org.credence.jobs.JobSettings.fromEnvironment(System.getenv()); // read again by the start; checked here to answer as a usage problem
        } catch (IllegalArgumentException e) {
            // a CREDENCE_* variable that cannot be read: the message names it
            throw new CredenceCli.UsageProblem(e.getMessage());
        }
        // installed before the start, so a signal during it stops the server once it is up, in order
        CountDownLatch stopRequested = new CountDownLatch(1);
        StopSignals.install(stopRequested);
        var out = spec.commandLine().getOut();
        Credence credence;
        try {
            credence = Credence.start(settings, Clock.systemUTC());
        } catch (Credence.StartFailure e) {
            printAdministratorKey(out, e.administratorKey(), "made before the start failed; shown once, keep it safe");
            throw new CredenceCli.UsageProblem(e.getMessage());
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            // a port in use, a data directory in use, a database that cannot start: the message says what to do
            throw new CredenceCli.UsageProblem(e.getMessage());
        }
        // any other way the JVM ends (System.exit, a second signal, signals not handled here) still stops in order
        Runtime.getRuntime().addShutdownHook(new Thread(credence::close, "credence-shutdown"));
        credence.firstAdministratorKey().ifPresent(key -> printAdministratorKey(out, key, "shown once, keep it safe"));
        URI base = settings.publicUrl(credence.port());
        out.println("Credence is running on " + base + " (listening on " + settings.host() + ":" + credence.port()
                + ", data in " + data.toAbsolutePath() + ")");
        // with --demo the demo tenant's owner is made at once, which ends setup: no code to print
        credence.setupCode().filter(code -> !demo).ifPresent(code -> {
            out.println("A new installation: set it up in the browser at " + base + "/setup");
            out.println("  Setup code (works once; a new start makes a new one): " + code);
        });
        out.println("  Start here:          " + base + "/");
        out.println("  Sign in:             " + base + "/login");
        out.println("  Verify a credential: " + base + "/verify");
        out.println("  API documentation:   " + base + "/api/docs");
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
        // without our signal handlers (a JVM run with -Xrs) this waits for ever and the shutdown hook stops the server
        stopRequested.await();
        out.println("Stopping: finishing requests in flight, then the database …");
        out.flush();
        credence.close();
        return 0;
    }

    private static void printAdministratorKey(java.io.PrintWriter out, String key, String note) {
        out.println("Administrator API key (" + note + "):");
        out.println("  " + key);
        out.flush();
    }
}
