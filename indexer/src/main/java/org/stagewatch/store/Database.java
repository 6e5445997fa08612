package org.stagewatch.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.Map;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens the store (a SQLite file, or PostgreSQL through a {@code postgresql://} or {@code jdbc:postgresql:} URL,
 * see {@link PostgresTarget}) and hands out the Jdbi instance. PostgreSQL connections come from a HikariCP pool
 * ({@link #WRITER_POOL} for an indexer, {@link #READER_POOL} read-only ones for queries and the API); the schema is
 * checked and migrated through a connection of its own before the pool exists, so a wrong URL or password is told
 * as such, not as a pool timeout. {@link #open} is for writing: it refuses a file that is not a SQLite database, a database
 * of another program and one written by a newer Stagewatch before anything is touched, then brings the
 * schema to the current version with Flyway. {@link #openReadOnly} is for queries: every connection refuses
 * writes, and the database is never created, migrated or converted (its journal mode is left as it is); it
 * also works on a read-only file in a read-only folder.
 */
public final class Database implements AutoCloseable {
    /** The newest schema step this Stagewatch has (pinned against Flyway's own list by a test). */
    public static final MigrationVersion SCHEMA_VERSION = MigrationVersion.fromVersion("15");

    static {
        SqliteNative.useFixedLocation(); // before the first connection loads sqlite-jdbc's native library
    }

    /** Connections an indexer's pool holds at most: the range writer, the owed-state readers, the registry, queries. */
    static final int WRITER_POOL = 8;
    /** Connections a read-only pool holds at most: the API's concurrent requests that wait on the database. */
    static final int READER_POOL = 16;

    private final Jdbi jdbi;
    private final DataSource dataSource;
    /** PostgreSQL: a source of connections outside the pool (the writer lock holds one for its whole life); else null. */
    private final DataSource direct;
    private final String location;
    private final String target;
    private final boolean sqlite;
    /** What the SQLite file was before this process opened it for writing (null: not a plain SQLite file, or read-only). */
    private final SqliteFile.Kind before;

    private Database(Jdbi jdbi, DataSource dataSource, DataSource direct, String location, String target, boolean sqlite,
                     SqliteFile.Kind before) {
        this.jdbi = jdbi;
        this.dataSource = dataSource;
        this.direct = direct;
        this.location = location;
        this.target = target;
        this.sqlite = sqlite;
        this.before = before;
    }

    /**
     * For writing: creates a missing SQLite file, migrates the schema.
     *
     * @param target a file path (SQLite), a JDBC URL ({@code jdbc:sqlite:…}, {@code jdbc:postgresql:…}) or a
     *               {@code postgresql://} URL
     */
    public static Database open(String target) {
        if (PostgresTarget.matches(target)) {
            PostgresTarget postgres = PostgresTarget.parse(target, System.getenv());
            PGSimpleDataSource pg = postgres.dataSource();
            checkSchema(pg, postgres.shown(), false, false);
            migrate(pg, postgres.shown(), false);
            DataSource pool = pool(pg, postgres, WRITER_POOL, false);
            return new Database(jdbi(pool), pool, pg, postgres.shown(), target, false, null);
        }
        Path file = sqlitePath(target);
        SqliteFile.Kind before = null;
        if (file != null) {
            SqliteFile inspected = SqliteFile.inspect(file);
            String problem = inspected.problem(false);
            if (problem != null) {
                throw new StoreException(problem);
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new StoreException("database " + target + ": folder " + parent + " does not exist");
            }
            before = inspected.kind();
            if (before != SqliteFile.Kind.MISSING && !Files.isWritable(file)) {
                throw new StoreException(("database %s cannot be written (its permissions, an immutable attribute or a read-only "
                        + "mount): stagewatch index writes to it; make it writable, or index into another --db. "
                        + "Queries (proposals, metrics, …) can read it as it is.").formatted(target));
            }
            if (parent != null && !Files.isWritable(parent)) {
                throw new StoreException(("folder %s of database %s cannot be written: stagewatch index needs to create the "
                        + "database's journal files (%s-wal, -shm) next to it; make the folder writable, or index into another --db")
                        .formatted(parent, target, file.getFileName()));
            }
            if (inspected.kind() == SqliteFile.Kind.SQLITE) {
                checkSchema(querySource(inspected), target, true, false);
            }
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.setCacheSize(-65_536); // 64 MiB page cache: a range's inserts stay in memory until commit
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(target.startsWith("jdbc:sqlite:") ? target : "jdbc:sqlite:" + target);
        migrate(ds, target, true);
        return new Database(jdbi(ds), ds, null, target, target, true, before);
    }

    /**
     * For queries: the database must exist and be Stagewatch's at the current schema version; nothing is written
     * to it (SQLite: {@code query_only}, and read-only open flags where the file or its folder cannot be written,
     * see {@link #querySource}; PostgreSQL: read-only transactions).
     */
    public static Database openReadOnly(String target) {
        if (PostgresTarget.matches(target)) {
            PostgresTarget postgres = PostgresTarget.parse(target, System.getenv());
            PGSimpleDataSource pg = postgres.dataSource();
            String options = pg.getOptions(); // the URL's own options (search_path, …) stay
            pg.setOptions((options == null || options.isBlank() ? "" : options + " ") + "-c default_transaction_read_only=on");
            checkSchema(pg, postgres.shown(), false, true);
            DataSource pool = pool(pg, postgres, READER_POOL, true);
            return new Database(jdbi(pool), pool, pg, postgres.shown(), target, false, null);
        }
        Path file = sqlitePath(target);
        DataSource ds;
        if (file == null) {
            SQLiteConfig config = readOnlyConfig();
            ds = new QueryOnlyDataSource(config);
            ((SQLiteDataSource) ds).setUrl(target);
        } else {
            SqliteFile inspected = SqliteFile.inspect(file);
            String problem = inspected.problem(true);
            if (problem != null) {
                throw new StoreException(problem);
            }
            ds = querySource(inspected);
        }
        checkSchema(ds, target, true, true);
        return new Database(jdbi(ds), ds, null, target, target, true, null);
    }

    /** The file of a plain SQLite target (a path, or {@code jdbc:sqlite:PATH}); null for URI forms and other databases. */
    private static Path sqlitePath(String target) {
        String path = target.startsWith("jdbc:sqlite:") ? target.substring("jdbc:sqlite:".length()) : target;
        if (target.startsWith("jdbc:") && !target.startsWith("jdbc:sqlite:") || path.startsWith("file:")
                || path.isEmpty() || path.startsWith(":memory:")) {
            return null;
        }
        return Path.of(path);
    }

    private static SQLiteConfig readOnlyConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        config.setCacheSize(-65_536);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        return config;
    }

    /**
     * A source for reading a SQLite file that refuses every write ({@code PRAGMA query_only}) and leaves the journal
     * mode as it is. When the file and its folder can be written, the connections open it read-write without
     * creating it: then the last one to close removes the {@code -wal} and {@code -shm} files SQLite's readers of a
     * WAL database need, as after an index run. Otherwise they open it read-only ({@code SQLITE_OPEN_READONLY}):
     * readers of a WAL database need its {@code -shm} file (created if missing, and left behind); in a folder they
     * cannot write, without one, SQLite cannot open the file at all. Then no process has the database open
     * (every connection to a WAL database keeps the {@code -shm}), so the file is read as immutable — unless a
     * write-ahead log left by a killed writer holds commits not yet in the file, which an immutable read would miss.
     */
    private static DataSource querySource(SqliteFile file) {
        Path path = file.path().toAbsolutePath();
        Path folder = path.getParent();
        boolean folderWritable = folder != null && Files.isWritable(folder);
        String url = "jdbc:sqlite:" + file.path();
        SQLiteConfig config = readOnlyConfig();
        if (folderWritable && Files.isWritable(path)) {
            config.setReadOnly(false);
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        } else if (file.walMode() && !folderWritable && !Files.exists(SqliteFile.sibling(path, "-shm"))) {
            if (SqliteFile.nonEmpty(SqliteFile.sibling(path, "-wal"))) {
                throw new StoreException(("database %s has a write-ahead log (%s-wal) with commits not yet merged into it, "
                        + "and its folder %s is read-only, so SQLite cannot read them: copy the database with its -wal file "
                        + "to a writable folder and query the copy. It was not changed.")
                        .formatted(file.path(), file.path().getFileName(), folder));
            }
            url = "jdbc:sqlite:" + path.toUri() + "?immutable=1";
        }
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        QueryOnlyDataSource ds = new QueryOnlyDataSource(config);
        ds.setUrl(url);
        return ds;
    }

    /** Connections that refuse every write statement ({@code PRAGMA query_only}). */
    private static final class QueryOnlyDataSource extends SQLiteDataSource {
        QueryOnlyDataSource(SQLiteConfig config) {
            super(config);
        }

        @Override
        public SQLiteConnection getConnection(String username, String password) throws SQLException {
            SQLiteConnection connection = super.getConnection(username, password);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA query_only = 1");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        }
    }

    /**
     * Refuses a database of another program, and one written by a newer Stagewatch; for queries also an empty
     * database and an older schema (a query does not migrate). Reads only.
     */
    private static void checkSchema(DataSource source, String target, boolean sqlite, boolean forQuery) {
        SchemaState state;
        try (Connection connection = source.getConnection()) {
            state = SchemaState.read(connection, sqlite);
        } catch (SQLException e) {
            throw new StoreException(SqliteFailures.describe(target, "cannot be read", e)
                    .orElse("database %s cannot be read: %s".formatted(target, e.getMessage())), e);
        }
        if (state.isForeign()) {
            throw new StoreException(state.foreignProblem(target, sqlite));
        }
        if (state.version() != null && state.version().compareTo(SCHEMA_VERSION) > 0) {
            throw new StoreException("database %s has schema version %s, written by a newer Stagewatch (this one knows up to %s); "
                    .formatted(target, state.version(), SCHEMA_VERSION)
                    + "use a newer stagewatch or a fresh --db. Nothing was changed.");
        }
        if (!forQuery) {
            return;
        }
        if (state.isEmpty()) {
            throw new StoreException(("database %s has no tables: nothing was indexed into it; "
                    + "run stagewatch index --config FILE --db %s first").formatted(target, target));
        }
        if (state.version().compareTo(SCHEMA_VERSION) < 0) {
            throw new StoreException(("database %s has schema version %s and this Stagewatch reads version %s: run "
                    + "stagewatch index --config FILE --db %s once to migrate it (queries never change a database). "
                    + "It was not changed.").formatted(target, state.version(), SCHEMA_VERSION, target));
        }
    }

    /**
     * A pool over {@code source}: it opens connections only as they are asked for and lets idle ones go, so the many
     * short-lived stores of one process (and the indexers and API replicas sharing one server) hold few connections.
     */
    private static DataSource pool(PGSimpleDataSource source, PostgresTarget target, int size, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setPoolName("stagewatch-" + (readOnly ? "read" : "write"));
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setIdleTimeout(10_000);
        config.setReadOnly(readOnly);
        config.setInitializationFailTimeout(-1); // the schema check above already reached the server
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("database %s: cannot open a connection pool: %s".formatted(target.shown(), e.getMessage()), e);
        }
    }

    private static Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    }

    /**
     * Portable steps live in db/migration (with a {@code blob} placeholder for the one type the two
     * databases spell differently); a step whose SQL differs more (V7: WITHOUT ROWID, unhex / decode) has
     * one file of the same version in db/sqlite and in db/postgresql; a step that is a loop over rows (V6, V8)
     * is a Java migration in this package.
     */
    private static void migrate(DataSource dataSource, String target, boolean sqlite) {
        try {
            CommentOnlyEdits.realign(dataSource, sqlite);
            flyway(dataSource, sqlite).migrate();
        } catch (FlywayException e) {
            throw new StoreException(SqliteFailures.describe(target, "could not be migrated", e)
                    .orElse("database " + target + ": schema migration failed: " + e.getMessage()), e);
        }
    }

    /** The schema steps for one kind of database (see {@link #migrate}). */
    static Flyway flyway(DataSource dataSource, boolean sqlite) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", sqlite ? "classpath:db/sqlite" : "classpath:db/postgresql")
                .javaMigrations(new PackPowerHistory(), new PackRawLogs())
                .placeholders(Map.of("blob", sqlite ? "BLOB" : "BYTEA"))
                .ignoreMigrationPatterns("") // a migration applied by a newer version is an error, not ignored
                .load();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** PostgreSQL: a connection outside the pool, for a lock held as long as the process runs. */
    Connection directConnection() throws SQLException {
        return direct.getConnection();
    }

    /** The database as it may be shown: a SQLite path, or a PostgreSQL URL cut after the host. */
    public String location() {
        return location;
    }

    /** The {@code --db} this database was opened with (a PostgreSQL URL may hold a password: never print it). */
    public String target() {
        return target;
    }

    /** Closes the PostgreSQL pool's connections (SQLite: nothing to do); the store cannot be used afterwards. */
    @Override
    public void close() {
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    public boolean isSqlite() {
        return sqlite;
    }

    /**
     * After a run refused before it wrote anything: a SQLite file this process created (or found empty) and
     * that still holds no row is removed (or emptied again), so "nothing was written" holds for the file too.
     * Call it while holding the {@link WriterLock}, with no connection open. Returns whether it did.
     */
    public boolean discardIfUnused() {
        boolean createdHere = before == SqliteFile.Kind.MISSING || before == SqliteFile.Kind.EMPTY;
        Path file = createdHere ? sqlitePath(location) : null;
        if (file == null || !Files.isRegularFile(file)) {
            return false;
        }
        boolean unused = jdbi.withHandle(handle -> {
            for (String table : handle.createQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> :history")
                    .bind("history", SchemaState.HISTORY).mapTo(String.class).list()) {
                if (handle.createQuery("SELECT EXISTS (SELECT 1 FROM \"" + table + "\")").mapTo(Boolean.class).one()) {
                    return false;
                }
            }
            return true;
        });
        if (!unused) {
            return false;
        }
        try {
            Files.deleteIfExists(SqliteFile.sibling(file, "-wal"));
            Files.deleteIfExists(SqliteFile.sibling(file, "-shm"));
            if (before == SqliteFile.Kind.EMPTY) {
                Files.write(file, new byte[0]); // it was an empty file: it is one again
            } else {
                Files.delete(file);
            }
            Files.deleteIfExists(SqliteFile.sibling(file, ".lock")); // the writer lock's file; its lock holds until released
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
