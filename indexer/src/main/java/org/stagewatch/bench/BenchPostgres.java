package org.stagewatch.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import org.stagewatch.store.PostgresTarget;
import org.stagewatch.store.StoreException;

/**
 * The PostgreSQL side of a benchmark that measures PostgreSQL beside SQLite: its {@code --db} must name a schema of
 * its own whose name starts with {@code bench} ({@code ?schema=bench_…}), which the benchmark drops and creates
 * again before it writes, so every run starts from an empty schema (and no schema of real data can be named by
 * mistake).
 */
public final class BenchPostgres {
    /** Lower case: the name is quoted in DROP and CREATE, and unquoted in the search path the URL sets. */
    private static final Pattern BENCH_SCHEMA = Pattern.compile("bench[a-z0-9_]*");

    private final String db;
    private final PostgresTarget target;
    private final String schema;

    private BenchPostgres(String db, PostgresTarget target, String schema) {
        this.db = db;
        this.target = target;
        this.schema = schema;
    }

    /**
     * @return null when {@code db} is no PostgreSQL URL
     * @throws IllegalArgumentException when it names no schema of the benchmark's own (the message says what to give)
     */
    public static BenchPostgres of(String db) {
        if (!PostgresTarget.matches(db)) {
            return null;
        }
        PostgresTarget target = PostgresTarget.parse(db, System.getenv());
        String schema = target.schema();
        if (schema == null || !BENCH_SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException(("--db %s names %s: the benchmark drops and recreates its schema, so give one of its "
                    + "own whose name starts with bench, e.g. …?schema=bench_pg").formatted(target.shown(),
                    schema == null ? "no schema" : "schema " + schema));
        }
        return new BenchPostgres(db, target, schema);
    }

    /** The {@code --db} as given, to open (it may hold a password: never print it). */
    public String db() {
        return db;
    }

    public String schema() {
        return schema;
    }

    /** The URL cut after the host, and the schema: what the output may show. */
    public String shown() {
        return target.shown() + " schema " + schema;
    }

    /** Drops the schema with everything in it and creates it empty. */
    public void recreate() {
        try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
            statement.execute("CREATE SCHEMA \"" + schema + "\"");
        } catch (SQLException e) {
            throw new StoreException("database %s: cannot drop and recreate schema %s: %s".formatted(target.shown(), schema, e.getMessage()), e);
        }
    }
}
