package org.stagewatch.cli;

import org.stagewatch.store.Database;
import org.stagewatch.store.Store;
import picocli.CommandLine.Option;

/** {@code --db}: the SQLite file (or JDBC URL) every command reads or writes. */
final class DatabaseOption {
    @Option(names = "--db", paramLabel = "PATH|JDBC-URL", defaultValue = "stagewatch.db",
            description = "SQLite file or jdbc:postgresql:// URL (default: ${DEFAULT-VALUE})")
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
