package org.stagewatch.store;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the store (a SQLite file, or PostgreSQL through a {@code jdbc:postgresql:} URL), brings its
 * schema to the current version with Flyway, and hands out the Jdbi instance. A database written by a
 * newer Stagewatch is refused before anything is touched.
 */
public final class Database {
    private final Jdbi jdbi;
    private final DataSource dataSource;
    private final String location;
    private final boolean sqlite;

    Database(Jdbi jdbi, DataSource dataSource, String location, boolean sqlite) {
        this.jdbi = jdbi;
        this.dataSource = dataSource;
        this.location = location;
        this.sqlite = sqlite;
    }

    /** @param target a file path (SQLite) or a JDBC URL ({@code jdbc:sqlite:…}, {@code jdbc:postgresql:…}) */
    public static Database open(String target) {
        DataSource dataSource;
        boolean sqlite;
        if (target.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(target);
            dataSource = pg;
            sqlite = false;
        } else {
            String url = target.startsWith("jdbc:sqlite:") ? target : "jdbc:sqlite:" + target;
            Path parent = target.startsWith("jdbc:") ? null : Path.of(target).toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new StoreException("database " + target + ": folder " + parent + " does not exist");
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(10_000);
            config.setCacheSize(-65_536); // 64 MiB page cache: a range's inserts stay in memory until commit
            config.setTempStore(SQLiteConfig.TempStore.MEMORY);
            SQLiteDataSource ds = new SQLiteDataSource(config);
            ds.setUrl(url);
            dataSource = ds;
            sqlite = true;
        }
        migrate(dataSource, target, sqlite);
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        return new Database(jdbi, dataSource, target, sqlite);
    }

    /**
     * Portable steps live in db/migration (with a {@code blob} placeholder for the one type the two
     * databases spell differently); a step whose SQL differs more (V7: WITHOUT ROWID, unhex / decode) has
     * one file of the same version in db/sqlite and in db/postgresql; a step that is a loop over rows (V6, V8)
     * is a Java migration in this package.
     */
    private static void migrate(DataSource dataSource, String target, boolean sqlite) {
        Flyway flyway = flyway(dataSource, sqlite);
        MigrationInfo[] future = java.util.Arrays.stream(flyway.info().all())
                .filter(info -> info.getState() == MigrationState.FUTURE_SUCCESS
                        || info.getState() == MigrationState.FUTURE_FAILED)
                .toArray(MigrationInfo[]::new);
        if (future.length > 0) {
            MigrationInfo newest = future[future.length - 1];
            throw new StoreException("database %s has schema version %s, written by a newer Stagewatch (this one knows up to %s); "
                    .formatted(target, newest.getVersion(), lastKnown(flyway))
                    + "use a newer stagewatch or a fresh --db. Nothing was changed.");
        }
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            throw new StoreException("database " + target + ": schema migration failed: " + e.getMessage(), e);
        }
    }

    /** The schema steps for one kind of database (see {@link #migrate}). */
    static Flyway flyway(DataSource dataSource, boolean sqlite) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", sqlite ? "classpath:db/sqlite" : "classpath:db/postgresql")
                .javaMigrations(new PackPowerHistory(), new PackRawLogs())
                .placeholders(java.util.Map.of("blob", sqlite ? "BLOB" : "BYTEA"))
                .ignoreMigrationPatterns("") // a migration applied by a newer version is an error, not ignored
                .load();
    }

    private static String lastKnown(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        String known = "none";
        for (MigrationInfo info : all) {
            if (info.getState() != MigrationState.FUTURE_SUCCESS && info.getState() != MigrationState.FUTURE_FAILED
                    && info.getVersion() != null) {
                known = info.getVersion().toString();
            }
        }
        return known;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    DataSource dataSource() {
        return dataSource;
    }

    public String location() {
        return location;
    }

    public boolean isSqlite() {
        return sqlite;
    }
}
