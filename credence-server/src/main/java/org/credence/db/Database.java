package org.credence.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The one PostgreSQL: embedded (data in a directory, kept across restarts) unless an external
 * {@code jdbc:postgresql://} URL is given. Migrations run on open.
 */
public final class Database implements AutoCloseable {
    /** The embedded database's password, generated on first start, readable by the owner only. */
    public static final String PASSWORD_FILE = "db.password";
    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final DataDirectoryLock lock;

    private Database(EmbeddedPostgres embedded, HikariDataSource pool, DataDirectoryLock lock) {
        this.embedded = embedded;
        this.lock = lock;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        // outOfOrder: migration numbers were handed out per capability, so a data directory made
        // before V3 (users) existed already has V4 and must still get V3
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").outOfOrder(true).load().migrate();
    }

    /**
     * Opens the database.
     *
     * @param externalUrl a {@code jdbc:postgresql://host/db?user=…&password=…} URL, or empty for the embedded one
     * @param dataDirectory where the embedded database keeps its files
     * @param durable whether the embedded database fsyncs (on for the product, off in tests for speed)
     */
    public static Database open(Optional<String> externalUrl, Path dataDirectory, boolean durable) {
        if (externalUrl.isPresent()) {
            return new Database(null, pool(externalUrl.get(), null, null), null);
        }
        try {
            Files.createDirectories(dataDirectory);
            DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory);
            try {
                return embedded(dataDirectory, durable, lock);
            } catch (IOException | RuntimeException e) {
                // a start that fails leaves the directory free for the next attempt
                lock.release();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    private static Database embedded(Path dataDirectory, boolean durable, DataDirectoryLock lock) throws IOException {
        // the lock proves no live Credence owns this directory, so a running postmaster is an orphan of a crash
        OrphanedPostmaster.stopIfRunning(dataDirectory.resolve("pg"));
        Path pg = dataDirectory.resolve("pg");
        boolean created = !Files.exists(pg.resolve("postgresql.conf"));
        Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
        boolean trusting = !created && EmbeddedAuthentication.trusts(pg);
        if (!created && !trusting && !Files.exists(passwordFile)) {
            throw new IllegalStateException("the embedded PostgreSQL in " + pg + " requires a password, but " + passwordFile
                    + " is missing: restore it from the backup of this data directory");
        }
        String password = SecretFiles.readOrCreate(passwordFile, EmbeddedAuthentication::newPassword);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pg)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .setServerConfig("max_connections", "50")
                // a table's statistics from its first minutes: plans cached while it was empty chose scans of all of it, and
                // PostgreSQL's default minute between autovacuum rounds left them so while it grew (issue 14: 6.9 ms a lookup)
                .setServerConfig("autovacuum_naptime", "5s")
                .setConnectConfig("password", password);
        if (created) {
            // initdb's options follow zonky's own "-A trust": the later --auth wins, so no moment runs without a password
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString());
        }
        EmbeddedPostgres postgres = builder.start();
        try {
            if (trusting) {
                // a data directory made before passwords: set one, then stop trusting (docs/integrity.md)
                EmbeddedAuthentication.requirePassword(postgres, pg, password);
            }
            return new Database(postgres, pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", password), lock);
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    private static HikariDataSource pool(String url, String user, String password) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("CREDENCE_DATABASE_URL must be a jdbc:postgresql:// URL");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
            config.setPassword(password);
        }
        config.setMaximumPoolSize(16);
        config.setPoolName("credence");
        return new HikariDataSource(config);
    }

    /** The connection pool, for libraries that take a {@link javax.sql.DataSource} (the job scheduler). */
    public javax.sql.DataSource dataSource() {
        return pool;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                lock.release();
            }
        }
    }
}
