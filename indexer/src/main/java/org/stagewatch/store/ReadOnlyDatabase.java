package org.stagewatch.store;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens an existing store so that nothing can be written through it, whatever the code path: SQLite is
 * opened with {@code SQLITE_OPEN_READONLY} and every connection also sets {@code PRAGMA query_only};
 * PostgreSQL connections are read-only and every transaction on them is {@code READ ONLY} at the
 * server ({@code default_transaction_read_only}). The schema is not migrated (that would write): a
 * database whose schema is older or newer than this Stagewatch's is refused with what to do.
 */
public final class ReadOnlyDatabase {
    private ReadOnlyDatabase() {
    }

    /** @param target a SQLite file path or a JDBC URL, as for {@link Database#open} */
    public static Database open(String target) {
        boolean sqlite = !target.startsWith("jdbc:postgresql:");
        DataSource dataSource;
        if (sqlite) {
            if (!target.startsWith("jdbc:") && !Files.isRegularFile(Path.of(target))) {
                throw new StoreException("no database at " + target + ": run stagewatch index --config FILE --db " + target + " first");
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(10_000);
            config.setCacheSize(-65_536);
            config.setTempStore(SQLiteConfig.TempStore.MEMORY);
            SQLiteDataSource ds = new SQLiteDataSource(config);
            ds.setUrl(target.startsWith("jdbc:sqlite:") ? target : "jdbc:sqlite:" + target);
            dataSource = new QueryOnly(ds, true);
        } else {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(target);
            pg.setReadOnly(true);
            pg.setReadOnlyMode("always");
            String options = pg.getOptions();
            pg.setOptions((options == null || options.isBlank() ? "" : options + " ") + "-c default_transaction_read_only=on");
            dataSource = new QueryOnly(pg, false);
        }
        checkSchema(dataSource, target, sqlite);
        return new Database(Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()), dataSource, target, sqlite);
    }

    /** The schema must be exactly the one this Stagewatch writes: reading with an older or newer one could misread. */
    private static void checkSchema(DataSource dataSource, String target, boolean sqlite) {
        Flyway flyway = Database.flyway(dataSource, sqlite);
        MigrationInfo[] all = flyway.info().all();
        if (Arrays.stream(all).anyMatch(info -> info.getState() == MigrationState.FUTURE_SUCCESS
                || info.getState() == MigrationState.FUTURE_FAILED)) {
            throw new StoreException("database %s was written by a newer Stagewatch: use a newer stagewatch to read it".formatted(target));
        }
        if (Arrays.stream(all).anyMatch(info -> info.getState() == MigrationState.PENDING)) {
            throw new StoreException(("database %s has an older schema than this Stagewatch reads and is opened read-only, "
                    + "so it is not migrated here: run stagewatch index --db %s once (it migrates), then start again").formatted(target, target));
        }
    }

    /** Hands out connections that cannot write: {@code PRAGMA query_only} on SQLite, read-only on every database. */
    private record QueryOnly(DataSource delegate, boolean sqlite) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return seal(delegate.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return seal(delegate.getConnection(username, password));
        }

        private Connection seal(Connection connection) throws SQLException {
            try {
                if (sqlite) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("PRAGMA query_only = ON");
                    }
                } else {
                    connection.setReadOnly(true);
                }
                return connection;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return delegate.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return delegate.isWrapperFor(type);
        }
    }
}
