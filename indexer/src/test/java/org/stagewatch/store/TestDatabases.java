package org.stagewatch.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * Fresh databases for store tests: a SQLite file, or — when {@value #POSTGRES_VARIABLE} names a PostgreSQL
 * JDBC URL — a schema of its own in that database, dropped again by {@link #close}. Without the variable a
 * PostgreSQL case is reported as skipped, not passed.
 */
final class TestDatabases implements AutoCloseable {
    static final String POSTGRES_VARIABLE = "STAGEWATCH_TEST_POSTGRES";

    private final Path dir;
    private final List<String> schemas = new ArrayList<>();
    private int files;

    TestDatabases(Path dir) {
        this.dir = dir;
    }

    /** A JDBC target for {@link Database#open}: {@code sqlite} or {@code postgresql}. */
    String target(String kind) throws SQLException {
        if (kind.equals("sqlite")) {
            return dir.resolve("store-" + files++ + ".db").toString();
        }
        String url = System.getenv(POSTGRES_VARIABLE);
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                "set " + POSTGRES_VARIABLE + "=jdbc:postgresql://HOST:PORT/DB?user=… to run the PostgreSQL cases");
        String schema = "stagewatch_test_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        schemas.add(schema);
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void close() throws SQLException {
        if (schemas.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(System.getenv(POSTGRES_VARIABLE));
             Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
