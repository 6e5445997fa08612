package org.stagewatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.plugin.AuthenticationRequestType;
import org.slf4j.LoggerFactory;

/**
 * {@code --db postgresql://…}: the libpq-style URL becomes the driver's JDBC URL with the same user, host, port,
 * database, schema and options; the password comes from the URL, else PGPASSWORD, else the password file (read with
 * libpq's rules), and never appears in the form shown to people.
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

    /**
     * The password file PGPASSFILE names, read as libpq reads it: the first line whose host, port, database and user match
     * (each a value or *, with {@code \:} and {@code \\} escaped; port 5432 when the URL gives none; the OS user when it names none).
     */
    @Test
    void shouldTakeThePasswordFromThePasswordFileLibpqWouldRead() throws Exception {
        Path pgpass = passwordFile(PosixFilePermissions.fromString("rw-------"), """
                # host:port:database:user:password
                other:5432:*:carol:no
                db.example:6543:gov:carol:from-file
                *:*:gov\\:x:*:colon\\:and\\\\backslash
                db.example:5432:*:%s:os-user
                \\*:*:*:*:not-a-wildcard
                """.formatted(System.getProperty("user.name")));
        Map<String, String> environment = Map.of("PGPASSFILE", pgpass.toString());
        assertThat(PostgresTarget.parse("postgresql://carol@db.example:6543/gov", environment).password()).isEqualTo("from-file");
        assertThat(PostgresTarget.parse("postgresql://dave@h:1/gov%3Ax", environment).password()).isEqualTo("colon:and\\backslash");
        assertThat(PostgresTarget.parse("postgresql://db.example/any", environment).password()).as("port 5432, the OS user").isEqualTo("os-user");
        assertThat(PostgresTarget.parse("jdbc:postgresql://db.example:6543/gov?user=carol", environment).password()).isEqualTo("from-file");
        assertThat(PostgresTarget.parse("postgresql://erin@h/none", environment).password()).as("an escaped * is no wildcard").isNull();
        assertThat(PostgresTarget.parse("postgresql://carol:own@db.example:6543/gov", environment).password()).isEqualTo("own");
        assertThat(PostgresTarget.parse("postgresql://carol@db.example:6543/gov", Map.of("PGPASSFILE", pgpass.toString(), "PGPASSWORD", "env"))
                .password()).isEqualTo("env");
    }

    /**
     * libpq's rule: a password file its group or others may use is ignored, with one line saying to chmod 0600 it; then
     * the connection has no password, and the driver does not read the file on its own either (even where its own
     * system property names it).
     */
    @Test
    void shouldIgnoreAPasswordFileOthersMayReadAndSayToChmodIt() throws Exception {
        Path pgpass = passwordFile(PosixFilePermissions.fromString("rw-r--r--"), "db.example:6543:gov:carol:from-file\n");
        Logger logger = (Logger) LoggerFactory.getLogger(PasswordFile.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        logger.addAppender(warnings);
        String previous = System.setProperty(PasswordFile.DRIVER_PROPERTY, pgpass.toString());
        try {
            PostgresTarget target = PostgresTarget.parse("postgresql://carol@db.example:6543/gov", Map.of());
            assertThat(target.password()).isNull();
            assertThat(warnings.list).singleElement().satisfies(warning -> {
                assertThat(warning.getLevel()).isEqualTo(Level.WARN);
                assertThat(warning.getFormattedMessage()).contains(pgpass.toString()).contains("group or world access")
                        .contains("chmod 0600 " + pgpass).doesNotContain("\n");
            });
            assertThat(Driver.parseURL(target.jdbcUrl(), new Properties()).getProperty("password"))
                    .as("the driver alone would read it").isEqualTo("from-file");
            PGSimpleDataSource source = target.dataSource();
            assertThat(source.getAuthenticationPluginClassName()).as("so its connections take their password from no file")
                    .isEqualTo(PostgresTarget.NoPassword.class.getName());
            assertThatThrownBy(() -> new PostgresTarget.NoPassword().getPassword(AuthenticationRequestType.CLEARTEXT_PASSWORD))
                    .hasMessageContaining("none was given").hasMessageContaining("0600");

            warnings.list.clear();
            Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
            PostgresTarget secured = PostgresTarget.parse("postgresql://carol@db.example:6543/gov", Map.of());
            assertThat(secured.password()).as("the same file at 0600 is used").isEqualTo("from-file");
            assertThat(secured.dataSource().getAuthenticationPluginClassName()).isNull();
            assertThat(warnings.list).isEmpty();
        } finally {
            logger.detachAppender(warnings);
            if (previous == null) {
                System.clearProperty(PasswordFile.DRIVER_PROPERTY);
            } else {
                System.setProperty(PasswordFile.DRIVER_PROPERTY, previous);
            }
        }
    }

    private Path passwordFile(Set<PosixFilePermission> permissions, String text) throws Exception {
        Path file = dir.resolve("pgpass-" + System.nanoTime());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, permissions);
        return file;
    }

    /** Batches of inserts go as multi-row INSERTs, unless the URL says otherwise. */
    @Test
    void shouldRewriteBatchedInsertsUnlessTheUrlSaysOtherwise() {
        assertThat(PostgresTarget.parse("postgresql://u:p@h/db", Map.of()).dataSource().getReWriteBatchedInserts()).isTrue();
        assertThat(PostgresTarget.parse("postgresql://u:p@h/db?reWriteBatchedInserts=false", Map.of()).dataSource().getReWriteBatchedInserts())
                .isFalse();
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
