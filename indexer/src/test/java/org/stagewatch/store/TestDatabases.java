package org.stagewatch.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Fresh databases for tests: a SQLite file, or a PostgreSQL schema of its own, dropped again afterwards. The
 * PostgreSQL server is the one {@value #POSTGRES_VARIABLE} names (a JDBC URL); without it, a throwaway server in a
 * Testcontainers container where a Docker engine runs; without either a PostgreSQL case is reported as skipped,
 * not passed.
 *
 * <p>Integration tests take their databases from {@link #target(Path, String)}: SQLite files, or PostgreSQL schemas
 * when the system property {@value #BACKEND_PROPERTY} is {@code postgresql} (the build's second failsafe run), so one
 * test runs on both. Their schemas are dropped when the test class ends ({@link Cleanup}, registered on every test
 * class through the JUnit extension auto-detection of the test configuration).
 */
public final class TestDatabases implements AutoCloseable {
    public static final String POSTGRES_VARIABLE = "STAGEWATCH_TEST_POSTGRES";
    /** {@code sqlite} (the default) or {@code postgresql}: which database the integration tests index into. */
    public static final String BACKEND_PROPERTY = "stagewatch.test.backend";

    private static PostgreSQLContainer<?> container;
    /** Schemas {@link #target(Path, String)} made for the test class now running. */
    private static final List<String> CLASS_SCHEMAS = new ArrayList<>();

    private final Path dir;
    private final List<String> schemas = new ArrayList<>();
    private int files;

    public TestDatabases(Path dir) {
        this.dir = dir;
    }

    /** Whether the integration tests run on PostgreSQL ({@value #BACKEND_PROPERTY}). */
    public static boolean postgres() {
        return "postgresql".equals(System.getProperty(BACKEND_PROPERTY));
    }

    /**
     * A {@code --db} for an integration test: the SQLite file {@code dir/name}, or on PostgreSQL a fresh schema
     * (skipping the test when there is no server), dropped when the test class ends.
     */
    public static String target(Path dir, String name) {
        if (!postgres()) {
            return dir.resolve(name).toString();
        }
        try {
            String schema = createSchema();
            synchronized (CLASS_SCHEMAS) {
                CLASS_SCHEMAS.add(schema);
            }
            return withSchema(serverUrl(), schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema: " + e.getMessage(), e);
        }
    }

    /** A JDBC target for {@link Database#open}: {@code sqlite} or {@code postgresql}. */
    public String target(String kind) throws SQLException {
        if (kind.equals("sqlite")) {
            return dir.resolve("store-" + files++ + ".db").toString();
        }
        String schema = createSchema();
        schemas.add(schema);
        return withSchema(serverUrl(), schema);
    }

    /** The JDBC URL of the test server (without a schema); skips the test when there is none. */
    public static synchronized String serverUrl() {
        String url = System.getenv(POSTGRES_VARIABLE);
        if (url != null && !url.isBlank()) {
            return url;
        }
        if (container == null) {
            Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                    "set " + POSTGRES_VARIABLE + "=jdbc:postgresql://HOST:PORT/DB?user=…, or run a Docker engine, "
                            + "to run the PostgreSQL cases");
            PostgreSQLContainer<?> started = new PostgreSQLContainer<>("postgres:16-alpine");
            started.start();
            container = started;
        }
        return container.getJdbcUrl() + "&user=" + container.getUsername() + "&password=" + container.getPassword();
    }

    static String withSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String createSchema() throws SQLException {
        String schema = "stagewatch_test_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        try (Connection connection = DriverManager.getConnection(serverUrl()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return schema;
    }

    private static void drop(List<String> schemas) throws SQLException {
        if (schemas.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(serverUrl()); Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Override
    public void close() throws SQLException {
        drop(schemas);
        schemas.clear();
    }

    /** Drops the schemas a test class's {@link #target(Path, String)} made, when the class ends. */
    public static final class Cleanup implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) throws SQLException {
            List<String> made;
            synchronized (CLASS_SCHEMAS) {
                made = new ArrayList<>(CLASS_SCHEMAS);
                CLASS_SCHEMAS.clear();
            }
            drop(made);
        }
    }
}
