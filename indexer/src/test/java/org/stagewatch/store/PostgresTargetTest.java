package org.stagewatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;

/**
 * {@code --db postgresql://…}: the libpq-style URL becomes the driver's JDBC URL with the same user, host, port,
 * database, schema and options; the password comes from the URL, else PGPASSWORD, else the password file (read by
 * the driver itself), and never appears in the form shown to people.
 */
class PostgresTargetTest {
    @TempDir
    Path dir;

    @Test
    void shouldTurnALibpqUrlIntoTheDriversUrlWithItsSchemaAndOptions() {
        PostgresTarget target = PostgresTarget.parse("postgresql://alice:s%40cr%3Aet@db.example:6543/gov?schema=arb&sslmode=require",
                Map.of());
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/gov?user=alice&currentSchema=arb&sslmode=require");
        assertThat(target.password()).isEqualTo("s@cr:et");
        assertThat(target.shown()).isEqualTo("postgresql://…@db.example:6543/…").doesNotContain("alice").doesNotContain("s%40");
        assertThat(target.toString()).isEqualTo(target.shown());
    }

    @Test
    void shouldTakeThePasswordFromTheUrlThenPgpasswordThenLeaveItToThePasswordFile() {
        assertThat(PostgresTarget.parse("postgresql://bob:own@h/db", Map.of("PGPASSWORD", "env")).password()).isEqualTo("own");
        assertThat(PostgresTarget.parse("postgresql://bob@h/db", Map.of("PGPASSWORD", "env")).password()).isEqualTo("env");
        assertThat(PostgresTarget.parse("postgres://bob@h/db", Map.of()).password()).isNull();
        assertThat(PostgresTarget.parse("jdbc:postgresql://h/db?user=bob&password=own", Map.of("PGPASSWORD", "env")).password())
                .as("a JDBC URL's own password option wins").isNull();
        assertThat(PostgresTarget.parse("jdbc:postgresql://h/db?user=bob", Map.of("PGPASSWORD", "env")).password()).isEqualTo("env");
        assertThat(PostgresTarget.parse("postgresql://h:5432/db", Map.of()).jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
        assertThat(PostgresTarget.parse("postgresql://[::1]:5433/db", Map.of()).jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/db");
    }

    /** The driver reads the password file itself (PGPASSFILE, or ~/.pgpass; here its system property) when no password is given. */
    @Test
    void shouldLeaveThePasswordFileToTheDriverWhoReadsIt() throws Exception {
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "# host:port:database:user:password\nother:5432:*:carol:no\ndb.example:6543:gov:carol:from-file\n");
        String previous = System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        try {
            PostgresTarget target = PostgresTarget.parse("postgresql://carol@db.example:6543/gov", Map.of());
            Properties properties = Driver.parseURL(target.jdbcUrl(), new Properties());
            assertThat(properties.getProperty("password")).isEqualTo("from-file");
        } finally {
            if (previous == null) {
                System.clearProperty("org.postgresql.pgpassfile");
            } else {
                System.setProperty("org.postgresql.pgpassfile", previous);
            }
        }
    }

    @Test
    void shouldRefuseAUrlWithoutHostOrDatabaseWithoutShowingItsPassword() {
        assertThatThrownBy(() -> PostgresTarget.parse("postgresql://u:topsecret@h:5432", Map.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining("names no database").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> PostgresTarget.parse("postgresql://u:topsecret@/db", Map.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining("names no host").hasMessageNotContaining("topsecret");
    }

    /** The whole way: a libpq URL with a schema opens, migrates and is shown without its user info. */
    @Test
    void shouldOpenAStoreThroughALibpqUrl() throws Exception {
        String server = TestDatabases.serverUrl();
        String schema = "stagewatch_url_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        Properties parsed = Driver.parseURL(server, new Properties());
        String url = "postgresql://%s@%s:%s/%s?schema=%s".formatted(parsed.getProperty("user"), parsed.getProperty("PGHOST"),
                parsed.getProperty("PGPORT"), parsed.getProperty("PGDBNAME"), schema);
        try (Connection connection = DriverManager.getConnection(server)) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        }
        try (Database database = Database.open(url)) {
            assertThat(database.location()).doesNotContain(parsed.getProperty("user") + "@").doesNotContain(schema);
            assertThat(new Store(database).checkpoint(1)).isEmpty();
            try (Connection connection = DriverManager.getConnection(server)) {
                var tables = connection.getMetaData().getTables(null, schema, "contracts", null);
                assertThat(tables.next()).as("migrated into the URL's schema").isTrue();
            }
        } finally {
            try (Connection connection = DriverManager.getConnection(server)) {
                connection.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
