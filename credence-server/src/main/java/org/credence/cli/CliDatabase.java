package org.credence.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.credence.Settings;
import org.credence.db.Database;

/** The database of a data directory (or CREDENCE_DATABASE_URL) for commands that run with the server stopped. */
final class CliDatabase {
    private CliDatabase() {}

    static Database open(Path data) {
        Optional<String> url;
        try {
            url = Settings.fromEnvironment(0, data, System.getenv()).databaseUrl();
        } catch (IllegalArgumentException e) {
            throw new CredenceCli.UsageProblem(e.getMessage());
        }
        if (url.isEmpty() && !data.resolve("pg").toFile().isDirectory()) {
            throw new CredenceCli.UsageProblem("no Credence database in " + data.toAbsolutePath() + " (give --data, or set CREDENCE_DATABASE_URL)");
        }
        try {
            return Database.open(url, data, true);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            // most often: the server still runs on this data directory
            throw new CredenceCli.UsageProblem(e.getMessage());
        }
    }
}
