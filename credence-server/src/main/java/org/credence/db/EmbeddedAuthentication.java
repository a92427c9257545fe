package org.credence.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Password authentication for the embedded PostgreSQL. New data directories are created with
 * {@code scram-sha-256}; one created before (with {@code trust}, zonky's default) gets the
 * password set and its {@code pg_hba.conf} switched at its next start.
 */
final class EmbeddedAuthentication {
    private static final SecureRandom RANDOM = new SecureRandom();
    // the METHOD column of an uncommented pg_hba.conf line (it is the last word, or followed by options)
    private static final Pattern TRUST = Pattern.compile("^(\\s*[^#\\s].*\\s)trust(\\s.*)?$");

    private EmbeddedAuthentication() {}

    /** 256 random bits, URL-safe base64: no quoting needed anywhere. */
    static String newPassword() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** Whether the data directory lets anyone connect without a password. */
    static boolean trusts(Path pg) throws IOException {
        Path hba = pg.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readAllLines(hba, StandardCharsets.UTF_8).stream().anyMatch(l -> TRUST.matcher(l).matches());
    }

    /** Sets the superuser's password, then makes every {@code trust} line ask for it and reloads the configuration. */
    static void requirePassword(EmbeddedPostgres postgres, Path pg, String password) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            // the password is URL-safe base64: nothing in it needs escaping in a literal
            statement.execute("ALTER ROLE postgres PASSWORD '" + password.replace("'", "''") + "'");
            Path hba = pg.resolve("pg_hba.conf");
            List<String> lines = Files.readAllLines(hba, StandardCharsets.UTF_8).stream()
                    .map(l -> TRUST.matcher(l).replaceFirst("$1scram-sha-256$2")).toList();
            Path temp = Files.createTempFile(pg, ".pg_hba-", ".tmp");
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not set the embedded PostgreSQL's password: " + e.getMessage(), e);
        }
    }
}
