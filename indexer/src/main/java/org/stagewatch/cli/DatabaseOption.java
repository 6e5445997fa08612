package org.stagewatch.cli;

import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import picocli.CommandLine.Option;

/** {@code --db}: the SQLite file (or JDBC URL) every command reads or writes. */
final class DatabaseOption {
    @Option(names = "--db", paramLabel = "PATH|URL", defaultValue = "stagewatch.db",
            description = "SQLite file, or PostgreSQL: postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?schema=S] or a "
                    + "jdbc:postgresql:// URL; the password may come from PGPASSWORD or ~/.pgpass (default: ${DEFAULT-VALUE})")
    String db;

    /** For index: creates a missing database and migrates an older one. */
    Store open() {
        return new Store(Database.open(db));
    }

    /**
     * For read-only commands: the database is opened read-only and must already be an indexed Stagewatch
     * database of the current schema; a missing file is an error, not a new empty database.
     */
    Store openExisting() {
        return new Store(Database.openReadOnly(db));
    }
}
