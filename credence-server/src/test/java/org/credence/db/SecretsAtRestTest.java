package org.credence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.credence.tenant.MasterKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database password and the master key: owner-only files, and a database that asks for the password. */
class SecretsAtRestTest {
    @TempDir
    Path data;

    @Test
    void a_new_embedded_database_refuses_a_connection_without_its_password() throws Exception {
        try (Database database = Database.open(Optional.empty(), data, false)) {
            Path password = data.resolve(Database.PASSWORD_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
            assertThat(Files.readString(password).strip()).hasSizeGreaterThanOrEqualTo(43);
            assertThat(Files.readString(data.resolve("pg/pg_hba.conf"))).doesNotContainPattern("(?m)^[^#\\n]*\\strust\\s*$");
            assertRefusedWithoutPassword(port());
            try (Connection ok = connect(port(), Files.readString(password).strip())) {
                assertThat(ok.isValid(2)).isTrue();
            }
        }
        // and it starts again with the password it keeps
        try (Database again = Database.open(Optional.empty(), data, false)) {
            assertThat(again.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()).intValue()).isEqualTo(1);
        }
    }

    @Test
    void a_data_directory_made_with_trust_keeps_starting_and_then_requires_the_password() throws Exception {
        // what earlier versions made: zonky's default initdb with -A trust
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data.resolve("pg")).setCleanDataDirectory(false).start()) {
            try (Connection c = old.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("CREATE SCHEMA legacy; CREATE TABLE legacy.kept (v TEXT); INSERT INTO legacy.kept VALUES ('still here')");
            }
        }
        assertThat(Files.readString(data.resolve("pg/pg_hba.conf"))).containsPattern("(?m)^[^#\\n]*\\strust\\s*$");
        try (Database database = Database.open(Optional.empty(), data, false)) {
            assertThat(kept(database)).isEqualTo("still here");
            assertThat(Files.readString(data.resolve("pg/pg_hba.conf"))).doesNotContainPattern("(?m)^[^#\\n]*\\strust\\s*$");
            assertRefusedWithoutPassword(port());
        }
        try (Database again = Database.open(Optional.empty(), data, false)) {
            assertThat(kept(again)).isEqualTo("still here");
        }
    }

    @Test
    void a_password_protected_directory_without_its_password_file_says_what_is_missing() throws Exception {
        Database.open(Optional.empty(), data, false).close();
        Files.delete(data.resolve(Database.PASSWORD_FILE));
        assertThatThrownBy(() -> Database.open(Optional.empty(), data, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(Database.PASSWORD_FILE).hasMessageContaining("missing");
    }

    @Test
    void the_master_key_is_created_owner_only_and_kept() throws Exception {
        MasterKey.load(Optional.empty(), data, new SecureRandom());
        Path key = data.resolve("master.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        String first = Files.readString(key);
        MasterKey.load(Optional.empty(), data, new SecureRandom());
        assertThat(Files.readString(key)).isEqualTo(first);
        // no temporary file is left behind
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("master.key"));
        }
    }

    @Test
    void a_secret_file_is_never_readable_by_others_even_under_a_permissive_umask() throws Exception {
        // the directory lets everyone read; the secret still is the owner's alone from its creation
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        String secret = SecretFiles.readOrCreate(data.resolve("s"), () -> "value");
        assertThat(secret).isEqualTo("value");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("s")))).isEqualTo("rw-------");
        assertThat(SecretFiles.readOrCreate(data.resolve("s"), () -> "other")).isEqualTo("value");
    }

    private static String kept(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT v FROM legacy.kept").mapTo(String.class).one());
    }

    private int port() throws Exception {
        // postmaster.pid: line 4 is the port
        return Integer.parseInt(Files.readAllLines(data.resolve("pg/postmaster.pid")).get(3).strip());
    }

    private static void assertRefusedWithoutPassword(int port) {
        assertThatThrownBy(() -> connect(port, null).close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(port, "wrong").close()).isInstanceOf(SQLException.class).hasMessageContaining("password");
    }

    private static Connection connect(int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", properties);
    }
}
